// Package rnrsconditions is R6RS's (rnrs conditions) and (rnrs exceptions)
// over the core's CHICKEN conditions: a condition type is a set of CHICKEN
// kinds (&error is exn, &assertion is exn assertion — and the core's (exn
// type) errors, &i/o is exn i/o …) with its fields kept as kind
// properties, so a condition raised by tlsport — a TLS failure is (exn i/o
// net openssl) — satisfies error?, i/o-error? and message-condition?, and
// a condition made in R6RS style is caught by CHICKEN's condition-case.
package rnrsconditions

import (
	"errors"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// CondType is an R6RS condition type.
type CondType struct {
	name   string
	parent *CondType
	kinds  []string // the kinds a condition of the type has
	fields []field  // own fields
	test   func(c *scheme.Condition) bool
}

// NewType returns a condition type without fields named name (such as
// "&pem-error") under parent (nil: &error), for a library written in Go:
// its conditions have parent's kinds plus the kind named name without its
// "&", which is also the kind a Go primitive raises (scheme.MakeError) to
// make a condition of the type, as define-condition-type does.
func NewType(name string, parent *CondType) *CondType {
	if parent == nil {
		parent = ctError
	}
	kind := strings.TrimPrefix(name, "&")
	return &CondType{name: name, parent: parent, kinds: append(append([]string(nil), parent.kinds...), kind),
		test: func(c *scheme.Condition) bool { return c.Has(kind) }}
}

// field is a condition field kept as property prop of kind.
type field struct{ name, kind, prop string }

// TypeName implements scheme.Value.
func (*CondType) TypeName() string { return "condition-type" }

// Repr implements scheme.Repr.
func (t *CondType) Repr() string { return "#<condition-type " + t.name + ">" }

var _ scheme.Repr = (*CondType)(nil)

var typeCondType = &scheme.Type{Name: "condition type", Accept: func(v scheme.Value) bool { _, ok := v.(*CondType); return ok }}

// allFields returns the fields of t and its ancestors, the ancestors' first.
func (t *CondType) allFields() []field {
	if t == nil {
		return nil
	}
	return append(t.parent.allFields(), t.fields...)
}

// make returns a condition of type t with the field values vals (own and
// inherited fields, the ancestors' first).
func (t *CondType) make(vals []scheme.Value) *scheme.Condition {
	c := scheme.NewCondition(t.kinds...)
	for i, f := range t.allFields() {
		if i < len(vals) {
			c.Set(f.kind, f.prop, vals[i])
		}
	}
	normalize(c)
	return c
}

// is reports whether v is a condition of type t.
func (t *CondType) is(v scheme.Value) scheme.Value {
	c, ok := v.(*scheme.Condition)
	return scheme.MakeBool(ok && t.test(c))
}

func hasProp(c *scheme.Condition, kind, prop string) bool {
	_, ok := c.Get(kind, prop)
	return ok
}

// exnMessage reports whether c's exn kind has a message of its own (not
// the "" normalize gives an R6RS-made &error): a CHICKEN condition, which is
// a &message and an &irritants.
func exnMessage(c *scheme.Condition) bool {
	v, ok := c.Get("exn", "message")
	return ok && !isDefault(v)
}

func exnLocation(c *scheme.Condition) scheme.Value {
	v, _ := c.Get("exn", "location")
	return v
}

// violationKinds are the kinds that make an exn condition a violation.
var violationKinds = []string{"violation", "assertion", "type", "bounds", "arity", "arithmetic", "syntax", "read", "lexical", "undefined",
	"non-continuable", "implementation-restriction"}

func violationish(c *scheme.Condition) bool {
	for _, k := range violationKinds {
		if c.Has(k) {
			return true
		}
	}
	return c.Has("exn") && c.Message() == "unbound variable" || badCall(c)
}

// badCall reports whether c is the core's error for a call of a
// case-lambda procedure with arguments no clause takes: a plain (exn), as
// CHICKEN raises it, but an &assertion to R6RS (r6rs-lib §5). (A call of a
// non-procedure is (exn type), an &assertion by its kind: r6rs §11.4.3.)
func badCall(c *scheme.Condition) bool {
	return c.Has("exn") && c.Message() == "no clause matches the arguments" && exnLocation(c) == scheme.Intern("case-lambda")
}

func isError(c *scheme.Condition) bool {
	return c.Has("error") || (c.Has("exn") && !violationish(c))
}

// isDefault reports whether v is the default exn message that normalize
// fills in ("").
func isDefault(v scheme.Value) bool {
	s, ok := v.(*scheme.String)
	return ok && s.Len() == 0
}

// exnFields pairs the R6RS kind and property of the message, irritants
// and who with the exn property CHICKEN keeps them in.
var exnFields = [][3]string{{"message", "message", "message"}, {"irritants", "irritants", "arguments"}, {"who", "who", "location"}}

// normalize copies the R6RS message, irritants and who of a condition into
// its exn kind (when it has one), where CHICKEN's view and the error
// report read them.
func normalize(c *scheme.Condition) {
	if !c.Has("exn") {
		return
	}
	for _, m := range exnFields {
		if v, ok := c.Get(m[0], m[1]); ok {
			if m[2] == "location" {
				if s, ok := v.(*scheme.String); ok {
					v = scheme.Intern(s.String())
				}
			}
			c.Set("exn", m[2], v)
		}
	}
	for _, p := range []struct {
		prop string
		def  scheme.Value
	}{{"message", scheme.NewString("")}, {"arguments", scheme.Null}, {"location", scheme.False}} {
		if !hasProp(c, "exn", p.prop) {
			c.Set("exn", p.prop, p.def)
		}
	}
}

func condArg(v scheme.Value, pos int) (*scheme.Condition, error) {
	c, ok := v.(*scheme.Condition)
	if !ok {
		return nil, scheme.TypeError("", pos, "condition", v)
	}
	return c, nil
}

// compose returns the compound condition of the conditions' kinds,
// normalized. A field two components have keeps the first one's value, as
// the accessors read the first component of their type (r6rs-lib §7.2.1).
func compose(a []scheme.Value) (scheme.Value, error) {
	out, ps := &scheme.Condition{}, &parts{}
	for i, v := range a {
		c, err := condArg(v, i+1)
		if err != nil {
			return nil, err
		}
		// a CHICKEN condition's message, arguments and location are its
		// &message, &irritants and &who, first in the order too, unless it
		// has only the defaults normalize gave an R6RS-made condition
		if exnMessage(c) && !hasProp(c, "message", "message") {
			for _, m := range exnFields {
				if v, ok := c.Get("exn", m[2]); ok && !hasProp(c, m[0], m[1]) && !hasProp(out, m[0], m[1]) && v != scheme.False {
					out.Set(m[0], m[1], v)
				}
			}
		}
		for _, k := range c.Kinds {
			for j := 0; j+1 < len(k.Props); j += 2 {
				if p := k.Props[j].(*scheme.Symbol).Name; !hasProp(out, k.Kind.Name, p) {
					out.Set(k.Kind.Name, p, k.Props[j+1])
				}
			}
			if !out.Has(k.Kind.Name) {
				out.Kinds = append(out.Kinds, scheme.CondKind{Kind: k.Kind})
			}
		}
		ps.list = append(ps.list, simples(c)...)
		if ps.cause == nil {
			ps.cause = c.Cause
		}
	}
	out.Cause = ps
	normalize(out)
	return out, nil
}

// parts is the Cause of a condition made by condition: its simple
// conditions in order (which merging the kinds loses), unwrapping to the
// cause of the first component that has one.
type parts struct {
	list  []scheme.Value
	cause error
}

func (p *parts) Error() string {
	if p.cause != nil {
		return p.cause.Error()
	}
	return "compound condition"
}

func (p *parts) Unwrap() error { return p.cause }

// simples returns the simple conditions of c (r6rs-lib §7.2.1): those it
// was made of, or for a condition made at once (by error, by a
// constructor, by the core) one for its type — its kinds but the &who,
// &message and &irritants ones — then its &who, &message and &irritants,
// from their kinds or from what CHICKEN's exn keeps of them.
func simples(c *scheme.Condition) []scheme.Value {
	if ps, ok := c.Cause.(*parts); ok {
		return ps.list
	}
	main := &scheme.Condition{Cause: c.Cause}
	for _, k := range c.Kinds {
		switch k.Kind.Name {
		case "who", "message", "irritants":
		case "exn":
			main.Kinds = append(main.Kinds, scheme.CondKind{Kind: k.Kind})
		default:
			main.Kinds = append(main.Kinds, scheme.CondKind{Kind: k.Kind, Props: append([]scheme.Value(nil), k.Props...)})
		}
	}
	var out []scheme.Value
	if len(main.Kinds) > 0 {
		out = append(out, main)
	}
	exnMsg := ctMessage.test(c) && !hasProp(c, "message", "message")
	for _, m := range [][3]string{exnFields[2], exnFields[0], exnFields[1]} { // who, message, irritants
		v, ok := c.Get(m[0], m[1])
		if !ok && exnMsg {
			v, ok = c.Get("exn", m[2])
		}
		if ok && (m[0] != "who" || v != scheme.False) {
			out = append(out, scheme.NewCondition(m[0]).Set(m[0], m[1], v))
		}
	}
	return out
}

// simpleConditions implements simple-conditions.
func simpleConditions(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, err := condArg(a[0], 1)
	if err != nil {
		return nil, err
	}
	return scheme.List(simples(c)...), nil
}

// conditionPredicate implements condition-predicate: for a condition type
// (R6RS) or a kind symbol (CHICKEN).
func conditionPredicate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var test func(c *scheme.Condition) bool
	switch t := a[0].(type) {
	case *CondType:
		test = t.test
	case *scheme.Symbol:
		test = func(c *scheme.Condition) bool { return c.Has(t.Name) }
	default:
		return nil, scheme.TypeError("", 1, "condition type or kind symbol", a[0])
	}
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "condition-predicate", Spec: specCond, Doc: "Condition predicate.",
		Args: scheme.Lambda(req("obj", nil)), Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			c, ok := b[0].(*scheme.Condition)
			return scheme.MakeBool(ok && test(c)), nil
		}}), nil
}

