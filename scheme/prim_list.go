// Pair and list procedures: R7RS §6.4 and the first-order part of SRFI-1
// (higher-order ones are in boot/data-lists.scm).

package scheme

const r7list = "r7rs §6.4"

func argPair(i int, v Value) (*Pair, error) {
	p, ok := v.(*Pair)
	if !ok {
		return nil, TypeError("", i, "pair", v)
	}
	return p, nil
}

// cxr builds c[ad]+r from its path read right to left.
func cxr(name string) Proc {
	path := name[1 : len(name)-1]
	return Proc{Name: name, Spec: r7list, Sig: "(" + name + " pair)", Doc: "Composition of car and cdr as the name spells.", Args: req("pair"),
		Fn: func(th *Thread, args []Value) (Value, error) {
			v := args[0]
			for i := len(path) - 1; i >= 0; i-- {
				p, ok := v.(*Pair)
				if !ok {
					return nil, TypeError("", 1, "pair structure for "+name, args[0])
				}
				if path[i] == 'a' {
					v = p.Car
				} else {
					v = p.Cdr
				}
			}
			return v, nil
		}}
}

// listLength returns the length of a proper list, or -1 (improper or circular).
func listLength(l Value) int {
	n := 0
	slow := l
	for {
		if l == Null {
			return n
		}
		p, ok := l.(*Pair)
		if !ok {
			return -1
		}
		l = p.Cdr
		n++
		if n&1 == 0 {
			slow = slow.(*Pair).Cdr
			if slow == l && l != Null {
				return -1
			}
		}
	}
}

func memGeneric(eq func(a, b Value) bool) PrimFn {
	return func(th *Thread, args []Value) (Value, error) {
		for l := args[1]; ; {
			p, ok := l.(*Pair)
			if !ok {
				return False, nil
			}
			if eq(args[0], p.Car) {
				return p, nil
			}
			l = p.Cdr
		}
	}
}

func assGeneric(eq func(a, b Value) bool) PrimFn {
	return func(th *Thread, args []Value) (Value, error) {
		for l := args[1]; ; {
			p, ok := l.(*Pair)
			if !ok {
				return False, nil
			}
			if e, ok := p.Car.(*Pair); ok && eq(args[0], e.Car) {
				return e, nil
			} else if !ok {
				return nil, TypeError("", 2, "association list", args[1])
			}
			l = p.Cdr
		}
	}
}

// withCompare wraps member/assoc: with a third argument the comparison is a
// Scheme procedure.
func withCompare(assoc bool) PrimFn {
	return func(th *Thread, args []Value) (Value, error) {
		if IsDefault(args[2]) {
			if assoc {
				return assGeneric(Equal)(th, args)
			}
			return memGeneric(Equal)(th, args)
		}
		cmp := args[2]
		var ferr error
		eq := func(a, b Value) bool {
			if ferr != nil {
				return false
			}
			r, err := th.Call(cmp, a, b)
			if err != nil {
				ferr = err
				return false
			}
			return Truthy(r)
		}
		var r Value
		var err error
		if assoc {
			r, err = assGeneric(eq)(th, args)
		} else {
			r, err = memGeneric(eq)(th, args)
		}
		if ferr != nil {
			return nil, ferr
		}
		return r, err
	}
}

func primAppend(th *Thread, args []Value) (Value, error) {
	if len(args) == 0 {
		return Null, nil
	}
	res := args[len(args)-1]
	for i := len(args) - 2; i >= 0; i-- {
		items, ok := ListToSlice(args[i])
		if !ok {
			return nil, TypeError("", i+1, "list", args[i])
		}
		res = ListTail(res, items...)
	}
	return res, nil
}

func primReverse(th *Thread, args []Value) (Value, error) {
	if listLength(args[0]) < 0 {
		return nil, TypeError("", 1, "proper list", args[0])
	}
	var r Value = Null
	for l := args[0]; l != Null; l = l.(*Pair).Cdr {
		r = &Pair{l.(*Pair).Car, r}
	}
	return r, nil
}

func listTail(l Value, k int, argPos int) (Value, error) {
	for i := 0; i < k; i++ {
		p, ok := l.(*Pair)
		if !ok {
			return nil, RangeError("", argPos, "list too short", Fixnum(k))
		}
		l = p.Cdr
	}
	return l, nil
}

