// SRFI-132 sort libraries, written in Scheme in srfi132.scm.

// Package srfi132 is SRFI-132, (srfi 132) or (srfi :132 sorting): sorting,
// merging, deleting neighbouring duplicates, medians and selection, for
// lists and vector ranges.
package srfi132

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi132.scm
var source string

const spec = "srfi-132"

// Library is the (srfi 132) binding table. list-sort is the core's; the
// other rows are in srfi132.scm. Every sort is stable.
var Library = &scheme.Library{Name: "(srfi 132)", Doc: "SRFI-132: sort libraries.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi132.scm", source), Reexports: []string{"list-sort"},
	Procs: []scheme.Proc{
		{Name: "list-sorted?", Spec: spec, Sig: "(list-sorted? < lis)", Doc: "Is no element of lis less than the one before it?"},
		{Name: "vector-sorted?", Spec: spec, Sig: "(vector-sorted? < v [start [end]])", Doc: "Is no element of v[start, end) less than the one before it?"},
		{Name: "list-stable-sort", Spec: spec, Sig: "(list-stable-sort < lis)", Doc: "A fresh list of lis's elements sorted by <, equal elements in their original order."},
		{Name: "list-sort!", Spec: spec, Sig: "(list-sort! < lis)", Doc: "lis sorted by < (stable); tlsport returns a fresh list and leaves lis as it was."},
		{Name: "list-stable-sort!", Spec: spec, Sig: "(list-stable-sort! < lis)", Doc: "Same as list-sort!."},
		{Name: "vector-sort", Spec: spec, Sig: "(vector-sort < v [start [end]])", Doc: "A fresh vector of the elements of v[start, end) sorted by < (stable)."},
		{Name: "vector-stable-sort", Spec: spec, Sig: "(vector-stable-sort < v [start [end]])", Doc: "Same as vector-sort."},
		{Name: "vector-sort!", Spec: spec, Sig: "(vector-sort! v < [start [end]])", Doc: "Sorts v[start, end) in place by < (stable). The draft's order (vector-sort! < v …) is accepted too."},
		{Name: "vector-stable-sort!", Spec: spec, Sig: "(vector-stable-sort! v < [start [end]])", Doc: "Same as vector-sort!."},
		{Name: "list-merge", Spec: spec, Sig: "(list-merge < lis1 lis2)", Doc: "The sorted lists merged in order of <; of equal elements, lis1's come first."},
		{Name: "list-merge!", Spec: spec, Sig: "(list-merge! < lis1 lis2)", Doc: "Same as list-merge (tlsport builds a fresh list)."},
		{Name: "vector-merge", Spec: spec, Sig: "(vector-merge < v1 v2 [start1 [end1 [start2 [end2]]]])", Doc: "A fresh vector of the sorted ranges v1[start1, end1) and v2[start2, end2) merged in order of <; of equal elements, v1's come first."},
		{Name: "vector-merge!", Spec: spec, Sig: "(vector-merge! < to v1 v2 [start [start1 [end1 [start2 [end2]]]]])", Doc: "Writes the merge of v1[start1, end1) and v2[start2, end2) into to from index start (0 by default); an error if it does not fit."},
		{Name: "list-delete-neighbor-dups", Spec: spec, Sig: "(list-delete-neighbor-dups = lis)", Doc: "lis without the elements = to the element kept before them: of each run of equal neighbours, the first."},
		{Name: "list-delete-neighbor-dups!", Spec: spec, Sig: "(list-delete-neighbor-dups! = lis)", Doc: "Same as list-delete-neighbor-dups (tlsport builds a fresh list)."},
		{Name: "vector-delete-neighbor-dups", Spec: spec, Sig: "(vector-delete-neighbor-dups = v [start [end]])", Doc: "A fresh vector of v[start, end) without the elements = to the element kept before them."},
		{Name: "vector-delete-neighbor-dups!", Spec: spec, Sig: "(vector-delete-neighbor-dups! = v [start [end]])", Doc: "Packs the kept elements of v[start, end) into v[start, end') and returns end'."},
		{Name: "vector-find-median", Spec: spec, Sig: "(vector-find-median < v knil [mean])", Doc: "The median of v's elements by <: knil if v is empty, the middle element if its length is odd, else (mean a b) of the two middle ones ((/ (+ a b) 2) by default). v is not changed."},
		{Name: "vector-find-median!", Spec: spec, Sig: "(vector-find-median! < v knil [mean])", Doc: "As vector-find-median, sorting v in place."},
		{Name: "vector-select!", Spec: spec, Sig: "(vector-select! < v k [start [end]])", Doc: "The element of v[start, end) with k smaller ones before it in order of < (0 <= k < end - start); tlsport sorts the range in place."},
		{Name: "vector-separate!", Spec: spec, Sig: "(vector-separate! < v k [start [end]])", Doc: "Reorders v[start, end) so that its k smallest elements by < come first (0 <= k <= end - start); tlsport sorts the range."},
	}}
