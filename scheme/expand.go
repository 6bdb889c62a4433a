// Expander: derived forms and macros to the core language, with renaming hygiene.

package scheme

import (
	"context"
	"fmt"
	"strings"

	"github.com/tlsport/tlsport/internal/ctxio"
)

// expander expands forms for one compilation unit.
type expander struct {
	in    *Interp
	pos   map[*Pair]Pos
	last  Pos // position of the innermost form being expanded
	dir   string
	depth int
	ns    *namespace // the module or library being expanded; nil: the interaction environment
	// syntax-case (syntaxcase.go)
	th     *Thread          // runs procedural transformers (nil: made when needed)
	defEnv *scope           // scope of the macro definition whose transformer is being expanded
	pvars  []map[Value]bool // pattern variables of the enclosing syntax-case clauses
	phase  int              // > 0: expanding code run at expansion time (transformers)
}

// maxExpandDepth bounds nesting and macro recursion (also catches circular code).
const maxExpandDepth = 10000

// syntaxErr raises an (exn syntax) condition at the form's position.
func (x *expander) syntaxErr(form Value, who, format string, a ...any) {
	p := x.posOf(form)
	msg := fmt.Sprintf(format, a...)
	if p.Line > 0 {
		msg = p.String() + ": " + msg
	}
	var irritants []Value
	if form != nil {
		irritants = []Value{stripSyntax(form)}
	}
	panic(&schemePanic{v: MakeError(who, msg, irritants, "syntax")})
}

func (x *expander) posOf(form Value) Pos {
	if p, ok := form.(*Pair); ok && x.pos != nil {
		if ps, ok := x.pos[p]; ok {
			return ps
		}
	}
	return x.last
}

// kw returns an identifier naming the global special form or variable name,
// immune to local shadowing.
func kw(name string) Value { return &alias{sym: Intern(name)} }

func tmp(name string) Value { return &alias{sym: Intern(name), env: nil} }

// resolveId returns what id denotes in sc: *binding, *macro or *Symbol (global).
func (x *expander) resolveId(id Value, sc *scope) any { return x.resolveIn(id, sc, x.ns) }

// resolveIn resolves id in sc, whose top level is namespace ns.
func (x *expander) resolveIn(id Value, sc *scope, ns *namespace) any {
	for s := sc; s != nil; s = s.parent {
		if d, ok := s.get(id); ok {
			return d
		}
	}
	if a, ok := id.(*alias); ok {
		return x.resolveIn(a.sym, a.env, a.ns)
	}
	sym := id.(*Symbol)
	if ns != nil {
		return ns.lookup(x, sym)
	}
	x.autoloadSyntax(sym)
	if m := x.in.macro(sym); m != nil {
		return m
	}
	return sym
}

func (in *Interp) macro(s *Symbol) *macro {
	in.mu.RLock()
	m := in.macros[s]
	in.mu.RUnlock()
	return m
}

func (in *Interp) setMacro(s *Symbol, m *macro) {
	in.mu.Lock()
	if m == nil {
		delete(in.macros, s)
	} else {
		in.macros[s] = m
		in.noteNameLocked(s)
	}
	in.mu.Unlock()
}

func symName(v Value) string {
	if s, ok := stripSyntax(v).(*Symbol); ok {
		return s.Name
	}
	return ""
}

// list helpers for forms
func carOf(v Value) Value { return v.(*Pair).Car }

func (x *expander) items(form Value, min int, who string) []Value {
	l, ok := ListToSlice(form)
	if !ok || len(l) < min {
		x.syntaxErr(form, who, "bad syntax in %s", who)
	}
	return l
}

// enter counts one more level of nesting (the caller undoes it with
// x.depth--), raising a syntax error past maxExpandDepth.
func (x *expander) enter() {
	x.depth++
	if x.depth > maxExpandDepth {
		x.syntaxErr(nil, "", "expression nested too deeply or circular (limit %d)", maxExpandDepth)
	}
}