func nth(n int) PrimFn {
	return func(th *Thread, args []Value) (Value, error) {
		l, err := listTail(args[0], n, 1)
		if err != nil {
			return nil, err
		}
		p, ok := l.(*Pair)
		if !ok {
			return nil, RangeError("", 1, "list too short", args[0])
		}
		return p.Car, nil
	}
}

func primFlatten(th *Thread, args []Value) (Value, error) {
	var out []Value
	var walk func(v Value, depth int) error
	walk = func(v Value, depth int) error {
		if depth > 100000 {
			return RangeError("", 0, "nesting too deep", Null)
		}
		for v != Null {
			p, ok := v.(*Pair)
			if !ok {
				out = append(out, v)
				return nil
			}
			if _, ok := p.Car.(*Pair); ok || p.Car == Null {
				if err := walk(p.Car, depth+1); err != nil {
					return err
				}
			} else {
				out = append(out, p.Car)
			}
			v = p.Cdr
		}
		return nil
	}
	for _, a := range args {
		if err := walk(a, 0); err != nil {
			return nil, err
		}
	}
	return List(out...), nil
}

var listProcs = []Proc{
	{Name: "pair?", Spec: r7list, Sig: "(pair? obj)", Doc: "Is obj a pair?", Args: req("obj"),
		Fn: pred(func(v Value) bool { _, ok := v.(*Pair); return ok })},
	{Name: "null?", Spec: r7list, Sig: "(null? obj)", Doc: "Is obj the empty list?", Args: req("obj"), Fn: pred(func(v Value) bool { return v == Null })},
	{Name: "list?", Spec: r7list, Sig: "(list? obj)", Doc: "Is obj a proper (finite, null-terminated) list?", Args: req("obj"),
		Fn: pred(func(v Value) bool { return listLength(v) >= 0 })},
	{Name: "proper-list?", Spec: "srfi-1", Sig: "(proper-list? obj)", Doc: "Same as list?.", Args: req("obj"),
		Fn: pred(func(v Value) bool { return listLength(v) >= 0 })},
	{Name: "dotted-list?", Spec: "srfi-1", Sig: "(dotted-list? obj)", Doc: "Is obj a finite list not ending in ()?", Args: req("obj"),
		Fn: pred(func(v Value) bool {
			slow := v
			for n := 0; ; n++ {
				p, ok := v.(*Pair)
				if !ok {
					return v != Null
				}
				v = p.Cdr
				if n&1 == 1 {
					slow = slow.(*Pair).Cdr
					if slow == v {
						return false
					}
				}
			}
		})},
	{Name: "circular-list?", Spec: "srfi-1", Sig: "(circular-list? obj)", Doc: "Is obj a circular list?", Args: req("obj"),
		Fn: pred(func(v Value) bool {
			slow := v
			for n := 0; ; n++ {
				p, ok := v.(*Pair)
				if !ok {
					return false
				}
				v = p.Cdr
				if n&1 == 1 {
					slow = slow.(*Pair).Cdr
					if slow == v {
						return true
					}
				}
			}
		})},
	{Name: "not-pair?", Spec: "srfi-1", Sig: "(not-pair? obj)", Doc: "Is obj not a pair?", Args: req("obj"),
		Fn: pred(func(v Value) bool { _, ok := v.(*Pair); return !ok })},
	{Name: "null-list?", Spec: "srfi-1", Sig: "(null-list? list)", Doc: "Is the list empty?", Args: req("list"), Fn: pred(func(v Value) bool { return v == Null })},
	{Name: "cons", Spec: r7list, Sig: "(cons obj1 obj2)", Doc: "A new pair.", Args: req("obj1", "obj2"),
		Fn: cons},
	{Name: "xcons", Spec: "srfi-1", Sig: "(xcons d a)", Doc: "(cons a d).", Args: req("d", "a"),
		Fn: xcons},
	{Name: "car", Spec: r7list, Sig: "(car pair)", Doc: "First field of pair.", Args: req("pair"), Fn: car2},
	{Name: "cdr", Spec: r7list, Sig: "(cdr pair)", Doc: "Second field of pair.", Args: req("pair"), Fn: cdr},
	{Name: "set-car!", Spec: r7list, Sig: "(set-car! pair obj)", Doc: "Stores obj in the car of pair.", Args: req("pair", "obj"),
		Fn: setCarBang},
	{Name: "set-cdr!", Spec: r7list, Sig: "(set-cdr! pair obj)", Doc: "Stores obj in the cdr of pair.", Args: req("pair", "obj"),
		Fn: setCdrBang},
	cxr("caar"), cxr("cadr"), cxr("cdar"), cxr("cddr"),
	cxr("caaar"), cxr("caadr"), cxr("cadar"), cxr("caddr"), cxr("cdaar"), cxr("cdadr"), cxr("cddar"), cxr("cdddr"),
	cxr("caaaar"), cxr("caaadr"), cxr("caadar"), cxr("caaddr"), cxr("cadaar"), cxr("cadadr"), cxr("caddar"), cxr("cadddr"),
	cxr("cdaaar"), cxr("cdaadr"), cxr("cdadar"), cxr("cdaddr"), cxr("cddaar"), cxr("cddadr"), cxr("cdddar"), cxr("cddddr"),
	{Name: "make-list", Spec: r7list, Sig: "(make-list k [fill])", Doc: "A new list of k elements.", Args: Params{Required: []string{"k"}, Optional: []string{"fill"}},
		Fn: makeList},
	{Name: "list", Spec: r7list, Sig: "(list obj ...)", Doc: "A new list of the arguments.", Args: Params{Rest: "obj", Spread: true},
		Fn: list},
	{Name: "cons*", Spec: "srfi-1", Sig: "(cons* obj ... tail)", Doc: "Like list, but the last argument is the tail.",
		Args: Params{Required: []string{"obj"}, Rest: "objs", Spread: true}, Fn: consStar},
	{Name: "length", Spec: r7list, Sig: "(length list)", Doc: "Number of elements of list.", Args: req("list"),
		Fn: length},
	{Name: "length+", Spec: "srfi-1", Sig: "(length+ clist)", Doc: "Length, or #f for a circular list.", Args: req("clist"),
		Fn: lengthPlus},
	{Name: "append", Spec: r7list, Sig: "(append list ... obj)", Doc: "Concatenation; the last argument is shared.", Args: Params{Rest: "lists", Spread: true}, Fn: primAppend},
	{Name: "append!", Spec: "srfi-1", Sig: "(append! list ...)", Doc: "Like append.", Args: Params{Rest: "lists", Spread: true}, Fn: primAppend},
	{Name: "concatenate", Spec: "srfi-1", Sig: "(concatenate list-of-lists)", Doc: "(apply append list-of-lists).", Args: req("lists"),
		Fn: concatenate},
	{Name: "reverse", Spec: r7list, Sig: "(reverse list)", Doc: "New list of the elements in reverse order.", Args: req("list"), Fn: primReverse},
	{Name: "reverse!", Spec: "srfi-1", Sig: "(reverse! list)", Doc: "Like reverse.", Args: req("list"), Fn: primReverse},
	{Name: "append-reverse", Spec: "srfi-1", Sig: "(append-reverse rev-head tail)", Doc: "(append (reverse rev-head) tail).", Args: req("rev-head", "tail"),
		Fn: appendReverse},
	{Name: "list-tail", Spec: r7list, Sig: "(list-tail list k)", Doc: "The sublist after the first k elements.", Args: req("list", "k"),
		Fn: listTail2},
	{Name: "drop", Spec: "srfi-1", Sig: "(drop list k)", Doc: "Same as list-tail.", Args: req("list", "k"),
		Fn: drop},
	{Name: "take", Spec: "srfi-1", Sig: "(take list k)", Doc: "New list of the first k elements.", Args: req("list", "k"), Fn: primTake},
	{Name: "take!", Spec: "srfi-1", Sig: "(take! list k)", Doc: "Same as take.", Args: req("list", "k"), Fn: primTake},
	{Name: "take-right", Spec: "srfi-1", Sig: "(take-right list k)", Doc: "The last k elements (shared).", Args: req("list", "k"),
		Fn: takeRight},
	{Name: "drop-right", Spec: "srfi-1", Sig: "(drop-right list k)", Doc: "New list of all but the last k elements.", Args: req("list", "k"),
		Fn: dropRight},
	{Name: "split-at", Spec: "srfi-1", Sig: "(split-at list k)", Doc: "Returns (take list k) and (drop list k).", Args: req("list", "k"),
		Fn: splitAt},
	{Name: "list-ref", Spec: r7list, Sig: "(list-ref list k)", Doc: "Element k (0-based).", Args: req("list", "k"),
		Fn: listRef},
	{Name: "list-set!", Spec: r7list, Sig: "(list-set! list k obj)", Doc: "Stores obj as element k.", Args: req("list", "k", "obj"),
		Fn: listSetBang},
	{Name: "list-copy", Spec: r7list, Sig: "(list-copy obj)", Doc: "Copy of the list spine (an improper tail is kept).", Args: req("obj"),
		Fn: listCopy},
	{Name: "first", Spec: "srfi-1", Sig: "(first list)", Doc: "Element 0.", Args: req("list"), Fn: nth(0)},
	{Name: "second", Spec: "srfi-1", Sig: "(second list)", Doc: "Element 1.", Args: req("list"), Fn: nth(1)},
	{Name: "third", Spec: "srfi-1", Sig: "(third list)", Doc: "Element 2.", Args: req("list"), Fn: nth(2)},
	{Name: "fourth", Spec: "srfi-1", Sig: "(fourth list)", Doc: "Element 3.", Args: req("list"), Fn: nth(3)},
	{Name: "fifth", Spec: "srfi-1", Sig: "(fifth list)", Doc: "Element 4.", Args: req("list"), Fn: nth(4)},
	{Name: "sixth", Spec: "srfi-1", Sig: "(sixth list)", Doc: "Element 5.", Args: req("list"), Fn: nth(5)},
	{Name: "seventh", Spec: "srfi-1", Sig: "(seventh list)", Doc: "Element 6.", Args: req("list"), Fn: nth(6)},
	{Name: "eighth", Spec: "srfi-1", Sig: "(eighth list)", Doc: "Element 7.", Args: req("list"), Fn: nth(7)},
	{Name: "ninth", Spec: "srfi-1", Sig: "(ninth list)", Doc: "Element 8.", Args: req("list"), Fn: nth(8)},
	{Name: "tenth", Spec: "srfi-1", Sig: "(tenth list)", Doc: "Element 9.", Args: req("list"), Fn: nth(9)},
	{Name: "last-pair", Spec: "srfi-1", Sig: "(last-pair list)", Doc: "The last pair of a non-empty list.", Args: req("list"), Fn: primLastPair},
	{Name: "last", Spec: "srfi-1", Sig: "(last list)", Doc: "The last element of a non-empty list.", Args: req("list"),
		Fn: last},
	{Name: "car+cdr", Spec: "srfi-1", Sig: "(car+cdr pair)", Doc: "Returns the car and the cdr.", Args: req("pair"),
		Fn: carPlusCdr},
	{Name: "iota", Spec: "srfi-1", Sig: "(iota count [start [step]])", Doc: "List of count numbers start, start+step, …",
		Args: Params{Required: []string{"count"}, Optional: []string{"start", "step"}}, Fn: iotaProc},
	{Name: "memq", Spec: r7list, Sig: "(memq obj list)", Doc: "First sublist whose car is eq? to obj, or #f.", Args: req("obj", "list"), Fn: memGeneric(Eq)},
	{Name: "memv", Spec: r7list, Sig: "(memv obj list)", Doc: "First sublist whose car is eqv? to obj, or #f.", Args: req("obj", "list"), Fn: memGeneric(Eqv)},
	{Name: "member", Spec: r7list, Sig: "(member obj list [compare])", Doc: "First sublist whose car is equal? (or compare) to obj, or #f.",
		Args: Params{Required: []string{"obj", "list"}, Optional: []string{"compare"}}, Fn: withCompare(false)},
	{Name: "assq", Spec: r7list, Sig: "(assq obj alist)", Doc: "First pair whose car is eq? to obj, or #f.", Args: req("obj", "alist"), Fn: assGeneric(Eq)},
	{Name: "assv", Spec: r7list, Sig: "(assv obj alist)", Doc: "First pair whose car is eqv? to obj, or #f.", Args: req("obj", "alist"), Fn: assGeneric(Eqv)},
	{Name: "assoc", Spec: r7list, Sig: "(assoc obj alist [compare])", Doc: "First pair whose car is equal? (or compare) to obj, or #f.",
		Args: Params{Required: []string{"obj", "alist"}, Optional: []string{"compare"}}, Fn: withCompare(true)},
	{Name: "alist-copy", Spec: "srfi-1", Sig: "(alist-copy alist)", Doc: "Copy of the spine and of each association pair.", Args: req("alist"),
		Fn: alistCopy},
	{Name: "alist-cons", Spec: "srfi-1", Sig: "(alist-cons key datum alist)", Doc: "(cons (cons key datum) alist).", Args: req("key", "datum", "alist"),
		Fn: alistCons},
	{Name: "flatten", Spec: "chicken", Sig: "(flatten list ...)", Doc: "The non-list leaves of the (nested) lists, in order.", Args: Params{Rest: "lists", Spread: true}, Fn: primFlatten},
}

