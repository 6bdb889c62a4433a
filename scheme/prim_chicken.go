// CHICKEN's (chicken base) and data-structure conveniences: identity, constantly, compose, butlast, alist-ref …

package scheme

const chickenBase = "CHICKEN (chicken base)"

// procOf makes an anonymous primitive taking any number of arguments.
func procOf(name string, fn PrimFn) *Primitive {
	return NewPrimitive(nil, &Proc{Name: name, Args: Params{Rest: "args", Spread: true}, Fn: fn})
}

// spread turns a result into an argument list (several values → several args).
func spread(v Value) []Value {
	if mv, ok := v.(*MultipleValues); ok {
		return mv.Vals
	}
	return []Value{v}
}

func listArg(who string, pos int, v Value) ([]Value, error) {
	items, ok := ListToSlice(v)
	if !ok {
		return nil, TypeError(who, pos, "list", v)
	}
	return items, nil
}

// alistTest returns the equivalence used by alist-ref and friends.
func alistTest(th *Thread, test Value) func(a, b Value) (bool, error) {
	if IsDefault(test) || test == Value(False) {
		return func(a, b Value) (bool, error) { return Eqv(a, b), nil }
	}
	return func(a, b Value) (bool, error) {
		r, err := th.Call(test, a, b)
		return err == nil && r != Value(False), err
	}
}