// expand expands form in expression context.
func (x *expander) expand(form Value, sc *scope) core {
	x.enter()
	defer func() { x.depth-- }()
	switch f := form.(type) {
	case *Symbol, *alias:
		switch d := x.resolveId(f, sc).(type) {
		case *binding:
			return &cLocal{d}
		case *Symbol:
			return &cGlobal{sym: d, pos: x.last}
		case *macro:
			if d.proc != nil { // identifier macro
				return x.expand(x.callTransformer(d, form, sc), sc)
			}
			if d.value != nil {
				return x.expand(d.value(x), sc)
			}
			x.syntaxErr(form, d.name, "syntax keyword %s used as a variable", d.name)
		}
	case *Pair:
		if p, ok := x.pos[f]; ok {
			x.last = p
		}
		if isIdent(f.Car) {
			if m, ok := x.resolveId(f.Car, sc).(*macro); ok {
				if m.special != nil {
					return m.special(x, f, sc)
				}
				return x.expand(x.transform(m, f, sc), sc)
			}
		}
		args, ok := ListToSlice(f.Cdr)
		if !ok {
			x.syntaxErr(form, "", "improper list in procedure call")
		}
		c := &cCall{f: x.expand(f.Car, sc), args: make([]core, len(args)), pos: x.posOf(f)}
		for i, a := range args {
			c.args[i] = x.expand(a, sc)
		}
		return c
	case *Singleton:
		if f == Null {
			x.syntaxErr(form, "", "empty combination ()")
		}
	}
	return &cConst{stripSyntax(form)}
}

// transform applies a non-special macro and marks the result's position.
func (x *expander) transform(m *macro, form *Pair, sc *scope) Value {
	if m.proc != nil || m.er != nil {
		return x.callTransformer(m, form, sc)
	}
	out := x.applyRules(m, form, sc)
	if p, ok := out.(*Pair); ok && x.pos != nil {
		if _, has := x.pos[p]; !has {
			x.pos[p] = x.posOf(form)
		}
	}
	return out
}

// --- bodies ---------------------------------------------------------------

