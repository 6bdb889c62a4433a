// The merge sort of sort, sort! and list-sort, in Go for a primitive
// predicate.

package scheme

// sortPredicates names the primitives %sort-primitive calls itself: the
// comparisons of numbers, characters and strings, which neither block,
// nor call back into Scheme, nor tail-call. Each has a fast path for
// the common arguments (two fixnums, two characters, two strings), or
// none (nil): it reports the primitive's result, or ok false for other
// arguments, for which the primitive is called.
var sortPredicates = map[string]func(x, y Value) (r, ok bool){
	"<": fixOrder(opLT), ">": fixOrder(opGT), "<=": fixOrder(opLE), ">=": fixOrder(opGE), "=": fixOrder(opNumEq),
	"fx<": fixOrder(opLT), "fx>": fixOrder(opGT), "fx<=": fixOrder(opLE), "fx>=": fixOrder(opGE),
	"fx<?": fixOrder(opLT), "fx>?": fixOrder(opGT), "fx<=?": fixOrder(opLE), "fx>=?": fixOrder(opGE),
	"fp<": nil, "fp>": nil, "fp<=": nil, "fp>=": nil,
	"fl<?": nil, "fl>?": nil, "fl<=?": nil, "fl>=?": nil,
	"char<?": charOrder(opLT), "char>?": charOrder(opGT), "char<=?": charOrder(opLE), "char>=?": charOrder(opGE),
	"char-ci<?": nil, "char-ci>?": nil, "char-ci<=?": nil, "char-ci>=?": nil,
	"string<?": stringOrder(opLT), "string>?": stringOrder(opGT), "string<=?": stringOrder(opLE), "string>=?": stringOrder(opGE),
	"string-ci<?": nil, "string-ci>?": nil, "string-ci<=?": nil, "string-ci>=?": nil,
}

// fixOrder is the fast path of a comparison of numbers, as op orders
// two fixnums.
func fixOrder(op inlineOp) func(x, y Value) (bool, bool) {
	return func(x, y Value) (bool, bool) {
		i, ok1 := x.(Fixnum)
		j, ok2 := y.(Fixnum)
		return ok1 && ok2 && op.holds(i, j), ok1 && ok2
	}
}

// charOrder is the fast path of a comparison of characters.
func charOrder(op inlineOp) func(x, y Value) (bool, bool) {
	return func(x, y Value) (bool, bool) {
		c, ok1 := x.(Char)
		d, ok2 := y.(Char)
		return ok1 && ok2 && op.holds(Fixnum(c), Fixnum(d)), ok1 && ok2
	}
}

// stringOrder is the fast path of a comparison of strings.
func stringOrder(op inlineOp) func(x, y Value) (bool, bool) {
	return func(x, y Value) (bool, bool) {
		s, ok1 := x.(*String)
		t, ok2 := y.(*String)
		if !ok1 || !ok2 {
			return false, false
		}
		return op.holds(Fixnum(CompareStrings(s, t, false)), 0), true
	}
}

// internalMergeSort implements %merge-sort, the sort of sort, sort! and
// list-sort: a new list of the elements of the proper list a[0] in the
// order of the procedure a[1]. It sorts as %sort-list did in Scheme, a
// top-down merge sort whose first half is the first n/2 elements and
// whose merge takes from the second half when (less? b a): the same
// calls of less? in the same order, so the same result for a predicate
// that is not a strict order too. A predicate among sortPredicates is
// called from Go; any other is called through the trampoline, a frame
// (sortResume) taking its answer, so that it may capture and escape
// through continuations and raise as in Scheme code.
func internalMergeSort(th *Thread, a []Value) Value {
	n := listLength(a[0])
	if n < 0 {
		th.fail(TypeError("sort", 1, "proper list", a[0]))
	}
	st := &sortState{less: a[1], x: make([]Value, n), tmp: make([]Value, n)}
	l := a[0]
	for i := range n {
		pr := l.(*Pair)
		st.x[i], l = pr.Car, pr.Cdr
	}
	st.tasks = mergeTasks(make([]mergeTask, 0, max(n-1, 0)), 0, n)
	if p, ok := a[1].(*Primitive); ok {
		if fast, ok := sortPredicates[p.Proc.Name]; ok {
			st.fast, st.prim = fast, p
		}
	}
	st.begin()
	return st.run(th)
}

