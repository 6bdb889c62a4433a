// CHICKEN's (chicken base) and data-structure conveniences: identity, constantly, compose, butlast, alist-ref …

// Package chickenbase is the (chicken base) library: CHICKEN's combinators and
// list, alist and string conveniences.
package chickenbase

import (
	"fmt"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

const chickenBase = "CHICKEN (chicken base)"

// procOf makes an anonymous primitive taking any number of arguments.
func procOf(name string, fn scheme.PrimFn) *scheme.Primitive {
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: name, Args: scheme.Params{Rest: "args", Spread: true}, Fn: fn})
}

// spread turns a result into an argument list (several values → several args).
func spread(v scheme.Value) []scheme.Value {
	if mv, ok := v.(*scheme.MultipleValues); ok {
		return mv.Vals
	}
	return []scheme.Value{v}
}

// alistTest returns the equivalence used by alist-ref and friends.
func alistTest(th *scheme.Thread, test scheme.Value) func(a, b scheme.Value) (bool, error) {
	if scheme.IsDefault(test) || test == scheme.Value(scheme.False) {
		return func(a, b scheme.Value) (bool, error) { return scheme.Eqv(a, b), nil }
	}
	return func(a, b scheme.Value) (bool, error) {
		r, err := th.Call(test, a, b)
		return err == nil && r != scheme.Value(scheme.False), err
	}
}

// alistFind returns the first pair of alist whose car (or cdr) matches key.
func alistFind(th *scheme.Thread, who string, key, alist, test scheme.Value, byCdr bool) (*scheme.Pair, error) {
	eq := alistTest(th, test)
	items, err := scheme.ListArg(who, 2, alist)
	if err != nil {
		return nil, err
	}
	for _, e := range items {
		p, ok := e.(*scheme.Pair)
		if !ok {
			return nil, scheme.TypeError(who, 2, "association list", alist)
		}
		k := p.Car
		if byCdr {
			k = p.Cdr
		}
		if same, err := eq(key, k); err != nil {
			return nil, err
		} else if same {
			return p, nil
		}
	}
	return nil, nil
}

func predicates(preds []scheme.Value, and bool) scheme.PrimFn {
	return func(th2 *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		var r scheme.Value = scheme.MakeBool(and)
		for _, p := range preds {
			v, err := th2.Call(p, a...)
			if err != nil {
				return nil, err
			}
			if (v != scheme.Value(scheme.False)) != and {
				return v, nil
			}
			r = v
		}
		return r, nil
	}
}

func composeFn(a []scheme.Value) scheme.PrimFn {
	fs := append([]scheme.Value(nil), a...)
	return func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
		if len(fs) == 0 {
			return scheme.Values(args...), nil // Values copies them
		}
		vals := append([]scheme.Value(nil), args...)
		for i := len(fs) - 1; i > 0; i-- {
			v, err := th.Call(fs[i], vals...)
			if err != nil {
				return nil, err
			}
			vals = spread(v)
		}
		return th.TailCall(fs[0], vals)
	}
}

