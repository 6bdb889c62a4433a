// SRFI-145 assumptions: assume, a syntax-rules row.

// Package srfi145 is SRFI-145, (srfi 145), (srfi :145 assumptions) or
// srfi-145: assume, which tlsport always checks (it has no unchecked
// mode): a false assumption is an error naming the expression.
package srfi145

import "github.com/tlsport/tlsport/scheme"

// Library is the (srfi 145) binding table. assume is the SRFI's sample
// implementation (Copyright (C) Marc Nieper-Wißkirchen (2016), Expat
// licence) as chez-srfi ships it, with its checking (debug) branch.
var Library = &scheme.Library{Name: "(srfi 145)", Doc: "SRFI-145: assumptions.", ImportOnly: true, Procs: []scheme.Proc{
	{Name: "assume", Spec: "srfi-145", Sig: "syntax (assume expression message ...)",
		Doc:    "The value of expression; an error reporting the expression and the messages when it is false.",
		Syntax: `(syntax-rules () ((_ expression message ...) (or expression (error "invalid assumption" 'expression message ...))))`},
}}
