// CHICKEN's (chicken blob): the core's blob procedures as a library.

// Package chickenblob is the (chicken blob) library. Blobs are a type of
// their own, as in CHICKEN (scheme.Blob: not bytevectors, written
// #${hex}); the procedures are the core's, re-exported, so that
// (import (only (chicken blob) …)) and prefixes work.
package chickenblob

import "github.com/tlsport/tlsport/scheme"

const spec = "CHICKEN (chicken blob)"

// Library is the (chicken blob) binding table.
var Library = &scheme.Library{Name: "(chicken blob)", Doc: "CHICKEN 5's (chicken blob): byte blobs, a type of their own (#${hex}).", Procs: []scheme.Proc{
	{Name: "make-blob", Spec: spec, Sig: "(make-blob size)", Args: scheme.Params{Required: []string{"size"}},
		Doc: "Same as the core's make-blob: a new blob of size zero bytes."},
	{Name: "blob?", Spec: spec, Sig: "(blob? x)", Args: scheme.Params{Required: []string{"x"}},
		Doc: "Same as the core's blob?: is x a blob?"},
	{Name: "blob-size", Spec: spec, Sig: "(blob-size blob)", Args: scheme.Params{Required: []string{"blob"}},
		Doc: "Same as the core's blob-size: the number of bytes of blob."},
	{Name: "blob->string", Spec: spec, Sig: "(blob->string blob)", Args: scheme.Params{Required: []string{"blob"}},
		Doc: "Same as the core's blob->string: a string of the bytes of blob."},
	{Name: "string->blob", Spec: spec, Sig: "(string->blob string)", Args: scheme.Params{Required: []string{"string"}},
		Doc: "Same as the core's string->blob: a blob of the bytes of string."},
	{Name: "blob=?", Spec: spec, Sig: "(blob=? blob1 blob2)", Args: scheme.Params{Required: []string{"blob1", "blob2"}},
		Doc: "Same as the core's blob=?: do the blobs hold the same bytes?"},
}}