var chickenBaseProcs = []scheme.Proc{
	{Name: "identity", Spec: chickenBase, Doc: "Returns x.", Args: scheme.Params{Required: []string{"x"}},
		Fn: identity},
	{Name: "constantly", Spec: chickenBase, Sig: "(constantly x ...)",
		Doc:  "Returns a procedure that ignores its arguments and returns the values x ....",
		Args: scheme.Params{Rest: "xs", Spread: true},
		Fn:   constantly},
	{Name: "complement", Spec: chickenBase,
		Doc:  "Returns a procedure returning #t when proc returns #f and #f otherwise.",
		Args: scheme.Params{Required: []string{"proc"}},
		Fn:   complement},
	{Name: "compose", Spec: chickenBase, Sig: "(compose proc ...)",
		Doc:  "Returns the composition of the procs: ((compose f g) x) is (f (g x)); multiple values pass through. (compose) is values.",
		Args: scheme.Params{Rest: "procs", Spread: true},
		Fn:   compose},
	{Name: "o", Spec: chickenBase, Sig: "(o proc ...)",
		Doc:  "Composition of single-valued procedures: ((o f g) x) is (f (g x)); (o) is identity.",
		Args: scheme.Params{Rest: "procs", Spread: true},
		Fn:   o},
	{Name: "conjoin", Spec: chickenBase, Sig: "(conjoin pred ...)",
		Doc:  "Returns a predicate true when every pred is true of its arguments.",
		Args: scheme.Params{Rest: "preds", Spread: true},
		Fn:   conjoin},
	{Name: "disjoin", Spec: chickenBase, Sig: "(disjoin pred ...)",
		Doc:  "Returns a predicate returning the first true result of the preds applied to its arguments.",
		Args: scheme.Params{Rest: "preds", Spread: true},
		Fn:   disjoin},
	{Name: "each", Spec: chickenBase, Sig: "(each proc ...)",
		Doc:  "Returns a procedure calling every proc with its arguments in order, returning the last result.",
		Args: scheme.Params{Rest: "procs", Spread: true},
		Fn:   each},
	{Name: "list-of?", Spec: chickenBase,
		Doc:  "Returns a predicate true of proper lists whose elements all satisfy pred.",
		Args: scheme.Params{Required: []string{"pred"}},
		Fn:   listOfP},
	{Name: "atom?", Spec: chickenBase, Doc: "True when x is not a pair.", Args: scheme.Params{Required: []string{"x"}},
		Fn: atomP},
	{Name: "tail?", Spec: chickenBase, Doc: "True when x is eq? to list or to one of its tails ('() always is).",
		Args: scheme.Params{Required: []string{"x", "list"}},
		Fn:   tailP},
	{Name: "butlast", Spec: chickenBase, Doc: "A fresh list of every element of the non-empty list but the last.",
		Args: scheme.Params{Required: []string{"list"}},
		Fn:   butlast},
	{Name: "intersperse", Spec: chickenBase, Doc: "A fresh list with x between consecutive elements of list.",
		Args: scheme.Params{Required: []string{"list", "x"}},
		Fn:   intersperse},
	{Name: "chop", Spec: chickenBase, Doc: "Splits list into sublists of n elements (the last may be shorter).",
		Args: scheme.Params{Required: []string{"list", "n"}},
		Fn:   chop},
	{Name: "join", Spec: chickenBase, Sig: "(join lists [separator])", Doc: "Appends the lists, with the elements of the list separator between them.",
		Args: scheme.Params{Required: []string{"lists"}, Optional: []string{"separator"}},
		Fn:   join},
	{Name: "alist-ref", Spec: chickenBase, Sig: "(alist-ref key alist [test [default]])",
		Doc:  "The cdr of the first pair of alist whose car matches key by test (default eqv?), else default (#f).",
		Args: scheme.Params{Required: []string{"key", "alist"}, Optional: []string{"test", "default"}},
		Fn:   alistRef},
	{Name: "alist-update!", Spec: chickenBase, Sig: "(alist-update! key value alist [test])",
		Doc:  "Sets the cdr of the pair of alist matching key (test, default eqv?) to value and returns alist, or returns alist with (key . value) consed on.",
		Args: scheme.Params{Required: []string{"key", "value", "alist"}, Optional: []string{"test"}},
		Fn:   alistUpdateBang},
	{Name: "alist-update", Spec: chickenBase, Sig: "(alist-update key value alist [test])",
		Doc:  "Like alist-update! but returns a fresh alist, leaving alist unchanged.",
		Args: scheme.Params{Required: []string{"key", "value", "alist"}, Optional: []string{"test"}},
		Fn:   alistUpdate},
	{Name: "rassoc", Spec: chickenBase, Sig: "(rassoc key alist [test])",
		Doc:  "The first pair of alist whose cdr matches key by test (default eqv?), else #f.",
		Args: scheme.Params{Required: []string{"key", "alist"}, Optional: []string{"test"}},
		Fn:   rassoc},
	{Name: "string-pad", Spec: "CHICKEN (srfi 13)", Sig: "(string-pad string n [char])",
		Doc:  "string right-aligned in n characters: padded on the left with char (default space) or truncated on the left.",
		Args: scheme.Params{Required: []string{"string", "n"}, Optional: []string{"char"}}, Fn: stringPad},
	{Name: "string-pad-right", Spec: "CHICKEN (srfi 13)", Sig: "(string-pad-right string n [char])",
		Doc:  "string left-aligned in n characters: padded on the right with char (default space) or truncated on the right.",
		Args: scheme.Params{Required: []string{"string", "n"}, Optional: []string{"char"}}, Fn: stringPadRight},
	{Name: "exact-rational?", Spec: "chicken", Doc: "Is z an exact rational?", LazyArgs: func() scheme.Params { return anyObj("z") }, Fn: exactRationalP},
	{Name: "fixnum?", Spec: "chicken", Doc: "Is z a fixnum (exact integer fitting in 64 bits)?", LazyArgs: func() scheme.Params { return anyObj("z") }, Fn: fixnumP},
	{Name: "bignum?", Spec: "chicken", Doc: "Is z a bignum?", LazyArgs: func() scheme.Params { return anyObj("z") }, Fn: bignumP},
	{Name: "flonum?", Spec: "chicken", Doc: "Is z a flonum?", LazyArgs: func() scheme.Params { return anyObj("z") }, Fn: flonumP},
	{Name: "ratnum?", Spec: "chicken", Doc: "Is z an exact non-integer rational?", LazyArgs: func() scheme.Params { return anyObj("z") }, Fn: ratnumP},
	{Name: "cplxnum?", Spec: "chicken", Doc: "Is z a non-real complex number (one with an imaginary part, like 1+2i)?", LazyArgs: func() scheme.Params { return anyObj("z") }, Fn: cplxnumP},
	{Name: "add1", Spec: "chicken", Doc: "z plus one.", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("z", scheme.TypeNumber)) }, Fn: add1},
	{Name: "sub1", Spec: "chicken", Doc: "z minus one.", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("z", scheme.TypeNumber)) }, Fn: sub1},
	{Name: "subvector", Spec: "chicken", Sig: "(subvector vector start [end])", Doc: "The elements of vector from start to end, as vector-copy.",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("vector", scheme.TypeVector), scheme.Req("start", nil), scheme.Opt("end", nil, nil))
		}, Fn: subvector},
	{Name: "vector-grow", Spec: "chicken", Doc: "New vector of length n starting with the elements of vector.",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("vector", scheme.TypeVector), scheme.Req("n", nil))
		}, Fn: vectorGrow},
	// more.go's: numbers, warnings, call chains, list and vector helpers, symbols, syntax
	{Name: "equal=?", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("x", nil), scheme.Req("y", nil)) },
		Doc: "As equal?, but numbers are compared with = (so (equal=? 1 1.0) is #t).", Fn: equalEqP},
	{Name: "exact-integer-nth-root", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("k", nonNeg), scheme.Req("n", posInt)) },
		Doc: "Two values s and r with s^n + r = k and k < (s+1)^n.", Fn: exactIntegerNthRoot},
	{Name: "quotient&remainder", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("x", scheme.TypeInteger), scheme.Req("y", scheme.TypeInteger))
	},
		Doc: "Two values: (quotient x y) and (remainder x y).", Fn: quotientAndRemainder},
	{Name: "quotient&modulo", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("x", scheme.TypeInteger), scheme.Req("y", scheme.TypeInteger))
	},
		Doc: "Two values: (quotient x y) and (modulo x y).", Fn: quotientAndModulo},
	{Name: "signum", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("n", number)) },
		Doc: "1, -1 or 0 as n is positive, negative or zero, exact for an exact n and inexact (1.0, -1.0, 0.0 or -0.0) for a flonum.", Fn: signum},
	{Name: "enable-warnings", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("bool", nil, nil)) },
		Doc: "With bool, enables or disables the messages of warning (globally, not per thread); without, tells whether they are enabled.", Fn: enableWarnings},
	{Name: "warning", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("message", nil), scheme.Rest("exp", nil)) },
		Doc: "Writes \"Warning: \" message and the exps to the current error port, unless warnings are disabled, and continues.", Fn: warning},
	{Name: "get-call-chain", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Opt("start", scheme.TypeIndex, scheme.Fixnum(0)), scheme.Opt("thread", nil, nil))
	},
		Doc: "The current call history, innermost first from entry start, as a list of vectors #(position procedure caller) (strings; \"\" when unknown); thread is accepted and must be the current one.", Fn: getCallChain},
	{Name: "print-call-chain", Spec: chickenBase,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Opt("port", nil, nil), scheme.Opt("start", scheme.TypeIndex, scheme.Fixnum(0)), scheme.Opt("thread", nil, nil), scheme.Opt("header", scheme.TypeString, scheme.NewString("\n\tCall history:\n")))
		},
		Doc: "Writes header and the call history, one call a line, to port (default the current output port).", Fn: printCallChain},
	{Name: "procedure-information", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("proc", proc)) },
		Doc: "Debug information on proc: (name . lambda-list) for a Scheme procedure (name ? when it has none) and for a built-in, else its name or #f.", Fn: procedureInformation},
	{Name: "compress", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("blist", scheme.TypeList), scheme.Req("list", scheme.TypeList))
	},
		Doc: "The elements of list whose corresponding element of blist is true: (compress (map odd? nums) nums).", Fn: compress},
	{Name: "foldl", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("procedure", proc), scheme.Req("init", nil), scheme.Req("list", scheme.TypeList))
	},
		Doc: "Folds from the left, (procedure acc elem): (foldl + 0 '(1 2 3)) is (+ (+ (+ 0 1) 2) 3).", Fn: foldl},
	{Name: "foldr", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("procedure", proc), scheme.Req("init", nil), scheme.Req("list", scheme.TypeList))
	},
		Doc: "Folds from the right, (procedure elem acc): (foldr + 0 '(1 2 3)) is (+ 1 (+ 2 (+ 3 0))).", Fn: foldr},
	{Name: "vector-resize", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("vector", scheme.TypeVector), scheme.Req("n", scheme.TypeIndex), scheme.Opt("init", nil, scheme.False))
	},
		Doc: "A new vector of length n with the elements of vector, further ones init (default #f).", Fn: vectorResize},
	{Name: "flip", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("proc", proc)) },
		Doc: "A two-argument procedure calling proc with its arguments swapped.", Fn: flip},
	{Name: "char-name", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("symbol-or-char", nil), scheme.Opt("char", scheme.TypeChar, nil))
	},
		Doc: "The character named by a symbol, or the name (a symbol) of a character, #f when none; (char-name symbol char) adds a name, known to char-name (the reader keeps its own table).", Fn: charName},
	{Name: "gensym", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("string-or-symbol", nil, nil)) },
		Doc: "A new uninterned symbol, its name prefixed by the argument (default g).", Fn: gensym},
	{Name: "string->uninterned-symbol", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string", scheme.TypeString)) },
		Doc: "A new symbol named string, distinct from every other symbol.", Fn: stringToUninternedSymbol},
	{Name: "record-printer", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("name", recordTypeName)) },
		Doc: "The procedure set by set-record-printer! for records of type name, or #f.", Fn: recordPrinter},
	{Name: "set-record-printer!", Spec: chickenBase, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("name", recordTypeName), scheme.Req("procedure", proc))
	},
		Doc: "Makes write, display and print print the records of type name (a record type, R6RS's too, or its name as a symbol) by calling (procedure record port).", Fn: setRecordPrinterBang},
	{Name: "on-exit", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("thunk", proc)) },
		Doc: "Schedules thunk to run when the program ends by exit or after its last toplevel form; the thunk scheduled last runs first.", Fn: onExit},
	{Name: "sleep", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("seconds", number)) },
		Doc: "Suspends the calling thread for seconds.", Fn: sleep},
	{Name: "port-closed?", Spec: chickenBase, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("port", nil)) },
		Doc: "Is port closed (both sides, for an input/output port)?", Fn: portClosedP},
	// written with syntax-rules (syntax.scm)
	{Name: "optional", Spec: chickenBase, Sig: "syntax (optional args default)", Args: scheme.Params{Rest: "form"}, Doc: "The first element of the rest list args, or default when it is empty; further elements are ignored, as csi does."},
	{Name: "let-optionals", Spec: chickenBase, Sig: "syntax (let-optionals args ((var default) ... [rest]) body ...)", Args: scheme.Params{Rest: "form"}, Doc: "Binds the vars in parallel to the elements of args or, beyond its end, to their defaults (an optional final rest var gets the remaining list), then evaluates the body."},
	{Name: "let-optionals*", Spec: chickenBase, Sig: "syntax (let-optionals* args ((var default) ... [rest]) body ...)", Args: scheme.Params{Rest: "form"}, Doc: "As let-optionals, binding sequentially: a default sees the vars before it."},
	{Name: "rec", Spec: chickenBase, Sig: "syntax (rec name expr) (rec (name var ...) body ...)", Args: scheme.Params{Rest: "form"}, Doc: "(letrec ((name expr)) name), or the same with (lambda (var ...) body ...)."},
	{Name: "nth-value", Spec: chickenBase, Sig: "syntax (nth-value n exp)", Args: scheme.Params{Rest: "form"}, Doc: "The nth value (from 0) of the values of exp."},
	{Name: "set!-values", Spec: chickenBase, Sig: "syntax (set!-values (var ...) exp)", Args: scheme.Params{Rest: "form"}, Doc: "Assigns the values of exp to the vars."},
	{Name: "define-record-printer", Spec: chickenBase, Sig: "syntax (define-record-printer (name record port) body ...) (define-record-printer name procedure)", Args: scheme.Params{Rest: "form"}, Doc: "CHICKEN 4's form of set-record-printer!, which CHICKEN 5 keeps: the records of type name (a symbol, not evaluated) print by evaluating the body with record and port bound, or by calling procedure."},
	{Name: "letrec-values", Spec: chickenBase, Sig: "syntax (letrec-values (((formals init) ...) body ...)", Args: scheme.Params{Rest: "form"}, Doc: "Binds the formals to the values of the inits, in a scope where all are visible, then evaluates the body."},
	// SRFI 2's and SRFI 26's syntax, re-exported
	{Name: "and-let*", Spec: chickenBase, Sig: "syntax (and-let* (clause ...) body ...)", Args: scheme.Params{Rest: "form"}, Doc: "Same as SRFI 2's and-let*: each clause (var expr), (expr) or var must be true, else #f."},
	{Name: "cut", Spec: chickenBase, Sig: "syntax (cut slot-or-expr ...)", Args: scheme.Params{Rest: "form"}, Doc: "Same as SRFI 26's cut: a procedure of the <> slots calling the specialised form."},
	{Name: "cute", Spec: chickenBase, Sig: "syntax (cute slot-or-expr ...)", Args: scheme.Params{Rest: "form"}, Doc: "Same as SRFI 26's cute: as cut, the non-slot expressions evaluated once."},
}

