// Special forms: the Go-written syntax of the core and derived forms.

package scheme

// L builds a list form.
func L(v ...Value) Value { return List(v...) }

func (x *expander) seqOf(forms []Value, sc *scope) core {
	if len(forms) == 0 {
		return &cConst{Unspecified}
	}
	if len(forms) == 1 {
		return x.expand(forms[0], sc)
	}
	s := &cSeq{}
	for _, f := range forms {
		s.body = append(s.body, x.expand(f, sc))
	}
	return s
}

// syntaxLibrary is the table of the special forms written in Go: each row
// carries its expander (expand: to core forms; rewrite: to another form).
var syntaxLibrary = &Library{Name: "(tlsport syntax)", Doc: "The special forms of the evaluator.", Procs: []Proc{
	{Name: "quote", Spec: "r7rs §4.1.2", Sig: "(quote datum)",
		Doc:    "The datum itself, unevaluated; 'datum is short for it.",
		expand: expandQuote},
	{Name: "if", Spec: "r7rs §4.1.5", Sig: "(if test consequent [alternate])",
		Doc:    "Evaluates consequent when test is true, else alternate.",
		expand: expandIf},
	{Name: "define", Spec: "r7rs §5.3", Sig: "(define var expr) (define (name . formals) body ...)",
		Doc:    "Defines a variable (globally or in the enclosing body); CHICKEN #!optional/#!key/#!rest lambda lists allowed.",
		expand: expandDefine},
	{Name: "define-constant", Spec: "CHICKEN (chicken base)", Sig: "(define-constant var expr)",
		Doc:    "Same as define.",
		expand: expandDefine},
	{Name: "define-inline", Spec: "CHICKEN (chicken base)", Sig: "(define-inline (name . formals) body ...)",
		Doc:    "Same as define.",
		expand: expandDefine},
	{Name: "define-syntax", Spec: "r7rs §5.4", Sig: "(define-syntax keyword transformer)",
		Doc:    "Binds keyword to a syntax-rules transformer.",
		expand: expandDefineSyntax},
	{Name: "begin", Spec: "r7rs §4.2.3", Sig: "(begin expr ...)",
		Doc:    "Evaluates the exprs in order, returning the last value; at top level splices definitions.",
		expand: expandBegin},
	{Name: "set!", Spec: "r7rs §4.1.6", Sig: "(set! var expr)",
		Doc:    "Assigns expr's value to an existing variable. (set! (proc arg ...) expr) calls ((setter proc) arg ... expr), as SRFI 17 and CHICKEN do: (set! (car p) 1), (set! (vector-ref v i) x).",
		expand: expandSetBang},
	{Name: "lambda", Spec: "r7rs §4.1.4", Sig: "(lambda formals body ...)",
		Doc:    "A procedure; formals may use #!optional, #!key and #!rest (CHICKEN).",
		expand: expandLambda},
	{Name: "named-lambda", Spec: "CHICKEN (chicken base)", Sig: "(named-lambda (name . formals) body ...)",
		Doc:    "A lambda that knows its name.",
		expand: expandNamedLambda},
	{Name: "let", Spec: "r7rs §4.2.2, §4.2.4", Sig: "(let [name] ((var init) ...) body ...)",
		Doc:    "Binds vars in parallel; named let binds name to a loop procedure.",
		expand: expandLet},
	{Name: "letrec", Spec: "r7rs §4.2.2", Sig: "(letrec ((var init) ...) body ...)",
		Doc:    "Mutually recursive bindings.",
		expand: expandLetrec},
	{Name: "letrec*", Spec: "r7rs §4.2.2", Sig: "(letrec* ((var init) ...) body ...)",
		Doc:    "Same as letrec, whose bindings tlsport initialises left to right.",
		expand: expandLetrec},
	{Name: "let*", Spec: "r7rs §4.2.2", Sig: "(let* ((var init) ...) body ...)",
		Doc:     "Sequential bindings.",
		rewrite: expandLetStar},
	{Name: "and", Spec: "r7rs §4.2.1", Sig: "(and test ...)",
		Doc:    "The first false value, else the last value (#t with no tests).",
		expand: expandAnd},
	{Name: "or", Spec: "r7rs §4.2.1", Sig: "(or test ...)",
		Doc:    "The first true value, else #f.",
		expand: expandOr},
	{Name: "when", Spec: "r7rs §4.2.1", Sig: "(when test expr ...)",
		Doc:     "Evaluates the exprs when test is true.",
		rewrite: expandWhen},
	{Name: "unless", Spec: "r7rs §4.2.1", Sig: "(unless test expr ...)",
		Doc:     "Evaluates the exprs when test is false.",
		rewrite: expandUnless},
	{Name: "cond", Spec: "r7rs §4.2.1", Sig: "(cond (test expr ...) ... (test => receiver) ... (else expr ...))",
		Doc:    "The first clause whose test is true; => passes the test's value to receiver.",
		expand: expandCond},
	{Name: "case", Spec: "r7rs §4.2.1", Sig: "(case key ((datum ...) expr ...) ... (else => receiver))",
		Doc:    "The clause with a datum eqv? to key; => passes key to receiver.",
		expand: expandCase},
	{Name: "do", Spec: "r7rs §4.2.4", Sig: "(do ((var init step) ...) (test expr ...) body ...)",
		Doc:     "Iteration: runs body and steps until test is true, then returns the exprs.",
		rewrite: expandDo},
	{Name: "quasiquote", Spec: "r7rs §4.2.8", Sig: "(quasiquote template)",
		Doc:    "Template with unquote (,) and unquote-splicing (,@) at any nesting depth; also in vectors.",
		expand: expandQuasiquote},
	{Name: "let-syntax", Spec: "r7rs §4.3.1", Sig: "(let-syntax ((keyword transformer) ...) body ...)",
		Doc:    "Local macros; not recursive: a keyword a transformer uses means what it means outside. In a body or at top level the forms are spliced, as with begin: what they define is defined there (r6rs §11.18).",
		expand: expandLetSyntax},
	{Name: "letrec-syntax", Spec: "r7rs §4.3.1", Sig: "(letrec-syntax ((keyword transformer) ...) body ...)",
		Doc:    "Local mutually recursive macros; spliced into a body or the top level as let-syntax is.",
		expand: expandLetrecSyntax},
	{Name: "syntax-rules", Spec: "r7rs §4.3.2", Sig: "(syntax-rules [ellipsis] (literal ...) (pattern template) ...)",
		Doc:    "Pattern-matching macro transformer with hygiene.",
		expand: expandSyntaxRules},
	{Name: "delay", Spec: "r7rs §4.2.5", Sig: "(delay expr)",
		Doc:    "A promise evaluating expr once when forced.",
		expand: expandDelay},
	{Name: "delay-force", Spec: "r7rs §4.2.5", Sig: "(delay-force promise-expr)",
		Doc:    "A promise forcing the promise expr returns (iterative lazy algorithms in constant space).",
		expand: expandDelayForce},
	{Name: "cons-stream", Spec: "SRFI-40 style", Sig: "(cons-stream a b)",
		Doc:    "(cons a (delay b)).",
		expand: expandConsStream},
	{Name: "define-record-type", Spec: "r7rs §5.5", Sig: "(define-record-type name (ctor field ...) pred (field accessor [modifier]) ...)",
		Doc:     "Defines a record type, constructor, predicate, accessors and modifiers.",
		rewrite: expandDefineRecordType},
	{Name: "define-record", Spec: "CHICKEN (chicken base)", Sig: "(define-record name slot ...)",
		Doc:     "Defines a record type name with the constructor make-name (one argument per slot), the predicate name?, and name-slot and name-slot-set! for each slot.",
		rewrite: expandDefineRecord},
	{Name: "define-values", Spec: "r7rs §5.3.3", Sig: "(define-values formals expr)",
		Doc:     "Defines the variables of formals from expr's multiple values.",
		rewrite: expandDefineValues},
	{Name: "receive", Spec: "SRFI-8; CHICKEN (chicken base)", Sig: "(receive formals expr body ...)",
		Doc:    "Binds formals to expr's values; (receive expr), as CHICKEN's, returns the list of expr's values.",
		expand: expandReceive},
	// the name let-values and define-values expand to, which a program's
	// own receive does not replace
	{Name: "%receive", Sig: "(%receive formals expr body ...)", Doc: "Same as receive.", expand: expandReceive},
	{Name: "let-values", Spec: "r7rs §4.2.2", Sig: "(let-values ((formals expr) ...) body ...)",
		Doc:     "Binds multiple values in parallel.",
		rewrite: expandLetValues},
	{Name: "let*-values", Spec: "r7rs §4.2.2", Sig: "(let*-values ((formals expr) ...) body ...)",
		Doc:     "Binds multiple values sequentially.",
		rewrite: expandLetStarValues},
	{Name: "parameterize", Spec: "r7rs §4.2.6", Sig: "(parameterize ((param value) ...) body ...)",
		Doc:     "Rebinds parameters (through their converters) during body.",
		rewrite: expandParameterize},
	{Name: "fluid-let", Spec: "CHICKEN (chicken base)", Sig: "(fluid-let ((var value) ...) body ...)",
		Doc:     "Temporarily assigns variables during body, restoring them on exit.",
		rewrite: expandFluidLet},
	{Name: "case-lambda", Spec: "r7rs §4.2.9", Sig: "(case-lambda (formals body ...) ...)",
		Doc:     "A procedure dispatching on the number of arguments.",
		rewrite: expandCaseLambda},
	{Name: "guard", Spec: "r7rs §4.2.7", Sig: "(guard (var clause ...) body ...)",
		Doc:     "Catches raised objects with cond-like clauses; re-raises when none matches.",
		rewrite: expandGuard},
	{Name: "handle-exceptions", Spec: "CHICKEN (chicken condition)", Sig: "(handle-exceptions var handler-expr body ...)",
		Doc:     "Evaluates handler-expr with var bound to any condition raised by body.",
		rewrite: expandHandleExceptions},
	{Name: "condition-case", Spec: "CHICKEN (chicken condition)", Sig: "(condition-case expr ((kind ...) body ...) (var (kind ...) body ...) ...)",
		Doc:     "Dispatches on the kinds of a condition raised by expr.",
		rewrite: expandConditionCase},
	{Name: "assert", Spec: "CHICKEN (chicken base)", Sig: "(assert expr [message])",
		Doc:     "The value of expr when it is true; raises an error (with message) when it is false.",
		rewrite: expandAssert},
	{Name: "include", Spec: "r7rs §4.1.7; CHICKEN (chicken base)", Sig: "(include file ...)",
		Doc:     "Splices the forms read from the files, found (as given, then with .scm) in the including file's directory, the current directory or the library path.",
		rewrite: expandInclude},
	{Name: "include-relative", Spec: "CHICKEN (chicken base)", Sig: "(include-relative file ...)",
		Doc:     "Same as include.",
		rewrite: expandInclude},
	{Name: "include-ci", Spec: "r7rs §4.1.7", Sig: "(include-ci file ...)",
		Doc:     "Same as include, the files read as if they began with #!fold-case.",
		rewrite: expandInclude},
	{Name: "syntax-error", Spec: "r7rs §4.3.3", Sig: "(syntax-error message arg ...)",
		Doc:    "Signals an error when expanded, with message and the args unevaluated. Written in a procedure's body (not by a macro) it is CHICKEN's procedure (chicken syntax): (syntax-error [location] message arg ...) raises an (exn syntax) error when called, the args evaluated; so is syntax-error used as a variable.",
		expand: expandSyntaxError, value: func(*expander) Value { return primSyntaxError }},
	{Name: "cond-expand", Spec: "r7rs §4.2.1", Sig: "(cond-expand (feature-requirement body ...) ...)",
		Doc:     "Expands the first clause whose requirement (and/or/not/library) holds; see features.",
		rewrite: expandCondExpand},
	{Name: "declare", Spec: "CHICKEN", Sig: "(declare spec ...)",
		Doc:    "Accepted and ignored.",
		expand: expandDeclare},
	{Name: "the", Spec: "CHICKEN", Sig: "(the type expr)",
		Doc:    "expr (the type is not checked).",
		expand: expandThe},
	{Name: ":", Spec: "CHICKEN (chicken type)", Sig: "(: identifier type)",
		Doc:    "Declares the type of a global variable: accepted and ignored (the interpreter checks no types), as csi does.",
		expand: expandColon},
	{Name: "define-type", Spec: "CHICKEN (chicken type)", Sig: "(define-type name type)",
		Doc:    "Defines a type abbreviation ((define-type (name typevar ...) type) too): accepted and ignored.",
		expand: expandDefineType},
	{Name: "assume", Spec: "CHICKEN (chicken type)", Sig: "(assume ((variable type) ...) body ...)",
		Doc:     "(let ((variable (the type variable)) ...) body ...): body with the variables declared of the types (not checked). SRFI-145's assume, (assume obj message ...), is bound where (srfi 145) is imported.",
		rewrite: expandAssume},
}}

