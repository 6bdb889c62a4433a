// SRFI-133 vector library: the rows of (srfi 133), over the core's vectors
// and srfi133.scm.

// Package srfi133 is the SRFI-133 vector library, (srfi 133) or srfi-133:
// the core's R7RS vector procedures re-exported, the rest written in Scheme
// in srfi133.scm.
package srfi133

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi133.scm
var source string

const spec = "srfi-133"

// Library is the (srfi 133) binding table. Its rows have no Fn: each is a
// core procedure or one srfi133.scm defines.
var Library = &scheme.Library{Name: "(srfi 133)", Doc: "SRFI-133: vector library.", Source: scheme.LibrarySource("srfi133.scm", source), Procs: []scheme.Proc{
	{Name: "vector-unfold", Spec: spec, Sig: "(vector-unfold f length initial-seed ...)", Doc: "A vector of length elements: (f i seed ...) returns element i and the next seeds."},
	{Name: "vector-unfold-right", Spec: spec, Sig: "(vector-unfold-right f length initial-seed ...)", Doc: "vector-unfold filling from the last index down."},
	{Name: "vector-copy", Spec: spec, Sig: "(vector-copy vec [start end])", Doc: "A new vector of the elements from start to end."},
	{Name: "vector-reverse-copy", Spec: spec, Sig: "(vector-reverse-copy vec [start end])", Doc: "vector-copy in reverse order."},
	{Name: "vector-append", Spec: spec, Sig: "(vector-append vec ...)", Doc: "A new vector of the elements of the vecs in order."},
	{Name: "vector-concatenate", Spec: spec, Sig: "(vector-concatenate list-of-vectors)", Doc: "(apply vector-append list-of-vectors)."},
	{Name: "vector-append-subvectors", Spec: spec, Sig: "(vector-append-subvectors [vec start end] ...)", Doc: "A new vector of the elements of each vec from start to end."},
	{Name: "vector-empty?", Spec: spec, Sig: "(vector-empty? vec)", Doc: "Is vec empty?"},
	{Name: "vector=", Spec: spec, Sig: "(vector= elt=? vec ...)", Doc: "Are the vectors of equal length with elements pairwise equal by elt=?"},
	{Name: "vector-fold", Spec: spec, Sig: "(vector-fold kons knil vec1 vec2 ...)", Doc: "Left fold: (kons state e1 e2 ...) from knil, up to the shortest vector."},
	{Name: "vector-fold-right", Spec: spec, Sig: "(vector-fold-right kons knil vec1 vec2 ...)", Doc: "vector-fold from right to left."},
	{Name: "vector-map", Spec: spec, Sig: "(vector-map f vec1 vec2 ...)", Doc: "A new vector of (f e1 e2 ...), as long as the shortest vector."},
	{Name: "vector-map!", Spec: spec, Sig: "(vector-map! f vec1 vec2 ...)", Doc: "Stores (f e1 e2 ...) into vec1."},
	{Name: "vector-for-each", Spec: spec, Sig: "(vector-for-each f vec1 vec2 ...)", Doc: "Applies f to the parallel elements from left to right."},
	{Name: "vector-count", Spec: spec, Sig: "(vector-count pred? vec1 vec2 ...)", Doc: "The number of parallel elements satisfying pred?."},
	{Name: "vector-cumulate", Spec: spec, Sig: "(vector-cumulate f knil vec)", Doc: "A new vector whose element i is (f element-(i-1) (vector-ref vec i)), knil before the first."},
	{Name: "vector-index", Spec: spec, Sig: "(vector-index pred? vec1 vec2 ...)", Doc: "The index of the first parallel elements satisfying pred?, or #f."},
	{Name: "vector-index-right", Spec: spec, Sig: "(vector-index-right pred? vec1 vec2 ...)", Doc: "The index of the last parallel elements satisfying pred?, or #f."},
	{Name: "vector-skip", Spec: spec, Sig: "(vector-skip pred? vec1 vec2 ...)", Doc: "The index of the first parallel elements not satisfying pred?, or #f."},
	{Name: "vector-skip-right", Spec: spec, Sig: "(vector-skip-right pred? vec1 vec2 ...)", Doc: "The index of the last parallel elements not satisfying pred?, or #f."},
	{Name: "vector-binary-search", Spec: spec, Sig: "(vector-binary-search vec value cmp #!optional start end)", Doc: "The index of an element e of the sorted vec (between start and end, SRFI-43's optional arguments) with (cmp e value) zero, or #f; cmp returns a negative, zero or positive integer."},
	{Name: "vector-any", Spec: spec, Sig: "(vector-any pred? vec1 vec2 ...)", Doc: "The first true value of pred? on the parallel elements, or #f."},
	{Name: "vector-every", Spec: spec, Sig: "(vector-every pred? vec1 vec2 ...)", Doc: "#f if pred? fails on some parallel elements, else its last value (#t for none)."},
	{Name: "vector-partition", Spec: spec, Sig: "(vector-partition pred? vec)", Doc: "Two values: a new vector of the elements satisfying pred? followed by the others, and the number satisfying it."},
	{Name: "vector-swap!", Spec: spec, Sig: "(vector-swap! vec i j)", Doc: "Exchanges elements i and j."},
	{Name: "vector-fill!", Spec: spec, Sig: "(vector-fill! vec fill [start end])", Doc: "Stores fill from start to end."},
	{Name: "vector-reverse!", Spec: spec, Sig: "(vector-reverse! vec [start end])", Doc: "Reverses the elements from start to end in place."},
	{Name: "vector-copy!", Spec: spec, Sig: "(vector-copy! to at from [start end])", Doc: "Copies the elements of from between start and end into to at at."},
	{Name: "vector-reverse-copy!", Spec: spec, Sig: "(vector-reverse-copy! to at from [start end])", Doc: "vector-copy! in reverse order."},
	{Name: "vector-unfold!", Spec: spec, Sig: "(vector-unfold! f vec start end initial-seed ...)", Doc: "vector-unfold into vec from start to end."},
	{Name: "vector-unfold-right!", Spec: spec, Sig: "(vector-unfold-right! f vec start end initial-seed ...)", Doc: "vector-unfold-right into vec from end down to start."},
	{Name: "vector->list", Spec: spec, Sig: "(vector->list vec [start end])", Doc: "The elements from start to end as a list."},
	{Name: "reverse-vector->list", Spec: spec, Sig: "(reverse-vector->list vec [start end])", Doc: "The elements from start to end as a list, in reverse order."},
	{Name: "list->vector", Spec: spec, Sig: "(list->vector proper-list)", Doc: "A vector of the elements of proper-list."},
	{Name: "reverse-list->vector", Spec: spec, Sig: "(reverse-list->vector proper-list)", Doc: "A vector of the elements of proper-list in reverse order."},
	{Name: "string->vector", Spec: spec, Sig: "(string->vector string [start end])", Doc: "A vector of the characters of string from start to end."},
	{Name: "vector->string", Spec: spec, Sig: "(vector->string vec [start end])", Doc: "A string of the characters of vec from start to end."},
}}
