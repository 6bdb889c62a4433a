// R6RS syntax-case (r6rs-lib §12): procedural transformers, syntax-case, syntax, quasisyntax, with-syntax and the syntax-object procedures, over the syntax-rules expander's identifiers (alias) and matcher.

package scheme

import "context"

// Syntax objects are data whose identifiers may be aliases (renamed
// symbols carrying the scope they were introduced in), as syntax-rules
// macros produce them. A procedural transformer is called with the whole
// form and returns such a datum; (syntax template) instantiates a template
// as syntax-rules does: pattern variables replaced by what they matched,
// other identifiers renamed fresh in the scope of the macro definition.

// macroCtx is the expansion a transformer call belongs to: its expander and
// the scope of the macro use (free-identifier=?, literal matching).
type macroCtx struct {
	x  *expander
	sc *scope
}

// varTransformer is the value of make-variable-transformer.
type varTransformer struct{ proc Value }

// TypeName implements Value.
func (*varTransformer) TypeName() string { return "variable-transformer" }

// patValue is the run-time value of a pattern variable: what it matched
// (a Value, or nested []any under ellipses).
type patValue struct{ v any }

// TypeName implements Value.
func (*patValue) TypeName() string { return "pattern-variable" }

// scClause is one clause of a syntax-case form.
type scClause struct {
	m       *macro // literals, ellipsis, env of the literals
	pattern Value
	vars    []Value
}

// scDesc describes a syntax-case form for %syntax-case-run.
type scDesc struct{ clauses []scClause }

// TypeName implements Value.
func (*scDesc) TypeName() string { return "syntax-case" }

// synDesc describes a syntax form for %syntax-build.
type synDesc struct {
	tmpl Value
	env  *scope
	ns   *namespace // the library the template is in (nil: the top level)
	ids  []Value    // the pattern variables the template uses, in argument order
}

// TypeName implements Value.
func (*synDesc) TypeName() string { return "syntax-template" }

// thread returns the thread transformers run on.
func (x *expander) thread() *Thread {
	if x.th == nil {
		x.th = x.in.newThread(context.Background())
	}
	return x.th
}

// raiseErr re-raises an error from Scheme code run during expansion.
func (x *expander) raiseErr(err error, who string) {
	switch e := err.(type) {
	case *escape, *ExitError: // a continuation or exit leaving the transformer
		panic(e)
	}
	panic(&schemePanic{v: x.in.toCondition(err, who)})
}

// evalTransformer evaluates a transformer expression (in the global
// environment) when a macro is defined; templates in it introduce
// identifiers in the scope of the definition, sc.
func (x *expander) evalTransformer(spec Value, sc *scope, name string) *macro {
	saved := x.defEnv
	x.defEnv = sc
	x.phase++
	c := func() core {
		defer func() { x.defEnv = saved; x.phase-- }()
		return x.expand(spec, nil)
	}()
	n := (&compiler{in: x.in}).compile(c, nil)
	v, err := x.thread().run(n, nil)
	if err != nil {
		x.raiseErr(err, name)
	}
	m := &macro{name: name, env: sc, ns: x.ns}
	switch t := v.(type) {
	case *varTransformer:
		m.proc, m.variable = t.proc, true
	case *erTransformer:
		m.er = t
	default:
		if !IsProcedure(v) {
			x.syntaxErr(spec, name, "transformer is not a procedure: %s", WriteString(v))
		}
		m.proc = v
	}
	return m
}

// callTransformer applies a procedural macro to form (the whole form, or
// the keyword alone for an identifier macro).
func (x *expander) callTransformer(m *macro, form Value, sc *scope) Value {
	var v Value
	if m.er != nil {
		v = x.callER(m, form, sc)
	} else {
		v = x.runTransformer(m, sc, m.proc, form)
	}
	if p, ok := v.(*Pair); ok && x.pos != nil {
		if _, has := x.pos[p]; !has {
			x.pos[p] = x.posOf(form)
		}
	}
	return v
}