// body expands a lambda/let body in sc, whose frame is sc.fr; internal
// definitions become slots of that frame. A let-syntax or letrec-syntax
// among the definitions (before the first expression) is spliced, as begin
// is (r6rs §11.18): its forms are expanded with its keywords bound, and
// what they define is bound in sc, for the whole body; after an
// expression it is an expression with a body of its own.
func (x *expander) body(forms Value, sc *scope, who string) core {
	l, ok := ListToSlice(forms)
	if !ok {
		x.syntaxErr(forms, who, "bad body in %s", who)
	}
	type item struct {
		f  Value
		sc *scope // the scope f is expanded in: sc, or a spliced let-syntax's
	}
	queue := make([]item, len(l))
	for i, f := range l {
		queue[i] = item{f, sc}
	}
	type def struct {
		b   *binding
		val Value // nil: no value
		sc  *scope
	}
	var out []any  // *def or item (expression)
	exprs := false // an expression was met: a let-syntax is one too, not spliced
	for len(queue) > 0 {
		it := queue[0]
		f, fsc := it.f, it.sc
		queue = queue[1:]
		p, ok := f.(*Pair)
		if !ok || !isIdent(p.Car) {
			out, exprs = append(out, it), true
			continue
		}
		d := x.resolveId(p.Car, fsc)
		m, isMac := d.(*macro)
		if !isMac {
			out, exprs = append(out, it), true
			continue
		}
		switch {
		case m.special == nil:
			queue = append([]item{{x.transform(m, p, fsc), fsc}}, queue...)
		case m.rewrite != nil:
			queue = append([]item{{m.rewrite(x, p, fsc), fsc}}, queue...)
		case m.name == "begin":
			inner := x.items(f, 1, "begin")
			spliced := make([]item, 0, len(inner)-1+len(queue))
			for _, g := range inner[1:] {
				spliced = append(spliced, item{g, fsc})
			}
			queue = append(spliced, queue...)
		case (m.name == "let-syntax" || m.name == "letrec-syntax") && !exprs:
			nsc, forms := x.syntaxScope(p, fsc, sc.fr, m.name == "letrec-syntax")
			spliced := make([]item, 0, len(forms)+len(queue))
			for _, g := range forms {
				spliced = append(spliced, item{g, nsc})
			}
			queue = append(spliced, queue...)
		case m.name == "define" || m.name == "define-constant" || m.name == "define-inline":
			name, val := x.defineParts(p)
			b := sc.fr.add(name, true)
			sc.bind(name, b)
			out = append(out, &def{b, val, fsc})
		case m.name == "define-syntax":
			it := x.items(f, 3, "define-syntax")
			mac := x.makeMacro(it[2], fsc, symName(it[1]))
			sc.bind(it[1], mac)
		case m.name == "define-record-type" || m.name == "define-values":
			queue = append([]item{{m.rewrite(x, p, fsc), fsc}}, queue...)
		default:
			out, exprs = append(out, it), true
		}
	}
	var seq []core
	// defs: the internal definitions; when all are procedures defined
	// before any expression, none can be read before it is set
	var defs []*binding
	early := true
	for _, o := range out {
		switch o := o.(type) {
		case *def:
			var v core = &cConst{Unspecified}
			if o.val != nil {
				v = x.expandNamed(o.val, o.sc, symName(o.b.name))
			}
			if _, ok := v.(*cLambda); !ok || len(defs) < len(seq) {
				early = false
			}
			defs = append(defs, o.b)
			seq = append(seq, &cSetL{o.b, v})
		case item:
			seq = append(seq, x.expand(o.f, o.sc))
		}
	}
	if early {
		for _, b := range defs {
			b.letrec = false
		}
	}
	if len(seq) == 0 {
		return &cConst{Unspecified}
	}
	if len(seq) == 1 {
		return seq[0]
	}
	return &cSeq{seq}
}

// expandNamed expands a definition's value, naming a lambda after the variable.
func (x *expander) expandNamed(v Value, sc *scope, name string) core {
	c := x.expand(v, sc)
	if l, ok := c.(*cLambda); ok && l.name == "" {
		l.name = name
	}
	return c
}

// defineParts returns the name and value form of a define (nil = no value).
func (x *expander) defineParts(form *Pair) (Value, Value) {
	it := x.items(form, 2, "define")
	target := it[1]
	for {
		p, ok := target.(*Pair)
		if !ok {
			break
		}
		// (define (name . params) body…) and curried forms
		lam := &Pair{kw("lambda"), &Pair{p.Cdr, listFrom(it[2:])}}
		if x.pos != nil {
			x.pos[lam] = x.posOf(form)
		}
		it = []Value{it[0], p.Car, lam}
		target = p.Car
	}
	if !isIdent(target) {
		x.syntaxErr(form, "define", "expected an identifier to define")
	}
	if len(it) == 2 {
		return target, nil
	}
	if len(it) != 3 {
		x.syntaxErr(form, "define", "expected one value in define")
	}
	return target, it[2]
}

func listFrom(v []Value) Value { return List(v...) }

// --- lambda lists ---------------------------------------------------------