func primTake(th *Thread, args []Value) (Value, error) {
	k, err := argIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	items := make([]Value, 0, min(k, 1024))
	l := args[0]
	for i := 0; i < k; i++ {
		p, ok := l.(*Pair)
		if !ok {
			return nil, RangeError("", 2, "list too short", args[1])
		}
		items = append(items, p.Car)
		l = p.Cdr
	}
	return List(items...), nil
}

func primLastPair(th *Thread, args []Value) (Value, error) {
	p, err := argPair(1, args[0])
	if err != nil {
		return nil, err
	}
	if listLength(args[0]) == -1 {
		if _, circular := lastOrCycle(p); circular {
			return nil, TypeError("", 1, "non-circular list", args[0])
		}
	}
	last, _ := lastOrCycle(p)
	return last, nil
}

func lastOrCycle(p *Pair) (*Pair, bool) {
	slow := p
	for n := 0; ; n++ {
		q, ok := p.Cdr.(*Pair)
		if !ok {
			return p, false
		}
		p = q
		if n&1 == 1 {
			slow = slow.Cdr.(*Pair)
			if slow == p {
				return p, true
			}
		}
	}
}

// listLibrary is the (scheme base lists) table.
var listLibrary = &Library{Name: "(scheme base lists)", Doc: "R7RS pairs and lists (r7rs §6.4) and SRFI-1 (first-order part).", Procs: listProcs}

