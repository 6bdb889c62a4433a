// SRFI-158 generators and accumulators: the reference implementation in srfi158.scm.

// Package srfi158 is SRFI-158, (srfi 158), (srfi :158
// generators-and-accumulators) or srfi-158: generators, procedures of no
// arguments returning the next value or the end-of-file object, with
// their constructors, operations and consumers; and accumulators,
// procedures of one argument folding in the values given to them until
// they are given the end-of-file object.
package srfi158

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi158.scm
var source string

const spec = "srfi-158"

// Library is the (srfi 158) binding table; srfi158.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 158)", Doc: "SRFI-158: generators and accumulators.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi158.scm", source), Procs: []scheme.Proc{
		{Name: "generator", Spec: spec, Sig: "(generator arg ...)", Doc: "A generator of the args, then the end-of-file object."},
		{Name: "circular-generator", Spec: spec, Sig: "(circular-generator arg ...)", Doc: "A generator of the args, repeated without end."},
		{Name: "make-iota-generator", Spec: spec, Sig: "(make-iota-generator count [start step])", Doc: "A generator of count numbers from start (0) by step (1); exact if start and step are."},
		{Name: "make-range-generator", Spec: spec, Sig: "(make-range-generator start [end step])", Doc: "A generator of the numbers from start by step (1) below end (without end if absent)."},
		{Name: "make-coroutine-generator", Spec: spec, Sig: "(make-coroutine-generator proc)", Doc: "A generator of the values proc passes to its argument yield (proc runs as a coroutine); it ends when proc returns."},
		{Name: "list->generator", Spec: spec, Sig: "(list->generator list)", Doc: "A generator of the elements of list."},
		{Name: "vector->generator", Spec: spec, Sig: "(vector->generator vector [start end])", Doc: "A generator of the elements of vector from start to end."},
		{Name: "reverse-vector->generator", Spec: spec, Sig: "(reverse-vector->generator vector [start end])", Doc: "A generator of the elements of vector from end down to start."},
		{Name: "string->generator", Spec: spec, Sig: "(string->generator string [start end])", Doc: "A generator of the characters of string from start to end."},
		{Name: "bytevector->generator", Spec: spec, Sig: "(bytevector->generator bytevector [start end])", Doc: "A generator of the bytes of bytevector from start to end."},
		{Name: "make-for-each-generator", Spec: spec, Sig: "(make-for-each-generator for-each obj)", Doc: "A generator of the values (for-each proc obj) passes to proc, e.g. (make-for-each-generator string-for-each s)."},
		{Name: "make-unfold-generator", Spec: spec, Sig: "(make-unfold-generator stop? mapper successor seed)", Doc: "A generator of (mapper seed) for the seeds from seed by successor until (stop? seed)."},
		{Name: "gcons*", Spec: spec, Sig: "(gcons* item ... gen)", Doc: "A generator of the items, then of gen's values."},
		{Name: "gappend", Spec: spec, Sig: "(gappend gen ...)", Doc: "A generator of the values of each gen in turn."},
		{Name: "gflatten", Spec: spec, Sig: "(gflatten gen)", Doc: "A generator of the elements of the lists gen generates."},
		{Name: "ggroup", Spec: spec, Sig: "(ggroup gen k [padding])", Doc: "A generator of lists of k consecutive values of gen; the last is shorter, or padded with padding if given."},
		{Name: "gmerge", Spec: spec, Sig: "(gmerge less? gen ...)", Doc: "A generator merging the values of the gens, each sorted by less?, in order."},
		{Name: "gmap", Spec: spec, Sig: "(gmap proc gen gen2 ...)", Doc: "A generator of (proc v v2 ...) for the values of the gens, ending with the shortest."},
		{Name: "gcombine", Spec: spec, Sig: "(gcombine proc seed gen gen2 ...)", Doc: "A generator of the first values of (proc v v2 ... seed), the second being the next seed."},
		{Name: "gfilter", Spec: spec, Sig: "(gfilter pred gen)", Doc: "A generator of the values of gen satisfying pred."},
		{Name: "gremove", Spec: spec, Sig: "(gremove pred gen)", Doc: "A generator of the values of gen not satisfying pred."},
		{Name: "gstate-filter", Spec: spec, Sig: "(gstate-filter proc seed gen)", Doc: "A generator of the values v of gen for which (proc v state) returns true as its first value, its second the next state."},
		{Name: "gtake", Spec: spec, Sig: "(gtake gen k [padding])", Doc: "A generator of the first k values of gen, padded with padding if given and gen ends first."},
		{Name: "gdrop", Spec: spec, Sig: "(gdrop gen k)", Doc: "A generator of gen's values after the first k."},
		{Name: "gtake-while", Spec: spec, Sig: "(gtake-while pred gen)", Doc: "A generator of gen's values up to the first not satisfying pred."},
		{Name: "gdrop-while", Spec: spec, Sig: "(gdrop-while pred gen)", Doc: "A generator of gen's values from the first not satisfying pred."},
		{Name: "gdelete", Spec: spec, Sig: "(gdelete item gen [=])", Doc: "A generator of gen's values other than item (compared with =, default equal?)."},
		{Name: "gdelete-neighbor-dups", Spec: spec, Sig: "(gdelete-neighbor-dups gen [=])", Doc: "A generator of gen's values without runs of equal ones (compared with =, default equal?)."},
		{Name: "gindex", Spec: spec, Sig: "(gindex value-gen index-gen)", Doc: "A generator of the values of value-gen at the increasing indexes index-gen generates."},
		{Name: "gselect", Spec: spec, Sig: "(gselect value-gen truth-gen)", Doc: "A generator of the values of value-gen whose counterpart in truth-gen is true."},
		{Name: "generator->list", Spec: spec, Sig: "(generator->list gen [n])", Doc: "The list of gen's values (at most n)."},
		{Name: "generator->reverse-list", Spec: spec, Sig: "(generator->reverse-list gen [n])", Doc: "The list of gen's values (at most n), in reverse order."},
		{Name: "generator->vector", Spec: spec, Sig: "(generator->vector gen [n])", Doc: "The vector of gen's values (at most n)."},
		{Name: "generator->vector!", Spec: spec, Sig: "(generator->vector! vector at gen)", Doc: "Stores gen's values into vector from index at until either ends; returns how many."},
		{Name: "generator->string", Spec: spec, Sig: "(generator->string gen [n])", Doc: "The string of the characters gen generates (at most n)."},
		{Name: "generator-fold", Spec: spec, Sig: "(generator-fold proc seed gen gen2 ...)", Doc: "Folds (proc v v2 ... acc) over the values of the gens, from seed."},
		{Name: "generator-for-each", Spec: spec, Sig: "(generator-for-each proc gen gen2 ...)", Doc: "Calls (proc v v2 ...) for the values of the gens, until the shortest ends."},
		{Name: "generator-map->list", Spec: spec, Sig: "(generator-map->list proc gen gen2 ...)", Doc: "The list of (proc v v2 ...) for the values of the gens."},
		{Name: "generator-find", Spec: spec, Sig: "(generator-find pred gen)", Doc: "The first value of gen satisfying pred, or #f."},
		{Name: "generator-count", Spec: spec, Sig: "(generator-count pred gen)", Doc: "The number of gen's values satisfying pred."},
		{Name: "generator-any", Spec: spec, Sig: "(generator-any pred gen)", Doc: "The first true value of pred on gen's values, or #f."},
		{Name: "generator-every", Spec: spec, Sig: "(generator-every pred gen)", Doc: "#f at the first of gen's values failing pred, else the last value of pred (#t for none)."},
		{Name: "generator-unfold", Spec: spec, Sig: "(generator-unfold gen unfold arg ...)", Doc: "(unfold eof-object? identity (lambda (x) (gen)) (gen) arg ...): gen's values through an unfold such as SRFI-1's."},
		{Name: "make-accumulator", Spec: spec, Sig: "(make-accumulator kons knil finalizer)", Doc: "An accumulator: called with a value, it folds it in with (kons value state) from knil; called with the end-of-file object, returns (finalizer state)."},
		{Name: "count-accumulator", Spec: spec, Sig: "(count-accumulator)", Doc: "An accumulator counting the values given to it."},
		{Name: "list-accumulator", Spec: spec, Sig: "(list-accumulator)", Doc: "An accumulator of a list of its values, in order."},
		{Name: "reverse-list-accumulator", Spec: spec, Sig: "(reverse-list-accumulator)", Doc: "An accumulator of a list of its values, in reverse order."},
		{Name: "vector-accumulator", Spec: spec, Sig: "(vector-accumulator)", Doc: "An accumulator of a vector of its values."},
		{Name: "reverse-vector-accumulator", Spec: spec, Sig: "(reverse-vector-accumulator)", Doc: "An accumulator of a vector of its values, in reverse order."},
		{Name: "vector-accumulator!", Spec: spec, Sig: "(vector-accumulator! vector at)", Doc: "An accumulator storing its values into vector from index at; the end-of-file object returns vector."},
		{Name: "string-accumulator", Spec: spec, Sig: "(string-accumulator)", Doc: "An accumulator of a string of the characters given to it."},
		{Name: "bytevector-accumulator", Spec: spec, Sig: "(bytevector-accumulator)", Doc: "An accumulator of a bytevector of the bytes given to it."},
		{Name: "bytevector-accumulator!", Spec: spec, Sig: "(bytevector-accumulator! bytevector at)", Doc: "An accumulator storing its bytes into bytevector from index at; the end-of-file object returns bytevector."},
		{Name: "sum-accumulator", Spec: spec, Sig: "(sum-accumulator)", Doc: "An accumulator of the sum of its values."},
		{Name: "product-accumulator", Spec: spec, Sig: "(product-accumulator)", Doc: "An accumulator of the product of its values."},
	}}