// runTransformer calls the transformer procedure proc of macro m, used in
// scope sc, with args.
func (x *expander) runTransformer(m *macro, sc *scope, proc Value, args ...Value) Value {
	th := x.thread()
	saved := th.macroCtx
	th.macroCtx = &macroCtx{x: x, sc: sc}
	handlers := th.dyn.handlers
	if m.er != nil { // an error leaves the transformer, reported as an error of the expansion
		th.dyn.handlers = nil
	}
	v, err := th.Call(proc, args...)
	th.macroCtx, th.dyn.handlers = saved, handlers
	if err != nil {
		if m.er != nil {
			err = duringExpansion(x.in, err, m.name)
		}
		x.raiseErr(err, m.name)
	}
	return v
}

// expansion returns the expansion a transformer runs in (a global one outside any).
func (th *Thread) expansion() *macroCtx {
	if th.macroCtx != nil {
		return th.macroCtx
	}
	return &macroCtx{x: &expander{in: th.interp, th: th}}
}

// isPatVar reports whether identifier t is a pattern variable of an
// enclosing syntax-case clause.
func (x *expander) isPatVar(t Value) bool {
	for i := len(x.pvars) - 1; i >= 0; i-- {
		if x.pvars[i][t] {
			return true
		}
	}
	return false
}

// expandSyntaxCase expands (syntax-case expr (literal ...) clause ...).
func expandSyntaxCase(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "syntax-case")
	lits, ok := ListToSlice(it[2])
	if !ok {
		x.syntaxErr(f, "syntax-case", "expected a literals list")
	}
	desc := &scDesc{}
	args := []core{x.expand(it[1], sc), &cConst{desc}}
	for _, cl := range it[3:] {
		parts := x.items(cl, 2, "syntax-case")
		if len(parts) > 3 {
			x.syntaxErr(cl, "syntax-case", "expected (pattern [fender] output)")
		}
		m := &macro{name: "syntax-case", ellipsis: Intern("..."), literals: lits, env: sc}
		vars := x.patVars(m, parts[0], nil)
		desc.clauses = append(desc.clauses, scClause{m: m, pattern: parts[0], vars: vars})
		set := map[Value]bool{}
		for _, v := range vars {
			set[v] = true
		}
		x.pvars = append(x.pvars, set)
		params := List(vars...)
		var fender core = &cConst{False}
		if len(parts) == 3 {
			fender = x.expand(L(kw("lambda"), params, parts[1]), sc)
		}
		body := x.expand(L(kw("lambda"), params, parts[len(parts)-1]), sc)
		x.pvars = x.pvars[:len(x.pvars)-1]
		args = append(args, fender, body)
	}
	return &cCall{f: &cConst{primSyntaxCaseRun}, args: args, pos: x.posOf(f)}
}

// templateVars returns the pattern variables a template uses.
func (x *expander) templateVars(t Value, sc *scope, seen map[Value]bool, out []Value) []Value {
	switch v := t.(type) {
	case *Symbol, *alias:
		if !seen[v] && x.isPatVar(v) {
			if _, local := x.resolveId(v, sc).(*binding); local {
				seen[v] = true
				out = append(out, v)
			}
		}
	case *Pair:
		out = x.templateVars(v.Car, sc, seen, out)
		out = x.templateVars(v.Cdr, sc, seen, out)
	case *Vector:
		for _, e := range v.Items {
			out = x.templateVars(e, sc, seen, out)
		}
	}
	return out
}

// expandSyntax expands (syntax template).
func expandSyntax(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 2, "syntax")
	if len(it) != 2 {
		x.syntaxErr(f, "syntax", "expected (syntax template)")
	}
	ids := x.templateVars(it[1], sc, map[Value]bool{}, nil)
	args := []core{&cConst{&synDesc{tmpl: it[1], env: x.defEnv, ns: x.ns, ids: ids}}}
	for _, id := range ids {
		args = append(args, x.expand(id, sc))
	}
	return &cCall{f: &cConst{primSyntaxBuild}, args: args, pos: x.posOf(f)}
}

// expandWithSyntax expands (with-syntax ((pattern expr) ...) body ...).
func expandWithSyntax(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "with-syntax")
	var pats, exprs []Value
	for _, b := range x.items(it[1], 0, "with-syntax") {
		bl := x.items(b, 2, "with-syntax")
		if len(bl) != 2 {
			x.syntaxErr(b, "with-syntax", "expected (pattern expr)")
		}
		pats, exprs = append(pats, bl[0]), append(exprs, bl[1])
	}
	return L(kw("syntax-case"), &Pair{kw("%list"), List(exprs...)}, Null,
		L(List(pats...), &Pair{kw("let"), &Pair{Null, listFrom(it[2:])}}))
}