// expandQuote expands ((tlsport syntax) …).
func expandQuote(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 2, "quote")
	if len(it) != 2 {
		x.syntaxErr(f, "quote", "expected one datum in quote")
	}
	return &cConst{stripSyntax(it[1])}
}

// expandIf expands (if …).
func expandIf(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "if")
	if len(it) > 4 {
		x.syntaxErr(f, "if", "too many forms in if")
	}
	c := &cIf{c: x.expand(it[1], sc), t: x.expand(it[2], sc), e: &cConst{Unspecified}}
	if len(it) == 4 {
		c.e = x.expand(it[3], sc)
	}
	return c
}

// expandDefine expands (define-inline …).
func expandDefine(x *expander, f *Pair, sc *scope) core {
	if sc != nil {
		x.syntaxErr(f, "define", "define in expression context")
	}
	return x.toplevel(f)
}

// expandDefineSyntax expands (define-syntax …).
func expandDefineSyntax(x *expander, f *Pair, sc *scope) core {
	if sc != nil {
		x.syntaxErr(f, "define-syntax", "define-syntax in expression context")
	}
	return x.toplevel(f)
}

// expandBegin expands (begin …).
func expandBegin(x *expander, f *Pair, sc *scope) core {
	if sc == nil {
		return x.toplevel(f)
	}
	it := x.items(f, 1, "begin")
	return x.seqOf(it[1:], sc)
}