// conditionAccessor implements condition-accessor: proc applied to the
// condition (field accessors made by define-condition-type take the whole
// condition).
func conditionAccessor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t, proc := a[0].(*CondType), a[1]
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "condition-accessor", Spec: specCond, Doc: "Condition field accessor.",
		Args: scheme.Lambda(req("condition", nil)), Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			c, ok := b[0].(*scheme.Condition)
			if !ok || !t.test(c) {
				return nil, scheme.TypeError("", 1, t.name+" condition", b[0])
			}
			return th.TailCall(proc, []scheme.Value{c})
		}}), nil
}

// fieldAccessor returns the accessor of field f of type t.
func fieldAccessor(t *CondType, f field, who string) scheme.Value {
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: who, Spec: specCond, Doc: "Condition field accessor.",
		Args: scheme.Lambda(req("condition", nil)), Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			c, ok := b[0].(*scheme.Condition)
			if !ok || !t.test(c) {
				return nil, scheme.TypeError(who, 1, t.name+" condition", b[0])
			}
			if v, ok := c.Get(f.kind, f.prop); ok {
				return v, nil
			}
			return scheme.False, nil
		}})
}

// get reads a standard field: the R6RS kind's property, else exn's.
func get(a []scheme.Value, t *CondType, kind, prop, exnProp string, def scheme.Value) (scheme.Value, error) {
	c, ok := a[0].(*scheme.Condition)
	if !ok || !t.test(c) {
		return nil, scheme.TypeError("", 1, t.name+" condition", a[0])
	}
	if v, ok := c.Get(kind, prop); ok {
		return v, nil
	}
	if v, ok := c.Get("exn", exnProp); ok {
		return v, nil
	}
	return def, nil
}