// cons implements cons.
func cons(th *Thread, args []Value) (Value, error) {
	return &Pair{args[0], args[1]}, nil
}

// xcons implements xcons.
func xcons(th *Thread, args []Value) (Value, error) {
	return &Pair{args[1], args[0]}, nil
}

// car2 implements car.
func car2(th *Thread, args []Value) (Value, error) {
	p, err := argPair(1, args[0])
	if err != nil {
		return nil, err
	}
	return p.Car, nil
}

// cdr implements cdr.
func cdr(th *Thread, args []Value) (Value, error) {
	p, err := argPair(1, args[0])
	if err != nil {
		return nil, err
	}
	return p.Cdr, nil
}

// setCarBang implements set-car!.
func setCarBang(th *Thread, args []Value) (Value, error) {
	p, err := argPair(1, args[0])
	if err != nil {
		return nil, err
	}
	p.Car = args[1]
	return Unspecified, nil
}

// setCdrBang implements set-cdr!.
func setCdrBang(th *Thread, args []Value) (Value, error) {
	p, err := argPair(1, args[0])
	if err != nil {
		return nil, err
	}
	p.Cdr = args[1]
	return Unspecified, nil
}

// makeList implements make-list.
func makeList(th *Thread, args []Value) (Value, error) {
	k, err := argIndex(1, args[0])
	if err != nil {
		return nil, err
	}
	fill := OrDefault(args[1], Unspecified)
	var l Value = Null
	for i := 0; i < k; i++ {
		l = &Pair{fill, l}
	}
	return l, nil
}

