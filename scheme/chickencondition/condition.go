// Condition procedures: CHICKEN, R7RS and R6RS views of one condition object.

// Package chickencondition is the (chicken condition) library: CHICKEN's
// condition procedures and the R7RS error-object views of the core's
// condition objects.
package chickencondition

import (
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

func condArg(a scheme.Value, who string, pos int) (*scheme.Condition, error) {
	c, ok := a.(*scheme.Condition)
	if !ok {
		return nil, scheme.TypeError(who, pos, "condition", a)
	}
	return c, nil
}

func symArg(a scheme.Value, who string, pos int) (*scheme.Symbol, error) {
	s, ok := a.(*scheme.Symbol)
	if !ok {
		return nil, scheme.TypeError(who, pos, "symbol", a)
	}
	return s, nil
}

func kindPred(th *scheme.Thread, a []scheme.Value, kind string) (scheme.Value, error) {
	c, ok := a[0].(*scheme.Condition)
	return scheme.MakeBool(ok && c.Has(kind)), nil
}

func exnProp(th *scheme.Thread, a []scheme.Value, prop string, def func() scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*scheme.Condition)
	if !ok {
		return def(), nil
	}
	if v, ok := c.Get("exn", prop); ok {
		return v, nil
	}
	return def(), nil
}

// Library is the (chicken condition) binding table: condition objects,
// R7RS error objects and CHICKEN's property accessors.
var Library = &scheme.Library{Name: "(chicken condition)", Doc: "CHICKEN condition objects (composite kinds with properties) and R7RS error objects.", Procs: conditionProcs}

// conditionProcs are the rows of the condition procedures (static data).
var conditionProcs = []scheme.Proc{
	{Name: "condition/report-string", Spec: "CHICKEN (chicken condition)",
		Doc: "The message and irritants of condition as a string.", Args: scheme.Params{Required: []string{"condition"}}, Fn: conditionWithReportString},
	{Name: "condition?", Spec: "§1.6", Doc: "True for condition objects.", Args: scheme.Params{Required: []string{"obj"}},
		Fn: conditionP},
	{Name: "make-property-condition", Spec: "§1.6", Sig: "(make-property-condition kind prop val ...)",
		Doc: "A condition of one kind with the given properties.", Args: scheme.Params{Required: []string{"kind"}, Rest: "props", Spread: true},
		Fn: makePropertyCondition},
	{Name: "make-composite-condition", Spec: "§1.6", Sig: "(make-composite-condition c ...)",
		Doc: "A condition with the kinds and properties of all arguments.", Args: scheme.Params{Rest: "conditions", Spread: true},
		Fn: makeCompositeCondition},
	{Name: "condition", Spec: "§1.6", Sig: "(condition lst ...)", Doc: "A condition of the kinds and properties of the lists (kind prop val ...), as (make-composite-condition (make-property-condition kind prop val ...) ...); a condition among them adds its kinds, as R6RS's condition.", Args: scheme.Params{Rest: "conditions", Spread: true},
		Fn: condition},
	{Name: "condition-predicate", Spec: "§1.6", Doc: "A predicate for conditions of kind.",
		Args: scheme.Params{Required: []string{"kind"}},
		Fn:   conditionPredicate},
	{Name: "condition-property-accessor", Spec: "§1.6",
		Doc: "A procedure returning kind.prop of a condition: #f for a condition not of kind, default (else an error) for one of kind without prop.", Args: scheme.Params{Required: []string{"kind", "prop"}, Optional: []string{"default"}},
		Fn: conditionPropertyAccessor},
	{Name: "get-condition-property", Spec: "§1.6", Sig: "(get-condition-property c kind prop #!optional default)",
		Doc: "kind.prop of condition c: #f when c is not of kind, default (else an error) when it is but has no prop.", Args: scheme.Params{Required: []string{"condition", "kind", "prop"}, Optional: []string{"default"}},
		Fn: getConditionProperty},
	{Name: "condition->list", Spec: "§1.6", Sig: "(condition->list c)", Doc: "((kind prop val ...) ...)", Args: scheme.Params{Required: []string{"condition"}},
		Fn: conditionToList},
	{Name: "error-object?", Spec: "§1.6", Doc: "True for every exn condition.", Args: scheme.Params{Required: []string{"obj"}}, Fn: errorObjectP},
	{Name: "error?", Spec: "§1.6", Doc: "Is obj an error condition?", Args: scheme.Params{Required: []string{"obj"}}, Fn: errorP},
	{Name: "error-object-message", Doc: "The message of an error object.", Spec: "§1.6", Sig: "(error-object-message e)", Args: scheme.Params{Required: []string{"obj"}},
		Fn: errorObjectMessage},
	{Name: "error-object-irritants", Doc: "The irritants of an error object.", Spec: "§1.6", Sig: "(error-object-irritants e)", Args: scheme.Params{Required: []string{"obj"}},
		Fn: errorObjectIrritants},
	{Name: "file-error?", Doc: "Is obj a condition raised by a file operation (kinds i/o file)?", Spec: "§1.6", Args: scheme.Params{Required: []string{"obj"}}, Fn: fileErrorP},
	{Name: "read-error?", Doc: "Is obj a condition raised by read on malformed input (kind read)?", Spec: "§1.6", Args: scheme.Params{Required: []string{"obj"}}, Fn: readErrorP},
	{Name: "i/o-error?", Doc: "Is obj an i/o condition?", Spec: "§1.6", Args: scheme.Params{Required: []string{"obj"}}, Fn: iWithOErrorP},
	{Name: "who-condition?", Doc: "Does obj carry a location?", Spec: "§1.6", Args: scheme.Params{Required: []string{"obj"}},
		Fn: whoConditionP},
	{Name: "condition-who", Doc: "The location (who) of a condition, or #f.", Spec: "§1.6", Sig: "(condition-who c)", Args: scheme.Params{Required: []string{"obj"}}, Fn: conditionWho},
	{Name: "message-condition?", Doc: "Does obj carry a message?", Spec: "§1.6", Args: scheme.Params{Required: []string{"obj"}}, Fn: messageConditionP},
	{Name: "condition-message", Doc: "The message of a condition.", Spec: "§1.6", Sig: "(condition-message c)", Args: scheme.Params{Required: []string{"obj"}}, Fn: conditionMessage},
	{Name: "irritants-condition?", Doc: "Does obj carry irritants?", Spec: "§1.6", Args: scheme.Params{Required: []string{"obj"}}, Fn: irritantsConditionP},
	{Name: "condition-irritants", Doc: "The irritants of a condition.", Spec: "§1.6", Sig: "(condition-irritants c)", Args: scheme.Params{Required: []string{"obj"}}, Fn: conditionIrritants},
	{Name: "condition-kinds", Spec: "§1.6", Doc: "The kinds of a condition, as a list of symbols.", Args: scheme.Params{Required: []string{"obj"}}, Fn: conditionKinds},
	// report.go's: print-error-message, current-exception-handler
	{Name: "print-error-message", Spec: "CHICKEN (chicken condition)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("exn", nil), scheme.Opt("port", scheme.TypeOutputPort, nil), scheme.Opt("header", scheme.TypeString, scheme.NewString("Error")))
		},
		Doc: "Writes to port (default the current output port) a newline, header (default \"Error\"), \": \", then for a condition its location (a symbol) in parentheses, message and arguments (one after \": \", several one per line) then a newline; a string exn is written as the message, any other object as an uncaught exception.",
		Fn:  printErrorMessage},
	{Name: "current-exception-handler", Spec: "CHICKEN (chicken condition)", LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The current exception handler: the innermost one installed by with-exception-handler (or handle-exceptions, condition-case, guard), else raise.",
		Fn:  currentExceptionHandler},
}

