// CHICKEN's explicit- and implicit-renaming macros ((chicken syntax)
// er-macro-transformer, ir-macro-transformer), begin-for-syntax and
// define-for-syntax, over the expander's identifiers (alias).

package scheme

// erTransformer is the value of er-macro-transformer (implicit false) and
// ir-macro-transformer (implicit true): proc is called with the form and
// a rename (inject) and a compare procedure.
type erTransformer struct {
	proc     Value
	implicit bool
}

// TypeName implements Value.
func (*erTransformer) TypeName() string { return "macro-transformer" }

// injectScope marks the identifiers an ir-macro transformer receives from
// its input or makes with inject: an alias with this env stands for its
// sym, inserted as-is in the output.
var injectScope = &scope{}

// renamer copies data replacing identifiers, the same identifier by the
// same replacement throughout one expansion (sharing and cycles kept).
type renamer struct {
	ids   map[Value]Value
	pairs map[*Pair]*Pair
	fn    func(id Value) Value // the replacement of an identifier not seen yet
	pos   map[*Pair]Pos        // source positions, given to the copies too (nil: none)
}

func newRenamer(pos map[*Pair]Pos, fn func(id Value) Value) *renamer {
	return &renamer{ids: map[Value]Value{}, pairs: map[*Pair]*Pair{}, fn: fn, pos: pos}
}

func (r *renamer) copy(v Value) Value {
	switch t := v.(type) {
	case *Symbol, *alias:
		if n, ok := r.ids[t]; ok {
			return n
		}
		n := r.fn(t)
		r.ids[t] = n
		return n
	case *Pair:
		if n, ok := r.pairs[t]; ok {
			return n
		}
		n := &Pair{}
		r.pairs[t] = n
		if p, ok := r.pos[t]; ok {
			r.pos[n] = p
		}
		n.Car, n.Cdr = r.copy(t.Car), r.copy(t.Cdr)
		return n
	case *Vector:
		out := make([]Value, len(t.Items))
		for i, e := range t.Items {
			out[i] = r.copy(e)
		}
		return &Vector{Items: out}
	}
	return v
}

// callER applies an er- or ir-macro to form, used in scope sc.
func (x *expander) callER(m *macro, form Value, sc *scope) Value {
	// rename: an identifier that refers to what it does where m was defined
	rename := newRenamer(x.pos, func(id Value) Value { return &alias{sym: id, env: m.env, ns: m.ns} })
	inject := newRenamer(x.pos, func(id Value) Value { return &alias{sym: id, env: injectScope} })
	// output of an ir-macro: injected identifiers as they were, the others renamed
	var output *renamer
	output = newRenamer(x.pos, func(id Value) Value {
		if a, ok := id.(*alias); ok {
			if a.env == injectScope {
				return a.sym
			}
			return a
		}
		return rename.copy(id)
	})
	compare := func(th *Thread, a []Value) (Value, error) {
		if m.er.implicit {
			return MakeBool(x.sameForm(output.copy(a[0]), output.copy(a[1]), sc)), nil
		}
		return MakeBool(x.sameForm(a[0], a[1], sc)), nil
	}
	cmp := NewPrimitive(nil, &Proc{Name: "compare", Args: Params{Required: []string{"a", "b"}}, Fn: compare})
	if !m.er.implicit {
		ren := NewPrimitive(nil, &Proc{Name: "rename", Args: Params{Required: []string{"identifier"}},
			Fn: func(th *Thread, a []Value) (Value, error) { return rename.copy(a[0]), nil }})
		return x.runTransformer(m, sc, m.er.proc, form, ren, cmp)
	}
	inj := NewPrimitive(nil, &Proc{Name: "inject", Args: Params{Required: []string{"identifier"}},
		Fn: func(th *Thread, a []Value) (Value, error) { return inject.copy(a[0]), nil }})
	out := x.runTransformer(m, sc, m.er.proc, inject.copy(form), inj, cmp)
	return output.copy(out)
}

