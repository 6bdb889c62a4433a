// SRFI-125 intermediate hash tables: the rows of (srfi 125), over the
// SRFI-69 tables. The procedures both SRFIs name accept either's arguments
// (procs.go); those new in SRFI-125 are here.

package srfi69

import (
	"github.com/tlsport/tlsport/scheme"
)

const s125 = "srfi-125"

// SRFI125 is (srfi 125), (srfi :125 hashtables) or srfi-125: SRFI-69's
// tables with SRFI-125's procedures, comparators (SRFI-128) taking the place
// of an equivalence and a hash procedure. The SRFI-69 procedures it shares
// take the arguments of either SRFI (hash-table-fold and hash-table-for-each
// the table first or last, hash-table-map and hash-table-count CHICKEN's
// arguments or SRFI-125's); SRFI-69's names that SRFI-125 deprecates are
// re-exported. Its rows are put together on first use.
var SRFI125 = &scheme.Library{Name: "(srfi 125)", Doc: "SRFI-125: intermediate hash tables (SRFI-69's tables, with comparators).", ImportOnly: true, Build: build125}

// shared125 names the rows of (srfi 69) that (srfi 125) has too.
var shared125 = []string{"make-hash-table", "hash-table?", "hash-table-contains?", "hash-table-ref", "hash-table-ref/default",
	"hash-table-set!", "hash-table-delete!", "hash-table-update!", "hash-table-update!/default", "hash-table-clear!",
	"hash-table-size", "hash-table-keys", "hash-table-values", "hash-table-count", "hash-table-map", "hash-table-for-each",
	"hash-table-fold", "hash-table-copy", "hash-table->alist", "alist->hash-table",
	// deprecated by SRFI-125
	"hash", "string-hash", "string-ci-hash", "hash-by-identity", "hash-table-equivalence-function",
	"hash-table-hash-function", "hash-table-exists?", "hash-table-walk", "hash-table-merge!"}

func one(name string) func() scheme.Params {
	return func() scheme.Params { return req(name) }
}

func build125(l *scheme.Library) {
	for _, n := range shared125 {
		l.Procs = append(l.Procs, *Library.Lookup(n))
	}
	l.Procs = append(l.Procs, []scheme.Proc{
		{Name: "hash-table", Spec: s125, Sig: "(hash-table comparator key value ...)", Doc: "A new table of comparator with the keys associated with the values after them (SRFI-125 allows it to be immutable; it is not).",
			Args: scheme.Params{Required: []string{"comparator"}, Rest: "args", Spread: true}, Fn: hashTable},
		{Name: "hash-table-unfold", Spec: s125, Sig: "(hash-table-unfold stop? mapper successor seed comparator arg ...)",
			Doc:  "A new table of comparator with the key and value (mapper seed) returns for each seed from seed by successor until (stop? seed).",
			Args: scheme.Params{Required: []string{"stop?", "mapper", "successor", "seed", "comparator"}, Rest: "args", Spread: true}, Fn: hashTableUnfold},
		{Name: "hash-table-empty?", Spec: s125, LazyArgs: one("table"), Doc: "Has table no associations?", Fn: hashTableEmptyP},
		{Name: "hash-table=?", Spec: s125, LazyArgs: func() scheme.Params { return req("value-comparator", "table1", "table2") },
			Doc: "Have the tables the same keys, with values equal by value-comparator?", Fn: hashTableEqP},
		{Name: "hash-table-mutable?", Spec: s125, LazyArgs: one("table"), Doc: "Can table be changed (it is not an immutable copy)?", Fn: hashTableMutableP},
		{Name: "hash-table-intern!", Spec: s125, LazyArgs: func() scheme.Params { return req("table", "key", "failure") },
			Doc: "The value of key; if absent, associates key with (failure) first and returns that.", Fn: hashTableInternBang},
		{Name: "hash-table-pop!", Spec: s125, LazyArgs: one("table"), Doc: "Removes an arbitrary association, returning its key and value as two values; an error when table is empty.", Fn: hashTablePopBang},
		{Name: "hash-table-entries", Spec: s125, LazyArgs: one("table"), Doc: "Two values: the list of the keys and the list of the values, in the same order.", Fn: hashTableEntries},
		{Name: "hash-table-find", Spec: s125, LazyArgs: func() scheme.Params { return req("proc", "table", "failure") },
			Doc: "The first true value of (proc key value) over the associations, else the value of (failure).", Fn: hashTableFind},
		{Name: "hash-table-map!", Spec: s125, LazyArgs: func() scheme.Params { return req("proc", "table") },
			Doc: "Associates each key with (proc key value).", Fn: hashTableMapBang},
		{Name: "hash-table-map->list", Spec: s125, LazyArgs: func() scheme.Params { return req("proc", "table") },
			Doc: "The list of (proc key value) over the associations.", Fn: hashTableMapToList},
		{Name: "hash-table-prune!", Spec: s125, LazyArgs: func() scheme.Params { return req("proc", "table") },
			Doc: "Removes the associations for which (proc key value) is true.", Fn: hashTablePruneBang},
		{Name: "hash-table-empty-copy", Spec: s125, LazyArgs: one("table"), Doc: "A new empty table with the equivalence and hash of table.", Fn: hashTableEmptyCopy},
		{Name: "hash-table-union!", Spec: s125, LazyArgs: two, Doc: "Adds to table1 the associations of table2 whose keys it lacks; returns table1.", Fn: hashTableUnionBang},
		{Name: "hash-table-intersection!", Spec: s125, LazyArgs: two, Doc: "Removes from table1 the keys table2 lacks; returns table1.", Fn: hashTableIntersectionBang},
		{Name: "hash-table-difference!", Spec: s125, LazyArgs: two, Doc: "Removes from table1 the keys table2 has; returns table1.", Fn: hashTableDifferenceBang},
		{Name: "hash-table-xor!", Spec: s125, LazyArgs: two, Doc: "Makes table1 hold the associations of the keys in exactly one of the tables; returns table1.", Fn: hashTableXorBang},
	}...)
}