// expandSetBang expands (set! …).
func expandSetBang(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "set!")
	if p, ok := it[1].(*Pair); ok && len(it) == 3 {
		// SRFI 17 (CHICKEN): (set! (proc arg ...) v) is ((setter proc) arg ... v)
		args, ok := ListToSlice(p.Cdr)
		if !ok {
			x.syntaxErr(f, "set!", "expected (set! (procedure argument ...) value)")
		}
		return x.expand(&Pair{L(kw("setter"), p.Car), List(append(args, it[2])...)}, sc)
	}
	if len(it) != 3 || !isIdent(it[1]) {
		x.syntaxErr(f, "set!", "expected (set! variable value)")
	}
	if m, ok := x.resolveId(it[1], sc).(*macro); ok && m.variable {
		return x.expand(x.callTransformer(m, f, sc), sc)
	}
	val := x.expand(it[2], sc)
	switch d := x.resolveId(it[1], sc).(type) {
	case *binding:
		return &cSetL{d, val}
	case *Symbol:
		x.autoload(d) // the source's definition comes first, as if eager
		if x.th == nil || !x.th.loadingSource {
			x.in.programSets(d)
		}
		return &cSetG{sym: d, val: val}
	}
	x.syntaxErr(f, "set!", "cannot assign a syntax keyword")
	return nil
}

// expandLambda expands (lambda …).
func expandLambda(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "lambda")
	return x.lambda(f, it[1], listFrom(it[2:]), sc, "")
}

// expandNamedLambda expands (named-lambda …).
func expandNamedLambda(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "named-lambda")
	p, ok := it[1].(*Pair)
	if !ok {
		x.syntaxErr(f, "named-lambda", "expected (named-lambda (name . params) body ...)")
	}
	return x.lambda(f, p.Cdr, listFrom(it[2:]), sc, symName(p.Car))
}

// expandLet expands (let …).
func expandLet(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "let")
	if isIdent(it[1]) { // named let
		it = x.items(f, 4, "let")
		vars, inits := x.bindings(f, it[2], "let")
		fr := &frameInfo{}
		lsc := &scope{parent: sc, fr: fr}
		b := fr.add(it[1], false) // set to the lambda before anything can read it
		lsc.bind(it[1], b)
		lam := x.lambda(f, listFrom(vars), listFrom(it[3:]), lsc, symName(it[1]))
		call := &cCall{f: &cLetrec{fr: fr, inits: []core{lam}, body: &cLocal{b}}, pos: x.posOf(f)}
		for _, e := range inits {
			call.args = append(call.args, x.expand(e, sc))
		}
		return call
	}
	vars, inits := x.bindings(f, it[1], "let")
	fr := &frameInfo{}
	lsc := &scope{parent: sc, fr: fr}
	c := &cLet{fr: fr}
	for _, e := range inits {
		c.inits = append(c.inits, x.expand(e, sc))
	}
	for _, v := range vars {
		lsc.bind(v, fr.add(v, false))
	}
	c.body = x.body(listFrom(it[2:]), lsc, "let")
	return c
}

