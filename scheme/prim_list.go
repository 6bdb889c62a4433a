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

// cxrRow is the row of c[ad]+r (caar … cddddr), implemented by fn.
func cxrRow(name string, fn PrimFn) Proc {
	return Proc{Name: name, Spec: r7list, Doc: "Composition of car and cdr as the name spells.", Args: req("pair"), Fn: fn}
}

// cxr applies the car/cdr path the name c[ad]+r spells, read right to left.
func cxr(v Value, name string) (Value, error) {
	path := name[1 : len(name)-1]
	x := v
	for i := len(path) - 1; i >= 0; i-- {
		p, ok := x.(*Pair)
		if !ok {
			return nil, TypeError("", 1, "pair structure for "+name, v)
		}
		if path[i] == 'a' {
			x = p.Car
		} else {
			x = p.Cdr
		}
	}
	return x, nil
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

// findEq is memq (ass false) and assq (ass true), memv and assv of a key
// whose eqv? is eq? (eqvIsEq), and member and assoc of such a key or of a
// string (byChars: a string key is then compared by its characters):
// memGeneric's and assGeneric's loop without a call per element, a fixnum
// key compared without one either.
func findEq(args []Value, ass, byChars bool) (Value, error) {
	k := args[0]
	x, fix := k.(Fixnum)
	if fix && ass {
		return assFix(x, args)
	}
	s, str := k.(*String)
	str = str && byChars
	for l := args[1]; ; {
		p, ok := l.(*Pair)
		if !ok {
			return notFound(args[1], l, ass)
		}
		c, hit := p.Car, Value(p)
		if ass {
			e, ok := c.(*Pair)
			if !ok {
				return nil, TypeError("", 2, "association list", args[1])
			}
			c, hit = e.Car, e
		}
		if fix {
			if y, ok := c.(Fixnum); ok && y == x {
				return hit, nil
			}
		} else if str {
			if t, ok := c.(*String); ok && stringEqual(s, t) {
				return hit, nil
			}
		} else if c == k {
			return hit, nil
		}
		l = p.Cdr
	}
}

// assFix is findEq's assq and assv of the fixnum x: an alist of fixnum keys
// (the common case) searched in a loop of its own.
func assFix(x Fixnum, args []Value) (Value, error) {
	for l := args[1]; ; {
		p, ok := l.(*Pair)
		if !ok {
			return notFound(args[1], l, true)
		}
		e, ok := p.Car.(*Pair)
		if !ok {
			return nil, TypeError("", 2, "association list", args[1])
		}
		if y, ok := e.Car.(Fixnum); ok && y == x {
			return e, nil
		}
		l = p.Cdr
	}
}

// eqvIsEq reports whether eqv? of k and any value is eq? of them: k is
// not a number that Eqv compares by value (a fixnum is: eq? compares
// fixnums by value too).
func eqvIsEq(k Value) bool {
	switch k.(type) {
	case Flonum, *Bignum, *Ratnum, *Compnum:
		return false
	}
	return true
}

// notFound is the answer of the member and assoc family at the end l of
// their list: #f at the empty list; an error naming the list at any other
// tail, as csi, Guile and Chez (R7RS §6.4: it is an error if the argument
// is not a list), so (memq 'z '(a b . c)) and (memq 'a 5) are errors.
func notFound(list, l Value, ass bool) (Value, error) {
	if l == Null {
		return False, nil
	}
	if ass {
		return nil, TypeError("", 2, "association list", list)
	}
	return nil, TypeError("", 2, "list", list)
}

func memGeneric(th *Thread, args []Value, eq func(a, b Value) bool) (Value, error) {
	for l := args[1]; ; {
		p, ok := l.(*Pair)
		if !ok {
			return notFound(args[1], l, false)
		}
		if eq(args[0], p.Car) {
			return p, nil
		}
		l = p.Cdr
	}
}

func assGeneric(th *Thread, args []Value, eq func(a, b Value) bool) (Value, error) {
	for l := args[1]; ; {
		p, ok := l.(*Pair)
		if !ok {
			return notFound(args[1], l, true)
		}
		if e, ok := p.Car.(*Pair); ok && eq(args[0], e.Car) {
			return e, nil
		} else if !ok {
			return nil, TypeError("", 2, "association list", args[1])
		}
		l = p.Cdr
	}
}

// withCompare wraps member/assoc: with a third argument the comparison is a
// Scheme procedure.
func withCompare(th *Thread, args []Value, assoc bool) (Value, error) {
	if IsDefault(args[2]) {
		eq := Equal
		k := args[0]
		if _, str := k.(*String); str || equalIsEqv(k) && eqvIsEq(k) {
			return findEq(args, assoc, true)
		}
		if equalIsEqv(k) {
			eq = Eqv
		}
		if assoc {
			return assGeneric(th, args, eq)
		}
		return memGeneric(th, args, eq)
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
		r, err = assGeneric(th, args, eq)
	} else {
		r, err = memGeneric(th, args, eq)
	}
	if ferr != nil {
		return nil, ferr
	}
	return r, err
}

func appendProc(th *Thread, args []Value) (Value, error) {
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

func reverse(th *Thread, args []Value) (Value, error) {
	if listLength(args[0]) < 0 {
		return nil, TypeError("", 1, "proper list", args[0])
	}
	var r Value = Null
	for l := args[0]; l != Null; l = l.(*Pair).Cdr {
		r = &Pair{l.(*Pair).Car, r}
	}
	return r, nil
}

func listTailAt(l Value, k int, argPos int) (Value, error) {
	for i := 0; i < k; i++ {
		p, ok := l.(*Pair)
		if !ok {
			return nil, RangeError("", argPos, "list too short", Fixnum(k))
		}
		l = p.Cdr
	}
	return l, nil
}

func nth(th *Thread, args []Value, n int) (Value, error) {
	l, err := listTailAt(args[0], n, 1)
	if err != nil {
		return nil, err
	}
	p, ok := l.(*Pair)
	if !ok {
		return nil, RangeError("", 1, "list too short", args[0])
	}
	return p.Car, nil
}

// flatten implements flatten as CHICKEN's: it descends into the elements
// that are proper lists ('() included) and keeps any other element whole,
// a pair of an improper list too ((flatten '((a . b) (c))) is ((a . b) c)).
func flatten(th *Thread, args []Value) (Value, error) {
	var out []Value
	var walk func(l Value, depth int) error
	walk = func(l Value, depth int) error { // l is a proper list
		if depth > 100000 {
			return RangeError("", 0, "nesting too deep", Null)
		}
		for p, ok := l.(*Pair); ok; p, ok = p.Cdr.(*Pair) {
			if e := p.Car; listLength(e) >= 0 {
				if err := walk(e, depth+1); err != nil {
					return err
				}
			} else {
				out = append(out, e)
			}
		}
		return nil
	}
	if err := walk(List(args...), 0); err != nil {
		return nil, err
	}
	return List(out...), nil
}

var listProcs = []Proc{
	{Name: "pair?", Spec: r7list, Doc: "Is obj a pair?", Args: req("obj"),
		Fn: pairP},
	{Name: "null?", Spec: r7list, Doc: "Is obj the empty list?", Args: req("obj"), Fn: nullP},
	{Name: "list?", Spec: r7list, Doc: "Is obj a proper (finite, null-terminated) list?", Args: req("obj"),
		Fn: listP},
	{Name: "proper-list?", Spec: "srfi-1", Doc: "Same as list?.", Args: req("obj"),
		Fn: properListP},
	{Name: "dotted-list?", Spec: "srfi-1", Doc: "Is obj a finite list not ending in ()?", Args: req("obj"),
		Fn: dottedListP},
	{Name: "circular-list?", Spec: "srfi-1", Doc: "Is obj a circular list?", Args: req("obj"),
		Fn: circularListP},
	{Name: "not-pair?", Spec: "srfi-1", Doc: "Is obj not a pair?", Args: req("obj"),
		Fn: notPairP},
	{Name: "null-list?", Spec: "srfi-1", Doc: "Is the list empty?", Args: req("list"), Fn: nullListP},
	{Name: "cons", Spec: r7list, Doc: "A new pair.", Args: req("obj1", "obj2"),
		Fn: cons},
	{Name: "xcons", Spec: "srfi-1", Doc: "(cons a d).", Args: req("d", "a"),
		Fn: xcons},
	{Name: "car", Spec: r7list, Doc: "First field of pair.", Args: req("pair"), Fn: car},
	{Name: "cdr", Spec: r7list, Doc: "Second field of pair.", Args: req("pair"), Fn: cdr},
	{Name: "set-car!", Spec: r7list, Doc: "Stores obj in the car of pair.", Args: req("pair", "obj"),
		Fn: setCarBang},
	{Name: "set-cdr!", Spec: r7list, Doc: "Stores obj in the cdr of pair.", Args: req("pair", "obj"),
		Fn: setCdrBang},
	cxrRow("caar", caar), cxrRow("cadr", cadr), cxrRow("cdar", cdar), cxrRow("cddr", cddr),
	cxrRow("caaar", caaar), cxrRow("caadr", caadr), cxrRow("cadar", cadar), cxrRow("caddr", caddr), cxrRow("cdaar", cdaar), cxrRow("cdadr", cdadr), cxrRow("cddar", cddar), cxrRow("cdddr", cdddr),
	cxrRow("caaaar", caaaar), cxrRow("caaadr", caaadr), cxrRow("caadar", caadar), cxrRow("caaddr", caaddr), cxrRow("cadaar", cadaar), cxrRow("cadadr", cadadr), cxrRow("caddar", caddar), cxrRow("cadddr", cadddr),
	cxrRow("cdaaar", cdaaar), cxrRow("cdaadr", cdaadr), cxrRow("cdadar", cdadar), cxrRow("cdaddr", cdaddr), cxrRow("cddaar", cddaar), cxrRow("cddadr", cddadr), cxrRow("cdddar", cdddar), cxrRow("cddddr", cddddr),
	{Name: "make-list", Spec: r7list, Sig: "(make-list k [fill])", Doc: "A new list of k elements.", Args: Params{Required: []string{"k"}, Optional: []string{"fill"}},
		Fn: makeList},
	{Name: "list", Spec: r7list, Sig: "(list obj ...)", Doc: "A new list of the arguments.", Args: Params{Rest: "obj", Spread: true},
		Fn: list},
	{Name: "%list", Doc: "Same as list (what parameterize's expansion calls).", Args: Params{Rest: "obj", Spread: true}, Fn: list},
	{Name: "cons*", Spec: "srfi-1", Sig: "(cons* obj ... tail)", Doc: "Like list, but the last argument is the tail.",
		Args: Params{Required: []string{"obj"}, Rest: "objs", Spread: true}, Fn: consStar},
	{Name: "length", Spec: r7list, Doc: "Number of elements of list.", Args: req("list"),
		Fn: length},
	{Name: "%map1", Doc: "(map proc list) for one list (what map calls).", Args: req("proc", "list"), control: internalMap1},
	{Name: "%for-each1", Doc: "(for-each proc list) for one list (what for-each calls).", Args: req("proc", "list"), control: internalForEach1},
	{Name: "%filter", Doc: "Same as filter (what filter, remove and filter-map call).", Args: req("pred", "list"), control: internalFilter},
	{Name: "%fold1", Doc: "(fold kons knil list) for one list (what fold calls).", Args: req("kons", "knil", "list"), control: internalFold1},
	{Name: "%find-tail", Doc: "Same as find-tail (what find-tail and find call).", Args: req("pred", "list"), control: internalFindTail},
	{Name: "%any1", Doc: "(any pred list) for one list (what any calls).", Args: req("pred", "list"), control: internalAny1},
	{Name: "%every1", Doc: "(every pred list) for one list (what every calls).", Args: req("pred", "list"), control: internalEvery1},
	{Name: "%merge-sort", Doc: "A sorted copy of list, a stable merge sort by less? (what sort, sort! and list-sort call).", Args: req("list", "less?"),
		control: internalMergeSort},
	{Name: "length+", Spec: "srfi-1", Doc: "Length, or #f for a circular list.", Args: req("clist"),
		Fn: lengthPlus},
	{Name: "append", Spec: r7list, Sig: "(append list ... obj)", Doc: "Concatenation; the last argument is shared.", Args: Params{Rest: "lists", Spread: true}, Fn: appendProc},
	{Name: "append!", Spec: "srfi-1", Sig: "(append! list ...)", Doc: "Like append.", Args: Params{Rest: "lists", Spread: true}, Fn: appendBang},
	{Name: "concatenate", Spec: "srfi-1", Sig: "(concatenate list-of-lists)", Doc: "(apply append list-of-lists).", Args: req("lists"),
		Fn: concatenate},
	{Name: "reverse", Spec: r7list, Doc: "New list of the elements in reverse order.", Args: req("list"), Fn: reverse},
	{Name: "reverse!", Spec: "srfi-1", Doc: "Like reverse.", Args: req("list"), Fn: reverseBang},
	{Name: "append-reverse", Spec: "srfi-1", Doc: "(append (reverse rev-head) tail).", Args: req("rev-head", "tail"),
		Fn: appendReverse},
	{Name: "list-tail", Spec: r7list, Doc: "The sublist after the first k elements.", Args: req("list", "k"),
		Fn: listTail},
	{Name: "drop", Spec: "srfi-1", Doc: "Same as list-tail.", Args: req("list", "k"),
		Fn: drop},
	{Name: "take", Spec: "srfi-1", Doc: "New list of the first k elements.", Args: req("list", "k"), Fn: take},
	{Name: "take!", Spec: "srfi-1", Doc: "Same as take.", Args: req("list", "k"), Fn: take},
	{Name: "take-right", Spec: "srfi-1", Doc: "The last k elements (shared).", Args: req("list", "k"),
		Fn: takeRight},
	{Name: "drop-right", Spec: "srfi-1", Doc: "New list of all but the last k elements.", Args: req("list", "k"),
		Fn: dropRight},
	{Name: "split-at", Spec: "srfi-1", Doc: "Returns (take list k) and (drop list k).", Args: req("list", "k"),
		Fn: splitAt},
	{Name: "list-ref", Spec: r7list, Doc: "Element k (0-based).", Args: req("list", "k"),
		Fn: listRef},
	{Name: "list-set!", Spec: r7list, Doc: "Stores obj as element k.", Args: req("list", "k", "obj"),
		Fn: listSetBang},
	{Name: "list-copy", Spec: r7list, Doc: "Copy of the list spine (an improper tail is kept).", Args: req("obj"),
		Fn: listCopy},
	{Name: "first", Spec: "srfi-1", Doc: "Element 0.", Args: req("list"), Fn: first},
	{Name: "second", Spec: "srfi-1", Doc: "Element 1.", Args: req("list"), Fn: second},
	{Name: "third", Spec: "srfi-1", Doc: "Element 2.", Args: req("list"), Fn: third},
	{Name: "fourth", Spec: "srfi-1", Doc: "Element 3.", Args: req("list"), Fn: fourth},
	{Name: "fifth", Spec: "srfi-1", Doc: "Element 4.", Args: req("list"), Fn: fifth},
	{Name: "sixth", Spec: "srfi-1", Doc: "Element 5.", Args: req("list"), Fn: sixth},
	{Name: "seventh", Spec: "srfi-1", Doc: "Element 6.", Args: req("list"), Fn: seventh},
	{Name: "eighth", Spec: "srfi-1", Doc: "Element 7.", Args: req("list"), Fn: eighth},
	{Name: "ninth", Spec: "srfi-1", Doc: "Element 8.", Args: req("list"), Fn: ninth},
	{Name: "tenth", Spec: "srfi-1", Doc: "Element 9.", Args: req("list"), Fn: tenth},
	{Name: "last-pair", Spec: "srfi-1", Doc: "The last pair of a non-empty list.", Args: req("list"), Fn: lastPair},
	{Name: "last", Spec: "srfi-1", Doc: "The last element of a non-empty list.", Args: req("list"),
		Fn: last},
	{Name: "car+cdr", Spec: "srfi-1", Doc: "Returns the car and the cdr.", Args: req("pair"),
		Fn: carPlusCdr},
	{Name: "iota", Spec: "srfi-1", Sig: "(iota count [start [step]])", Doc: "List of count numbers start, start+step, …",
		Args: Params{Required: []string{"count"}, Optional: []string{"start", "step"}}, Fn: iotaProc},
	{Name: "memq", Spec: r7list, Doc: "First sublist whose car is eq? to obj, or #f.", Args: req("obj", "list"), Fn: memq},
	{Name: "memv", Spec: r7list, Doc: "First sublist whose car is eqv? to obj, or #f.", Args: req("obj", "list"), Fn: memv},
	{Name: "member", Spec: r7list, Sig: "(member obj list [compare])", Doc: "First sublist whose car is equal? (or compare) to obj, or #f.",
		Args: Params{Required: []string{"obj", "list"}, Optional: []string{"compare"}}, Fn: member},
	{Name: "assq", Spec: r7list, Doc: "First pair whose car is eq? to obj, or #f.", Args: req("obj", "alist"), Fn: assq},
	{Name: "assv", Spec: r7list, Doc: "First pair whose car is eqv? to obj, or #f.", Args: req("obj", "alist"), Fn: assv},
	{Name: "assoc", Spec: r7list, Sig: "(assoc obj alist [compare])", Doc: "First pair whose car is equal? (or compare) to obj, or #f.",
		Args: Params{Required: []string{"obj", "alist"}, Optional: []string{"compare"}}, Fn: assoc},
	{Name: "alist-copy", Spec: "srfi-1", Doc: "Copy of the spine and of each association pair.", Args: req("alist"),
		Fn: alistCopy},
	{Name: "alist-cons", Spec: "srfi-1", Doc: "(cons (cons key datum) alist).", Args: req("key", "datum", "alist"),
		Fn: alistCons},
	{Name: "flatten", Spec: "chicken", Sig: "(flatten list ...)", Doc: "The elements of the (nested) proper lists, in order: an element that is not a proper list (an atom, a pair of an improper list) is kept whole.", Args: Params{Rest: "lists", Spread: true}, Fn: flatten},
}

func take(th *Thread, args []Value) (Value, error) {
	k, err := ArgIndex(2, args[1])
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

func lastPair(th *Thread, args []Value) (Value, error) {
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

// car implements car.
func car(th *Thread, args []Value) (Value, error) {
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
	k, err := ArgSize(1, args[0], PairSize)
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
	// The pairs of a dotted list are counted, as SRFI-1's reference does;
	// the hare meeting the tortoise means a circular list.
	slow, fast, n := args[0], args[0], 0
	for {
		for range 2 {
			p, ok := fast.(*Pair)
			if !ok {
				return Fixnum(n), nil
			}
			fast, n = p.Cdr, n+1
		}
		slow = slow.(*Pair).Cdr
		if fast == slow {
			return False, nil
		}
	}
}

// concatenate implements concatenate.
func concatenate(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	return appendProc(th, l)
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

// listTail implements list-tail.
func listTail(th *Thread, args []Value) (Value, error) {
	k, err := ArgIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	return listTailAt(args[0], k, 2)
}

// drop implements drop.
func drop(th *Thread, args []Value) (Value, error) {
	k, err := ArgIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	return listTailAt(args[0], k, 2)
}

// takeRight implements take-right.
func takeRight(th *Thread, args []Value) (Value, error) {
	k, err := ArgIndex(2, args[1])
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
	return listTailAt(args[0], n-k, 1)
}

// dropRight implements drop-right; the list may be dotted (SRFI-1).
func dropRight(th *Thread, args []Value) (Value, error) {
	k, err := ArgIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	var l []Value
	for v := args[0]; ; {
		p, ok := v.(*Pair)
		if !ok {
			break
		}
		l, v = append(l, p.Car), p.Cdr
	}
	if k > len(l) {
		return nil, RangeError("", 2, "list too short", args[1])
	}
	return List(l[:len(l)-k]...), nil
}

// splitAt implements split-at.
func splitAt(th *Thread, args []Value) (Value, error) {
	h, err := take(th, args)
	if err != nil {
		return nil, err
	}
	t, _ := listTailAt(args[0], int(args[1].(Fixnum)), 2)
	return Values(h, t), nil
}

// listRef implements list-ref.
func listRef(th *Thread, args []Value) (Value, error) {
	k, err := ArgIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	return nth(th, args[:1], k)
}

// listSetBang implements list-set!.
func listSetBang(th *Thread, args []Value) (Value, error) {
	k, err := ArgIndex(2, args[1])
	if err != nil {
		return nil, err
	}
	l, err := listTailAt(args[0], k, 2)
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
	p, err := lastPair(th, args)
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
	n, err := ArgSize(1, args[0], PairSize)
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

// first implements first.
func first(th *Thread, a []Value) (Value, error) { return nth(th, a, 0) }

// second implements second.
func second(th *Thread, a []Value) (Value, error) { return nth(th, a, 1) }

// third implements third.
func third(th *Thread, a []Value) (Value, error) { return nth(th, a, 2) }

// fourth implements fourth.
func fourth(th *Thread, a []Value) (Value, error) { return nth(th, a, 3) }

// fifth implements fifth.
func fifth(th *Thread, a []Value) (Value, error) { return nth(th, a, 4) }

// sixth implements sixth.
func sixth(th *Thread, a []Value) (Value, error) { return nth(th, a, 5) }

// seventh implements seventh.
func seventh(th *Thread, a []Value) (Value, error) { return nth(th, a, 6) }

// eighth implements eighth.
func eighth(th *Thread, a []Value) (Value, error) { return nth(th, a, 7) }

// ninth implements ninth.
func ninth(th *Thread, a []Value) (Value, error) { return nth(th, a, 8) }

// tenth implements tenth.
func tenth(th *Thread, a []Value) (Value, error) { return nth(th, a, 9) }

// memq implements memq.
func memq(th *Thread, a []Value) (Value, error) { return findEq(a, false, false) }

// memv implements memv.
func memv(th *Thread, a []Value) (Value, error) {
	if eqvIsEq(a[0]) {
		return findEq(a, false, false)
	}
	return memGeneric(th, a, Eqv)
}

// member implements member.
func member(th *Thread, a []Value) (Value, error) { return withCompare(th, a, false) }

// assq implements assq.
func assq(th *Thread, a []Value) (Value, error) { return findEq(a, true, false) }

// assv implements assv.
func assv(th *Thread, a []Value) (Value, error) {
	if eqvIsEq(a[0]) {
		return findEq(a, true, false)
	}
	return assGeneric(th, a, Eqv)
}

// assoc implements assoc.
func assoc(th *Thread, a []Value) (Value, error) { return withCompare(th, a, true) }

// pairP implements pair?.
func pairP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { _, ok := v.(*Pair); return ok })
}

// nullP implements null?.
func nullP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { return v == Null })
}

// listP implements list?.
func listP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { return listLength(v) >= 0 })
}