// alistFind returns the first pair of alist whose car (or cdr) matches key.
func alistFind(th *Thread, who string, key, alist, test Value, byCdr bool) (*Pair, error) {
	eq := alistTest(th, test)
	items, err := listArg(who, 2, alist)
	if err != nil {
		return nil, err
	}
	for _, e := range items {
		p, ok := e.(*Pair)
		if !ok {
			return nil, TypeError(who, 2, "association list", alist)
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

func predicates(preds []Value, and bool) PrimFn {
	return func(th2 *Thread, a []Value) (Value, error) {
		var r Value = MakeBool(and)
		for _, p := range preds {
			v, err := th2.Call(p, a...)
			if err != nil {
				return nil, err
			}
			if (v != Value(False)) != and {
				return v, nil
			}
			r = v
		}
		return r, nil
	}
}

func composeFn(a []Value) PrimFn {
	fs := append([]Value(nil), a...)
	return func(th *Thread, args []Value) (Value, error) {
		if len(fs) == 0 {
			return Values(append([]Value(nil), args...)...), nil
		}
		vals := append([]Value(nil), args...)
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

var chickenBaseProcs = []Proc{
	{Name: "identity", Spec: chickenBase, Sig: "(identity x)", Doc: "Returns x.", Args: Params{Required: []string{"x"}},
		Fn: identity},
	{Name: "constantly", Spec: chickenBase, Sig: "(constantly x ...)",
		Doc:  "Returns a procedure that ignores its arguments and returns the values x ....",
		Args: Params{Rest: "xs", Spread: true},
		Fn:   constantly},
	{Name: "complement", Spec: chickenBase, Sig: "(complement proc)",
		Doc:  "Returns a procedure returning #t when proc returns #f and #f otherwise.",
		Args: Params{Required: []string{"proc"}},
		Fn:   complement},
	{Name: "compose", Spec: chickenBase, Sig: "(compose proc ...)",
		Doc:  "Returns the composition of the procs: ((compose f g) x) is (f (g x)); multiple values pass through. (compose) is values.",
		Args: Params{Rest: "procs", Spread: true},
		Fn:   compose},
	{Name: "o", Spec: chickenBase, Sig: "(o proc ...)",
		Doc:  "Composition of single-valued procedures: ((o f g) x) is (f (g x)); (o) is identity.",
		Args: Params{Rest: "procs", Spread: true},
		Fn:   o},
	{Name: "conjoin", Spec: chickenBase, Sig: "(conjoin pred ...)",
		Doc:  "Returns a predicate true when every pred is true of its arguments.",
		Args: Params{Rest: "preds", Spread: true},
		Fn:   conjoin},
	{Name: "disjoin", Spec: chickenBase, Sig: "(disjoin pred ...)",
		Doc:  "Returns a predicate returning the first true result of the preds applied to its arguments.",
		Args: Params{Rest: "preds", Spread: true},
		Fn:   disjoin},
	{Name: "each", Spec: chickenBase, Sig: "(each proc ...)",
		Doc:  "Returns a procedure calling every proc with its arguments in order, returning the last result.",
		Args: Params{Rest: "procs", Spread: true},
		Fn:   each},
	{Name: "list-of?", Spec: chickenBase, Sig: "(list-of? pred)",
		Doc:  "Returns a predicate true of proper lists whose elements all satisfy pred.",
		Args: Params{Required: []string{"pred"}},
		Fn:   listOfP},
	{Name: "atom?", Spec: chickenBase, Sig: "(atom? x)", Doc: "True when x is not a pair.", Args: Params{Required: []string{"x"}},
		Fn: atomP},
	{Name: "tail?", Spec: chickenBase, Sig: "(tail? x list)", Doc: "True when x is eq? to list or to one of its tails ('() always is).",
		Args: Params{Required: []string{"x", "list"}},
		Fn:   tailP},
	{Name: "butlast", Spec: chickenBase, Sig: "(butlast list)", Doc: "A fresh list of every element of the non-empty list but the last.",
		Args: Params{Required: []string{"list"}},
		Fn:   butlast},
	{Name: "intersperse", Spec: chickenBase, Sig: "(intersperse list x)", Doc: "A fresh list with x between consecutive elements of list.",
		Args: Params{Required: []string{"list", "x"}},
		Fn:   intersperse},
	{Name: "chop", Spec: chickenBase, Sig: "(chop list n)", Doc: "Splits list into sublists of n elements (the last may be shorter).",
		Args: Params{Required: []string{"list", "n"}},
		Fn:   chop},
	{Name: "join", Spec: chickenBase, Sig: "(join lists [separator])", Doc: "Appends the lists, with the elements of the list separator between them.",
		Args: Params{Required: []string{"lists"}, Optional: []string{"separator"}},
		Fn:   join},
	{Name: "alist-ref", Spec: chickenBase, Sig: "(alist-ref key alist [test [default]])",
		Doc:  "The cdr of the first pair of alist whose car matches key by test (default eqv?), else default (#f).",
		Args: Params{Required: []string{"key", "alist"}, Optional: []string{"test", "default"}},
		Fn:   alistRef},
	{Name: "alist-update!", Spec: chickenBase, Sig: "(alist-update! key value alist [test])",
		Doc:  "Sets the cdr of the pair of alist matching key (test, default eqv?) to value and returns alist, or returns alist with (key . value) consed on.",
		Args: Params{Required: []string{"key", "value", "alist"}, Optional: []string{"test"}},
		Fn:   alistUpdateBang},
	{Name: "alist-update", Spec: chickenBase, Sig: "(alist-update key value alist [test])",
		Doc:  "Like alist-update! but returns a fresh alist, leaving alist unchanged.",
		Args: Params{Required: []string{"key", "value", "alist"}, Optional: []string{"test"}},
		Fn:   alistUpdate},
	{Name: "rassoc", Spec: chickenBase, Sig: "(rassoc key alist [test])",
		Doc:  "The first pair of alist whose cdr matches key by test (default eqv?), else #f.",
		Args: Params{Required: []string{"key", "alist"}, Optional: []string{"test"}},
		Fn:   rassoc},
	{Name: "string-pad", Spec: "CHICKEN (srfi 13)", Sig: "(string-pad string n [char])",
		Doc:  "string right-aligned in n characters: padded on the left with char (default space) or truncated on the left.",
		Args: Params{Required: []string{"string", "n"}, Optional: []string{"char"}}, Fn: stringPad},
	{Name: "string-pad-right", Spec: "CHICKEN (srfi 13)", Sig: "(string-pad-right string n [char])",
		Doc:  "string left-aligned in n characters: padded on the right with char (default space) or truncated on the right.",
		Args: Params{Required: []string{"string", "n"}, Optional: []string{"char"}}, Fn: stringPadRight},
}

// chickenBaseLibrary is the (chicken base) table.
var chickenBaseLibrary = &Library{Name: "(chicken base)", Doc: "CHICKEN's (chicken base) combinators and list/alist conveniences.", Procs: chickenBaseProcs}

// identity implements identity.
func identity(th *Thread, a []Value) (Value, error) {
	return a[0], nil
}

// constantly implements constantly.
func constantly(th *Thread, a []Value) (Value, error) {
	r := Values(append([]Value(nil), a...)...)
	return procOf("constantly", func(*Thread, []Value) (Value, error) { return r, nil }), nil
}

// complement implements complement.
func complement(th *Thread, a []Value) (Value, error) {
	f := a[0]
	return procOf("complement", func(th *Thread, args []Value) (Value, error) {
		v, err := th.Call(f, args...)
		if err != nil {
			return nil, err
		}
		return MakeBool(v == Value(False)), nil
	}), nil
}

// compose implements compose.
func compose(th *Thread, a []Value) (Value, error) {
	return procOf("compose", composeFn(a)), nil
}

// o implements o.
func o(th *Thread, a []Value) (Value, error) {
	return procOf("o", composeFn(a)), nil
}

// conjoin implements conjoin.
func conjoin(th *Thread, a []Value) (Value, error) {
	return procOf("conjoin", predicates(append([]Value(nil), a...), true)), nil
}

// disjoin implements disjoin.
func disjoin(th *Thread, a []Value) (Value, error) {
	return procOf("disjoin", predicates(append([]Value(nil), a...), false)), nil
}

// each implements each.
func each(th *Thread, a []Value) (Value, error) {
	fs := append([]Value(nil), a...)
	return procOf("each", func(th *Thread, args []Value) (Value, error) {
		if len(fs) == 0 {
			return Unspecified, nil
		}
		args = append([]Value(nil), args...)
		for _, f := range fs[:len(fs)-1] {
			if _, err := th.Call(f, args...); err != nil {
				return nil, err
			}
		}
		return th.TailCall(fs[len(fs)-1], args)
	}), nil
}

// listOfP implements list-of?.
func listOfP(th *Thread, a []Value) (Value, error) {
	pred := a[0]
	return procOf("list-of?", func(th *Thread, args []Value) (Value, error) {
		if len(args) != 1 {
			return nil, Errorf("list-of?: wrong number of arguments (got %d, want 1)", len(args))
		}
		items, ok := ListToSlice(args[0])
		if !ok {
			return False, nil
		}
		for _, x := range items {
			v, err := th.Call(pred, x)
			if err != nil {
				return nil, err
			}
			if v == Value(False) {
				return False, nil
			}
		}
		return True, nil
	}), nil
}

// atomP implements atom?.
func atomP(th *Thread, a []Value) (Value, error) {
	_, p := a[0].(*Pair)
	return MakeBool(!p), nil
}

// tailP implements tail?.
func tailP(th *Thread, a []Value) (Value, error) {
	if a[0] == Null {
		return True, nil
	}
	for l := a[1]; ; {
		if l == a[0] {
			return True, nil
		}
		p, ok := l.(*Pair)
		if !ok {
			return False, nil
		}
		l = p.Cdr
	}
}

// butlast implements butlast.
func butlast(th *Thread, a []Value) (Value, error) {
	items, err := listArg("butlast", 1, a[0])
	if err != nil || len(items) == 0 {
		return nil, TypeError("butlast", 1, "non-empty list", a[0])
	}
	return List(items[:len(items)-1]...), nil
}

// intersperse implements intersperse.
func intersperse(th *Thread, a []Value) (Value, error) {
	items, err := listArg("intersperse", 1, a[0])
	if err != nil {
		return nil, err
	}
	out := make([]Value, 0, 2*len(items))
	for i, v := range items {
		if i > 0 {
			out = append(out, a[1])
		}
		out = append(out, v)
	}
	return List(out...), nil
}

// chop implements chop.
func chop(th *Thread, a []Value) (Value, error) {
	items, err := listArg("chop", 1, a[0])
	if err != nil {
		return nil, err
	}
	n, ok := a[1].(Fixnum)
	if !ok || n <= 0 {
		return nil, TypeError("chop", 2, "positive fixnum", a[1])
	}
	var out []Value
	for len(items) > 0 {
		k := min(int(n), len(items))
		out = append(out, List(items[:k]...))
		items = items[k:]
	}
	return List(out...), nil
}

// join implements join.
func join(th *Thread, a []Value) (Value, error) {
	ls, err := listArg("join", 1, a[0])
	if err != nil {
		return nil, err
	}
	var sep []Value
	if !IsDefault(a[1]) {
		if sep, err = listArg("join", 2, a[1]); err != nil {
			return nil, err
		}
	}
	var out []Value
	for i, l := range ls {
		items, err := listArg("join", 1, l)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, items...)
	}
	return List(out...), nil
}

// alistRef implements alist-ref.
func alistRef(th *Thread, a []Value) (Value, error) {
	p, err := alistFind(th, "alist-ref", a[0], a[1], a[2], false)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return OrDefault(a[3], False), nil
	}
	return p.Cdr, nil
}

// alistUpdateBang implements alist-update!.
func alistUpdateBang(th *Thread, a []Value) (Value, error) {
	p, err := alistFind(th, "alist-update!", a[0], a[2], a[3], false)
	if err != nil {
		return nil, err
	}
	if p == nil {
		return &Pair{&Pair{a[0], a[1]}, a[2]}, nil
	}
	p.Cdr = a[1]
	return a[2], nil
}

// alistUpdate implements alist-update.
func alistUpdate(th *Thread, a []Value) (Value, error) {
	items, err := listArg("alist-update", 3, a[2])
	if err != nil {
		return nil, err
	}
	p, err := alistFind(th, "alist-update", a[0], a[2], a[3], false)
	if err != nil {
		return nil, err
	}
	out := make([]Value, 0, len(items)+1)
	if p == nil {
		out = append(out, &Pair{a[0], a[1]})
	}
	for _, e := range items {
		if e == Value(p) {
			e = &Pair{p.Car, a[1]}
		}
		out = append(out, e)
	}
	return List(out...), nil
}

// rassoc implements rassoc.
func rassoc(th *Thread, a []Value) (Value, error) {
	p, err := alistFind(th, "rassoc", a[0], a[1], a[2], true)
	if err != nil || p == nil {
		return False, err
	}
	return p, nil
}

// stringPad implements string-pad.
func stringPad(th *Thread, a []Value) (Value, error) { return padString(th, a, "string-pad", false) }

// stringPadRight implements string-pad-right.
func stringPadRight(th *Thread, a []Value) (Value, error) {
	return padString(th, a, "string-pad-right", true)
}