// expandLetrec expands (letrec* …).
func expandLetrec(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "letrec")
	vars, inits := x.bindings(f, it[1], "letrec")
	fr := &frameInfo{}
	lsc := &scope{parent: sc, fr: fr}
	for _, v := range vars {
		lsc.bind(v, fr.add(v, true))
	}
	c := &cLetrec{fr: fr}
	lambdas := true
	for i, e := range inits {
		c.inits = append(c.inits, x.expandNamed(e, lsc, symName(vars[i])))
		if _, ok := c.inits[i].(*cLambda); !ok {
			lambdas = false
		}
	}
	if lambdas { // making the procedures reads no variable
		for _, b := range fr.vars {
			b.letrec = false
		}
	}
	c.body = x.body(listFrom(it[2:]), lsc, "letrec")
	return c
}

// expandLetStar expands (let* …).
func expandLetStar(x *expander, f *Pair, sc *scope) Value {
	return sequentialLet(x, f, "let*", "let")
}

// expandAnd expands (and …).
func expandAnd(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, "and")
	if len(it) == 1 {
		return &cConst{True}
	}
	var c core = x.expand(it[len(it)-1], sc)
	for i := len(it) - 2; i >= 1; i-- {
		c = &cIf{c: x.expand(it[i], sc), t: c, e: &cConst{False}}
	}
	return c
}

// expandOr expands (or …).
func expandOr(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, "or")
	if len(it) == 1 {
		return &cConst{False}
	}
	if len(it) == 2 {
		return x.expand(it[1], sc)
	}
	t := tmp("t")
	return x.expand(L(kw("let"), L(L(t, it[1])), L(kw("if"), t, t, &Pair{kw("or"), listFrom(it[2:])})), sc)
}

// expandWhen expands (when …).
func expandWhen(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "when")
	return L(kw("if"), it[1], &Pair{kw("begin"), listFrom(it[2:])})
}

// expandUnless expands (unless …).
func expandUnless(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "unless")
	return L(kw("if"), it[1], L(kw("void")), &Pair{kw("begin"), listFrom(it[2:])})
}

// expandCond expands (cond …).
func expandCond(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 1, "cond")
	return x.cond(f, it[1:], sc)
}

// expandCase expands (case …).
func expandCase(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 2, "case")
	key := tmp("key")
	var clauses []Value
	for _, cl := range it[2:] {
		cs := x.items(cl, 1, "case")
		var test Value
		if symName(cs[0]) == "else" && x.isAuxiliary(cs[0], sc) {
			test = kw("else")
		} else {
			test = L(kw("%memv"), key, L(kw("quote"), cs[0]))
		}
		body := cs[1:]
		if len(body) == 2 && symName(body[0]) == "=>" && x.isAuxiliary(body[0], sc) {
			body = []Value{L(body[1], key)}
		}
		clauses = append(clauses, &Pair{test, listFrom(body)})
	}
	return x.expand(L(kw("let"), L(L(key, it[1])), &Pair{kw("cond"), listFrom(clauses)}), sc)
}

// expandDo expands (do …).
func expandDo(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "do")
	specs := x.items(it[1], 0, "do")
	test := x.items(it[2], 1, "do")
	loop := tmp("do-loop")
	var binds, steps []Value
	for _, s := range specs {
		sl := x.items(s, 2, "do")
		binds = append(binds, L(sl[0], sl[1]))
		if len(sl) > 2 {
			steps = append(steps, sl[2])
		} else {
			steps = append(steps, sl[0])
		}
	}
	res := L(kw("void"))
	if len(test) > 1 {
		res = &Pair{kw("begin"), listFrom(test[1:])}
	}
	return L(kw("let"), loop, listFrom(binds),
		L(kw("if"), test[0], res,
			ListTail(L(&Pair{loop, listFrom(steps)}), append([]Value{kw("begin")}, it[3:]...)...)))
}

// expandQuasiquote expands (quasiquote …).
func expandQuasiquote(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 2, "quasiquote")
	return x.qq(it[1], 1, sc)
}

// expandLetSyntax expands (let-syntax …).
func expandLetSyntax(x *expander, f *Pair, sc *scope) core {
	return x.letSyntax(f, sc, false)
}

// expandLetrecSyntax expands (letrec-syntax …).
func expandLetrecSyntax(x *expander, f *Pair, sc *scope) core {
	return x.letSyntax(f, sc, true)
}

// expandSyntaxRules expands (syntax-rules …).
func expandSyntaxRules(x *expander, f *Pair, sc *scope) core {
	x.syntaxErr(f, "syntax-rules", "syntax-rules outside define-syntax")
	return nil
}

// expandDelay expands (delay …).
func expandDelay(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 2, "delay")
	// all the values of the expression (force returns them)
	return x.expand(L(kw("%make-lazy"), L(kw("lambda"), Null,
		L(kw("%call-with-values"), L(kw("lambda"), Null, it[1]), kw("%done-promise")))), sc)
}

// expandDelayForce expands (delay-force …).
func expandDelayForce(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 2, "delay-force")
	return x.expand(L(kw("%make-lazy"), L(kw("lambda"), Null, it[1])), sc)
}

// expandConsStream expands (cons-stream …).
func expandConsStream(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "cons-stream")
	return x.expand(L(kw("cons"), it[1], L(kw("delay"), it[2])), sc)
}

// expandDefineRecordType expands (define-record-type …).
func expandDefineRecordType(x *expander, f *Pair, sc *scope) Value {
	return x.recordType(f)
}