// properListP implements proper-list?.
func properListP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { return listLength(v) >= 0 })
}

// dottedListP implements dotted-list?.
func dottedListP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool {
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
	})
}

// circularListP implements circular-list?.
func circularListP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool {
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
	})
}

// notPairP implements not-pair?.
func notPairP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { _, ok := v.(*Pair); return !ok })
}

// nullListP implements null-list?.
func nullListP(th *Thread, a []Value) (Value, error) {
	switch a[0].(type) {
	case *Pair:
		return False, nil
	}
	if a[0] == Null {
		return True, nil
	}
	return nil, TypeError("", 1, "proper or circular list", a[0])
}

// caar implements caar.
func caar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caar") }

// cadr implements cadr.
func cadr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cadr") }

// cdar implements cdar.
func cdar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdar") }

// cddr implements cddr.
func cddr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cddr") }

// caaar implements caaar.
func caaar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caaar") }

// caadr implements caadr.
func caadr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caadr") }

// cadar implements cadar.
func cadar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cadar") }

// caddr implements caddr.
func caddr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caddr") }

// cdaar implements cdaar.
func cdaar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdaar") }

// cdadr implements cdadr.
func cdadr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdadr") }

// cddar implements cddar.
func cddar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cddar") }

// cdddr implements cdddr.
func cdddr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdddr") }

