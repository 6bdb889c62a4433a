// CHICKEN's (chicken keyword): the core's keyword procedures as a library.

// Package chickenkeyword is the (chicken keyword) library: the core's
// keyword procedures, re-exported, so that (import (only (chicken keyword)
// …)) and prefixes work.
package chickenkeyword

import "github.com/tlsport/tlsport/scheme"

const spec = "CHICKEN (chicken keyword)"

// Library is the (chicken keyword) binding table.
var Library = &scheme.Library{Name: "(chicken keyword)", Doc: "CHICKEN 5's (chicken keyword): keywords.", Procs: []scheme.Proc{
	{Name: "keyword?", Spec: spec, Sig: "(keyword? x)", Args: scheme.Params{Required: []string{"x"}},
		Doc: "Same as the core's keyword?: is x a keyword?"},
	{Name: "keyword->string", Spec: spec, Sig: "(keyword->string keyword)", Args: scheme.Params{Required: []string{"keyword"}},
		Doc: "Same as the core's keyword->string: the name of keyword."},
	{Name: "string->keyword", Spec: spec, Sig: "(string->keyword string)", Args: scheme.Params{Required: []string{"string"}},
		Doc: "Same as the core's string->keyword: the keyword named string."},
	{Name: "get-keyword", Spec: spec, Sig: "(get-keyword keyword args [default])", Args: scheme.Params{Required: []string{"keyword", "args"}, Optional: []string{"default"}},
		Doc: "Same as the core's get-keyword: the value after keyword in the list args, else (default) or #f."},
}}