// expandDefineRecord expands (define-record …) into define-record-type.
func expandDefineRecord(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "define-record")
	if !isIdent(it[1]) {
		x.syntaxErr(f, "define-record", "record name must be an identifier")
	}
	name := symName(it[1])
	slots := make([]Value, 0, len(it)-2)
	fields := make([]Value, 0, len(it)-2)
	for _, s := range it[2:] {
		var modifier Value
		if p, ok := s.(*Pair); ok && isIdent(p.Car) && symName(p.Car) == "setter" {
			// (setter slot): (set! (name-slot r) v) instead of name-slot-set!
			sp := x.items(s, 2, "define-record")
			if len(sp) != 2 {
				x.syntaxErr(f, "define-record", "expected (setter slot-name)")
			}
			s = sp[1]
			modifier = L(Intern("setter"), Intern(name+"-"+symName(s)))
		}
		if !isIdent(s) {
			x.syntaxErr(f, "define-record", "slot name must be an identifier")
		}
		slot := symName(s)
		if modifier == nil {
			modifier = Intern(name + "-" + slot + "-set!")
		}
		slots = append(slots, s)
		fields = append(fields, L(s, Intern(name+"-"+slot), modifier))
	}
	return ListTail(listFrom(fields), kw("define-record-type"), it[1],
		&Pair{Intern("make-" + name), listFrom(slots)}, Intern(name+"?"))
}

// expandDefineValues expands (define-values …).
func expandDefineValues(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "define-values")
	out := []Value{kw("begin")}
	var sets []Value
	temps := renameFormals(it[1], "dv", func(v, t Value) {
		out = append(out, L(kw("define"), v, False))
		sets = append(sets, L(kw("set!"), v, t))
	})
	sets = append(sets, kw("%unspecified")) // a body even for (define-values () …)
	out = append(out, ListTail(listFrom(sets), kw("%receive"), temps, it[2]))
	return listFrom(out)
}

// expandReceive expands (receive …).
func expandReceive(x *expander, f *Pair, sc *scope) core {
	if it := x.items(f, 2, "receive"); len(it) == 2 {
		// CHICKEN's (receive expr): the list of expr's values
		v := tmp("values")
		g := &Pair{f.Car, L(v, it[1], v)}
		if p, ok := x.pos[f]; ok {
			x.pos[g] = p
		}
		return expandReceive(x, g, sc)
	}
	it := x.items(f, 3, "receive")
	thunk := x.expand(L(kw("lambda"), Null, it[2]), sc)
	lam := x.expand(ListTail(listFrom(it[3:]), kw("lambda"), it[1]), sc)
	t, ok := thunk.(*cLambda)
	l, ok2 := lam.(*cLambda)
	if !ok || !ok2 || l.nopt > 0 || len(l.keys) > 0 {
		// #!optional or #!key formals: the procedure call
		return &cCall{f: x.expand(kw("%call-with-values"), sc), args: []core{thunk, lam}, pos: x.posOf(f)}
	}
	return &cReceive{thunk: t, lam: l, pos: x.posOf(f)}
}

// expandLetValues expands (let-values …).
func expandLetValues(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "let-values")
	bs := x.items(it[1], 0, "let-values")
	var lets []Value
	body := &Pair{kw("let"), &Pair{Null, listFrom(it[2:])}}
	var build func(i int) Value
	build = func(i int) Value {
		if i == len(bs) {
			return L(kw("let"), listFrom(lets), body)
		}
		b := x.items(bs[i], 2, "let-values")
		tf := renameFormals(b[0], "lv", func(v, t Value) { lets = append(lets, L(v, t)) })
		inner := build(i + 1)
		return L(kw("%receive"), tf, b[1], inner)
	}
	return build(0)
}

// expandLetStarValues expands (let*-values …).
func expandLetStarValues(x *expander, f *Pair, sc *scope) Value {
	return sequentialLet(x, f, "let*-values", "let-values")
}

// expandParameterize expands (parameterize …).
func expandParameterize(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "parameterize")
	bs := x.items(it[1], 0, "parameterize")
	ps, vs := []Value{kw("%list")}, []Value{kw("%list")}
	for _, b := range bs {
		bl := x.items(b, 2, "parameterize")
		ps = append(ps, bl[0])
		vs = append(vs, bl[1])
	}
	return L(kw("%parameterize"), listFrom(ps), listFrom(vs), ListTail(listFrom(it[2:]), kw("lambda"), Null))
}

// expandFluidLet expands (fluid-let …).
func expandFluidLet(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "fluid-let")
	bs := x.items(it[1], 0, "fluid-let")
	if len(bs) == 0 { // nothing to swap: the body alone (csi: (fluid-let () 1) is 1)
		return &Pair{kw("let"), &Pair{Null, listFrom(it[2:])}}
	}
	var lets, swaps []Value
	for _, b := range bs {
		bl := x.items(b, 2, "fluid-let")
		t := tmp("fl")
		lets = append(lets, L(t, bl[1]))
		s := tmp("swap")
		swaps = append(swaps, L(kw("let"), L(L(s, bl[0])), L(kw("set!"), bl[0], t), L(kw("set!"), t, s)))
	}
	swap := ListTail(listFrom(swaps), kw("lambda"), Null)
	return L(kw("let"), listFrom(lets), L(kw("%dynamic-wind"), swap, ListTail(listFrom(it[2:]), kw("lambda"), Null), swap))
}

// expandCaseLambda expands (case-lambda …).
func expandCaseLambda(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 1, "case-lambda")
	out := []Value{kw("%case-lambda")}
	for _, cl := range it[1:] {
		p, ok := cl.(*Pair)
		if !ok {
			x.syntaxErr(f, "case-lambda", "bad clause")
		}
		out = append(out, &Pair{kw("lambda"), p})
	}
	return listFrom(out)
}

