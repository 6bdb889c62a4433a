// (scheme complex) for the real numbers: tlsport has no non-real complex numbers.

// Package schemecomplex is the R7RS (scheme complex) library, restricted to
// real numbers (tlsport has no non-real complex numbers).
package schemecomplex

import (
	"math"

	"github.com/tlsport/tlsport/scheme"
)

const r7complex = "r7rs §6.2.6 (real numbers only)"

func realArg(who string, pos int, v scheme.Value) (scheme.Value, error) {
	if !scheme.IsNumber(v) {
		return nil, scheme.TypeError(who, pos, "number", v)
	}
	return v, nil
}

var complexProcs = []scheme.Proc{
	{Name: "real-part", Spec: r7complex, Doc: "z itself: every tlsport number is real.",
		Args: scheme.Params{Required: []string{"z"}}, Fn: realPart},
	{Name: "imag-part", Spec: r7complex, Doc: "0 (exact, or 0.0 for an inexact z): every tlsport number is real.",
		Args: scheme.Params{Required: []string{"z"}}, Fn: imagPart},
	{Name: "magnitude", Spec: r7complex, Doc: "The absolute value of z.",
		Args: scheme.Params{Required: []string{"z"}}, Fn: magnitude},
	{Name: "angle", Spec: r7complex, Doc: "0 for non-negative z, pi for negative z.",
		Args: scheme.Params{Required: []string{"z"}}, Fn: angle},
	{Name: "make-rectangular", Spec: r7complex,
		Doc:  "x1 when x2 is zero; other values would be non-real and raise an error.",
		Args: scheme.Params{Required: []string{"x1", "x2"}}, Fn: makeRectangular},
	{Name: "make-polar", Spec: r7complex,
		Doc:  "magnitude when angle is zero, its negation when angle is pi; other angles would be non-real and raise an error.",
		Args: scheme.Params{Required: []string{"magnitude", "angle"}}, Fn: makePolar},
}

// Library is the (scheme complex) binding table.
var Library = &scheme.Library{Name: "(scheme complex)", Doc: "R7RS (scheme complex) restricted to real numbers (tlsport has no non-real complex numbers).",
	Procs: complexProcs}

// realPart implements real-part.
func realPart(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return realArg("real-part", 1, a[0])
}

// imagPart implements imag-part.
func imagPart(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := realArg("imag-part", 1, a[0]); err != nil {
		return nil, err
	}
	if _, ok := a[0].(scheme.Flonum); ok {
		return scheme.Flonum(0), nil
	}
	return scheme.Fixnum(0), nil
}

// magnitude implements magnitude.
func magnitude(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := realArg("magnitude", 1, a[0]); err != nil {
		return nil, err
	}
	if scheme.Sign(a[0]) < 0 {
		return scheme.Negate(a[0]), nil
	}
	return a[0], nil
}

// angle implements angle.
func angle(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := realArg("angle", 1, a[0]); err != nil {
		return nil, err
	}
	if scheme.Sign(a[0]) < 0 {
		return scheme.Flonum(math.Pi), nil
	}
	if _, ok := a[0].(scheme.Flonum); ok {
		return scheme.Flonum(0), nil
	}
	return scheme.Fixnum(0), nil
}

// makeRectangular implements make-rectangular.
func makeRectangular(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := realArg("make-rectangular", 1, a[0]); err != nil {
		return nil, err
	}
	if !scheme.IsNumber(a[1]) || scheme.Sign(a[1]) != 0 {
		return nil, scheme.RangeError("make-rectangular", 2, "non-real complex numbers are not supported", a[1])
	}
	return a[0], nil
}

// makePolar implements make-polar.
func makePolar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, err := realArg("make-polar", 1, a[0]); err != nil {
		return nil, err
	}
	if !scheme.IsNumber(a[1]) {
		return nil, scheme.TypeError("make-polar", 2, "number", a[1])
	}
	if scheme.Sign(a[1]) == 0 {
		return a[0], nil
	}
	if scheme.ToFloat(a[1]) == math.Pi {
		return scheme.Negate(a[0]), nil
	}
	return nil, scheme.RangeError("make-polar", 2, "non-real complex numbers are not supported", a[1])
}