// sameForm is the compare procedure of er- and ir-macros: identifiers
// denoting the same binding in sc, other data structurally (eqv? leaves).
func (x *expander) sameForm(a, b Value, sc *scope) bool {
	switch {
	case isIdent(a) && isIdent(b):
		return x.sameDen(x.resolveId(a, sc), a, x.resolveId(b, sc), b)
	case isIdent(a) || isIdent(b):
		return false
	}
	if pa, ok := a.(*Pair); ok {
		pb, ok := b.(*Pair)
		return ok && x.sameForm(pa.Car, pb.Car, sc) && x.sameForm(pa.Cdr, pb.Cdr, sc)
	}
	if va, ok := a.(*Vector); ok {
		vb, ok := b.(*Vector)
		if !ok || len(va.Items) != len(vb.Items) {
			return false
		}
		for i := range va.Items {
			if !x.sameForm(va.Items[i], vb.Items[i], sc) {
				return false
			}
		}
		return true
	}
	return datumEqual(a, b)
}

// sameDen reports whether identifiers a and b, resolved to da and db,
// denote the same thing: the same binding, or both unbound with the same name.
func (x *expander) sameDen(da any, a Value, db any, b Value) bool {
	if da == db {
		return true
	}
	sa, okA := da.(*Symbol)
	sb, okB := db.(*Symbol)
	return okA && okB && symName(a) == symName(b) && !x.in.bound(sa) && !x.in.bound(sb)
}

// duringExpansion prefixes the message of an error raised by the
// transformer of macro name as CHICKEN does: "during expansion of (name ...) - ".
func duringExpansion(in *Interp, err error, name string) error {
	switch err.(type) {
	case *escape, *ExitError:
		return err
	}
	c, ok := in.toCondition(err, name).(*Condition)
	if !ok || !c.Has("exn") {
		return err
	}
	c.Set("exn", "message", NewString("during expansion of ("+name+" ...) - "+c.Message()))
	return Raise(c)
}

// erMacroTransformer implements er-macro-transformer.
func erMacroTransformer(th *Thread, a []Value) (Value, error) {
	if !IsProcedure(a[0]) {
		return nil, TypeError("", 1, "procedure", a[0])
	}
	return &erTransformer{proc: a[0]}, nil
}

// irMacroTransformer implements ir-macro-transformer.
func irMacroTransformer(th *Thread, a []Value) (Value, error) {
	if !IsProcedure(a[0]) {
		return nil, TypeError("", 1, "procedure", a[0])
	}
	return &erTransformer{proc: a[0], implicit: true}, nil
}

// expandBeginForSyntax expands (begin-for-syntax form …): the forms are
// evaluated now, at expansion time, as top-level forms (tlsport's macro
// environment is the global one, so their definitions are seen at run
// time too).
func expandBeginForSyntax(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, "begin-for-syntax")
	x.phase++
	defer func() { x.phase-- }()
	for _, form := range it[1:] {
		n := (&compiler{in: x.in}).compile(x.toplevel(form), nil)
		if _, err := x.thread().run(n, nil); err != nil {
			x.raiseErr(err, "begin-for-syntax")
		}
	}
	return &cConst{Unspecified}
}

// expandDefineForSyntax expands (define-for-syntax name-or-signature value …).
func expandDefineForSyntax(x *expander, f *Pair, sc *scope) Value {
	x.items(f, 2, "define-for-syntax")
	return L(kw("begin-for-syntax"), &Pair{kw("define"), f.Cdr})
}

// syntaxErrorProc is syntax-error called by a transformer at expansion
// time: (syntax-error [location] message argument …).
func syntaxErrorProc(th *Thread, a []Value) (Value, error) {
	who := ""
	if len(a) > 0 {
		if s, ok := stripSyntax(a[0]).(*Symbol); ok {
			who, a = s.Name, a[1:]
		}
	}
	if len(a) == 0 {
		return nil, Raise(MakeError(who, "syntax error", nil, "syntax"))
	}
	msg := DisplayString(stripSyntax(a[0]))
	irritants := make([]Value, len(a)-1)
	for i, v := range a[1:] {
		irritants[i] = stripSyntax(v)
	}
	return nil, Raise(MakeError(who, msg, irritants, "syntax"))
}

