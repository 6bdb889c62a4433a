// SRFI-219 define higher-order lambda: the core's define, which takes curried heads.

// Package srfi219 is SRFI-219, (srfi 219) or (srfi :219 define): define
// with a curried head, ((name a) b) — the core's define, which Sagittarius
// also builds in.
package srfi219

import "github.com/tlsport/tlsport/scheme"

// Library is the (srfi 219) binding table: define is the core's.
var Library = &scheme.Library{Name: "(srfi 219)", Doc: "SRFI-219: define with curried heads, (define ((f a) b) body ...) — the core's define.",
	Reexports: []string{"define"}}
