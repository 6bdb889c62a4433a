// SRFI-45 primitives for expressing iterative lazy algorithms: over
// R7RS's promises, whose delay-force is SRFI-45's lazy.

// Package srfi45 is SRFI-45, (srfi 45), (srfi :45 lazy) or srfi-45: delay,
// force, lazy and eager. tlsport's promises are R7RS's, which took
// SRFI-45's design: lazy is delay-force, and forcing a chain of lazy
// promises runs in constant space.
package srfi45

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi45.scm
var source string

const spec = "srfi-45"

// Library is the (srfi 45) binding table: delay and force are the core's.
var Library = &scheme.Library{Name: "(srfi 45)", Doc: "SRFI-45: primitives for expressing iterative lazy algorithms.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi45.scm", source), Reexports: []string{"delay", "force"},
	Procs: []scheme.Proc{
		{Name: "lazy", Spec: spec, Sig: "syntax (lazy expression)",
			Doc:    "A promise that, forced, forces the promise expression returns in its place (R7RS's delay-force): a chain of them is forced in constant space.",
			Syntax: "(syntax-rules () ((_ expression) (delay-force expression)))"},
		{Name: "eager", Spec: spec, Sig: "(eager obj)", Doc: "A promise already forced, whose value is obj (even when obj is a promise)."},
	}}