// expandSyntaxErrorCall expands (syntax-error …) in code run at expansion
// time (a transformer): a call raising the error when the transformer runs.
func expandSyntaxErrorCall(x *expander, f *Pair, sc *scope) core {
	args := x.items(f, 1, "syntax-error")[1:]
	c := &cCall{f: &cConst{primSyntaxError}, args: make([]core, len(args)), pos: x.posOf(f)}
	for i, a := range args {
		c.args[i] = x.expand(a, sc)
	}
	return c
}

var primSyntaxError = NewPrimitive(nil, &Proc{Name: "syntax-error", Args: Params{Rest: "args", Spread: true}, Fn: syntaxErrorProc})

const specChickenSyntax = "CHICKEN (chicken syntax)"

// erMacroLibrary is the (chicken syntax) low-level macro part of the core.
var erMacroLibrary = &Library{Name: "(tlsport renaming-macros)",
	Doc: "CHICKEN 5 (chicken syntax) explicit- and implicit-renaming macros: define-syntax, let-syntax and letrec-syntax take the transformers these procedures return.",
	Procs: []Proc{
		{Name: "er-macro-transformer", Spec: specChickenSyntax, Sig: "(er-macro-transformer transformer)",
			Doc:  "An explicit-renaming macro transformer: (transformer form rename compare) returns the expansion; (rename sym) refers to what sym denotes where the macro was defined, (compare a b) tells whether two identifiers denote the same binding; other symbols are inserted as-is.",
			Args: Params{Required: []string{"transformer"}}, Fn: erMacroTransformer},
		{Name: "ir-macro-transformer", Spec: specChickenSyntax, Sig: "(ir-macro-transformer transformer)",
			Doc:  "An implicit-renaming macro transformer: (transformer form inject compare) returns the expansion, whose symbols refer to what they denote where the macro was defined unless they came from form or were made by (inject sym).",
			Args: Params{Required: []string{"transformer"}}, Fn: irMacroTransformer},
		{Name: "begin-for-syntax", Spec: specChickenSyntax, Sig: "(begin-for-syntax form ...)",
			Doc: "Evaluates the forms at macro-expansion time (definitions for transformers to use).", expand: expandBeginForSyntax},
		{Name: "define-for-syntax", Spec: specChickenSyntax, Sig: "(define-for-syntax name [value]) (define-for-syntax (name . formals) body ...)",
			Doc: "(begin-for-syntax (define …)): a definition made at macro-expansion time.", rewrite: expandDefineForSyntax},
		{Name: "expand", Spec: specChickenSyntax, Sig: "(expand x)",
			Doc:  "If x is a macro form (a use of a macro of the interaction environment: syntax-rules, er/ir, syntax-case, or a derived form tlsport rewrites, such as do or case-lambda), expands it, again until it is not; returns the result with renamed identifiers as plain symbols. The subforms are not expanded; the core forms (if, lambda, let …) are returned as they are.",
			Args: Params{Required: []string{"x"}}, Fn: expand},
	}}

// expand implements expand.
func expand(th *Thread, a []Value) (v Value, err error) {
	x := &expander{in: th.interp, th: th}
	defer recoverRaise(&err)
	return syntaxToDatum(th, []Value{x.expandHead(a[0])})
}

// expandHead expands form while it is a macro form at the top level.
func (x *expander) expandHead(form Value) Value {
	for i := 0; ; i++ {
		if i > maxExpandDepth {
			x.syntaxErr(form, "expand", "expansion does not end (limit %d)", maxExpandDepth)
		}
		p, ok := form.(*Pair)
		if !ok || !isIdent(p.Car) {
			return form
		}
		m, ok := x.resolveId(p.Car, nil).(*macro)
		switch {
		case !ok:
			return form
		case m.special == nil:
			form = x.transform(m, p, nil)
		case m.rewrite != nil:
			form = m.rewrite(x, p, nil)
		default:
			return form
		}
	}
}