func two() scheme.Params { return req("table1", "table2") }

// comparatorProcs returns the equality and hash procedures of the SRFI-128
// comparator c (hash #!default when it has none); an error when c is not a
// comparator.
func comparatorProcs(th *scheme.Thread, c scheme.Value) (eq, hash scheme.Value, err error) {
	ok, err := scheme.CallGlobal(th, "make-hash-table", "comparator?", c)
	if err != nil || ok == scheme.False {
		return nil, nil, scheme.TypeError("", 1, "procedure or comparator", c)
	}
	if eq, err = scheme.CallGlobal(th, "make-hash-table", "comparator-equality-predicate", c); err != nil {
		return nil, nil, err
	}
	hash = scheme.Default
	if h, err := scheme.CallGlobal(th, "make-hash-table", "comparator-hashable?", c); err != nil {
		return nil, nil, err
	} else if h != scheme.False {
		if hash, err = scheme.CallGlobal(th, "make-hash-table", "comparator-hash-function", c); err != nil {
			return nil, nil, err
		}
	}
	return eq, hash, nil
}

// hashTable implements hash-table.
func hashTable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t, err := makeHashTable(th, a[:1])
	if err != nil {
		return nil, err
	}
	if _, err := hashTableSetBang(th, append([]scheme.Value{t}, a[1:]...)); err != nil {
		return nil, err
	}
	return t, nil
}

// hashTableUnfold implements hash-table-unfold.
func hashTableUnfold(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t, err := makeHashTable(th, a[4:5])
	if err != nil {
		return nil, err
	}
	h := t.(*HashTable)
	for seed := a[3]; ; {
		stop, err := th.Call(a[0], seed)
		if err != nil || stop != scheme.False {
			return t, err
		}
		kv, err := th.Call(a[1], seed)
		if err != nil {
			return nil, err
		}
		mv, ok := kv.(*scheme.MultipleValues)
		if !ok || len(mv.Vals) != 2 {
			return nil, scheme.NewError("", "the mapper must return two values, a key and a value", []scheme.Value{kv}, "type")
		}
		if err := h.Set(th, mv.Vals[0], mv.Vals[1]); err != nil {
			return nil, err
		}
		if seed, err = th.Call(a[2], seed); err != nil {
			return nil, err
		}
	}
}

