// CHICKEN's (chicken sort): sorting and merging lists and vectors, and topological sort.

// Package chickensort is the (chicken sort) library. sort, sort!, merge and
// sorted? are the core's, re-exported; merge! and topological-sort are
// Scheme (sort.scm).
package chickensort

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken sort)"

//go:embed sort.scm
var source string

var procs = []scheme.Proc{
	{Name: "merge!", Spec: spec, Sig: "(merge! list1 list2 less?)", Args: scheme.Params{Required: []string{"list1", "list2", "less?"}},
		Doc: "Merges the sorted lists in order of less? (tlsport builds a fresh list, which the destructive version may return)."},
	{Name: "topological-sort", Spec: spec, Sig: "(topological-sort dag pred)", Args: scheme.Params{Required: []string{"dag", "pred"}},
		Doc: "The vertices of dag (a list of (vertex adjacent-vertex ...)) so that every edge u → v has u before v, vertices compared with pred; a cycle raises (exn runtime cycle)."},
	// the core's procedures, re-exported
	{Name: "merge", Spec: spec, Sig: "(merge list1 list2 less?)", Args: scheme.Params{Required: []string{"list1", "list2", "less?"}},
		Doc: "Same as the core's merge: the sorted lists joined in order of less?."},
	{Name: "sort", Spec: spec, Sig: "(sort sequence less?)", Args: scheme.Params{Required: []string{"sequence", "less?"}},
		Doc: "Same as the core's sort: a sorted (stable) copy of the list or vector."},
	{Name: "sort!", Spec: spec, Sig: "(sort! sequence less?)", Args: scheme.Params{Required: []string{"sequence", "less?"}},
		Doc: "Same as the core's sort!: sorts the list or vector, in place for a vector."},
	{Name: "sorted?", Spec: spec, Sig: "(sorted? sequence less?)", Args: scheme.Params{Required: []string{"sequence", "less?"}},
		Doc: "Same as the core's sorted?: is the list or vector sorted by less??"},
}

// Library is the (chicken sort) binding table.
var Library = &scheme.Library{Name: "(chicken sort)", Doc: "CHICKEN 5's (chicken sort): sorting, merging and topological sort.", Procs: procs,
	Source: scheme.LibrarySource("sort.scm", source)}