// lambda expands (lambda params body…) given params and body forms.
func (x *expander) lambda(form Value, params Value, body Value, sc *scope, name string) *cLambda {
	fr := &frameInfo{}
	nsc := &scope{parent: sc, fr: fr}
	lam := &cLambda{name: name, params: params, pos: x.posOf(form), fr: fr}
	var req, opt, keys []Value
	var optDef, keyDef []Value
	var rest Value
	mode := 0 // 0 req, 1 opt, 2 rest, 3 key
	p := params
	for {
		if p == Null {
			break
		}
		if isIdent(p) {
			rest = p
			break
		}
		pr, ok := p.(*Pair)
		if !ok {
			x.syntaxErr(form, "lambda", "bad lambda list")
		}
		e := pr.Car
		p = pr.Cdr
		if k, ok := e.(*Keyword); ok { // Sagittarius's (and Gauche's) extended lambda list
			switch k.Name {
			case "optional":
				e = optionalMarker
			case "key":
				e = keyMarker
			case "rest":
				e = restMarker
			case "allow-other-keys":
				lam.others = true
				continue
			}
		}
		switch e {
		case optionalMarker:
			mode = 1
			continue
		case restMarker:
			mode = 2
			continue
		case keyMarker:
			mode = 3
			continue
		}
		var id, def Value = e, nil
		if dp, ok := e.(*Pair); ok && mode != 0 && mode != 2 {
			dl := x.items(dp, 2, "lambda")
			id, def = dl[0], dl[1]
		}
		if !isIdent(id) {
			x.syntaxErr(form, "lambda", "expected an identifier in lambda list, got %s", WriteString(stripSyntax(id)))
		}
		switch mode {
		case 0:
			req = append(req, id)
		case 1:
			opt = append(opt, id)
			optDef = append(optDef, def)
		case 2:
			rest = id
		case 3:
			keys = append(keys, id)
			keyDef = append(keyDef, def)
		}
	}
	// A default is expanded where only the parameters before it are bound
	// (CHICKEN: (port port) defaults to the outer port), in the frame of
	// the procedure: dsc binds the same slots as nsc, one by one.
	dsc := &scope{parent: sc, fr: fr}
	add := func(id Value) {
		b := fr.add(id, false)
		nsc.bind(id, b)
	}
	for _, id := range req {
		add(id)
		dsc.bind(id, fr.vars[len(fr.vars)-1])
	}
	var defaults []core
	withDefault := func(id, d Value) {
		add(id)
		if d == nil {
			defaults = append(defaults, nil)
		} else {
			defaults = append(defaults, x.expand(d, dsc))
		}
		dsc.bind(id, fr.vars[len(fr.vars)-1])
	}
	for i, id := range opt {
		withDefault(id, optDef[i])
	}
	if rest != nil {
		add(rest)
		dsc.bind(rest, fr.vars[len(fr.vars)-1])
	}
	for i, id := range keys {
		withDefault(id, keyDef[i])
		lam.keys = append(lam.keys, InternKeyword(symName(id)))
	}
	lam.nreq, lam.nopt, lam.rest = len(req), len(opt), rest != nil
	lam.defaults = defaults
	lam.body = x.body(body, nsc, "lambda")
	return lam
}

// --- top level ------------------------------------------------------------

// toplevel expands a top-level form.
func (x *expander) toplevel(form Value) core { return x.toplevelIn(form, nil, nil) }

// deferredDefine is a definition of a library body whose value is
// expanded once the whole body has been read (expandBodyIn).
type deferredDefine struct {
	c   *cDefine
	val Value
	sc  *scope
}

