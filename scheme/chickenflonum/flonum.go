// CHICKEN's (chicken flonum): flonum arithmetic, comparison, transcendental functions and limits.

// Package chickenflonum is the (chicken flonum) library: operations on
// flonums (64-bit IEEE doubles), each checking its arguments are flonums.
package chickenflonum

import (
	"fmt"
	"math"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken flonum)"

var flonum = scheme.TypeFlonum

// fl1, fl2 and fl3 make the rows of the procedures of one, two and three
// flonums x, y, z; being calls with constants that return a literal, the
// compiler makes the table static data (with LazyArgs: nothing built at
// start-up).
func fl1(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, LazyArgs: flArgs1, Fn: fn}
}

func fl2(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, LazyArgs: flArgs2, Fn: fn}
}

func fl3(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, LazyArgs: flArgs3, Fn: fn}
}

func flArgs1() scheme.Params { return scheme.Lambda(scheme.Req("x", flonum)) }

func flArgs2() scheme.Params { return scheme.Lambda(scheme.Req("x", flonum), scheme.Req("y", flonum)) }

func flArgs3() scheme.Params {
	return scheme.Lambda(scheme.Req("x", flonum), scheme.Req("y", flonum), scheme.Req("z", flonum))
}

var procs = []scheme.Proc{
	fl2("fp+", "x + y.", fpPlus), fl2("fp-", "x - y.", fp), fl2("fp*", "x × y.", fpStar), fl2("fp/", "x / y.", fpWith),
	fl3("fp*+", "x × y + z, fused (one rounding).", fpStarPlus),
	fl2("fpgcd", "The greatest common divisor of the integral flonums x and y.", fpgcd),
	fl1("fpneg", "-x.", fpneg), fl2("fpmin", "The smaller of x and y.", fpmin), fl2("fpmax", "The larger of x and y.", fpmax),
	fl2("fp=", "Is x = y?", fpEq), fl2("fp>", "Is x > y?", fpGt), fl2("fp<", "Is x < y?", fpLt),
	fl2("fp>=", "Is x ≥ y?", fpGe), fl2("fp<=", "Is x ≤ y?", fpLe),
	fl1("fpfloor", "The largest integral flonum not above x.", fpfloor),
	fl1("fpceiling", "The smallest integral flonum not below x.", fpceiling),
	fl1("fptruncate", "x rounded towards zero.", fptruncate),
	fl1("fpround", "x rounded to the nearest integral flonum, halves away from zero (C's round).", fpround),
	fl1("fpsin", "The sine of x.", fpsin), fl1("fpcos", "The cosine of x.", fpcos), fl1("fptan", "The tangent of x.", fptan),
	fl1("fpasin", "The arcsine of x.", fpasin), fl1("fpacos", "The arccosine of x.", fpacos), fl1("fpatan", "The arctangent of x.", fpatan),
	fl2("fpatan2", "The arctangent of x/y, in the quadrant of (y, x).", fpatan2),
	fl1("fplog", "The natural logarithm of x.", fplog), fl1("fpexp", "e to the power x.", fpexp),
	fl2("fpexpt", "x to the power y.", fpexpt), fl1("fpsqrt", "The square root of x.", fpsqrt), fl1("fpabs", "The absolute value of x.", fpabs),
	fl1("fpinteger?", "Is x integral?", fpintegerP),
	{Name: "flonum-print-precision", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("precision", scheme.TypeIndex, nil)) },
		Doc: "The number of significant digits with which write, display, number->string and format print flonums (default 15, as CHICKEN: 0.1 plus 0.2 prints 0.3); with precision (1 to 767), sets it and returns the previous setting. 17 digits make every flonum read back the same. An R6RS program (its first form imports an (rnrs …) library) prints the fewest digits that read back until it sets a precision.",
		Fn:  flonumPrintPrecision},
}

func c(name, doc string, v float64) scheme.Binding {
	return scheme.Binding{Name: name, Spec: spec, Doc: doc, Value: scheme.Flonum(v)}
}

func n(name, doc string, v int) scheme.Binding {
	return scheme.Binding{Name: name, Spec: spec, Doc: doc, Value: scheme.Fixnum(v)}
}