// expandQuasisyntax expands (quasisyntax template): each (unsyntax e) is a
// fresh pattern variable bound to e, each (unsyntax-splicing e) one
// followed by an ellipsis, bound to the elements of e.
func expandQuasisyntax(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "quasisyntax")
	var binds []Value
	n := 0
	fresh := func() Value { n++; return &alias{sym: Intern("unsyntax" + itoa(n))} }
	var walk func(t Value) Value
	walk = func(t Value) Value {
		switch v := t.(type) {
		case *Pair:
			if isIdent(v.Car) && symName(v.Car) == "unsyntax" {
				id := fresh()
				binds = append(binds, L(id, carOf(v.Cdr)))
				return id
			}
			if ip, ok := v.Car.(*Pair); ok && isIdent(ip.Car) && symName(ip.Car) == "unsyntax-splicing" {
				id := fresh()
				binds = append(binds, L(L(id, Intern("...")), carOf(ip.Cdr)))
				return &Pair{id, &Pair{Intern("..."), walk(v.Cdr)}}
			}
			return &Pair{walk(v.Car), walk(v.Cdr)}
		case *Vector:
			l, _ := ListToSlice(walk(List(v.Items...)))
			return &Vector{Items: l}
		}
		return t
	}
	t := walk(it[1])
	return L(kw("with-syntax"), List(binds...), L(kw("syntax"), t))
}

func itoa(n int) string { return WriteString(Fixnum(n)) }

// expandUnsyntax rejects unsyntax outside quasisyntax.
func expandUnsyntax(x *expander, f *Pair, sc *scope) core {
	x.syntaxErr(f, symName(f.Car), "%s outside quasisyntax", symName(f.Car))
	return nil
}

// expandUnsyntaxSplicing rejects unsyntax-splicing outside quasisyntax.
func expandUnsyntaxSplicing(x *expander, f *Pair, sc *scope) core { return expandUnsyntax(x, f, sc) }

// internalSyntaxCaseRun implements %syntax-case-run: (input desc fender1
// body1 …) tries each clause's pattern; the body of the first that
// matches (and whose fender accepts) is called with the pattern variables.
func internalSyntaxCaseRun(th *Thread, a []Value) (Value, error) {
	input, desc := a[0], a[1].(*scDesc)
	ctx := th.expansion()
	for i, cl := range desc.clauses {
		b := map[Value]any{}
		if !ctx.x.match(cl.m, cl.pattern, input, b, ctx.sc) {
			continue
		}
		args := make([]Value, len(cl.vars))
		for j, v := range cl.vars {
			args[j] = &patValue{b[v]}
		}
		if fender := a[2+2*i]; fender != False {
			ok, err := th.Call(fender, args...)
			if err != nil {
				return nil, err
			}
			if ok == False {
				continue
			}
		}
		return th.TailCall(a[3+2*i], args)
	}
	c := MakeError("syntax-case", "invalid syntax", []Value{stripSyntax(input)}, "syntax")
	c.Set("syntax", "form", stripSyntax(input))
	c.Set("syntax", "subform", False)
	return nil, Raise(c)
}

// internalSyntaxBuild implements %syntax-build: (desc value …) instantiates
// the template with the pattern variables' values.
func internalSyntaxBuild(th *Thread, a []Value) (v Value, err error) {
	d := a[0].(*synDesc)
	b := make(map[Value]any, len(d.ids))
	for i, id := range d.ids {
		if pv, ok := a[1+i].(*patValue); ok {
			b[id] = pv.v
		} else {
			b[id] = a[1+i]
		}
	}
	defer func() {
		if r := recover(); r != nil {
			sp, ok := r.(*schemePanic)
			if !ok {
				panic(r)
			}
			v, err = nil, Raise(sp.v)
		}
	}()
	// the template's identifiers mean what they mean where it is written:
	// in a library, its own definitions, exported or not
	m := &macro{name: "syntax", ellipsis: Intern("..."), env: d.env, ns: d.ns}
	return th.expansion().x.instantiate(m, d.tmpl, b, map[Value]Value{}, false), nil
}

// identifierP implements identifier?.
func identifierP(th *Thread, a []Value) (Value, error) { return MakeBool(isIdent(a[0])), nil }