// toplevelIn expands a top-level form in sc: nil, or the scope of the
// keywords of a let-syntax or letrec-syntax spliced at top level (r6rs
// §11.18), whose definitions are global. With later, a definition's value
// is left to expand later (appended to *later), so that it may use a
// macro the body defines after it (r6rs §10).
func (x *expander) toplevelIn(form Value, sc *scope, later *[]deferredDefine) core {
	x.enter()
	defer func() { x.depth-- }()
	p, ok := form.(*Pair)
	if !ok || !isIdent(p.Car) {
		return x.expand(form, sc)
	}
	if pp, ok := x.pos[p]; ok {
		x.last = pp
	}
	m, ok := x.resolveId(p.Car, sc).(*macro)
	if !ok {
		return x.expand(form, sc)
	}
	seqOf := func(forms []Value, sc *scope) core {
		if len(forms) == 0 {
			return &cConst{Unspecified}
		}
		seq := &cSeq{}
		for _, f := range forms {
			seq.body = append(seq.body, x.toplevelIn(f, sc, later))
		}
		return seq
	}
	switch {
	case m.special == nil:
		return x.toplevelIn(x.transform(m, p, sc), sc, later)
	case m.rewrite != nil:
		return x.toplevelIn(m.rewrite(x, p, sc), sc, later)
	case m.name == "begin":
		return seqOf(x.items(form, 1, "begin")[1:], sc)
	case m.name == "let-syntax" || m.name == "letrec-syntax":
		nsc, forms := x.syntaxScope(p, sc, &frameInfo{}, m.name == "letrec-syntax")
		return seqOf(forms, nsc)
	case m.name == "define" || m.name == "define-constant" || m.name == "define-inline":
		name, val := x.defineParts(p)
		sym := stripSyntax(name).(*Symbol)
		g := x.defineGlobal(sym)
		c := &cDefine{g, &cConst{Unspecified}}
		switch {
		case val == nil:
		case later != nil:
			*later = append(*later, deferredDefine{c, val, sc})
		default:
			c.val = x.expandNamed(val, sc, sym.Name)
		}
		return c
	case m.name == "define-syntax":
		it := x.items(form, 3, "define-syntax")
		sym, ok := stripSyntax(it[1]).(*Symbol)
		if !ok {
			x.syntaxErr(form, "define-syntax", "expected an identifier")
		}
		x.defineSyntax(sym, x.makeMacro(it[2], sc, sym.Name))
		return &cConst{Unspecified}
	}
	return x.expand(form, sc)
}

// --- syntax-rules -----------------------------------------------------------

func (x *expander) makeMacro(spec Value, sc *scope, name string) *macro {
	p, ok := spec.(*Pair)
	if ok && isIdent(p.Car) {
		switch symName(p.Car) {
		case "syntax-rules":
			it := x.items(spec, 2, "syntax-rules")
			m := &macro{name: name, env: sc, ns: x.ns, ellipsis: Intern("...")}
			rest := it[1:]
			if isIdent(rest[0]) {
				m.ellipsis = rest[0]
				rest = rest[1:]
			}
			if len(rest) == 0 {
				x.syntaxErr(spec, "syntax-rules", "expected a literals list")
			}
			lits, ok := ListToSlice(rest[0])
			if !ok {
				x.syntaxErr(spec, "syntax-rules", "expected a literals list")
			}
			m.literals = lits
			if m.isLiteral(m.ellipsis) {
				m.ellipsis = nil // an ellipsis among the literals is a literal (r7rs §4.3.2)
			}
			for _, r := range rest[1:] {
				rl, ok := ListToSlice(r)
				if !ok || len(rl) != 2 {
					x.syntaxErr(r, "syntax-rules", "expected (pattern template)")
				}
				m.rules = append(m.rules, [2]Value{rl[0], rl[1]})
			}
			return m
		case "sc-macro-transformer", "rsc-macro-transformer":
			x.syntaxErr(spec, name, "%s is not supported; use er-macro-transformer, ir-macro-transformer or syntax-rules", symName(p.Car))
		}
	}
	if isIdent(spec) {
		if m, ok := x.resolveId(spec, sc).(*macro); ok {
			return m
		}
	}
	return x.evalTransformer(spec, sc, name) // a transformer procedure (syntax-case)
}

func (m *macro) isEllipsis(v Value) bool {
	return m.ellipsis != nil && isIdent(v) && stripSyntax(v) == stripSyntax(m.ellipsis)
}

func (m *macro) isLiteral(v Value) bool {
	for _, l := range m.literals {
		if l == v {
			return true
		}
	}
	return false
}

func (x *expander) applyRules(m *macro, form *Pair, sc *scope) Value {
	for _, r := range m.rules {
		pat := r[0]
		pp, ok := pat.(*Pair)
		if !ok {
			continue
		}
		b := map[Value]any{}
		if x.match(m, pp.Cdr, form.Cdr, b, sc) {
			ren := map[Value]Value{}
			return x.instantiate(m, r[1], b, ren, false)
		}
	}
	x.syntaxErr(form, m.name, "no syntax rule of %s matches", m.name)
	return nil
}

