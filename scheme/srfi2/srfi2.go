// SRFI-2 and-let*, written in Scheme in srfi2.scm.

// Package srfi2 is SRFI-2, (srfi 2) or srfi-2: and-let*.
package srfi2

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi2.scm
var source string

// Library is the (srfi 2) binding table; srfi2.scm defines its syntax.
var Library = &scheme.Library{Name: "(srfi 2)", Doc: "SRFI-2: and-let*.", Source: scheme.LibrarySource("srfi2.scm", source), Procs: []scheme.Proc{
	{Name: "and-let*", Spec: "srfi-2", Sig: "syntax (and-let* (claw ...) body ...)",
		Doc: "Evaluates the claws left to right — (variable expression) binds variable for the rest, (expression) and bound-variable are tested — returning #f at the first false one, else the value of body (or of the last claw, #t for none)."},
}}