func idArgs(a []Value) error {
	for i := range 2 {
		if !isIdent(a[i]) {
			return TypeError("", i+1, "identifier", a[i])
		}
	}
	return nil
}

// boundIdentifierEqP implements bound-identifier=?.
func boundIdentifierEqP(th *Thread, a []Value) (Value, error) {
	if err := idArgs(a); err != nil {
		return nil, err
	}
	if a[0] == a[1] {
		return True, nil
	}
	// the same name introduced in the same scope: aliases made by
	// different evaluations of a template count as the same identifier
	x, xa := a[0].(*alias)
	y, ya := a[1].(*alias)
	return MakeBool(xa && ya && x.env == y.env && stripSyntax(x) == stripSyntax(y)), nil
}

// freeIdentifierEqP implements free-identifier=?.
func freeIdentifierEqP(th *Thread, a []Value) (Value, error) {
	if err := idArgs(a); err != nil {
		return nil, err
	}
	ctx := th.expansion()
	return MakeBool(ctx.x.resolveId(a[0], ctx.sc) == ctx.x.resolveId(a[1], ctx.sc)), nil
}

// syntaxToDatum implements syntax->datum.
func syntaxToDatum(th *Thread, a []Value) (Value, error) { return stripSyntax(a[0]), nil }

// datumToSyntax implements datum->syntax: the datum's symbols become
// identifiers introduced where template-id was.
func datumToSyntax(th *Thread, a []Value) (Value, error) {
	tid, ok := a[0].(*alias)
	if !ok {
		if !isIdent(a[0]) {
			return nil, TypeError("", 1, "identifier", a[0])
		}
		return a[1], nil
	}
	ren := map[*Symbol]*alias{}
	var conv func(v Value) Value
	conv = func(v Value) Value {
		switch x := v.(type) {
		case *Symbol:
			if r, ok := ren[x]; ok {
				return r
			}
			r := &alias{sym: x, env: tid.env, ns: tid.ns}
			ren[x] = r
			return r
		case *Pair:
			return &Pair{conv(x.Car), conv(x.Cdr)}
		case *Vector:
			out := make([]Value, len(x.Items))
			for i, e := range x.Items {
				out[i] = conv(e)
			}
			return &Vector{Items: out}
		}
		return v
	}
	return conv(a[1]), nil
}

// generateTemporaries implements generate-temporaries.
func generateTemporaries(th *Thread, a []Value) (Value, error) {
	l, ok := ListToSlice(stripSyntax(a[0]))
	if !ok {
		return nil, TypeError("", 1, "list", a[0])
	}
	out := make([]Value, len(l))
	for i := range l {
		out[i] = &alias{sym: &Symbol{Name: "t" + itoa(i)}} // uninterned: fresh at every call
	}
	return List(out...), nil
}

// syntaxViolation implements syntax-violation.
func syntaxViolation(th *Thread, a []Value) (Value, error) {
	who := ""
	switch w := a[0].(type) {
	case *Symbol:
		who = w.Name
	case *String:
		who = w.String()
	case *alias:
		who = symName(w)
	}
	msg := DisplayString(a[1])
	if s, ok := a[1].(*String); ok {
		msg = s.String()
	}
	form := stripSyntax(a[2])
	sub := Value(False)
	if !IsDefault(a[3]) {
		sub = stripSyntax(a[3])
	}
	c := MakeError(who, msg, []Value{form}, "syntax")
	c.Set("syntax", "form", form)
	c.Set("syntax", "subform", sub)
	return nil, Raise(c)
}

// makeVariableTransformer implements make-variable-transformer.
func makeVariableTransformer(th *Thread, a []Value) (Value, error) {
	if !IsProcedure(a[0]) {
		return nil, TypeError("", 1, "procedure", a[0])
	}
	return &varTransformer{a[0]}, nil
}

var (
	primSyntaxCaseRun = NewPrimitive(nil, &Proc{Name: "%syntax-case-run", Args: Params{Required: []string{"input", "desc"}, Rest: "clauses", Spread: true}, Fn: internalSyntaxCaseRun})
	primSyntaxBuild   = NewPrimitive(nil, &Proc{Name: "%syntax-build", Args: Params{Required: []string{"desc"}, Rest: "values", Spread: true}, Fn: internalSyntaxBuild})
)