// caaaar implements caaaar.
func caaaar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caaaar") }

// caaadr implements caaadr.
func caaadr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caaadr") }

// caadar implements caadar.
func caadar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caadar") }

// caaddr implements caaddr.
func caaddr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caaddr") }

// cadaar implements cadaar.
func cadaar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cadaar") }

// cadadr implements cadadr.
func cadadr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cadadr") }

// caddar implements caddar.
func caddar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "caddar") }

// cadddr implements cadddr.
func cadddr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cadddr") }

// cdaaar implements cdaaar.
func cdaaar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdaaar") }

// cdaadr implements cdaadr.
func cdaadr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdaadr") }

// cdadar implements cdadar.
func cdadar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdadar") }

// cdaddr implements cdaddr.
func cdaddr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdaddr") }

// cddaar implements cddaar.
func cddaar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cddaar") }

// cddadr implements cddadr.
func cddadr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cddadr") }

// cdddar implements cdddar.
func cdddar(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cdddar") }

// cddddr implements cddddr.
func cddddr(th *Thread, a []Value) (Value, error) { return cxr(a[0], "cddddr") }

// appendBang implements append! (as appendProc).
func appendBang(th *Thread, a []Value) (Value, error) { return appendProc(th, a) }

// reverseBang implements reverse! (as reverse).
func reverseBang(th *Thread, a []Value) (Value, error) { return reverse(th, a) }