// Library is the (chicken base) binding table.
var Library = &scheme.Library{Name: "(chicken base)", Doc: "CHICKEN's (chicken base) combinators and list/alist conveniences.", Procs: chickenBaseProcs,
	Parameters: []*scheme.ParamDef{scheme.ExitHandler, scheme.ImplicitExitHandler,
		scheme.CaseSensitive, scheme.KeywordStyle, scheme.ParenthesesSynonyms, scheme.SymbolEscape},
	Reexports: []string{"setter", "getter-with-setter"}, // the core's (srfi 17)
	Source:    scheme.LibrarySource("syntax.scm", syntaxSource)}

// identity implements identity.
func identity(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0], nil
}

// constantly implements constantly.
func constantly(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r := scheme.Values(a...) // Values copies them
	return procOf("constantly", func(*scheme.Thread, []scheme.Value) (scheme.Value, error) { return r, nil }), nil
}

// complement implements complement.
func complement(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f := a[0]
	return procOf("complement", func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
		v, err := th.Call(f, args...)
		if err != nil {
			return nil, err
		}
		return scheme.MakeBool(v == scheme.Value(scheme.False)), nil
	}), nil
}

// compose implements compose.
func compose(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return procOf("compose", composeFn(a)), nil
}

// o implements o.
func o(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return procOf("o", composeFn(a)), nil
}

