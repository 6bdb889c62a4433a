// The (rnrs conditions) and (rnrs exceptions) binding tables.

package rnrsconditions

import (
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

const (
	specCond = "r6rs-lib §7.2"
	specStd  = "r6rs-lib §7.3"
	specIO   = "r6rs-lib §8.1"
	specFl   = "r6rs-lib §11.3"
)

func specOf(name string) string {
	if strings.HasPrefix(name, "&i/o") {
		return specIO
	}
	return specStd
}

var (
	req = scheme.Req
	lam = scheme.Lambda
)

func conditionRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("condition", specCond, "The compound condition of the conditions' components (CHICKEN: their kinds and properties).", lam(scheme.Rest("condition", nil)), condition),
		scheme.Row("simple-conditions", specCond, "The simple conditions of a condition: the components condition made it of, or its type then its &who, &message and &irritants.", lam(req("condition", nil)), simpleConditions),
		scheme.Row("condition-predicate", specCond, "A predicate for conditions of a condition type (or, CHICKEN, of a kind symbol).", lam(req("type", nil)), conditionPredicate),
		scheme.Row("condition-accessor", specCond, "A procedure applying proc to conditions of the type.", lam(req("type", typeCondType), req("proc", scheme.TypeProcedure)), conditionAccessor),
		scheme.Row("condition-message", specStd, "The message of a &message condition (CHICKEN: exn.message).", lam(req("condition", nil)), conditionMessage),
		scheme.Row("condition-irritants", specStd, "The irritants of an &irritants condition (CHICKEN: exn.arguments).", lam(req("condition", nil)), conditionIrritants),
		scheme.Row("condition-who", specStd, "The who of a &who condition (CHICKEN: exn.location).", lam(req("condition", nil)), conditionWho),
		scheme.Row("syntax-violation-form", specStd, "The form of a &syntax condition.", lam(req("condition", nil)), syntaxViolationForm),
		scheme.Row("syntax-violation-subform", specStd, "The subform of a &syntax condition.", lam(req("condition", nil)), syntaxViolationSubform),
		{Name: "define-condition-type", Spec: specCond, Sig: "(define-condition-type type parent constructor predicate (field accessor) ...)",
			Doc:       "Defines a condition type (CHICKEN view: a kind named type without its &, the fields its properties), its constructor, predicate and field accessors.",
			Transform: defineConditionType},
	}
}

// condition implements condition.
func condition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, _ := scheme.ListToSlice(a[0])
	return compose(l)
}

// ConditionsLibrary is (rnrs conditions).
var ConditionsLibrary = &scheme.Library{Name: "(rnrs conditions)", ImportOnly: true,
	Doc:    "R6RS conditions (r6rs-lib §7.2–7.3, §8.1) over CHICKEN conditions: the standard condition types, their constructors and predicates, define-condition-type.",
	Values: standardTypes,
	Build: func(l *scheme.Library) {
		l.Procs = append(conditionRows(), standardRows()...)
		l.Reexports = conditionNames()
	}}

// ExceptionsLibrary is (rnrs exceptions): the core's with-exception-handler,
// guard, raise and raise-continuable.
var ExceptionsLibrary = &scheme.Library{Name: "(rnrs exceptions)", ImportOnly: true,
	Doc: "R6RS exceptions (r6rs-lib §7.1): with-exception-handler, guard, raise, raise-continuable — the core's.",
	Build: func(l *scheme.Library) {
		l.Reexports = strings.Fields(`guard raise raise-continuable with-exception-handler => else`)
	}}

// Libraries returns the libraries of the package.
func Libraries() []*scheme.Library { return []*scheme.Library{ConditionsLibrary, ExceptionsLibrary} }
