// (sagittarius control) and (sagittarius io): Sagittarius's control macros (control.scm) and string port procedures.

package sagittarius

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed control.scm
var controlSource string

const controlSpec = "sagittarius (sagittarius control)"

// syntaxRow is the row of a macro of control.scm whose form is sig.
func syntaxRow(sig, doc string) scheme.Proc {
	name, _ := scheme.ParseSig(sig)
	return scheme.Proc{Name: name, Spec: controlSpec, Sig: "syntax " + sig, Doc: doc}
}

// replacing marks row as defined anew by control.scm although the core binds its name.
func replacing(row scheme.Proc) scheme.Proc {
	row.Replaces = true
	return row
}

// ControlLibrary is (sagittarius control): Sagittarius's control macros,
// which are Gauche's; a program importing it sees its let-optionals* (var
// alone or (var default)) instead of CHICKEN's.
var ControlLibrary = &scheme.Library{Name: "(sagittarius control)", ImportOnly: true,
	Doc:    "Sagittarius's control macros: define-macro, let-optionals*, get-optional, let-keywords, let-keywords*, begin0, let1, rlet1, dotimes, dolist, push!, pop!, inc!, dec! and unwind-protect (written in control.scm).",
	Source: scheme.LibrarySource("control.scm", controlSource),
	Build:  func(l *scheme.Library) { l.Procs = controlRows() }} // built when first imported

// controlRows returns the rows of (sagittarius control).
func controlRows() []scheme.Proc {
	return []scheme.Proc{
		syntaxRow("(define-macro (name . formals) body ...)", "Defines name as a macro whose transformer, (lambda formals body ...) or the procedure of (define-macro name procedure), is called with the form's operands and returns its expansion (not hygienic)."),
		replacing(syntaxRow("(let-optionals* restargs (var-spec ... . restvar) body ...)", "Binds each var-spec — var, or (var default) — to the next value of the list restargs, or, when none is left, to default (evaluated then, seeing the variables before it; unspecified for a bare var); restvar, when given, to the values left over. (CHICKEN's, bound globally, takes no bare var.)")),
		syntaxRow("(get-optional restargs default)", "The first value of the list restargs, or default (evaluated only then) when it is empty."),
		syntaxRow("(let-keywords restarg (var-spec ... . restvar) body ...)", "Binds each var-spec — (var default), (var keyword default) or var — to the value after its keyword (:var by default) in the keyword-value list restarg, else to default (evaluated outside the bindings). A keyword no var-spec names is an error, unless restvar is given: a variable bound to those keywords and their values, or #f to ignore them."),
		syntaxRow("(let-keywords* restarg (var-spec ... . restvar) body ...)", "As let-keywords, each default seeing the variables bound before it."),
		syntaxRow("(begin0 exp0 exp1 ...)", "Evaluates exp0, exp1 … in order; returns the values of exp0."),
		syntaxRow("(let1 var expr body ...)", "(let ((var expr)) body ...)."),
		syntaxRow("(rlet1 var expr body ...)", "Binds var to expr, evaluates body, and returns var's value."),
		syntaxRow("(dotimes (var limit [result]) body ...)", "Evaluates body with var bound to 0, 1 … below limit; then result (unspecified by default)."),
		syntaxRow("(dolist (var list [result]) body ...)", "Evaluates body with var bound to each element of list; then result, with var bound to ()."),
		syntaxRow("(push! place item)", "Sets place — a variable or (proc arg ...), as set! takes — to (cons item place)."),
		syntaxRow("(pop! place)", "Sets place to its cdr and returns its car."),
		syntaxRow("(inc! place [delta])", "Sets place to (+ place delta), delta 1 by default."),
		syntaxRow("(dec! place [delta])", "Sets place to (- place delta), delta 1 by default."),
		syntaxRow("(unwind-protect body cleanup ...)", "Evaluates body and returns its values, running the cleanups after it, also when it raises or escapes."),
	}
}

// IOLibrary is (sagittarius io): the string port procedures, the core's.
var IOLibrary = &scheme.Library{Name: "(sagittarius io)", ImportOnly: true,
	Doc:       "Sagittarius's string port procedures: call-with-input-string, call-with-output-string, with-input-from-string and with-output-to-string (the core's).",
	Reexports: []string{"call-with-input-string", "call-with-output-string", "with-input-from-string", "with-output-to-string"}}