// hashTableEmptyP implements hash-table-empty?.
func hashTableEmptyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, a[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(h.Len() == 0), nil
}

// hashTableEqP implements hash-table=?.
func hashTableEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h1, err := argHT(2, a[1])
	if err != nil {
		return nil, err
	}
	h2, err := argHT(3, a[2])
	if err != nil {
		return nil, err
	}
	if h1.Len() != h2.Len() {
		return scheme.False, nil
	}
	eq, err := scheme.CallGlobal(th, "hash-table=?", "comparator-equality-predicate", a[0])
	if err != nil {
		return nil, err
	}
	ks, vs := h1.Entries()
	for i, k := range ks {
		v2, ok, err := h2.Get(th, k)
		if err != nil || !ok {
			return scheme.False, err
		}
		same, err := th.Call(eq, vs[i], v2)
		if err != nil || same == scheme.False {
			return scheme.False, err
		}
	}
	return scheme.True, nil
}

// hashTableMutableP implements hash-table-mutable?.
func hashTableMutableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, a[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(!h.Frozen()), nil
}

// hashTableInternBang implements hash-table-intern!.
func hashTableInternBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, v, ok, err := htLookup(th, a)
	if err != nil || ok {
		return v, err
	}
	if v, err = th.Call(a[2]); err != nil {
		return nil, err
	}
	return v, h.Set(th, a[1], v)
}

// hashTablePopBang implements hash-table-pop!.
func hashTablePopBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, a[0])
	if err != nil {
		return nil, err
	}
	ks, vs := h.Entries()
	if len(ks) == 0 {
		return nil, scheme.NewError("", "the table is empty", a[:1], "bounds")
	}
	if err := h.Delete(th, ks[0]); err != nil {
		return nil, err
	}
	return scheme.Values(ks[0], vs[0]), nil
}

// hashTableEntries implements hash-table-entries.
func hashTableEntries(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, a[0])
	if err != nil {
		return nil, err
	}
	ks, vs := h.Entries()
	return scheme.Values(scheme.List(ks...), scheme.List(vs...)), nil
}

// eachEntry calls (proc key value) for the associations of table (argument
// pos), stopping at the first result for which done returns true.
func eachEntry(th *scheme.Thread, proc, table scheme.Value, pos int, done func(k, v, r scheme.Value) (bool, error)) error {
	h, err := argHT(pos, table)
	if err != nil {
		return err
	}
	ks, vs := h.Entries()
	for i := range ks {
		r, err := th.Call(proc, ks[i], vs[i])
		if err != nil {
			return err
		}
		if stop, err := done(ks[i], vs[i], r); stop || err != nil {
			return err
		}
	}
	return nil
}

// hashTableFind implements hash-table-find.
func hashTableFind(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var found scheme.Value
	err := eachEntry(th, a[0], a[1], 2, func(k, v, r scheme.Value) (bool, error) {
		if r != scheme.False {
			found = r
		}
		return found != nil, nil
	})
	if err != nil || found != nil {
		return found, err
	}
	return th.TailCall(a[2], nil)
}

// countIf is SRFI-125's hash-table-count.
func countIf(th *scheme.Thread, pred, table scheme.Value) (scheme.Value, error) {
	n := 0
	err := eachEntry(th, pred, table, 2, func(k, v, r scheme.Value) (bool, error) {
		if r != scheme.False {
			n++
		}
		return false, nil
	})
	return scheme.Fixnum(n), err
}

// mapToTable is SRFI-125's hash-table-map: (proc comparator table).
func mapToTable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	t, err := makeHashTable(th, a[1:2])
	if err != nil {
		return nil, err
	}
	h := t.(*HashTable)
	src, err := argHT(3, a[2])
	if err != nil {
		return nil, err
	}
	ks, vs := src.Entries()
	for i := range ks {
		v, err := th.Call(a[0], vs[i])
		if err != nil {
			return nil, err
		}
		if err := h.Set(th, ks[i], v); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// hashTableForEach implements hash-table-for-each: the table first or last.
func hashTableForEach(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, ok := a[0].(*HashTable); ok {
		return hashTableWalk(th, a)
	}
	return hashTableWalk(th, []scheme.Value{a[1], a[0]})
}

// hashTableMapBang implements hash-table-map!.
func hashTableMapBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, err := argHT(2, a[1])
	if err != nil {
		return nil, err
	}
	err = eachEntry(th, a[0], a[1], 2, func(k, v, r scheme.Value) (bool, error) { return false, h.Set(th, k, r) })
	return scheme.Unspecified, err
}

