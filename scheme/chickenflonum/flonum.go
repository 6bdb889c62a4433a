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

func fl(name, doc string, n int, fn scheme.PrimFn) scheme.Proc {
	ps := []scheme.Param{}
	for _, p := range []string{"x", "y", "z"}[:n] {
		ps = append(ps, scheme.Req(p, flonum))
	}
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, Args: scheme.Lambda(ps...), Fn: fn}
}

var procs = []scheme.Proc{
	fl("fp+", "x + y.", 2, fpPlus), fl("fp-", "x - y.", 2, fp), fl("fp*", "x × y.", 2, fpStar), fl("fp/", "x / y.", 2, fpWith),
	fl("fp*+", "x × y + z, fused (one rounding).", 3, fpStarPlus),
	fl("fpgcd", "The greatest common divisor of the integral flonums x and y.", 2, fpgcd),
	fl("fpneg", "-x.", 1, fpneg), fl("fpmin", "The smaller of x and y.", 2, fpmin), fl("fpmax", "The larger of x and y.", 2, fpmax),
	fl("fp=", "Is x = y?", 2, fpEq), fl("fp>", "Is x > y?", 2, fpGt), fl("fp<", "Is x < y?", 2, fpLt),
	fl("fp>=", "Is x ≥ y?", 2, fpGe), fl("fp<=", "Is x ≤ y?", 2, fpLe),
	fl("fpfloor", "The largest integral flonum not above x.", 1, fpfloor),
	fl("fpceiling", "The smallest integral flonum not below x.", 1, fpceiling),
	fl("fptruncate", "x rounded towards zero.", 1, fptruncate),
	fl("fpround", "x rounded to the nearest integral flonum, halves away from zero (C's round).", 1, fpround),
	fl("fpsin", "The sine of x.", 1, fpsin), fl("fpcos", "The cosine of x.", 1, fpcos), fl("fptan", "The tangent of x.", 1, fptan),
	fl("fpasin", "The arcsine of x.", 1, fpasin), fl("fpacos", "The arccosine of x.", 1, fpacos), fl("fpatan", "The arctangent of x.", 1, fpatan),
	fl("fpatan2", "The arctangent of x/y, in the quadrant of (y, x).", 2, fpatan2),
	fl("fplog", "The natural logarithm of x.", 1, fplog), fl("fpexp", "e to the power x.", 1, fpexp),
	fl("fpexpt", "x to the power y.", 2, fpexpt), fl("fpsqrt", "The square root of x.", 1, fpsqrt), fl("fpabs", "The absolute value of x.", 1, fpabs),
	fl("fpinteger?", "Is x integral?", 1, fpintegerP),
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
	x, y := math.Abs(f(a[0])), math.Abs(f(a[1]))
	for y != 0 {
		x, y = y, math.Mod(x, y)
	}
	return ret(x)
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
