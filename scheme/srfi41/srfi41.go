// SRFI-41 streams: the reference implementation in srfi41.scm.

// Package srfi41 is SRFI-41, (srfi 41), (srfi :41 streams) or srfi-41:
// streams, lazy lists whose elements are evaluated when first needed, once.
package srfi41

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi41.scm
var source string

const spec = "srfi-41"

// Library is the (srfi 41) binding table; srfi41.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 41)", Doc: "SRFI-41: streams.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi41.scm", source), Procs: []scheme.Proc{
		{Name: "stream-null", Spec: spec, Sig: "stream-null", Doc: "The empty stream."},
		{Name: "stream-cons", Spec: spec, Sig: "syntax (stream-cons object stream)", Doc: "A stream pair of object and stream, neither evaluated until needed."},
		{Name: "stream?", Spec: spec, Sig: "(stream? obj)", Doc: "Is obj a stream (a stream pair or the empty stream)?"},
		{Name: "stream-null?", Spec: spec, Sig: "(stream-null? obj)", Doc: "Is obj the empty stream?"},
		{Name: "stream-pair?", Spec: spec, Sig: "(stream-pair? obj)", Doc: "Is obj a stream pair?"},
		{Name: "stream-car", Spec: spec, Sig: "(stream-car stream)", Doc: "The first element of stream, evaluated (once) now; an error for the empty stream."},
		{Name: "stream-cdr", Spec: spec, Sig: "(stream-cdr stream)", Doc: "The rest of stream; an error for the empty stream."},
		{Name: "stream-lambda", Spec: spec, Sig: "syntax (stream-lambda formals body ...)", Doc: "A procedure returning a stream, whose body runs lazily."},
		{Name: "define-stream", Spec: spec, Sig: "syntax (define-stream (name . formals) body ...)", Doc: "(define name (stream-lambda formals body ...))."},
		{Name: "list->stream", Spec: spec, Sig: "(list->stream list)", Doc: "A stream of the elements of list."},
		{Name: "port->stream", Spec: spec, Sig: "(port->stream [port])", Doc: "A stream of the characters of port (the current input port)."},
		{Name: "stream", Spec: spec, Sig: "syntax (stream object ...)", Doc: "A stream of the objects."},
		{Name: "stream->list", Spec: spec, Sig: "(stream->list [n] stream)", Doc: "A list of the (first n) elements of stream."},
		{Name: "stream-append", Spec: spec, Sig: "(stream-append stream ...)", Doc: "A stream of the elements of the streams in turn."},
		{Name: "stream-concat", Spec: spec, Sig: "(stream-concat stream)", Doc: "A stream of the elements of the streams stream holds, in turn."},
		{Name: "stream-constant", Spec: spec, Sig: "(stream-constant object ...)", Doc: "An infinite stream of the objects, repeated."},
		{Name: "stream-drop", Spec: spec, Sig: "(stream-drop n stream)", Doc: "stream without its first n elements."},
		{Name: "stream-drop-while", Spec: spec, Sig: "(stream-drop-while pred? stream)", Doc: "stream from its first element not satisfying pred?."},
		{Name: "stream-filter", Spec: spec, Sig: "(stream-filter pred? stream)", Doc: "A stream of the elements of stream satisfying pred?."},
		{Name: "stream-fold", Spec: spec, Sig: "(stream-fold proc base stream)", Doc: "Folds (proc acc elem) over stream from base."},
		{Name: "stream-for-each", Spec: spec, Sig: "(stream-for-each proc stream ...)", Doc: "Calls proc on the elements of the streams, until the shortest ends."},
		{Name: "stream-from", Spec: spec, Sig: "(stream-from first [step])", Doc: "The infinite stream first, first+step, … (step 1)."},
		{Name: "stream-iterate", Spec: spec, Sig: "(stream-iterate proc base)", Doc: "The infinite stream base, (proc base), (proc (proc base)), …"},
		{Name: "stream-length", Spec: spec, Sig: "(stream-length stream)", Doc: "The number of elements of stream."},
		{Name: "stream-let", Spec: spec, Sig: "syntax (stream-let tag ((var expr) ...) body ...)", Doc: "Named let whose tag procedure returns a stream lazily."},
		{Name: "stream-map", Spec: spec, Sig: "(stream-map proc stream ...)", Doc: "A stream of (proc e ...) over the streams, ending with the shortest."},
		{Name: "stream-match", Spec: spec, Sig: "syntax (stream-match stream clause ...)", Doc: "Matches stream against the clauses' patterns — () the empty stream, (p ...) a stream of that many elements, (p ... . rest), _ anything — binding their variables for an optional fender and the expression."},
		{Name: "stream-of", Spec: spec, Sig: "syntax (stream-of expr clause ...)", Doc: "A stream comprehension: expr for each binding of the clauses (var in stream), (var is expr) and tests."},
		{Name: "stream-range", Spec: spec, Sig: "(stream-range first past [step])", Doc: "The stream of the numbers from first by step (1 or -1) up to but not including past."},
		{Name: "stream-ref", Spec: spec, Sig: "(stream-ref stream n)", Doc: "Element n of stream."},
		{Name: "stream-reverse", Spec: spec, Sig: "(stream-reverse stream)", Doc: "The elements of the finite stream in reverse order."},
		{Name: "stream-scan", Spec: spec, Sig: "(stream-scan proc base stream)", Doc: "The stream of the partial folds: base, (proc base e0), …"},
		{Name: "stream-take", Spec: spec, Sig: "(stream-take n stream)", Doc: "A stream of the first n elements of stream."},
		{Name: "stream-take-while", Spec: spec, Sig: "(stream-take-while pred? stream)", Doc: "A stream of the elements of stream up to the first not satisfying pred?."},
		{Name: "stream-unfold", Spec: spec, Sig: "(stream-unfold mapper pred? generator base)", Doc: "A stream of (mapper seed) for the seeds from base by generator while (pred? seed)."},
		{Name: "stream-unfolds", Spec: spec, Sig: "(stream-unfolds generator seed)", Doc: "Several streams as values: (generator seed) returns the next seed and one result per stream, each (value), #f (none this time) or () (end)."},
		{Name: "stream-zip", Spec: spec, Sig: "(stream-zip stream ...)", Doc: "A stream of lists of the streams' elements, ending with the shortest."},
	}}
