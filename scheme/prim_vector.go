// Vector procedures: R7RS §6.8 plus CHICKEN's subvector and vector-grow.

package scheme

const r7vec = "r7rs §6.8"

func vecCopy(v *Vector, start, end int) (Value, error) {
	return &Vector{Items: append([]Value{}, v.Items[start:end]...)}, nil
}

var vectorProcs = []Proc{
	{Name: "vector?", Spec: r7vec, Doc: "Is obj a vector?", Args: req("obj"),
		Fn: vectorP},
	{Name: "make-vector", Spec: r7vec, Sig: "(make-vector k [fill])", Doc: "A new vector of k elements.",
		Args: Params{Required: []string{"k"}, Optional: []string{"fill"}}, Fn: makeVector},
	{Name: "vector", Spec: r7vec, Sig: "(vector obj ...)", Doc: "A new vector of the arguments.", Args: Params{Rest: "obj", Spread: true},
		Fn: vector},
	{Name: "vector-length", Spec: r7vec, Doc: "Number of elements.", Args: req("vector"),
		Fn: vectorLength},
	{Name: "vector-ref", Spec: r7vec, Doc: "Element k.", Args: req("vector", "k"),
		Fn: vectorRef},
	{Name: "vector-set!", Spec: r7vec, Doc: "Stores obj as element k.", Args: req("vector", "k", "obj"),
		Fn: vectorSetBang},
	{Name: "vector->list", Spec: r7vec, Sig: "(vector->list vector [start [end]])", Doc: "List of the elements.",
		Args: Params{Required: []string{"vector"}, Optional: []string{"start", "end"}},
		Fn:   vectorToList},
	{Name: "list->vector", Spec: r7vec, Doc: "New vector of the elements of list.", Args: req("list"),
		Fn: listToVector},
	{Name: "vector-copy", Spec: r7vec, Sig: "(vector-copy vector [start [end]])", Doc: "New vector of the elements from start to end.",
		Args: Params{Required: []string{"vector"}, Optional: []string{"start", "end"}},
		Fn:   vectorCopy},
	{Name: "vector-fill!", Spec: r7vec, Sig: "(vector-fill! vector fill [start [end]])", Doc: "Stores fill in the elements from start to end.",
		Args: Params{Required: []string{"vector", "fill"}, Optional: []string{"start", "end"}}, Fn: vectorFillBang},
	{Name: "vector-copy!", Spec: r7vec, Sig: "(vector-copy! to at [from [start [end]]])",
		Doc:  "R7RS's (vector-copy! to at from [start [end]]) copies elements of from into to starting at at; CHICKEN's (vector-copy! from to [count]), told by a vector second, copies the first count elements (default all that fit) of from to the start of to.",
		Args: Params{Required: []string{"to", "at"}, Optional: []string{"from", "start", "end"}}, Fn: vectorCopyBang},
	{Name: "vector-append", Spec: r7vec, Sig: "(vector-append vector ...)", Doc: "New vector of the elements of the vectors.", Args: Params{Rest: "vectors", Spread: true},
		Fn: vectorAppend},
	{Name: "vector->string", Spec: r7vec, Sig: "(vector->string vector [start [end]])", Doc: "New string of the characters of vector.",
		Args: Params{Required: []string{"vector"}, Optional: []string{"start", "end"}},
		Fn:   vectorToString},
}

// vectorLibrary is the (scheme base vectors) table.
var vectorLibrary = &Library{Name: "(scheme base vectors)", Doc: "R7RS vectors (r7rs §6.8).", Procs: vectorProcs}

// makeVector implements make-vector.
func makeVector(th *Thread, args []Value) (Value, error) {
	k, err := ArgSize(1, args[0], ValueSize)
	if err != nil {
		return nil, err
	}
	fill := OrDefault(args[1], Unspecified)
	items := make([]Value, k)
	for i := range items {
		items[i] = fill
	}
	return &Vector{Items: items}, nil
}

