// (rnrs arithmetic flonums), r6rs-lib §11.3: flonum operations.

package rnrs

import (
	"math"
	"math/big"

	"github.com/tlsport/tlsport/scheme"
)

var typeFlonum = scheme.TypeFlonum

func flv(v scheme.Value) float64 { return float64(v.(scheme.Flonum)) }

// flFold combines the flonums of a into x with op.
func flFold(a []scheme.Value, x float64, op func(x, y float64) float64) scheme.Value {
	for _, v := range a {
		x = op(x, flv(v))
	}
	return scheme.Flonum(x)
}

func flDiv(x, y float64) float64 {
	if y > 0 {
		return math.Floor(x / y)
	}
	return -math.Floor(x / -y)
}

func flDiv0(x, y float64) float64 {
	d := flDiv(x, y)
	m := x - y*d
	if 2*m >= math.Abs(y) {
		if y > 0 {
			d++
		} else {
			d--
		}
	}
	return d
}

func flRat(x float64) *big.Rat {
	r, _ := new(big.Rat).SetString(big.NewFloat(x).Text('g', -1))
	if r == nil {
		return new(big.Rat)
	}
	return r
}

func flNumerator(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
		return x
	}
	f, _ := new(big.Float).SetInt(flRat(x).Num()).Float64()
	return f
}

func flDenominator(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.IsInf(x, 0) || x == 0:
		return 1
	}
	f, _ := new(big.Float).SetInt(flRat(x).Denom()).Float64()
	return f
}

// fllog implements fllog: natural logarithm, or of base fl2.
func fllog(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(a[1]) {
		return scheme.Flonum(math.Log(flv(a[0]))), nil
	}
	return scheme.Flonum(math.Log(flv(a[0])) / math.Log(flv(a[1]))), nil
}

// flatan implements flatan: arctangent, of fl1/fl2 with two arguments.
func flatan(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(a[1]) {
		return scheme.Flonum(math.Atan(flv(a[0]))), nil
	}
	return scheme.Flonum(math.Atan2(flv(a[0]), flv(a[1]))), nil
}

// fldivAndMod implements fldiv-and-mod.
func fldivAndMod(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := flv(a[0]), flv(a[1])
	d := flDiv(x, y)
	return scheme.Values(scheme.Flonum(d), scheme.Flonum(x-y*d)), nil
}

// fldiv0AndMod0 implements fldiv0-and-mod0.
func fldiv0AndMod0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := flv(a[0]), flv(a[1])
	d := flDiv0(x, y)
	return scheme.Values(scheme.Flonum(d), scheme.Flonum(x-y*d)), nil
}

// realToFlonum implements real->flonum.
func realToFlonum(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Flonum(scheme.ToFloat(a[0])), nil
}

// fixnumToFlonum implements fixnum->flonum.
func fixnumToFlonum(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Flonum(float64(a[0].(scheme.Fixnum))), nil
}

// flonumP implements flonum?.
func flonumP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[scheme.Flonum](a[0]), nil
}

// flEqP implements fl=?.
func flEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, flv, func(x, y float64) bool { return x == y }), nil
}

// flLtP implements fl<?.
func flLtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, flv, func(x, y float64) bool { return x < y }), nil
}

// flGtP implements fl>?.
func flGtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, flv, func(x, y float64) bool { return x > y }), nil
}

// flLeP implements fl<=?.
func flLeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, flv, func(x, y float64) bool { return x <= y }), nil
}

// flGeP implements fl>=?.
func flGeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, flv, func(x, y float64) bool { return x >= y }), nil
}

// flintegerP implements flinteger?.
func flintegerP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.MakeBool(x == math.Trunc(x) && !math.IsInf(x, 0)), nil
}

// flzeroP implements flzero?.
func flzeroP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.MakeBool(x == 0), nil
}

// flpositiveP implements flpositive?.
func flpositiveP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.MakeBool(x > 0), nil
}

// flnegativeP implements flnegative?.
func flnegativeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.MakeBool(x < 0), nil
}

// floddP implements flodd?.
func floddP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, err := integerFlonum(a[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(math.Mod(x, 2) != 0), nil
}

// integerFlonum is the argument of flodd? and fleven?, which must be an
// integer flonum (r6rs-lib §11.3's ifl).
func integerFlonum(v scheme.Value) (float64, error) {
	x := flv(v)
	if x != math.Trunc(x) || math.IsInf(x, 0) {
		return 0, scheme.TypeError("", 1, "integer flonum", v)
	}
	return x, nil
}

// flevenP implements fleven?.
func flevenP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, err := integerFlonum(a[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(math.Mod(x, 2) == 0), nil
}

// flfiniteP implements flfinite?.
func flfiniteP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.MakeBool(!math.IsInf(x, 0) && !math.IsNaN(x)), nil
}

// flinfiniteP implements flinfinite?.
func flinfiniteP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.MakeBool(math.IsInf(x, 0)), nil
}