// expandGuard expands (guard …).
func expandGuard(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "guard")
	spec := x.items(it[1], 1, "guard")
	v := spec[0]
	clauses := spec[1:]
	for _, cl := range clauses {
		x.items(cl, 1, "guard")
	}
	hasElse := len(clauses) > 0 && symName(carOf(clauses[len(clauses)-1])) == "else"
	re := tmp("reraise")
	if !hasElse {
		clauses = append(clauses, L(kw("else"), L(re)))
	}
	return L(kw("%guard"), ListTail(listFrom(it[2:]), kw("lambda"), Null),
		L(kw("lambda"), L(v, re), &Pair{kw("cond"), listFrom(clauses)}))
}

// expandHandleExceptions expands (handle-exceptions …).
func expandHandleExceptions(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "handle-exceptions")
	return L(kw("%guard"), ListTail(listFrom(it[3:]), kw("lambda"), Null), L(kw("lambda"), L(it[1], tmp("reraise")), it[2]))
}

// expandConditionCase expands (condition-case …).
func expandConditionCase(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "condition-case")
	c := tmp("c")
	re := tmp("reraise")
	var clauses []Value
	hasCatchAll := false
	for _, cl := range it[2:] {
		cs := x.items(cl, 1, "condition-case")
		var v Value
		var kinds Value
		var body []Value
		if isIdent(cs[0]) {
			v = cs[0]
			if len(cs) > 1 && isKindList(cs[1]) {
				kinds, body = cs[1], cs[2:]
			} else {
				body = cs[1:]
			}
		} else {
			kinds, body = cs[0], cs[1:]
		}
		var test Value = True
		if kinds != nil && kinds != Null {
			test = L(kw("%has-kinds?"), c, L(kw("quote"), kinds))
		} else {
			hasCatchAll = true
		}
		b := &Pair{kw("begin"), listFrom(body)}
		if len(body) == 0 {
			b = &Pair{kw("void"), Null}
		}
		var act Value = b
		if v != nil {
			act = L(kw("let"), L(L(v, c)), b)
		}
		clauses = append(clauses, L(test, act))
	}
	if !hasCatchAll {
		clauses = append(clauses, L(kw("else"), L(re)))
	}
	return L(kw("%guard"), L(kw("lambda"), Null, it[1]), L(kw("lambda"), L(c, re), &Pair{kw("cond"), listFrom(clauses)}))
}

// expandAssert expands (assert …): the value of the expression when it is
// true (as CHICKEN and R6RS return it), else an error.
func expandAssert(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "assert")
	return L(kw("or"), it[1],
		ListTail(listFrom(it[2:]), kw("%assert-fail"), L(kw("quote"), it[1])))
}

// expandInclude expands (include-ci …).
func expandInclude(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "include")
	return &Pair{kw("begin"), listFrom(x.includeFiles(f, it[1:]))}
}

// expandSyntaxError expands (syntax-error …).
func expandSyntaxError(x *expander, f *Pair, sc *scope) core {
	// In transformer code, and as CHICKEN's procedure where a program
	// (not a macro's template: its identifiers are renamed) wrote it in
	// a body: SLIB's and other R4RS-era code define checkers that call it.
	if _, written := f.Car.(*Symbol); x.phase > 0 || (written && sc != nil && sc.fr != nil) {
		return expandSyntaxErrorCall(x, f, sc)
	}
	it := x.items(f, 2, "syntax-error")
	msg := DisplayString(stripSyntax(it[1]))
	if p := x.posOf(f); p.Line > 0 {
		msg = p.String() + ": " + msg
	}
	args := make([]Value, len(it)-2) // r7rs §4.3.3: the message and the args are reported
	for i, a := range it[2:] {
		args[i] = stripSyntax(a)
	}
	panic(&schemePanic{v: MakeError("syntax-error", msg, args, "syntax")})
}

// expandCondExpand expands (cond-expand …).
func expandCondExpand(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 1, "cond-expand")
	for _, cl := range it[1:] {
		cs := x.items(cl, 1, "cond-expand")
		if symName(cs[0]) == "else" || x.feature(cs[0]) {
			return &Pair{kw("begin"), listFrom(cs[1:])}
		}
	}
	return L(kw("void"))
}

// expandDeclare expands (declare …).
func expandDeclare(x *expander, f *Pair, sc *scope) core {
	return &cConst{Unspecified}
}

// expandColon expands (: identifier type), a type declaration.
func expandColon(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, ":")
	if len(it) != 3 {
		x.syntaxErr(f, ":", "expected (: identifier type)")
	}
	if !isIdent(it[1]) {
		x.syntaxErr(f, ":", "expected an identifier to declare")
	}
	return &cConst{Unspecified}
}

// expandDefineType expands (define-type name type).
func expandDefineType(x *expander, f *Pair, sc *scope) core {
	if it := x.items(f, 3, "define-type"); len(it) != 3 {
		x.syntaxErr(f, "define-type", "expected (define-type name type)")
	}
	return &cConst{Unspecified}
}

// expandAssume expands (assume ((variable type) ...) body ...) into a let
// rebinding each variable to itself.
func expandAssume(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "assume")
	var binds []Value
	for _, b := range x.items(it[1], 0, "assume") {
		bi := x.items(b, 2, "assume")
		if len(bi) != 2 || !isIdent(bi[0]) {
			x.syntaxErr(f, "assume", "expected (variable type) in the bindings")
		}
		binds = append(binds, L(bi[0], bi[0]))
	}
	return &Pair{kw("let"), &Pair{listFrom(binds), listFrom(it[2:])}}
}

// expandThe expands (the …).
func expandThe(x *expander, f *Pair, sc *scope) core {
	it := x.items(f, 3, "the")
	return x.expand(it[2], sc)
}

