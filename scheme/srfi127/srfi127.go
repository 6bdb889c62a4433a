// SRFI-127 lazy sequences: the reference implementation in srfi127.scm.

// Package srfi127 is SRFI-127, (srfi 127), (srfi :127 lazy-sequences) or
// srfi-127: lazy sequences, lists whose tail may be a generator realized
// one element at a time.
package srfi127

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi127.scm
var source string

const spec = "srfi-127"

// Library is the (srfi 127) binding table; srfi127.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 127)", Doc: "SRFI-127: lazy sequences.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi127.scm", source), Procs: []scheme.Proc{
		{Name: "generator->lseq", Spec: spec, Sig: "(generator->lseq generator)", Doc: "A lazy sequence of the values of generator: a pair whose cdr is realized (by calling generator) when first asked for."},
		{Name: "lseq?", Spec: spec, Sig: "(lseq? obj)", Doc: "Is obj a lazy sequence (a proper list, or a pair whose cdr is a generator or a lazy sequence)?"},
		{Name: "lseq=?", Spec: spec, Sig: "(lseq=? elt=? lseq1 lseq2)", Doc: "Are the lazy sequences of equal length with elements pairwise equal by elt=?"},
		{Name: "lseq-car", Spec: spec, Sig: "(lseq-car lseq)", Doc: "The first element of lseq."},
		{Name: "lseq-first", Spec: spec, Sig: "(lseq-first lseq)", Doc: "The first element of lseq."},
		{Name: "lseq-cdr", Spec: spec, Sig: "(lseq-cdr lseq)", Doc: "The rest of lseq, realizing its next element."},
		{Name: "lseq-rest", Spec: spec, Sig: "(lseq-rest lseq)", Doc: "The rest of lseq, realizing its next element."},
		{Name: "lseq-ref", Spec: spec, Sig: "(lseq-ref lseq i)", Doc: "Element i of lseq."},
		{Name: "lseq-take", Spec: spec, Sig: "(lseq-take lseq i)", Doc: "A lazy sequence of the first i elements of lseq."},
		{Name: "lseq-drop", Spec: spec, Sig: "(lseq-drop lseq i)", Doc: "lseq without its first i elements."},
		{Name: "lseq-realize", Spec: spec, Sig: "(lseq-realize lseq)", Doc: "The list of all the elements of the finite lseq (lseq made a proper list)."},
		{Name: "lseq->generator", Spec: spec, Sig: "(lseq->generator lseq)", Doc: "A generator of the elements of lseq."},
		{Name: "lseq-length", Spec: spec, Sig: "(lseq-length lseq)", Doc: "The number of elements of the finite lseq."},
		{Name: "lseq-append", Spec: spec, Sig: "(lseq-append lseq ...)", Doc: "A lazy sequence of the elements of the lseqs in turn."},
		{Name: "lseq-zip", Spec: spec, Sig: "(lseq-zip lseq ...)", Doc: "A lazy sequence of lists of the lseqs' elements, ending with the shortest."},
		{Name: "lseq-map", Spec: spec, Sig: "(lseq-map proc lseq ...)", Doc: "A lazy sequence of (proc e ...) over the lseqs, ending with the shortest."},
		{Name: "lseq-for-each", Spec: spec, Sig: "(lseq-for-each proc lseq ...)", Doc: "Calls proc on the elements of the lseqs, until the shortest ends."},
		{Name: "lseq-filter", Spec: spec, Sig: "(lseq-filter pred lseq)", Doc: "A lazy sequence of the elements of lseq satisfying pred."},
		{Name: "lseq-remove", Spec: spec, Sig: "(lseq-remove pred lseq)", Doc: "A lazy sequence of the elements of lseq not satisfying pred."},
		{Name: "lseq-find", Spec: spec, Sig: "(lseq-find pred lseq)", Doc: "The first element of lseq satisfying pred, or #f."},
		{Name: "lseq-find-tail", Spec: spec, Sig: "(lseq-find-tail pred lseq)", Doc: "The tail of lseq from its first element satisfying pred, or #f."},
		{Name: "lseq-take-while", Spec: spec, Sig: "(lseq-take-while pred lseq)", Doc: "A lazy sequence of the elements of lseq up to the first not satisfying pred."},
		{Name: "lseq-drop-while", Spec: spec, Sig: "(lseq-drop-while pred lseq)", Doc: "lseq from its first element not satisfying pred."},
		{Name: "lseq-any", Spec: spec, Sig: "(lseq-any pred lseq ...)", Doc: "The first true value of pred on the lseqs' elements, or #f."},
		{Name: "lseq-every", Spec: spec, Sig: "(lseq-every pred lseq ...)", Doc: "#f at the first elements failing pred, else the last value of pred (#t for none)."},
		{Name: "lseq-index", Spec: spec, Sig: "(lseq-index pred lseq ...)", Doc: "The index of the first elements satisfying pred, or #f."},
		{Name: "lseq-member", Spec: spec, Sig: "(lseq-member x lseq [=])", Doc: "The tail of lseq from its first element equal to x by = (equal?), or #f."},
		{Name: "lseq-memq", Spec: spec, Sig: "(lseq-memq x lseq)", Doc: "lseq-member with eq?."},
		{Name: "lseq-memv", Spec: spec, Sig: "(lseq-memv x lseq)", Doc: "lseq-member with eqv?."},
	}}