// flnanP implements flnan?.
func flnanP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.MakeBool(math.IsNaN(x)), nil
}

// flmax implements flmax.
func flmax(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return flFold(a, math.Inf(-1), func(x, y float64) float64 { return math.Max(x, y) }), nil
}

// flmin implements flmin.
func flmin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return flFold(a, math.Inf(1), func(x, y float64) float64 { return math.Min(x, y) }), nil
}

// flPlus implements fl+.
func flPlus(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return flFold(a, 0, func(x, y float64) float64 { return x + y }), nil
}

// flStar implements fl*.
func flStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return flFold(a, 1, func(x, y float64) float64 { return x * y }), nil
}

// fl implements fl-.
func fl(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(a[1]) {
		return scheme.Flonum(-flv(a[0])), nil
	}
	x, y := flv(a[0]), flv(a[1])
	return scheme.Flonum(x - y), nil
}

// flWith implements fl/.
func flWith(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(a[1]) {
		return scheme.Flonum(1 / flv(a[0])), nil
	}
	x, y := flv(a[0]), flv(a[1])
	return scheme.Flonum(x / y), nil
}

// flabs implements flabs.
func flabs(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Abs(x)), nil
}

// fldiv implements fldiv.
func fldiv(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := flv(a[0]), flv(a[1])
	return scheme.Flonum(flDiv(x, y)), nil
}

// flmod implements flmod.
func flmod(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := flv(a[0]), flv(a[1])
	return scheme.Flonum(x - y*flDiv(x, y)), nil
}

// fldiv0 implements fldiv0.
func fldiv0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := flv(a[0]), flv(a[1])
	return scheme.Flonum(flDiv0(x, y)), nil
}

// flmod0 implements flmod0.
func flmod0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := flv(a[0]), flv(a[1])
	return scheme.Flonum(x - y*flDiv0(x, y)), nil
}

// flnumerator implements flnumerator.
func flnumerator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(flNumerator(x)), nil
}

// fldenominator implements fldenominator.
func fldenominator(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(flDenominator(x)), nil
}

// flfloor implements flfloor.
func flfloor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Floor(x)), nil
}

// flceiling implements flceiling.
func flceiling(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Ceil(x)), nil
}

// fltruncate implements fltruncate.
func fltruncate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Trunc(x)), nil
}

// flround implements flround.
func flround(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.RoundToEven(x)), nil
}

// flexp implements flexp.
func flexp(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Exp(x)), nil
}

// flsin implements flsin.
func flsin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Sin(x)), nil
}

// flcos implements flcos.
func flcos(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Cos(x)), nil
}

// fltan implements fltan.
func fltan(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Tan(x)), nil
}

// flasin implements flasin.
func flasin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Asin(x)), nil
}

// flacos implements flacos.
func flacos(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Acos(x)), nil
}

// flsqrt implements flsqrt.
func flsqrt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := flv(a[0])
	return scheme.Flonum(math.Sqrt(x)), nil
}

// flexpt implements flexpt.
func flexpt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := flv(a[0]), flv(a[1])
	return scheme.Flonum(math.Pow(x, y)), nil
}

func flonumRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("flonum?", specFl, "Is obj a flonum?", lam(req("obj", nil)), flonumP),
		scheme.Row("real->flonum", specFl, "The flonum nearest x.", lam(req("x", scheme.TypeNumber)), realToFlonum),
		scheme.Row("fixnum->flonum", specFl, "The flonum of a fixnum.", lam(req("fx", typeFixnum)), fixnumToFlonum),
		scheme.Row("fllog", specFl, "Natural logarithm (of base fl2 with two arguments).", lam(req("fl1", typeFlonum), opt("fl2", typeFlonum, nil)), fllog),
		scheme.Row("flatan", specFl, "Arctangent (of fl1/fl2 with two arguments).", lam(req("fl1", typeFlonum), opt("fl2", typeFlonum, nil)), flatan),
		scheme.Row("fldiv-and-mod", specFl, "Two values: fldiv and flmod.", lam(req("fl1", typeFlonum), req("fl2", typeFlonum)), fldivAndMod),
		scheme.Row("fldiv0-and-mod0", specFl, "Two values: fldiv0 and flmod0.", lam(req("fl1", typeFlonum), req("fl2", typeFlonum)), fldiv0AndMod0),
		scheme.Row("fl=?", specFl, "Are the flonums equal?", lam(scheme.SpreadRest("fl", typeFlonum)), flEqP),
		scheme.Row("fl<?", specFl, "Increasing?", lam(scheme.SpreadRest("fl", typeFlonum)), flLtP),
		scheme.Row("fl>?", specFl, "Decreasing?", lam(scheme.SpreadRest("fl", typeFlonum)), flGtP),
		scheme.Row("fl<=?", specFl, "Non-decreasing?", lam(scheme.SpreadRest("fl", typeFlonum)), flLeP),
		scheme.Row("fl>=?", specFl, "Non-increasing?", lam(scheme.SpreadRest("fl", typeFlonum)), flGeP),
		scheme.Row("flinteger?", specFl, "Is fl an integer?", lam(req("fl", typeFlonum)), flintegerP),
		scheme.Row("flzero?", specFl, "Is fl zero?", lam(req("fl", typeFlonum)), flzeroP),
		scheme.Row("flpositive?", specFl, "Is fl positive?", lam(req("fl", typeFlonum)), flpositiveP),
		scheme.Row("flnegative?", specFl, "Is fl negative?", lam(req("fl", typeFlonum)), flnegativeP),
		scheme.Row("flodd?", specFl, "Is the integer flonum odd?", lam(req("fl", typeFlonum)), floddP),
		scheme.Row("fleven?", specFl, "Is the integer flonum even?", lam(req("fl", typeFlonum)), flevenP),
		scheme.Row("flfinite?", specFl, "Is fl finite?", lam(req("fl", typeFlonum)), flfiniteP),
		scheme.Row("flinfinite?", specFl, "Is fl an infinity?", lam(req("fl", typeFlonum)), flinfiniteP),
		scheme.Row("flnan?", specFl, "Is fl a NaN?", lam(req("fl", typeFlonum)), flnanP),
		scheme.Row("flmax", specFl, "Largest argument.", lam(scheme.SpreadRest("fl", typeFlonum)), flmax),
		scheme.Row("flmin", specFl, "Smallest argument.", lam(scheme.SpreadRest("fl", typeFlonum)), flmin),
		scheme.Row("fl+", specFl, "Sum.", lam(scheme.SpreadRest("fl", typeFlonum)), flPlus),
		scheme.Row("fl*", specFl, "Product.", lam(scheme.SpreadRest("fl", typeFlonum)), flStar),
		scheme.Row("fl-", specFl, "Difference (negation with one argument).", lam(req("fl1", typeFlonum), opt("fl2", typeFlonum, nil)), fl),
		scheme.Row("fl/", specFl, "Quotient (reciprocal with one argument).", lam(req("fl1", typeFlonum), opt("fl2", typeFlonum, nil)), flWith),
		scheme.Row("flabs", specFl, "Absolute value.", lam(req("fl", typeFlonum)), flabs),
		scheme.Row("fldiv", specFl, "R6RS div on flonums.", lam(req("fl1", typeFlonum), req("fl2", typeFlonum)), fldiv),
		scheme.Row("flmod", specFl, "R6RS mod on flonums.", lam(req("fl1", typeFlonum), req("fl2", typeFlonum)), flmod),
		scheme.Row("fldiv0", specFl, "R6RS div0 on flonums.", lam(req("fl1", typeFlonum), req("fl2", typeFlonum)), fldiv0),
		scheme.Row("flmod0", specFl, "R6RS mod0 on flonums.", lam(req("fl1", typeFlonum), req("fl2", typeFlonum)), flmod0),
		scheme.Row("flnumerator", specFl, "Numerator of the flonum as a fraction.", lam(req("fl", typeFlonum)), flnumerator),
		scheme.Row("fldenominator", specFl, "Denominator of the flonum as a fraction.", lam(req("fl", typeFlonum)), fldenominator),
		scheme.Row("flfloor", specFl, "Largest integer not above fl.", lam(req("fl", typeFlonum)), flfloor),
		scheme.Row("flceiling", specFl, "Smallest integer not below fl.", lam(req("fl", typeFlonum)), flceiling),
		scheme.Row("fltruncate", specFl, "fl truncated toward zero.", lam(req("fl", typeFlonum)), fltruncate),
		scheme.Row("flround", specFl, "fl rounded to the nearest integer, ties to even.", lam(req("fl", typeFlonum)), flround),
		scheme.Row("flexp", specFl, "e to the fl.", lam(req("fl", typeFlonum)), flexp),
		scheme.Row("flsin", specFl, "Sine.", lam(req("fl", typeFlonum)), flsin),
		scheme.Row("flcos", specFl, "Cosine.", lam(req("fl", typeFlonum)), flcos),
		scheme.Row("fltan", specFl, "Tangent.", lam(req("fl", typeFlonum)), fltan),
		scheme.Row("flasin", specFl, "Arcsine.", lam(req("fl", typeFlonum)), flasin),
		scheme.Row("flacos", specFl, "Arccosine.", lam(req("fl", typeFlonum)), flacos),
		scheme.Row("flsqrt", specFl, "Square root (NaN for negatives).", lam(req("fl", typeFlonum)), flsqrt),
		scheme.Row("flexpt", specFl, "fl1 raised to fl2.", lam(req("fl1", typeFlonum), req("fl2", typeFlonum)), flexpt),
	}
}
