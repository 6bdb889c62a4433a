// SRFI-26 cut and cute, written in Scheme in srfi26.scm.

// Package srfi26 is SRFI-26, (srfi 26) or srfi-26: cut and cute, notation
// for specializing parameters without currying.
package srfi26

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi26.scm
var source string

// Library is the (srfi 26) binding table; srfi26.scm defines its syntax.
var Library = &scheme.Library{Name: "(srfi 26)", Doc: "SRFI-26: cut and cute.", Source: scheme.LibrarySource("srfi26.scm", source), Procs: []scheme.Proc{
	{Name: "cut", Spec: "srfi-26", Sig: "syntax (cut slot-or-expr slot-or-expr ... [<...>])",
		Doc: "A procedure with one parameter per <> slot (and the rest for <...>) that calls the first slot-or-expr with the others; non-slot expressions are evaluated at each call."},
	{Name: "cute", Spec: "srfi-26", Sig: "syntax (cute slot-or-expr slot-or-expr ... [<...>])",
		Doc: "Like cut, but the non-slot expressions are evaluated once, when the procedure is made."},
}}