// Library is the (chicken flonum) binding table.
var Library = &scheme.Library{Name: "(chicken flonum)", Doc: "CHICKEN 5's (chicken flonum): operations on flonums and their limits.", Procs: procs,
	Values: []scheme.Binding{
		c("maximum-flonum", "The largest finite flonum.", math.MaxFloat64),
		c("minimum-flonum", "The smallest positive normalised flonum.", 0x1p-1022),
		n("flonum-radix", "The radix of flonums, 2.", 2),
		c("flonum-epsilon", "The difference between 1.0 and the next flonum.", 0x1p-52),
		n("flonum-precision", "The bits of a flonum's mantissa, 53.", 53),
		n("flonum-decimal-precision", "The decimal digits a flonum always holds, 15.", 15),
		n("flonum-maximum-exponent", "The largest binary exponent, 1024.", 1024),
		n("flonum-minimum-exponent", "The smallest binary exponent of a normalised flonum, -1021.", -1021),
		n("flonum-maximum-decimal-exponent", "The largest decimal exponent, 308.", 308),
		n("flonum-minimum-decimal-exponent", "The smallest decimal exponent of a normalised flonum, -307.", -307),
	}}

func f(v scheme.Value) float64 { return float64(v.(scheme.Flonum)) }

func ret(x float64) (scheme.Value, error) { return scheme.Flonum(x), nil }

func is(b bool) (scheme.Value, error) { return scheme.MakeBool(b), nil }

// fpPlus implements fp+.
func fpPlus(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(f(a[0]) + f(a[1])) }

// fp implements fp-.
func fp(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(f(a[0]) - f(a[1])) }

// fpStar implements fp*.
func fpStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(f(a[0]) * f(a[1])) }

// fpWith implements fp/.
func fpWith(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(f(a[0]) / f(a[1])) }

// fpStarPlus implements fp*+.
func fpStarPlus(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.FMA(f(a[0]), f(a[1]), f(a[2])))
}

// fpgcd implements fpgcd.
func fpgcd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(scheme.FlonumGCD(f(a[0]), f(a[1])))
}

// fpneg implements fpneg.
func fpneg(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(-f(a[0])) }

// fpmin implements fpmin.
func fpmin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Min(f(a[0]), f(a[1])))
}

// fpmax implements fpmax.
func fpmax(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Max(f(a[0]), f(a[1])))
}

// fpEq implements fp=.
func fpEq(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return is(f(a[0]) == f(a[1])) }

// fpGt implements fp>.
func fpGt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return is(f(a[0]) > f(a[1])) }

// fpLt implements fp<.
func fpLt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return is(f(a[0]) < f(a[1])) }

// fpGe implements fp>=.
func fpGe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return is(f(a[0]) >= f(a[1])) }

// fpLe implements fp<=.
func fpLe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return is(f(a[0]) <= f(a[1])) }

// fpfloor implements fpfloor.
func fpfloor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Floor(f(a[0])))
}

// fpceiling implements fpceiling.
func fpceiling(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Ceil(f(a[0])))
}

// fptruncate implements fptruncate.
func fptruncate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Trunc(f(a[0])))
}

// fpround implements fpround.
func fpround(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Round(f(a[0])))
}

// fpsin implements fpsin.
func fpsin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(math.Sin(f(a[0]))) }

// fpcos implements fpcos.
func fpcos(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(math.Cos(f(a[0]))) }

// fptan implements fptan.
func fptan(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(math.Tan(f(a[0]))) }

// fpasin implements fpasin.
func fpasin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Asin(f(a[0])))
}

// fpacos implements fpacos.
func fpacos(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Acos(f(a[0])))
}

// fpatan implements fpatan.
func fpatan(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Atan(f(a[0])))
}

// fpatan2 implements fpatan2.
func fpatan2(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Atan2(f(a[0]), f(a[1])))
}

// fplog implements fplog.
func fplog(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(math.Log(f(a[0]))) }

// fpexp implements fpexp.
func fpexp(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(math.Exp(f(a[0]))) }

// fpexpt implements fpexpt.
func fpexpt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Pow(f(a[0]), f(a[1])))
}

// fpsqrt implements fpsqrt.
func fpsqrt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return ret(math.Sqrt(f(a[0])))
}

// fpabs implements fpabs.
func fpabs(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return ret(math.Abs(f(a[0]))) }

// fpintegerP implements fpinteger?.
func fpintegerP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := f(a[0])
	return is(!math.IsInf(x, 0) && x == math.Trunc(x))
}

// flonumPrintPrecision implements flonum-print-precision.
func flonumPrintPrecision(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	in := th.Interp()
	if scheme.IsDefault(a[0]) {
		return scheme.Fixnum(in.FlonumPrintPrecision()), nil
	}
	n, ok := a[0].(scheme.Fixnum)
	if !ok || n < 1 || n > scheme.MaxFlonumPrintPrecision {
		return nil, scheme.RangeError("flonum-print-precision", 1, fmt.Sprintf("must be from 1 to %d", scheme.MaxFlonumPrintPrecision), a[0])
	}
	return scheme.Fixnum(in.SetFlonumPrintPrecision(int(n))), nil
}