// conjoin implements conjoin.
func conjoin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return procOf("conjoin", predicates(append([]scheme.Value(nil), a...), true)), nil
}

// disjoin implements disjoin.
func disjoin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return procOf("disjoin", predicates(append([]scheme.Value(nil), a...), false)), nil
}

// each implements each.
func each(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	fs := append([]scheme.Value(nil), a...)
	return procOf("each", func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
		if len(fs) == 0 {
			return scheme.Unspecified, nil
		}
		args = append([]scheme.Value(nil), args...)
		for _, f := range fs[:len(fs)-1] {
			if _, err := th.Call(f, args...); err != nil {
				return nil, err
			}
		}
		return th.TailCall(fs[len(fs)-1], args)
	}), nil
}

// listOfP implements list-of?.
func listOfP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	pred := a[0]
	return procOf("list-of?", func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
		if len(args) != 1 {
			return nil, scheme.NewError("", fmt.Sprintf("bad argument count - received %d but expected 1", len(args)), nil, "arity")
		}
		items, ok := scheme.ListToSlice(args[0])
		if !ok {
			return scheme.False, nil
		}
		for _, x := range items {
			v, err := th.Call(pred, x)
			if err != nil {
				return nil, err
			}
			if v == scheme.Value(scheme.False) {
				return scheme.False, nil
			}
		}
		return scheme.True, nil
	}), nil
}