func composite(who string, a []scheme.Value) (scheme.Value, error) {
	out := &scheme.Condition{}
	for i, v := range a {
		c, err := condArg(v, who, i+1)
		if err != nil {
			return nil, err
		}
		for _, k := range c.Kinds {
			out.Kinds = append(out.Kinds, scheme.CondKind{Kind: k.Kind, Props: append([]scheme.Value(nil), k.Props...)})
		}
		if out.Cause == nil {
			out.Cause = c.Cause
		}
	}
	return out, nil
}

func getProp(cv scheme.Value, k, p *scheme.Symbol, def scheme.Value) (scheme.Value, error) {
	c, ok := cv.(*scheme.Condition)
	if !ok {
		return nil, scheme.TypeError("get-condition-property", 1, "condition", cv)
	}
	if v, ok := c.Get(k.Name, p.Name); ok {
		return v, nil
	}
	if !c.Has(k.Name) { // as CHICKEN's: a condition not of the kind has #f (default or not)
		return scheme.False, nil
	}
	if scheme.IsDefault(def) {
		return nil, scheme.NewError("get-condition-property", "condition has no such property", []scheme.Value{k, p})
	}
	return def, nil
}

// conditionP implements condition?.
func conditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*scheme.Condition](a[0]), nil
}

// makePropertyCondition implements make-property-condition.
func makePropertyCondition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k, err := symArg(a[0], "make-property-condition", 1)
	if err != nil {
		return nil, err
	}
	c := scheme.NewCondition(k.Name)
	for i := 1; i+1 < len(a); i += 2 {
		p, err := symArg(a[i], "make-property-condition", i+1)
		if err != nil {
			return nil, err
		}
		c.Set(k.Name, p.Name, a[i+1])
	}
	return c, nil
}