const specSC = "r6rs-lib §12"

// syntaxCaseLibrary is (rnrs syntax-case), part of the core: the
// expander's procedural macros.
var syntaxCaseLibrary = &Library{Name: "(rnrs syntax-case)",
	Doc: "R6RS syntax-case (r6rs-lib §12): define-syntax, let-syntax and letrec-syntax also take a transformer procedure (of the form, returning the expansion) or a variable transformer.",
	Procs: []Proc{
		{Name: "syntax-case", Spec: specSC, Sig: "(syntax-case expr (literal ...) (pattern [fender] output) ...)",
			Doc: "Matches the syntax object expr against the patterns (the whole form, keyword included); the first clause whose pattern matches and fender is true gives the value, its pattern variables usable in syntax templates.", expand: expandSyntaxCase},
		{Name: "syntax", Spec: specSC, Sig: "(syntax template)", Doc: "#'template: the template with the pattern variables replaced (ellipses expanded) and the other identifiers renamed hygienically.", expand: expandSyntax},
		{Name: "quasisyntax", Spec: specSC, Sig: "(quasisyntax template)", Doc: "#`template: syntax with #,expr and #,@expr inserting computed syntax.", rewrite: expandQuasisyntax},
		{Name: "unsyntax", Spec: specSC, Sig: "(unsyntax expr)", Doc: "#,expr inside quasisyntax.", expand: expandUnsyntax},
		{Name: "unsyntax-splicing", Spec: specSC, Sig: "(unsyntax-splicing expr)", Doc: "#,@expr inside quasisyntax.", expand: expandUnsyntaxSplicing},
		{Name: "with-syntax", Spec: specSC, Sig: "(with-syntax ((pattern expr) ...) body ...)", Doc: "Binds the pattern variables of the patterns matched against the exprs' values in body.", rewrite: expandWithSyntax},
		{Name: "identifier?", Spec: specSC, Sig: "(identifier? obj)", Doc: "Is obj an identifier (a symbol in a syntax object)?", Args: Params{Required: []string{"obj"}}, Fn: identifierP},
		{Name: "bound-identifier=?", Spec: specSC, Sig: "(bound-identifier=? id1 id2)", Doc: "Would a binding of one capture the other (the same identifier)?", Args: Params{Required: []string{"id1", "id2"}}, Fn: boundIdentifierEqP},
		{Name: "free-identifier=?", Spec: specSC, Sig: "(free-identifier=? id1 id2)", Doc: "Do the identifiers refer to the same binding where the macro is used?", Args: Params{Required: []string{"id1", "id2"}}, Fn: freeIdentifierEqP},
		{Name: "syntax->datum", Spec: specSC, Sig: "(syntax->datum syntax-object)", Doc: "The datum of a syntax object (identifiers back to symbols).", Args: Params{Required: []string{"syntax-object"}}, Fn: syntaxToDatum},
		{Name: "strip-syntax", Spec: "CHICKEN (chicken syntax)", Sig: "(strip-syntax expression)", Doc: "Same as syntax->datum: expression with renamed identifiers back to plain symbols.", Args: Params{Required: []string{"expression"}}, Fn: syntaxToDatum},
		{Name: "datum->syntax", Spec: specSC, Sig: "(datum->syntax template-id datum)", Doc: "A syntax object of datum whose identifiers behave as if introduced where template-id was.", Args: Params{Required: []string{"template-id", "datum"}}, Fn: datumToSyntax},
		{Name: "generate-temporaries", Spec: specSC, Sig: "(generate-temporaries list)", Doc: "A list of fresh identifiers, one per element of list.", Args: Params{Required: []string{"list"}}, Fn: generateTemporaries},
		{Name: "syntax-violation", Spec: specSC, Sig: "(syntax-violation who message form [subform])", Doc: "Raises a &syntax condition ((exn syntax)) with form and subform.", Args: Params{Required: []string{"who", "message", "form"}, Optional: []string{"subform"}}, Fn: syntaxViolation},
		{Name: "make-variable-transformer", Spec: specSC, Sig: "(make-variable-transformer proc)", Doc: "A transformer also called for (set! keyword expr).", Args: Params{Required: []string{"proc"}}, Fn: makeVariableTransformer},
	}}
