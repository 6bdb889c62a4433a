// CHICKEN's (chicken continuation): Feeley's continuation API over call/cc.

// Package chickencontinuation is the (chicken continuation) library, the
// API of Marc Feeley's "A Better API for First-Class Continuations" built
// on the core's call/cc: a continuation object wraps the continuation of a
// continuation-capture, which calls the thunk it is given; so
// continuation-graft runs its thunk in the captured continuation's dynamic
// extent (dynamic-wind before/after thunks run on the way, as for any
// call/cc jump), and the thunk's values return to where
// continuation-capture returned.
package chickencontinuation

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken continuation)"

//go:embed continuation.scm
var source string

// Continuation is a continuation object made by continuation-capture: the
// call/cc continuation of the capture, which calls the thunk passed to it.
type Continuation struct{ k scheme.Value }

// TypeName implements scheme.Value.
func (*Continuation) TypeName() string { return "continuation" }

// Repr implements scheme.Repr.
func (*Continuation) Repr() string { return "#<continuation>" }

var contType = &scheme.Type{Name: "continuation", Accept: func(v scheme.Value) bool { _, ok := v.(*Continuation); return ok }}

var procs = []scheme.Proc{
	{Name: "continuation-capture", Spec: spec, Sig: "(continuation-capture procedure)", Args: scheme.Params{Required: []string{"procedure"}},
		Doc: "Makes a continuation object of the current continuation and tail-calls procedure with it."},
	{Name: "continuation?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("x", nil)) },
		Doc: "#t when x is a continuation object made by continuation-capture (not one made by call/cc), else #f.",
		Fn:  continuationP},
	{Name: "continuation-graft", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("cont", contType), scheme.Req("thunk", scheme.TypeProcedure))
	},
		Doc: "Calls thunk with no arguments and cont as its continuation: its values are returned where cont's continuation-capture returned.",
		Fn:  continuationGraft},
	{Name: "continuation-return", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("cont", contType), scheme.Rest("values", nil)) },
		Doc: "Returns the values to the continuation cont, as (continuation-graft cont (lambda () (apply values vals))).",
		Fn:  continuationReturn},
	{Name: "%make-continuation", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("k", scheme.TypeProcedure)) },
		Doc: "The continuation object wrapping k, a call/cc continuation that calls the thunk it receives.",
		Fn:  internalMakeContinuation},
}

// Library is the (chicken continuation) binding table.
var Library = &scheme.Library{Name: "(chicken continuation)", Doc: "CHICKEN 5's (chicken continuation): Feeley's continuation-capture, continuation-graft and continuation-return.",
	Procs: procs, Source: scheme.LibrarySource("continuation.scm", source)}

// continuationP implements continuation?.
func continuationP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*Continuation)
	return scheme.MakeBool(ok), nil
}

// continuationGraft implements continuation-graft.
func continuationGraft(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return th.TailCall(a[0].(*Continuation).k, []scheme.Value{a[1]})
}

// continuationReturn implements continuation-return.
func continuationReturn(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	vals, _ := scheme.ListToSlice(a[1])
	thunk := scheme.NewPrimitive(nil, &scheme.Proc{Name: "continuation-return", Fn: func(*scheme.Thread, []scheme.Value) (scheme.Value, error) {
		return scheme.Values(vals...), nil
	}})
	return th.TailCall(a[0].(*Continuation).k, []scheme.Value{thunk})
}

// internalMakeContinuation implements %make-continuation.
func internalMakeContinuation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &Continuation{k: a[0]}, nil
}