// list implements list.
func list(th *Thread, args []Value) (Value, error) {
	return List(args...), nil
}

// consStar implements cons*.
func consStar(th *Thread, args []Value) (Value, error) {
	return ListTail(args[len(args)-1], args[:len(args)-1]...), nil
}

// length implements length.
func length(th *Thread, args []Value) (Value, error) {
	n := listLength(args[0])
	if n < 0 {
		return nil, TypeError("", 1, "proper list", args[0])
	}
	return Fixnum(n), nil
}

// lengthPlus implements length+.
func lengthPlus(th *Thread, args []Value) (Value, error) {
	n := listLength(args[0])
	if n < 0 {
		return False, nil
	}
	return Fixnum(n), nil
}

// concatenate implements concatenate.
func concatenate(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	return primAppend(th, l)
}

// appendReverse implements append-reverse.
func appendReverse(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	r := args[1]
	for _, x := range l {
		r = &Pair{x, r}
	}
	return r, nil
}

// listTail2 implements list-tail.
func listTail2(th *Thread, args []Value) (Value, error) {
	k, err := argIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	return listTail(args[0], k, 2)
}

// drop implements drop.
func drop(th *Thread, args []Value) (Value, error) {
	k, err := argIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	return listTail(args[0], k, 2)
}

// takeRight implements take-right.
func takeRight(th *Thread, args []Value) (Value, error) {
	k, err := argIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	n := 0
	for l := args[0]; ; n++ {
		p, ok := l.(*Pair)
		if !ok {
			break
		}
		l = p.Cdr
	}
	if k > n {
		return nil, RangeError("", 2, "list too short", args[1])
	}
	return listTail(args[0], n-k, 1)
}