// atomP implements atom?.
func atomP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, p := a[0].(*scheme.Pair)
	return scheme.MakeBool(!p), nil
}

// tailP implements tail?.
func tailP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if a[0] == scheme.Null {
		return scheme.True, nil
	}
	for l := a[1]; ; {
		if l == a[0] {
			return scheme.True, nil
		}
		p, ok := l.(*scheme.Pair)
		if !ok {
			return scheme.False, nil
		}
		l = p.Cdr
	}
}

// butlast implements butlast.
func butlast(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, err := scheme.ListArg("butlast", 1, a[0])
	if err != nil || len(items) == 0 {
		return nil, scheme.TypeError("butlast", 1, "non-empty list", a[0])
	}
	return scheme.List(items[:len(items)-1]...), nil
}

// intersperse implements intersperse.
func intersperse(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, err := scheme.ListArg("intersperse", 1, a[0])
	if err != nil {
		return nil, err
	}
	out := make([]scheme.Value, 0, 2*len(items))
	for i, v := range items {
		if i > 0 {
			out = append(out, a[1])
		}
		out = append(out, v)
	}
	return scheme.List(out...), nil
}

// chop implements chop.
func chop(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, err := scheme.ListArg("chop", 1, a[0])
	if err != nil {
		return nil, err
	}
	n, ok := a[1].(scheme.Fixnum)
	if !ok || n <= 0 {
		return nil, scheme.TypeError("chop", 2, "positive fixnum", a[1])
	}
	var out []scheme.Value
	for len(items) > 0 {
		k := min(int(n), len(items))
		out = append(out, scheme.List(items[:k]...))
		items = items[k:]
	}
	return scheme.List(out...), nil
}