// vector implements vector.
func vector(th *Thread, args []Value) (Value, error) {
	return &Vector{Items: append([]Value{}, args...)}, nil
}

// vectorLength implements vector-length.
func vectorLength(th *Thread, args []Value) (Value, error) {
	v, err := argVector(1, args[0])
	if err != nil {
		return nil, err
	}
	return Fixnum(len(v.Items)), nil
}

// vectorRef implements vector-ref.
func vectorRef(th *Thread, args []Value) (Value, error) {
	v, k, err := vecSeq.withIndex(args)
	if err != nil {
		return nil, err
	}
	return v.Items[k], nil
}

// vectorSetBang implements vector-set!.
func vectorSetBang(th *Thread, args []Value) (Value, error) {
	v, k, err := vecSeq.withIndex(args)
	if err != nil {
		return nil, err
	}
	v.Items[k] = args[2]
	return Unspecified, nil
}

// listToVector implements list->vector.
func listToVector(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	if l == nil {
		l = []Value{}
	}
	return &Vector{Items: l}, nil
}

// vectorFillBang implements vector-fill!.
func vectorFillBang(th *Thread, args []Value) (Value, error) {
	v, start, end, err := vecSeq.withRange(args, 2)
	if err != nil {
		return nil, err
	}
	for i := start; i < end; i++ {
		v.Items[i] = args[1]
	}
	return Unspecified, nil
}

// vectorAppend implements vector-append.
func vectorAppend(th *Thread, args []Value) (Value, error) {
	items := []Value{}
	for i, a := range args {
		v, err := argVector(i+1, a)
		if err != nil {
			return nil, err
		}
		items = append(items, v.Items...)
	}
	return &Vector{Items: items}, nil
}

// vectorCopyBang implements vector-copy!.
func vectorCopyBang(th *Thread, a []Value) (Value, error) {
	if to, ok := a[1].(*Vector); ok { // CHICKEN's (vector-copy! from to [count])
		from, ok := a[0].(*Vector)
		if !ok {
			return nil, TypeError("vector-copy!", 1, "vector", a[0])
		}
		if !IsDefault(a[3]) {
			return nil, RangeError("vector-copy!", 4, "too many arguments for (vector-copy! from to [count])", a[3])
		}
		n := min(len(from.Items), len(to.Items))
		if !IsDefault(a[2]) {
			count, err := ArgIndex(3, a[2])
			if err != nil {
				return nil, err
			}
			if count > n {
				return nil, RangeError("vector-copy!", 3, "count exceeds a vector's length", a[2])
			}
			n = count
		}
		copy(to.Items[:n], from.Items[:n])
		return Unspecified, nil
	}
	if IsDefault(a[2]) {
		return nil, NewError("vector-copy!", arityMsg(2, 3, 5)+": (vector-copy! to at from [start [end]])", nil)
	}
	return vecSeq.copyBangFn(th, a, func(to *Vector, at int, from *Vector, start, end int) { copy(to.Items[at:], from.Items[start:end]) })
}

// vectorP implements vector?.
func vectorP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { _, ok := v.(*Vector); return ok })
}

// vectorToList implements vector->list.
func vectorToList(th *Thread, a []Value) (Value, error) {
	return vecSeq.rangeFn(th, a, func(v *Vector, s, e int) (Value, error) { return List(v.Items[s:e]...), nil })
}

// vectorCopy implements vector-copy.
func vectorCopy(th *Thread, a []Value) (Value, error) { return vecSeq.rangeFn(th, a, vecCopy) }

// vectorToString implements vector->string.
func vectorToString(th *Thread, a []Value) (Value, error) {
	return vecSeq.rangeFn(th, a, func(v *Vector, s, e int) (Value, error) {
		var sb StringBuilder
		for _, x := range v.Items[s:e] {
			c, ok := x.(Char)
			if !ok {
				return nil, TypeError("", 1, "vector of chars", v)
			}
			sb.Add(rune(c))
		}
		return sb.Result(), nil
	})
}