// dropRight implements drop-right.
func dropRight(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	k, err := argIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	if k > len(l) {
		return nil, RangeError("", 2, "list too short", args[1])
	}
	return List(l[:len(l)-k]...), nil
}

// splitAt implements split-at.
func splitAt(th *Thread, args []Value) (Value, error) {
	h, err := primTake(th, args)
	if err != nil {
		return nil, err
	}
	t, _ := listTail(args[0], int(args[1].(Fixnum)), 2)
	return Values(h, t), nil
}

// listRef implements list-ref.
func listRef(th *Thread, args []Value) (Value, error) {
	k, err := argIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	return nth(k)(th, args[:1])
}

// listSetBang implements list-set!.
func listSetBang(th *Thread, args []Value) (Value, error) {
	k, err := argIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	l, err := listTail(args[0], k, 2)
	if err != nil {
		return nil, err
	}
	p, ok := l.(*Pair)
	if !ok {
		return nil, RangeError("", 2, "list too short", args[1])
	}
	p.Car = args[2]
	return Unspecified, nil
}

// listCopy implements list-copy.
func listCopy(th *Thread, args []Value) (Value, error) {
	var items []Value
	l := args[0]
	for n := 0; ; n++ {
		p, ok := l.(*Pair)
		if !ok {
			break
		}
		items = append(items, p.Car)
		l = p.Cdr
		if n == 1<<20 && listLength(args[0]) < 0 {
			return nil, TypeError("", 1, "non-circular list", args[0])
		}
	}
	return ListTail(l, items...), nil
}

// last implements last.
func last(th *Thread, args []Value) (Value, error) {
	p, err := primLastPair(th, args)
	if err != nil {
		return nil, err
	}
	return p.(*Pair).Car, nil
}

// carPlusCdr implements car+cdr.
func carPlusCdr(th *Thread, args []Value) (Value, error) {
	p, err := argPair(1, args[0])
	if err != nil {
		return nil, err
	}
	return Values(p.Car, p.Cdr), nil
}

// iotaProc implements iota.
func iotaProc(th *Thread, args []Value) (Value, error) {
	n, err := argIndex(1, args[0])
	if err != nil {
		return nil, err
	}
	start, step := OrDefault(args[1], Fixnum(0)), OrDefault(args[2], Fixnum(1))
	if _, err := argNum(2, start); err != nil {
		return nil, err
	}
	if _, err := argNum(3, step); err != nil {
		return nil, err
	}
	items := make([]Value, n)
	for i := range items {
		if i == 0 {
			items[i] = start
		} else {
			items[i] = Add(start, Mul(Fixnum(i), step))
		}
	}
	return List(items...), nil
}

// alistCopy implements alist-copy.
func alistCopy(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	out := make([]Value, len(l))
	for i, x := range l {
		if p, ok := x.(*Pair); ok {
			out[i] = &Pair{p.Car, p.Cdr}
		} else {
			out[i] = x
		}
	}
	return List(out...), nil
}

// alistCons implements alist-cons.
func alistCons(th *Thread, args []Value) (Value, error) {
	return &Pair{&Pair{args[0], args[1]}, args[2]}, nil
}