// sameBinding compares a form identifier with a literal of macro m: the
// same binding, or both unbound with the same name.
func (x *expander) sameBinding(f Value, fsc *scope, lit Value, m *macro) bool {
	return x.sameDen(x.resolveId(f, fsc), f, x.resolveIn(lit, m.env, m.ns), lit)
}

func (x *expander) match(m *macro, pat, f Value, b map[Value]any, sc *scope) bool {
	switch p := pat.(type) {
	case *Symbol, *alias:
		if m.isLiteral(p) {
			return isIdent(f) && x.sameBinding(f, sc, p, m)
		}
		if symName(p) == "_" {
			return true
		}
		b[p] = f
		return true
	case *Pair:
		if n, ok := p.Cdr.(*Pair); ok && m.isEllipsis(n.Car) {
			tail := n.Cdr
			tailLen := 0
			for t := tail; ; {
				tp, ok := t.(*Pair)
				if !ok {
					break
				}
				tailLen++
				t = tp.Cdr
			}
			var items []Value
			fl, slow := f, f
			for {
				fp, ok := fl.(*Pair)
				if !ok {
					break
				}
				items = append(items, fp.Car)
				fl = fp.Cdr
				if len(items)%2 == 0 {
					if slow = slow.(*Pair).Cdr; slow == fl {
						return false // a circular list matches no pattern
					}
				}
			}
			n := len(items) - tailLen
			if n < 0 {
				return false
			}
			vars := x.patVars(m, p.Car, nil)
			seqs := make([][]any, len(vars))
			for i := 0; i < n; i++ {
				sb := map[Value]any{}
				if !x.match(m, p.Car, items[i], sb, sc) {
					return false
				}
				for j, v := range vars {
					seqs[j] = append(seqs[j], sb[v])
				}
			}
			for j, v := range vars {
				if seqs[j] == nil {
					seqs[j] = []any{}
				}
				b[v] = seqs[j]
			}
			rest := f
			for i := 0; i < n; i++ {
				rest = rest.(*Pair).Cdr
			}
			return x.match(m, tail, rest, b, sc)
		}
		fp, ok := f.(*Pair)
		if !ok {
			return false
		}
		return x.match(m, p.Car, fp.Car, b, sc) && x.match(m, p.Cdr, fp.Cdr, b, sc)
	case *Vector:
		fv, ok := f.(*Vector)
		if !ok {
			return false
		}
		return x.match(m, List(p.Items...), List(fv.Items...), b, sc)
	}
	if pat == Null {
		return f == Null
	}
	return datumEqual(pat, f)
}

func datumEqual(a, b Value) bool {
	if a == b {
		return true
	}
	switch x := a.(type) {
	case Fixnum, Flonum, Char:
		return a == b
	case *String:
		y, ok := b.(*String)
		return ok && x.String() == y.String()
	}
	return false
}

func (x *expander) patVars(m *macro, pat Value, out []Value) []Value {
	switch p := pat.(type) {
	case *Symbol, *alias:
		if !m.isLiteral(p) && !m.isEllipsis(p) && symName(p) != "_" {
			out = append(out, p)
		}
	case *Pair:
		out = x.patVars(m, p.Car, out)
		out = x.patVars(m, p.Cdr, out)
	case *Vector:
		for _, e := range p.Items {
			out = x.patVars(m, e, out)
		}
	}
	return out
}

