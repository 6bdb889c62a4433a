// (scheme complex): constructors and accessors of complex numbers.

// Package schemecomplex is the R7RS (scheme complex) library: rectangular
// and polar construction of complex numbers and their parts, over the core
// numeric tower's non-real numbers (scheme.Compnum).
package schemecomplex

import (
	"github.com/tlsport/tlsport/scheme"
)

const r7complex = "r7rs §6.2.6"

var complexProcs = []scheme.Proc{
	{Name: "real-part", Spec: r7complex, Doc: "The real part of z (z itself for a real z).",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("z", scheme.TypeNumber)) }, Fn: realPart},
	{Name: "imag-part", Spec: r7complex, Doc: "The imaginary part of z (exact 0 for a real z).",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("z", scheme.TypeNumber)) }, Fn: imagPart},
	{Name: "magnitude", Spec: r7complex, Doc: "The magnitude |z| (the absolute value for a real z); exact when z is exact and |z| rational.",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("z", scheme.TypeNumber)) }, Fn: magnitude},
	{Name: "angle", Spec: r7complex, Doc: "The angle of z in (-pi, pi]: exact 0 for an exact non-negative real.",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("z", scheme.TypeNumber)) }, Fn: angle},
	{Name: "make-rectangular", Spec: r7complex,
		Doc: "The complex number x1 + x2·i (x1 when x2 is an exact zero; inexact when either part is).",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("x1", scheme.TypeReal), scheme.Req("x2", scheme.TypeReal))
		}, Fn: makeRectangular},
	{Name: "make-polar", Spec: r7complex,
		Doc: "The complex number with magnitude x3 and angle x4 (x3 when x4 is an exact zero).",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("x3", scheme.TypeReal), scheme.Req("x4", scheme.TypeReal))
		}, Fn: makePolar},
}

// Library is the (scheme complex) binding table.
var Library = &scheme.Library{Name: "(scheme complex)", Doc: "R7RS (scheme complex): complex numbers by parts.",
	Procs: complexProcs}

// realPart implements real-part.
func realPart(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.RealPart(a[0]), nil
}

// imagPart implements imag-part.
func imagPart(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.ImagPart(a[0]), nil
}

// magnitude implements magnitude.
func magnitude(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Magnitude(a[0]), nil
}

// angle implements angle.
func angle(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Angle(a[0]), nil
}

// makeRectangular implements make-rectangular.
func makeRectangular(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeRectangular(a[0], a[1]), nil
}

// makePolar implements make-polar.
func makePolar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakePolar(a[0], a[1]), nil
}
