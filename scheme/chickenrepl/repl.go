// CHICKEN's (chicken repl): repl, repl-prompt, quit, reset and reset-handler.

// Package chickenrepl is the (chicken repl) library: a read-eval-print
// loop (Scheme, repl.scm) that reads from the current input port and
// writes to the current output port, as csi's does, so that a program can
// offer one anywhere it has ports — on standard input, or to the peer of a
// TLS connection with its ports made current. Results are written one a
// line (nothing for a single unspecified value, "; N values" after several,
// "; no values" for none); an error is reported on the current error port
// by print-error-message and the loop reads on; the prompt is written only
// when the process's standard input is a terminal, as csi does.
package chickenrepl

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken repl)"

//go:embed repl.scm
var source string

var procs = []scheme.Proc{
	{Name: "repl", Spec: spec, Sig: "(repl [evaluator])", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("evaluator", scheme.TypeProcedure, nil)) },
		Doc: "Reads expressions from the current input port, evaluates each with evaluator (default eval) and writes its values to the current output port, until end of file or quit, whose result it returns. An error is reported on the current error port and the loop goes on; reset starts the next read."},
	{Name: "repl-prompt", Spec: spec, Sig: "(repl-prompt [thunk])", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("thunk", scheme.TypeProcedure, nil)) },
		Doc: "A parameter: a procedure of no arguments returning the prompt string repl writes before each read when standard input is a terminal; default (lambda () \"#;N> \")."},
	{Name: "quit", Spec: spec, Sig: "(quit [result])", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("result", nil, nil)) },
		Doc: "Ends the innermost active repl, which returns result; outside a repl, the same as exit."},
	{Name: "reset", Spec: spec, Sig: "(reset)", LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "Calls the procedure of reset-handler: in a repl, abandons the current expression and reads the next."},
	{Name: "reset-handler", Spec: spec, Sig: "(reset-handler [thunk])", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("thunk", scheme.TypeProcedure, nil)) },
		Doc: "A parameter: the procedure of no arguments reset calls; in a repl it restarts the loop, outside one it exits."},
	{Name: "%repl-interactive?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "Is the process's standard input (the interpreter's) a terminal? repl writes its prompt only then.",
		Fn:  internalReplInteractiveP},
}

// Library is the (chicken repl) binding table.
var Library = &scheme.Library{Name: "(chicken repl)", Doc: "CHICKEN 5's (chicken repl): a read-eval-print loop on the current ports.",
	Procs: procs, Source: scheme.LibrarySource("repl.scm", source)}

// internalReplInteractiveP implements %repl-interactive?.
func internalReplInteractiveP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(scheme.TerminalFile(th.Interp().Stdin) != nil), nil
}
