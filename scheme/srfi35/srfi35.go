// SRFI-35 conditions: the rows of (srfi 35), defined by srfi35.scm over
// the core's R6RS conditions.

// Package srfi35 is SRFI-35, (srfi 35), (srfi :35 conditions) or srfi-35:
// condition types and conditions, over the core's R6RS conditions. A
// condition type is an R6RS condition type (&condition, &message, &serious
// and &error are R6RS's), a condition an R6RS — so CHICKEN — condition:
// guard with R6RS's error? or CHICKEN's condition-case catches a raised
// SRFI-35 condition, and the errors the core raises satisfy SRFI-35's
// predicates and condition-ref. The library is ImportOnly: its condition
// syntax replaces CHICKEN's condition procedure only where imported.
package srfi35

import (
	_ "embed"

	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi35.scm
var source string

const spec = "srfi-35"

// Library is the (srfi 35) binding table; srfi35.scm defines every row.
var Library = &scheme.Library{Name: "(srfi 35)", Doc: "SRFI-35: conditions, over the core's R6RS conditions.", ImportOnly: true,
	Source: scheme.LibrarySource("srfi35.scm", source), Procs: []scheme.Proc{
		{Name: "make-condition-type", Spec: spec, Sig: "(make-condition-type name supertype fields)", Doc: "A new condition type named by the symbol name, a subtype of supertype with the fields (symbols) besides supertype's: an R6RS condition type, whose conditions have the CHICKEN kind name without its &."},
		{Name: "condition-type?", Spec: spec, Sig: "(condition-type? obj)", Doc: "Is obj a condition type (SRFI-35's or R6RS's)?"},
		{Name: "make-condition", Spec: spec, Sig: "(make-condition type field value ...)", Doc: "A condition of type with the fields (every field of the type, inherited ones too) set to the values."},
		{Name: "condition?", Spec: spec, Sig: "(condition? obj)", Doc: "Is obj a condition (SRFI-35's, R6RS's or CHICKEN's: one and the same)?"},
		{Name: "condition-has-type?", Spec: spec, Sig: "(condition-has-type? condition type)", Doc: "Is condition of type or a subtype of it (one of its components, for a compound condition)?"},
		{Name: "condition-ref", Spec: spec, Sig: "(condition-ref condition field)", Doc: "The value of field in the first component of condition whose type has it; an error if none has."},
		{Name: "make-compound-condition", Spec: spec, Sig: "(make-compound-condition condition condition ...)", Doc: "The compound condition of the conditions' components, in order."},
		{Name: "extract-condition", Spec: spec, Sig: "(extract-condition condition type)", Doc: "A condition of type with the field values of condition's first component of type (or a subtype); an error if none is."},
		{Name: "define-condition-type", Spec: spec, Sig: "syntax (define-condition-type name supertype predicate (field accessor) ...)", Doc: "Defines name as a new condition type (make-condition-type), predicate as its predicate and each accessor as (condition-ref (extract-condition c name) 'field)."},
		{Name: "condition", Spec: spec, Replaces: true, Sig: "syntax (condition (type (field value) ...) ...)", Doc: "The compound condition of one component per type with the fields given; a field a type has and its clause lacks takes the value another clause gives it."},
		{Name: "&condition", Spec: spec, Sig: "&condition", Doc: "The root condition type, R6RS's: every condition has it."},
		{Name: "&message", Spec: spec, Sig: "&message", Doc: "R6RS's condition type with a message field."},
		{Name: "&serious", Spec: spec, Sig: "&serious", Doc: "R6RS's condition type of serious conditions: errors and violations."},
		{Name: "&error", Spec: spec, Sig: "&error", Doc: "R6RS's error condition type, a subtype of &serious: what error raises."},
		{Name: "message-condition?", Spec: spec, Args: obj, Fn: messageConditionP, Doc: "Is obj a condition of type &message (R6RS's message-condition?)?"},
		{Name: "condition-message", Spec: spec, Args: scheme.Params{Required: []string{"condition"}}, Fn: conditionMessage, Doc: "The message of a &message condition (R6RS's condition-message)."},
		{Name: "serious-condition?", Spec: spec, Args: obj, Fn: seriousConditionP, Doc: "Is obj a condition of type &serious (R6RS's serious-condition?)?"},
		{Name: "error?", Spec: spec, Args: obj, Fn: errorP, Doc: "Is obj a condition of type &error (R6RS's error?: not a violation)?"},
	}}

var obj = scheme.Params{Required: []string{"obj"}}

// r6rs calls (rnrs conditions)'s row name with the arguments a: the
// body of a Go row, not one of srfi35.scm, so that an import of (srfi 35)
// rebinds the name even where an earlier import bound CHICKEN's (whose
// message-condition? does not see a &message made by make-condition).
func r6rs(th *scheme.Thread, name string, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallRow(th, "(rnrs conditions)", name, a)
}

func messageConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return r6rs(th, "message-condition?", a)
}

func conditionMessage(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return r6rs(th, "condition-message", a)
}

func seriousConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return r6rs(th, "serious-condition?", a)
}

func errorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return r6rs(th, "error?", a) }