// makeCompositeCondition implements make-composite-condition.
func makeCompositeCondition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return composite("make-composite-condition", a)
}

// condition implements condition: CHICKEN's, each argument a list (kind
// prop val ...); a condition argument adds its kinds, as R6RS's condition.
func condition(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	parts := make([]scheme.Value, len(a))
	for i, v := range a {
		if _, ok := v.(*scheme.Condition); ok {
			parts[i] = v
			continue
		}
		l, ok := scheme.ListToSlice(v)
		if !ok || len(l) == 0 || len(l)%2 == 0 {
			return nil, scheme.TypeError("condition", i+1, "list (kind prop val ...) or condition", v)
		}
		c, err := makePropertyCondition(th, l)
		if err != nil {
			return nil, err
		}
		parts[i] = c
	}
	return composite("condition", parts)
}

// conditionPredicate implements condition-predicate.
func conditionPredicate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k, err := symArg(a[0], "condition-predicate", 1)
	if err != nil {
		return nil, err
	}
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: k.Name + "?", Args: scheme.Params{Required: []string{"obj"}}, Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return kindPred(th, a, k.Name) }}), nil
}

// conditionPropertyAccessor implements condition-property-accessor.
func conditionPropertyAccessor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k, err := symArg(a[0], "condition-property-accessor", 1)
	if err != nil {
		return nil, err
	}
	p, err := symArg(a[1], "condition-property-accessor", 2)
	if err != nil {
		return nil, err
	}
	def := a[2]
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: k.Name + "-" + p.Name, Args: scheme.Params{Required: []string{"condition"}},
		Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) { return getProp(b[0], k, p, def) }}), nil
}

// getConditionProperty implements get-condition-property.
func getConditionProperty(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k, err := symArg(a[1], "get-condition-property", 2)
	if err != nil {
		return nil, err
	}
	p, err := symArg(a[2], "get-condition-property", 3)
	if err != nil {
		return nil, err
	}
	return getProp(a[0], k, p, a[3])
}

// conditionToList implements condition->list.
func conditionToList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, err := condArg(a[0], "condition->list", 1)
	if err != nil {
		return nil, err
	}
	var out []scheme.Value
	for _, k := range c.Kinds {
		out = append(out, scheme.Cons(k.Kind, scheme.List(k.Props...)))
	}
	return scheme.List(out...), nil
}

// whoConditionP implements who-condition?.
func whoConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*scheme.Condition)
	if !ok {
		return scheme.False, nil
	}
	v, ok := c.Get("exn", "location")
	return scheme.MakeBool(ok && v != scheme.Value(scheme.False)), nil
}

// conditionKinds implements condition-kinds.
func conditionKinds(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, err := condArg(a[0], "condition-kinds", 1)
	if err != nil {
		return nil, err
	}
	var out []scheme.Value
	for _, k := range c.Kinds {
		out = append(out, k.Kind)
	}
	return scheme.List(out...), nil
}

// errorObjectP implements error-object?.
func errorObjectP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return kindPred(th, a, "exn")
}

// errorP implements error?.
func errorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return kindPred(th, a, "exn") }

// errorObjectMessage implements error-object-message.
func errorObjectMessage(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return exnProp(th, a, "message", func() scheme.Value { return scheme.NewString("") })
}

// errorObjectIrritants implements error-object-irritants.
func errorObjectIrritants(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return exnProp(th, a, "arguments", func() scheme.Value { return scheme.Null })
}

// fileErrorP implements file-error?.
func fileErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return kindPred(th, a, "file")
}

// readErrorP implements read-error?.
func readErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return kindPred(th, a, "read")
}

// iWithOErrorP implements i/o-error?.
func iWithOErrorP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return kindPred(th, a, "i/o")
}

// conditionWho implements condition-who.
func conditionWho(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return exnProp(th, a, "location", func() scheme.Value { return scheme.False })
}

// messageConditionP implements message-condition?.
func messageConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return kindPred(th, a, "exn")
}

// conditionMessage implements condition-message.
func conditionMessage(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return exnProp(th, a, "message", func() scheme.Value { return scheme.NewString("") })
}

// irritantsConditionP implements irritants-condition?.
func irritantsConditionP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return kindPred(th, a, "exn")
}

// conditionIrritants implements condition-irritants.
func conditionIrritants(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return exnProp(th, a, "arguments", func() scheme.Value { return scheme.Null })
}

// conditionWithReportString implements condition/report-string.
func conditionWithReportString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.NewString(strings.TrimPrefix(scheme.ConditionSummary(a[0]), "uncaught exception: ")), nil
}