func (x *expander) instantiate(m *macro, t Value, b map[Value]any, ren map[Value]Value, noEll bool) Value {
	switch tt := t.(type) {
	case *Symbol, *alias:
		if v, ok := b[tt]; ok {
			if val, ok := v.(Value); ok {
				return val
			}
			x.syntaxErr(nil, m.name, "pattern variable %s used without ellipsis", symName(tt))
		}
		if r, ok := ren[tt]; ok {
			return r
		}
		a := &alias{sym: tt, env: m.env, ns: m.ns}
		ren[tt] = a
		return a
	case *Pair:
		if !noEll && m.isEllipsis(tt.Car) {
			if n, ok := tt.Cdr.(*Pair); ok {
				return x.instantiate(m, n.Car, b, ren, true)
			}
		}
		if n, ok := tt.Cdr.(*Pair); ok && !noEll && m.isEllipsis(n.Car) {
			depth := 1
			rest := n.Cdr
			for {
				rp, ok := rest.(*Pair)
				if !ok || !m.isEllipsis(rp.Car) {
					break
				}
				depth++
				rest = rp.Cdr
			}
			items := x.expandEllipsis(m, tt.Car, b, ren, depth)
			tail := x.instantiate(m, rest, b, ren, noEll)
			return ListTail(tail, items...)
		}
		return &Pair{x.instantiate(m, tt.Car, b, ren, noEll), x.instantiate(m, tt.Cdr, b, ren, noEll)}
	case *Vector:
		l := x.instantiate(m, List(tt.Items...), b, ren, noEll)
		items, _ := ListToSlice(l)
		return &Vector{Items: items}
	}
	return t
}

func (x *expander) expandEllipsis(m *macro, sub Value, b map[Value]any, ren map[Value]Value, depth int) []Value {
	vars := x.patVars(m, sub, nil)
	var seqVars []Value
	n := -1
	for _, v := range vars {
		if s, ok := b[v].([]any); ok {
			seqVars = append(seqVars, v)
			if n < 0 || len(s) < n {
				n = len(s)
			}
		}
	}
	if n < 0 {
		x.syntaxErr(nil, m.name, "no pattern variable with ellipsis in template")
	}
	var out []Value
	for i := 0; i < n; i++ {
		nb := make(map[Value]any, len(b))
		for k, v := range b {
			nb[k] = v
		}
		for _, v := range seqVars {
			nb[v] = b[v].([]any)[i]
		}
		if depth > 1 {
			out = append(out, x.expandEllipsis(m, sub, nb, ren, depth-1)...)
		} else {
			out = append(out, x.instantiate(m, sub, nb, ren, false))
		}
	}
	return out
}

// readContext is the context include and import read their files under:
// the thread's own (a timeout or Ctrl-C ends the read of a FIFO, and
// thread-signal! is handled once it is read, as the expansion cannot be
// made again), or the interpreter's when no thread expands.
func (x *expander) readContext() context.Context {
	if x.th != nil {
		return x.th.Context()
	}
	return x.in.ctx
}

// includeFiles reads files for include.
func (x *expander) includeFiles(form Value, names []Value) []Value {
	var out []Value
	for _, n := range names {
		s, ok := n.(*String)
		if !ok {
			x.syntaxErr(form, "include", "expected a file name string")
		}
		path := x.in.findIncludeFile(s.String(), x.dir)
		src, err := ctxio.ReadFile(x.readContext(), path)
		if err != nil {
			panic(&schemePanic{v: fileError("include", err, path)})
		}
		// the reader settings in effect when the include is expanded, as
		// csi's include reads the file then (read syntax procedures apply
		// to read on a port only)
		rs := defaultReadSettings
		if x.th != nil {
			rs = threadReadSettings(x.th)
			rs.table = nil
		}
		if p, ok := form.(*Pair); ok && symName(stripSyntax(p.Car)) == "include-ci" {
			rs.foldCase = true // R7RS §4.1.7: as if #!fold-case began the file
		}
		ds, _, err := readAllLabelled(string(src), path, x.pos, rs)
		if err != nil {
			panic(&schemePanic{v: readErrorCondition(err)})
		}
		out = append(out, ds...)
	}
	return out
}

func fileError(who string, err error, path string) *Condition {
	c := MakeError(who, strings.TrimPrefix(err.Error(), "open "), []Value{NewString(path)}, "i/o", "file")
	c.Cause = err
	return c
}

func readErrorCondition(err error) *Condition {
	c := MakeError("read", err.Error(), nil, "syntax", "read")
	c.Cause = err
	return c
}