// hashTableMapToList implements hash-table-map->list.
func hashTableMapToList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var out []scheme.Value
	err := eachEntry(th, a[0], a[1], 2, func(k, v, r scheme.Value) (bool, error) {
		out = append(out, r)
		return false, nil
	})
	return scheme.List(out...), err
}

// hashTablePruneBang implements hash-table-prune!.
func hashTablePruneBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, err := argHT(2, a[1])
	if err != nil {
		return nil, err
	}
	err = eachEntry(th, a[0], a[1], 2, func(k, v, r scheme.Value) (bool, error) {
		if r != scheme.False {
			return false, h.Delete(th, k)
		}
		return false, nil
	})
	return scheme.Unspecified, err
}

// hashTableEmptyCopy implements hash-table-empty-copy.
func hashTableEmptyCopy(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, a[0])
	if err != nil {
		return nil, err
	}
	c := newHashTable(h.kind)
	c.eqProc, c.hashFn = h.eqProc, h.hashFn
	return c, nil
}

// tables returns table1 and table2 of a set operation.
func tables(a []scheme.Value) (*HashTable, *HashTable, error) {
	h1, err := argHT(1, a[0])
	if err != nil {
		return nil, nil, err
	}
	h2, err := argHT(2, a[1])
	return h1, h2, err
}

// removeIf removes from h1 the keys whose presence in h2 is in2.
func removeIf(th *scheme.Thread, h1, h2 *HashTable, in2 bool) error {
	ks, _ := h1.Entries()
	for _, k := range ks {
		_, ok, err := h2.Get(th, k)
		if err == nil && ok == in2 {
			err = h1.Delete(th, k)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// missing returns the associations of h2 whose keys h1 lacks.
func missing(th *scheme.Thread, h1, h2 *HashTable) (ks, vs []scheme.Value, err error) {
	ks2, vs2 := h2.Entries()
	for i, k := range ks2 {
		_, ok, err := h1.Get(th, k)
		if err != nil {
			return nil, nil, err
		}
		if !ok {
			ks, vs = append(ks, k), append(vs, vs2[i])
		}
	}
	return ks, vs, nil
}

// What a set operation removes from table1.
const (
	removeNone     = iota
	removeShared   // the keys table2 has too
	removeUnshared // the keys table2 lacks
)

// setOp removes from table1 the keys remove says, then, when add, adds the
// associations of table2 whose keys table1 lacked before; it returns table1.
func setOp(th *scheme.Thread, a []scheme.Value, remove int, add bool) (scheme.Value, error) {
	h1, h2, err := tables(a)
	if err != nil {
		return nil, err
	}
	var ks, vs []scheme.Value
	if add {
		if ks, vs, err = missing(th, h1, h2); err != nil {
			return nil, err
		}
	}
	if remove != removeNone {
		if err := removeIf(th, h1, h2, remove == removeShared); err != nil {
			return nil, err
		}
	}
	for i := range ks {
		if err := h1.Set(th, ks[i], vs[i]); err != nil {
			return nil, err
		}
	}
	return h1, nil
}

// hashTableUnionBang implements hash-table-union!.
func hashTableUnionBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setOp(th, a, removeNone, true)
}

// hashTableIntersectionBang implements hash-table-intersection!.
func hashTableIntersectionBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setOp(th, a, removeUnshared, false)
}

// hashTableDifferenceBang implements hash-table-difference!.
func hashTableDifferenceBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setOp(th, a, removeShared, false)
}

// hashTableXorBang implements hash-table-xor!.
func hashTableXorBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setOp(th, a, removeShared, true)
}