// sortState is a %merge-sort in progress: x, the elements, is sorted by
// the merges of tasks in turn, task t the one under way, merging
// tmp[lo:mid] (from i) and tmp[mid:hi] (from j) into x (at k).
type sortState struct {
	less    Value
	x, tmp  []Value
	tasks   []mergeTask
	t       int
	i, j, k int
	asked   int32 // the questions put to less? so far (sortResume)
	args    [2]Value
	prim    *Primitive // less?, a primitive of sortPredicates
	fast    func(x, y Value) (r, ok bool)
}

// TypeName implements Value (a sortState rides in its frames).
func (*sortState) TypeName() string { return "sort-state" }

// mergeTask merges the sorted x[lo:mid] and x[mid:hi].
type mergeTask struct{ lo, mid, hi int }

// mergeTasks appends the merges that sort x[lo:hi] top-down, in the order
// the recursion makes them.
func mergeTasks(ts []mergeTask, lo, hi int) []mergeTask {
	if hi-lo < 2 {
		return ts
	}
	mid := lo + (hi-lo)/2
	ts = mergeTasks(ts, lo, mid)
	ts = mergeTasks(ts, mid, hi)
	return append(ts, mergeTask{lo, mid, hi})
}

// run goes on with the merges until less? must be called through the
// trampoline (it returns what th.apply does, its frame pushed) or the
// list is sorted (it returns the list).
func (st *sortState) run(th *Thread) Value {
	for st.t < len(st.tasks) {
		tk := st.tasks[st.t]
		for st.i < tk.mid && st.j < tk.hi {
			b, a := st.tmp[st.j], st.tmp[st.i]
			if st.prim == nil {
				st.asked++
				f := th.newFrame(frameFn(sortResume), nil)
				f.a, f.i = st, st.asked
				th.pushNow(f)
				st.args[0], st.args[1] = b, a
				return th.apply(st.less, st.args[:])
			}
			st.take(st.primLess(th, b, a))
		}
		st.k += copy(st.x[st.k:tk.hi], st.tmp[st.i:tk.mid])
		copy(st.x[st.k:tk.hi], st.tmp[st.j:tk.hi])
		st.t++
		st.begin()
	}
	return listFrom(st.x)
}

// begin begins task t, if any: its halves are copied to tmp, merged from
// their starts.
func (st *sortState) begin() {
	if st.t < len(st.tasks) {
		tk := st.tasks[st.t]
		copy(st.tmp[tk.lo:tk.hi], st.x[tk.lo:tk.hi])
		st.i, st.j, st.k = tk.lo, tk.mid, tk.lo
	}
}

// take places the next element of the merge: the second half's when
// (less? b a) was true.
func (st *sortState) take(bFirst bool) {
	if bFirst {
		st.x[st.k] = st.tmp[st.j]
		st.j++
	} else {
		st.x[st.k] = st.tmp[st.i]
		st.i++
	}
	st.k++
}

// primLess calls the primitive predicate on x and y.
func (st *sortState) primLess(th *Thread, x, y Value) bool {
	if st.fast != nil {
		if r, ok := st.fast(x, y); ok {
			return r
		}
	}
	st.args[0], st.args[1] = x, y
	return th.callPrim(st.prim, st.args[:]) != Value(False)
}

// sortResume takes less?'s answer (v) to question f.i of the sort f.a
// and goes on with it. A continuation captured in less? and re-entered
// once the sort has gone on would answer an old question: that is an
// error, not a wrong order.
func sortResume(th *Thread, f *frame, v Value) Value {
	st := f.a.(*sortState)
	if f.i != st.asked {
		th.failf("sort", "a continuation captured in the sort's predicate was re-entered after the sort went on", st.less)
	}
	st.take(firstValue(v) != False)
	return st.run(th)
}