func isKindList(v Value) bool {
	l, ok := ListToSlice(v)
	if !ok {
		return false
	}
	for _, e := range l {
		if !isIdent(e) {
			return false
		}
	}
	return true
}

func (x *expander) bindings(f Value, bs Value, who string) (vars, inits []Value) {
	for _, b := range x.items(bs, 0, who) {
		bl, ok := ListToSlice(b)
		if !ok || len(bl) < 1 || len(bl) > 2 || !isIdent(bl[0]) {
			x.syntaxErr(f, who, "bad binding in %s", who)
		}
		vars = append(vars, bl[0])
		if len(bl) == 2 {
			inits = append(inits, bl[1])
		} else {
			inits = append(inits, kw("%unspecified"))
		}
	}
	return
}

func (x *expander) cond(f Value, clauses []Value, sc *scope) core {
	if len(clauses) == 0 {
		return &cConst{Unspecified}
	}
	cl := x.items(clauses[0], 1, "cond")
	if symName(cl[0]) == "else" && x.isAuxiliary(cl[0], sc) {
		return x.seqOf(cl[1:], sc)
	}
	rest := func(s *scope) core { return x.cond(f, clauses[1:], s) }
	if len(cl) == 1 {
		t := tmp("t")
		fr := &frameInfo{}
		lsc := &scope{parent: sc, fr: fr}
		b := fr.add(t, false)
		lsc.bind(t, b)
		return &cLet{fr: fr, inits: []core{x.expand(cl[0], sc)},
			body: &cIf{c: &cLocal{b}, t: &cLocal{b}, e: rest(lsc)}}
	}
	if len(cl) == 3 && symName(cl[1]) == "=>" && x.isAuxiliary(cl[1], sc) {
		t := tmp("t")
		fr := &frameInfo{}
		lsc := &scope{parent: sc, fr: fr}
		b := fr.add(t, false)
		lsc.bind(t, b)
		return &cLet{fr: fr, inits: []core{x.expand(cl[0], sc)},
			body: &cIf{c: &cLocal{b}, t: &cCall{f: x.expand(cl[2], lsc), args: []core{&cLocal{b}}, pos: x.posOf(clauses[0])}, e: rest(lsc)}}
	}
	return &cIf{c: x.expand(cl[0], sc), t: x.seqOf(cl[1:], sc), e: rest(sc)}
}

// isAuxiliary reports whether the identifier id (named else or =>) is the
// auxiliary syntax and not a local variable of that name, which a clause
// then treats as an expression ((let ((=> #f)) (cond (#t => 'ok))) is ok).
func (x *expander) isAuxiliary(id Value, sc *scope) bool {
	_, local := x.resolveId(id, sc).(*binding)
	return !local
}

// letSyntax expands let-syntax and letrec-syntax where they are
// expressions; in a body or at top level they are spliced (body, toplevel).
func (x *expander) letSyntax(f *Pair, sc *scope, recursive bool) core {
	fr := &frameInfo{}
	nsc, forms := x.syntaxScope(f, sc, fr, recursive)
	return &cLet{fr: fr, body: x.body(listFrom(forms), nsc, symName(f.Car))}
}

// syntaxScope returns the scope a let-syntax or letrec-syntax form f binds
// its keywords in, a child of sc with frame fr, and its body forms. A
// letrec-syntax transformer is closed over the keywords too, a let-syntax
// one over sc only, so that a keyword its template uses means what it
// means outside (r7rs §4.3.1, r6rs §11.18: (let-syntax ((g … (g) …)) …)
// calls the outer g).
func (x *expander) syntaxScope(f *Pair, sc *scope, fr *frameInfo, recursive bool) (*scope, []Value) {
	who := symName(f.Car)
	it := x.items(f, 2, who)
	nsc := &scope{parent: sc, fr: fr}
	env := sc
	if recursive {
		env = nsc
	}
	for _, b := range x.items(it[1], 0, who) {
		bl := x.items(b, 2, who)
		nsc.bind(bl[0], x.makeMacro(bl[1], env, symName(bl[0])))
	}
	return nsc, it[2:]
}

// qq expands a quasiquote template at the given nesting depth. A list's
// elements are expanded in a loop, so a long list does not nest the
// expansion and a circular one is an error, not a stack overflow.
func (x *expander) qq(t Value, depth int, sc *scope) core {
	x.enter()
	defer func() { x.depth-- }()
	switch p := t.(type) {
	case *Pair:
		if isIdent(p.Car) {
			switch symName(p.Car) {
			case "unquote":
				arg := carOf(p.Cdr)
				if depth == 1 {
					return x.expand(arg, sc)
				}
				// The operands as a list one level down, so that ,,@x splices into the unquote form.
				return x.qqPair(&cConst{Intern("unquote")}, x.qq(p.Cdr, depth-1, sc))
			case "unquote-splicing":
				if depth > 1 {
					return x.qqPair(&cConst{Intern("unquote-splicing")}, x.qq(p.Cdr, depth-1, sc))
				}
			case "quasiquote":
				return x.qqPair(&cConst{Intern("quasiquote")}, x.qq(p.Cdr, depth+1, sc))
			}
		}
		// the elements up to the end of the list or a tail that is itself
		// an unquote, unquote-splicing or quasiquote form: (a . ,b)
		var elems []core
		var tail Value = p
		slow := p
		for {
			q, ok := tail.(*Pair)
			if !ok || len(elems) > 0 && qqTailForm(q, depth) {
				break
			}
			if ip, ok := q.Car.(*Pair); ok && isIdent(ip.Car) && symName(ip.Car) == "unquote-splicing" {
				if depth == 1 {
					elems = append(elems, &qqSplice{x.expand(carOf(ip.Cdr), sc)})
				} else {
					elems = append(elems, x.qqPair(&cConst{Intern("unquote-splicing")}, x.qq(ip.Cdr, depth-1, sc)))
				}
			} else {
				elems = append(elems, x.qq(q.Car, depth, sc))
			}
			tail = q.Cdr
			if len(elems)%2 == 0 {
				slow = slow.Cdr.(*Pair)
				if tail == Value(slow) {
					x.syntaxErr(p, "quasiquote", "circular list in a quasiquote template")
				}
			}
		}
		res := x.qq(tail, depth, sc)
		for i := len(elems) - 1; i >= 0; i-- {
			if sp, ok := elems[i].(*qqSplice); ok {
				res = &cCall{f: &cConst{primQQAppend}, args: []core{sp.list, res}}
			} else {
				res = x.qqPair(elems[i], res)
			}
		}
		return res
	case *Vector:
		l := x.qq(List(p.Items...), depth, sc)
		if c, ok := l.(*cConst); ok {
			items, _ := ListToSlice(c.v)
			return &cConst{&Vector{Items: items}}
		}
		return &cCall{f: &cConst{primQQVector}, args: []core{l}}
	}
	return &cConst{stripSyntax(t)}
}