// join implements join.
func join(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ls, err := scheme.ListArg("join", 1, a[0])
	if err != nil {
		return nil, err
	}
	var sep []scheme.Value
	if !scheme.IsDefault(a[1]) {
		if sep, err = scheme.ListArg("join", 2, a[1]); err != nil {
			return nil, err
		}
	}
	var out []scheme.Value
	for i, l := range ls {
		items, err := scheme.ListArg("join", 1, l)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, items...)
	}
	return scheme.List(out...), nil
}

// alistRef implements alist-ref.
func alistRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, err := alistFind(th, "alist-ref", a[0], a[1], a[2], false)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return scheme.OrDefault(a[3], scheme.False), nil
	}
	return p.Cdr, nil
}

// alistUpdateBang implements alist-update!.
func alistUpdateBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, err := alistFind(th, "alist-update!", a[0], a[2], a[3], false)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return scheme.Cons(scheme.Cons(a[0], a[1]), a[2]), nil
	}
	p.Cdr = a[1]
	return a[2], nil
}

// alistUpdate implements alist-update.
func alistUpdate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, err := scheme.ListArg("alist-update", 3, a[2])
	if err != nil {
		return nil, err
	}
	p, err := alistFind(th, "alist-update", a[0], a[2], a[3], false)
	if err != nil {
		return nil, err
	}
	out := make([]scheme.Value, 0, len(items)+1)
	for _, e := range items {
		if e == scheme.Value(p) {
			e = scheme.Cons(p.Car, a[1])
		}
		out = append(out, e)
	}
	if p == nil { // CHICKEN adds a new key at the end (alist-update! conses it on the front)
		out = append(out, scheme.Cons(a[0], a[1]))
	}
	return scheme.List(out...), nil
}

