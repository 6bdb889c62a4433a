// SRFI-111 boxes.

// Package srfi111 is SRFI-111, (srfi 111) or (srfi :111 boxes): boxes, a
// single mutable cell.
package srfi111

import (
	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-111"

// boxType is the record type of boxes. SRFI-111 boxes behave with eq?, eqv?
// and equal? "as if they were implemented with records", so a box is a
// record of one field: equal? compares two boxes' contents, as it compares
// records (as CHICKEN's boxes, Guile's and Racket's), and equal-hash tables
// hash them alike. Threads share a box as any record, under the
// interpreter's lock.
// It is opaque to R6RS's record inspection: Chez's boxes, and Guile's, are
// not records.
var boxType = &scheme.RecordType{Name: "box", Fields: []*scheme.Symbol{scheme.Intern("value")}, Opaque: true}

var typeBox = &scheme.Type{Name: "box", Accept: func(v scheme.Value) bool { return isBox(v) }}

func isBox(v scheme.Value) bool {
	r, ok := v.(*scheme.Record)
	return ok && r.Type == boxType
}

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
	return &scheme.Record{Type: boxType, Fields: []scheme.Value{a[0]}}, nil // a is the caller's, reused after the call
}

// boxP implements box?.
func boxP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(isBox(a[0])), nil
}

// unbox implements unbox.
func unbox(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*scheme.Record).Fields[0], nil
}

// setBoxBang implements set-box!.
func setBoxBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*scheme.Record).Fields[0] = a[1]
	return scheme.Unspecified, nil
}