// qqSplice marks a ,@ element of a template while its list is built.
type qqSplice struct{ list core }

// qqTailForm reports whether the rest q of a template list is a form qq
// handles itself: (a . ,b), (a . ,@b) one level down, (a . `b).
func qqTailForm(q *Pair, depth int) bool {
	if !isIdent(q.Car) {
		return false
	}
	switch symName(q.Car) {
	case "unquote", "quasiquote":
		return true
	case "unquote-splicing":
		return depth > 1
	}
	return false
}

// qqPair builds the pair (a . d), as a constant when both parts are.
func (x *expander) qqPair(a, d core) core {
	ac, aok := a.(*cConst)
	dc, dok := d.(*cConst)
	if aok && dok {
		return &cConst{&Pair{ac.v, dc.v}}
	}
	return &cCall{f: &cConst{primQQCons}, args: []core{a, d}}
}

func (x *expander) recordType(f *Pair) Value {
	it := x.items(f, 4, "define-record-type")
	tname := it[1]
	if p, ok := tname.(*Pair); ok { // (name extra…) form
		tname = p.Car
	}
	var fields []Value
	for _, fs := range it[4:] {
		if isIdent(fs) {
			fields = append(fields, fs)
			continue
		}
		fl := x.items(fs, 1, "define-record-type")
		fields = append(fields, fl[0])
	}
	q := func(v Value) Value { return L(kw("quote"), v) }
	out := []Value{kw("begin"),
		L(kw("define"), tname, L(kw("%make-record-type"), q(stripSyntax(tname)), q(stripSyntax(listFrom(fields)))))}
	switch ctor := it[2].(type) {
	case *Pair:
		out = append(out, L(kw("define"), ctor.Car, L(kw("%record-constructor"), tname, q(stripSyntax(ctor.Cdr)))))
	case *Symbol, *alias:
		out = append(out, L(kw("define"), ctor, L(kw("%record-constructor"), tname, q(stripSyntax(listFrom(fields))))))
	}
	if isIdent(it[3]) {
		out = append(out, L(kw("define"), it[3], L(kw("%record-predicate"), tname)))
	}
	for _, fs := range it[4:] {
		if isIdent(fs) {
			continue
		}
		fl := x.items(fs, 1, "define-record-type")
		if len(fl) > 1 {
			out = append(out, L(kw("define"), fl[1], L(kw("%record-accessor"), tname, q(stripSyntax(fl[0])))))
		}
		if len(fl) > 2 {
			mod := L(kw("%record-modifier"), tname, q(stripSyntax(fl[0])))
			if st, ok := fl[2].(*Pair); ok && isIdent(st.Car) && symName(st.Car) == "setter" {
				// CHICKEN: (setter proc) makes proc the field's accessor with
				// a SRFI 17 setter, so (set! (proc r) v) sets the field.
				sp := x.items(fl[2], 2, "define-record-type")
				if len(sp) != 2 || !isIdent(sp[1]) {
					x.syntaxErr(f, "define-record-type", "expected (setter procedure-name)")
				}
				out = append(out, L(kw("define"), sp[1], L(kw("getter-with-setter"), L(kw("%record-accessor"), tname, q(stripSyntax(fl[0]))), mod)))
				continue
			}
			out = append(out, L(kw("define"), fl[2], mod))
		}
	}
	return listFrom(out)
}

// sequentialLet rewrites (star ((b1 ...) (b2 ...) ...) body ...) into nested
// plain forms of one binding each: (plain (b1) (star ((b2 ...) ...) body ...)).
func sequentialLet(x *expander, f *Pair, star, plain string) Value {
	it := x.items(f, 3, star)
	bs := x.items(it[1], 0, star)
	if len(bs) <= 1 {
		return &Pair{kw(plain), f.Cdr}
	}
	return L(kw(plain), L(bs[0]), &Pair{kw(star), &Pair{listFrom(bs[1:]), listFrom(it[2:])}})
}

// renameFormals returns a copy of the formals list (proper, dotted or a
// lone rest identifier) with each variable replaced by a fresh temporary
// named after prefix, calling bind(variable, temporary) for each in order.
func renameFormals(formals Value, prefix string, bind func(v, t Value)) Value {
	var rev []Value
	for {
		p, ok := formals.(*Pair)
		if !ok {
			break
		}
		t := tmp(prefix)
		rev = append(rev, t)
		bind(p.Car, t)
		formals = p.Cdr
	}
	var rest Value = Null
	if isIdent(formals) {
		t := tmp(prefix)
		rest = t
		bind(formals, t)
	}
	return ListTail(rest, rev...)
}
