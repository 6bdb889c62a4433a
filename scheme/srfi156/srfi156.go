// SRFI-156 syntactic combiners for binary predicates: is and isnt, the
// reference implementation in srfi156.scm.

// Package srfi156 is SRFI-156, (srfi 156), (srfi :156 predicate-combiners)
// or srfi-156: (is x < y), (is x < y <= z), (is _ < 5) (a procedure of its
// placeholders) and isnt, their negation.
package srfi156

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi156.scm
var source string

const spec = "srfi-156"

// Library is the (srfi 156) binding table; srfi156.scm defines its syntax.
var Library = &scheme.Library{Name: "(srfi 156)", Doc: "SRFI-156: syntactic combiners for binary predicates.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi156.scm", source), Procs: []scheme.Proc{
		{Name: "is", Spec: spec, Sig: "syntax (is x predicate [y predicate2 z ...])",
			Doc: "(predicate x) or (predicate x y), chained as (and (predicate x y) (predicate2 y z) …) with each operand evaluated once; with _ placeholders among the operands, a procedure taking them as arguments, in order."},
		{Name: "isnt", Spec: spec, Sig: "syntax (isnt x predicate [y predicate2 z ...])", Doc: "(not (is …)); with _ placeholders, a procedure."},
	}}
