// SRFI-25 multi-dimensional arrays: the rows of (srfi 25), whose Scheme is
// the SRFI's reference implementation (srfi25.scm).

// Package srfi25 is SRFI-25, (srfi 25), (srfi :25
// multi-dimensional-arrays) or srfi-25: arrays of any rank whose indexes
// run over integer ranges given by a shape, sharing their elements with
// affine index maps (share-array). It is the reference implementation,
// bound only where a program imports it; its helpers are named array:….
package srfi25

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi25.scm
var source string

const spec = "srfi-25"

// Library is the (srfi 25) binding table.
var Library = &scheme.Library{Name: "(srfi 25)", Doc: "SRFI-25: multi-dimensional array primitives.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi25.scm", source), Procs: []scheme.Proc{
		{Name: "array?", Spec: spec, Sig: "(array? obj)", Doc: "Is obj an array?"},
		{Name: "make-array", Spec: spec, Sig: "(make-array shape [obj])", Doc: "A new array of shape, each element obj (unspecified without it)."},
		{Name: "shape", Spec: spec, Sig: "(shape bound ...)", Doc: "The shape (a rank-2 array) of the bounds: start and end of each dimension in turn."},
		{Name: "array", Spec: spec, Sig: "(array shape obj ...)", Doc: "A new array of shape holding the objs in row-major order."},
		{Name: "array-rank", Spec: spec, Sig: "(array-rank array)", Doc: "The number of dimensions of array."},
		{Name: "array-start", Spec: spec, Sig: "(array-start array k)", Doc: "The first index of dimension k."},
		{Name: "array-end", Spec: spec, Sig: "(array-end array k)", Doc: "The index after the last of dimension k."},
		{Name: "array-ref", Spec: spec, Sig: "(array-ref array k ...)", Doc: "The element at indexes k ... (or those of a vector or a rank-1 array)."},
		{Name: "array-set!", Spec: spec, Sig: "(array-set! array k ... obj)", Doc: "Stores obj at indexes k ... (or those of a vector or a rank-1 array)."},
		{Name: "share-array", Spec: spec, Sig: "(share-array array shape proc)", Doc: "An array of shape sharing array's elements: index ks maps to (proc ks ...) of array, proc being affine."},
	}}