// rassoc implements rassoc.
func rassoc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, err := alistFind(th, "rassoc", a[0], a[1], a[2], true)
	if err != nil || p == nil {
		return scheme.False, err
	}
	return p, nil
}

// stringPad implements string-pad.
func stringPad(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return padString(th, a, "string-pad", false)
}

// stringPadRight implements string-pad-right.
func stringPadRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return padString(th, a, "string-pad-right", true)
}

// padString implements string-pad (left) and string-pad-right.
func padString(th *scheme.Thread, a []scheme.Value, who string, right bool) (scheme.Value, error) {
	s, ok := a[0].(*scheme.String)
	if !ok {
		return nil, scheme.TypeError(who, 1, "string", a[0])
	}
	n, ok := a[1].(scheme.Fixnum)
	if !ok || n < 0 {
		return nil, scheme.TypeError(who, 2, "non-negative fixnum", a[1])
	}
	if _, err := scheme.ArgSize(2, n, 4); err != nil {
		return nil, err
	}
	pad := ' '
	if !scheme.IsDefault(a[2]) {
		c, ok := a[2].(scheme.Char)
		if !ok {
			return nil, scheme.TypeError(who, 3, "char", a[2])
		}
		pad = rune(c)
	}
	rs := s.Runes()
	k := int(n)
	switch {
	case len(rs) >= k && right:
		rs = rs[:k]
	case len(rs) >= k:
		rs = rs[len(rs)-k:]
	case right:
		rs = append(rs, []rune(strings.Repeat(string(pad), k-len(rs)))...)
	default:
		rs = append([]rune(strings.Repeat(string(pad), k-len(rs))), rs...)
	}
	return scheme.NewStringRunes(rs), nil
}

// anyObj declares one parameter of any type.
func anyObj(name string) scheme.Params { return scheme.Lambda(scheme.Req(name, nil)) }

// exactRationalP implements exact-rational?.
func exactRationalP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(scheme.IsExact(a[0]) && scheme.IsReal(a[0])), nil
}

// cplxnumP implements cplxnum?.
func cplxnumP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*scheme.Compnum](a[0]), nil
}

// fixnumP implements fixnum?.
func fixnumP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[scheme.Fixnum](a[0]), nil
}

// bignumP implements bignum?.
func bignumP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*scheme.Bignum](a[0]), nil
}

// flonumP implements flonum?.
func flonumP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[scheme.Flonum](a[0]), nil
}

// ratnumP implements ratnum?.
func ratnumP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*scheme.Ratnum](a[0]), nil
}

// add1 implements add1.
func add1(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Add(a[0], scheme.Fixnum(1)), nil
}

// sub1 implements sub1.
func sub1(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Sub(a[0], scheme.Fixnum(1)), nil
}

// subvector implements subvector.
func subvector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v := a[0].(*scheme.Vector)
	start, end, err := scheme.ArgRange(len(v.Items), a, 1)
	if err != nil {
		return nil, err
	}
	return &scheme.Vector{Items: append([]scheme.Value{}, v.Items[start:end]...)}, nil
}

// vectorGrow implements vector-grow.
func vectorGrow(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v := a[0].(*scheme.Vector)
	n, err := scheme.ArgSize(2, a[1], scheme.ValueSize)
	if err != nil {
		return nil, err
	}
	if n < len(v.Items) {
		return nil, scheme.RangeError("", 2, "smaller than the vector", a[1])
	}
	items := make([]scheme.Value, n)
	copy(items, v.Items)
	for i := len(v.Items); i < n; i++ {
		items[i] = scheme.Unspecified
	}
	return &scheme.Vector{Items: items}, nil
}