// conditionMessage implements condition-message.
func conditionMessage(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return get(a, ctMessage, "message", "message", "message", scheme.NewString(""))
}

// conditionIrritants implements condition-irritants.
func conditionIrritants(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return get(a, ctIrritants, "irritants", "irritants", "arguments", scheme.Null)
}

// conditionWho implements condition-who.
func conditionWho(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return get(a, ctWho, "who", "who", "location", scheme.False)
}

// syntaxViolationForm implements syntax-violation-form.
func syntaxViolationForm(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return get(a, ctSyntax, "syntax", "form", "form", scheme.False)
}

// syntaxViolationSubform implements syntax-violation-subform.
func syntaxViolationSubform(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return get(a, ctSyntax, "syntax", "subform", "subform", scheme.False)
}

// internalMakeConditionType makes the type of a define-condition-type.
func internalMakeConditionType(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	name := a[0].(*scheme.Symbol).Name
	parent, ok := a[1].(*CondType)
	if !ok {
		return nil, scheme.TypeError("define-condition-type", 2, "condition type", a[1])
	}
	kind := strings.TrimPrefix(name, "&")
	t := &CondType{name: name, parent: parent, kinds: append(append([]string(nil), parent.kinds...), kind)}
	t.test = func(c *scheme.Condition) bool { return c.Has(kind) }
	names, _ := scheme.ListToSlice(a[2])
	for _, n := range names {
		t.fields = append(t.fields, field{name: n.(*scheme.Symbol).Name, kind: kind, prop: n.(*scheme.Symbol).Name})
	}
	return t, nil
}

