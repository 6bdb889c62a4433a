// SRFI-111 boxes.

// Package srfi111 is SRFI-111, (srfi 111) or (srfi :111 boxes): boxes, a
// single mutable cell.
package srfi111

import (
	"sync/atomic"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-111"

// Box is a box (box?). Its contents are read and written atomically, so
// threads may share it.
type Box struct{ v atomic.Pointer[scheme.Value] }

// TypeName implements scheme.Value.
func (*Box) TypeName() string { return "box" }

// Repr implements scheme.Repr.
func (*Box) Repr() string { return "#<box>" }

var typeBox = &scheme.Type{Name: "box", Accept: func(v scheme.Value) bool { _, ok := v.(*Box); return ok }}

// Library is the (srfi 111) binding table.
var Library = &scheme.Library{Name: "(srfi 111)", Doc: "SRFI-111: boxes.", Procs: []scheme.Proc{
	{Name: "box", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("value", nil)) },
		Doc: "A new box holding value.", Fn: box},
	{Name: "box?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("obj", nil)) },
		Doc: "Is obj a box?", Fn: boxP},
	{Name: "unbox", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("box", typeBox)) },
		Doc: "The value in box.", Fn: unbox},
	{Name: "set-box!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("box", typeBox), scheme.Req("value", nil)) },
		Doc: "Puts value in box.", Fn: setBoxBang},
}}

// box implements box.
func box(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, v := &Box{}, a[0] // a is the caller's, reused after the call
	b.v.Store(&v)
	return b, nil
}

// boxP implements box?.
func boxP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*Box)
	return scheme.MakeBool(ok), nil
}

// unbox implements unbox.
func unbox(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return *a[0].(*Box).v.Load(), nil
}

// setBoxBang implements set-box!.
func setBoxBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v := a[1]
	a[0].(*Box).v.Store(&v)
	return scheme.Unspecified, nil
}