// internalConditionConstructor is the constructor of a define-condition-type.
func internalConditionConstructor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := a[0].(*CondType)
	n := len(t.allFields())
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: "make-" + strings.TrimPrefix(t.name, "&"), Spec: specCond, Doc: "Condition constructor.",
		Args: scheme.Lambda(scheme.Rest("fields", nil)), Fn: func(th *scheme.Thread, b []scheme.Value) (scheme.Value, error) {
			vals, _ := scheme.ListToSlice(b[0])
			if len(vals) != n {
				return nil, scheme.NewError("", "wrong number of field values", vals, "arity")
			}
			return t.make(vals), nil
		}}), nil
}

// internalConditionPredicate is the predicate of a define-condition-type.
func internalConditionPredicate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return conditionPredicate(th, a)
}

// internalConditionFieldAccessor is a field accessor of a define-condition-type.
func internalConditionFieldAccessor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t := a[0].(*CondType)
	n := a[1].(*scheme.Symbol).Name
	for _, f := range t.allFields() {
		if f.name == n {
			return fieldAccessor(t, f, n), nil
		}
	}
	return nil, scheme.Errorf("define-condition-type: no field %s", n)
}

func prim(name string, fn scheme.PrimFn, n int) *scheme.Primitive {
	ps := make([]scheme.Param, n)
	for i := range ps {
		ps[i] = req("arg"+string(rune('1'+i)), nil)
	}
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: name, Spec: specCond, Doc: "define-condition-type helper.", Args: scheme.Lambda(ps...), Fn: fn})
}

var (
	makeTypeProc = prim("make-condition-type", internalMakeConditionType, 3)
	ctorProc     = prim("condition-constructor", internalConditionConstructor, 1)
	predProc     = prim("condition-predicate", internalConditionPredicate, 1)
	accProc      = prim("condition-accessor", internalConditionFieldAccessor, 2)
)

// defineConditionType implements define-condition-type:
// (define-condition-type &name &parent make-name name? (field accessor) ...).
func defineConditionType(form scheme.Value) (scheme.Value, error) {
	it, ok := scheme.ListToSlice(form)
	if !ok || len(it) < 5 {
		return nil, errors.New("expected (define-condition-type type parent constructor predicate (field accessor) ...)")
	}
	sym := scheme.Intern
	quote := func(v scheme.Value) scheme.Value { return scheme.List(sym("quote"), v) }
	def := func(n, e scheme.Value) scheme.Value { return scheme.List(sym("define"), n, e) }
	tname, _ := scheme.IdentifierName(it[1])
	var fields, accs []scheme.Value
	for _, fs := range it[5:] {
		l, ok := scheme.ListToSlice(fs)
		if !ok || len(l) != 2 {
			return nil, errors.New("bad field spec " + scheme.WriteString(scheme.StripSyntax(fs)))
		}
		fname, _ := scheme.IdentifierName(l[0])
		fields = append(fields, sym(fname))
		accs = append(accs, def(l[1], scheme.List(accProc, it[1], quote(sym(fname)))))
	}
	out := []scheme.Value{sym("begin"),
		def(it[1], scheme.List(makeTypeProc, quote(sym(tname)), it[2], quote(scheme.List(fields...)))),
		def(it[3], scheme.List(ctorProc, it[1])),
		def(it[4], scheme.List(predProc, it[1]))}
	return scheme.List(append(out, accs...)...), nil
}
