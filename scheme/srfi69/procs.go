// Hash table procedures: SRFI-69 in full.

package srfi69

import (
	"hash/maphash"
	"math"

	"github.com/tlsport/tlsport/scheme"
)

const s69 = "srfi-69"

func argHT(i int, v scheme.Value) (*HashTable, error) {
	h, ok := v.(*HashTable)
	if !ok {
		return nil, scheme.TypeError("", i, "hash table", v)
	}
	return h, nil
}

// builtinEquality maps the global equality procedures to table kinds.
func builtinKind(th *scheme.Thread, eq scheme.Value) int {
	if p, ok := eq.(*scheme.Primitive); ok {
		switch p.Proc.Name {
		case "eq?":
			return htEq
		case "eqv?", "char=?":
			return htEqv
		case "=":
			return htNum
		case "equal?":
			return htEqual
		case "string=?":
			return htString
		case "string-ci=?":
			return htStringCI
		}
	}
	return htCustom
}

func makeHashTable(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	if len(args) > 0 && !scheme.IsDefault(args[0]) && !scheme.IsProcedure(args[0]) {
		eq, hash, err := comparatorProcs(th, args[0])
		if err != nil {
			return nil, err
		}
		args = []scheme.Value{eq, hash}
	}
	h := newHashTable(htEqual)
	h.eqProc = scheme.Default
	if len(args) > 0 && !scheme.IsDefault(args[0]) {
		if !scheme.IsProcedure(args[0]) {
			return nil, scheme.TypeError("", 1, "procedure", args[0])
		}
		h.kind = builtinKind(th, args[0])
		h.eqProc = args[0]
	}
	if len(args) > 1 && !scheme.IsDefault(args[1]) {
		if !scheme.IsProcedure(args[1]) {
			return nil, scheme.TypeError("", 2, "procedure", args[1])
		}
		if h.kind == htNum { // = with a hash function of the program's: that one
			h.kind = htCustom
		}
		if h.kind == htCustom {
			h.hashFn = args[1]
		}
	}
	return h, nil
}

// scheme hash function values (bounded like SRFI-69's optional bound).
func hashBound(args []scheme.Value, i int) (uint64, error) {
	if i >= len(args) || scheme.IsDefault(args[i]) {
		return math.MaxInt32, nil
	}
	n, ok := args[i].(scheme.Fixnum)
	if !ok || n < 0 {
		return 0, scheme.TypeError("", i+1, "non-negative exact integer", args[i])
	}
	if n == 0 { // SRFI-13: 0 is the default bound
		return math.MaxInt32, nil
	}
	return uint64(n), nil
}

// substringArg returns the substring of s that string-hash's optional
// start and end arguments (args[2], args[3], SRFI-13) select.
func substringArg(s *scheme.String, args []scheme.Value) (scheme.Value, error) {
	start, end := 0, s.Len()
	for i, p := range []*int{&start, &end} {
		if 2+i >= len(args) || scheme.IsDefault(args[2+i]) {
			continue
		}
		n, ok := args[2+i].(scheme.Fixnum)
		if !ok || n < 0 || int(n) > s.Len() {
			return nil, scheme.RangeError("", 3+i, "not an index of the string", args[2+i])
		}
		*p = int(n)
	}
	if start > end {
		return nil, scheme.RangeError("", 3, "start after end", args[2])
	}
	if start == 0 && end == s.Len() {
		return s, nil
	}
	return s.Substring(start, end), nil
}

// procHashSeed seeds hash, string-hash …: fixed for the process run so the
// values are stable within it (set once at initialisation, never mutated).
var procHashSeed = maphash.MakeSeed()

func hashFnOf(th *scheme.Thread, args []scheme.Value, kind int) (scheme.Value, error) {
	bound, err := hashBound(args, 1)
	if err != nil {
		return nil, err
	}
	key := args[0]
	if kind == htString || kind == htStringCI {
		s, ok := key.(*scheme.String)
		if !ok {
			return nil, scheme.TypeError("", 1, "string", key)
		}
		if key, err = substringArg(s, args); err != nil {
			return nil, err
		}
	}
	var mh maphash.Hash
	mh.SetSeed(procHashSeed)
	hashInto(&mh, key, kind, 4)
	return scheme.Fixnum(mh.Sum64() % bound), nil
}

// htLookup looks up key args[1] in table args[0].
func htLookup(th *scheme.Thread, args []scheme.Value) (*HashTable, scheme.Value, bool, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, nil, false, err
	}
	v, ok, err := h.Get(th, args[1])
	return h, v, ok, err
}

func hashTableRef(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, v, ok, err := htLookup(th, args)
	if err != nil {
		return nil, err
	}
	if !ok {
		if scheme.IsDefault(args[2]) {
			return nil, scheme.NewError("", "key not found", []scheme.Value{args[1]}, "access")
		}
		return th.TailCall(args[2], nil)
	}
	if !scheme.IsDefault(args[3]) {
		return th.TailCall(args[3], []scheme.Value{v})
	}
	return v, nil
}

func primHTUpdate(th *scheme.Thread, args []scheme.Value, withDefault bool) (scheme.Value, error) {
	h, v, ok, err := htLookup(th, args)
	if err != nil {
		return nil, err
	}
	if !ok {
		switch {
		case withDefault:
			v = args[3]
		case scheme.IsDefault(args[3]):
			return nil, scheme.NewError("", "key not found", []scheme.Value{args[1]}, "access")
		default:
			if v, err = th.Call(args[3]); err != nil {
				return nil, err
			}
		}
	}
	if !withDefault && ok && !scheme.IsDefault(args[4]) { // SRFI-125's success
		if v, err = th.Call(args[4], v); err != nil {
			return nil, err
		}
	}
	nv, err := th.Call(args[2], v)
	if err != nil {
		return nil, err
	}
	return scheme.Unspecified, h.Set(th, args[1], nv)
}

func hashTableWalk(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	ks, vs := h.Entries()
	for i := range ks {
		if _, err := th.Call(args[1], ks[i], vs[i]); err != nil {
			return nil, err
		}
	}
	return scheme.Unspecified, nil
}

var hashTableProcs = []scheme.Proc{
	{Name: "make-hash-table", Spec: s69, Sig: "(make-hash-table [equal? [hash]] arg ...)", Doc: "A new empty table using the equivalence (default equal?) and hash procedures, or (SRFI-125) those of the SRFI-128 comparator given instead of equal?.",
		Args: scheme.Params{Optional: []string{"equal", "hash"}, Rest: "args"}, Fn: makeHashTable},
	{Name: "hash-table?", Spec: s69, Doc: "Is obj a hash table?", LazyArgs: func() scheme.Params { return req("obj") },
		Fn: hashTableP},
	{Name: "hash-table-ref", Spec: s69, Sig: "(hash-table-ref table key [thunk [success]])",
		Doc:  "The value of key; if absent, calls thunk (error without it); success, if given, is applied to the value.",
		Args: scheme.Params{Required: []string{"table", "key"}, Optional: []string{"thunk", "success"}}, Fn: hashTableRef},
	{Name: "hash-table-ref/default", Spec: s69, Doc: "The value of key, or default.",
		LazyArgs: func() scheme.Params { return req("table", "key", "default") }, Fn: hashTableRefWithDefault},
	{Name: "hash-table-set!", Spec: s69, Doc: "Associates value with key, and each further key with the value after it (SRFI-125).", Args: scheme.Params{Required: []string{"table", "key", "value"}, Rest: "more", Spread: true},
		Fn: hashTableSetBang},
	{Name: "hash-table-delete!", Spec: s69, Doc: "Removes the keys, returning how many were present (SRFI-125).", Args: scheme.Params{Required: []string{"table"}, Rest: "key", Spread: true},
		Fn: hashTableDeleteBang},
	{Name: "hash-table-exists?", Spec: s69, Doc: "Is key present?", LazyArgs: func() scheme.Params { return req("table", "key") }, Fn: hashTableExistsP},
	{Name: "hash-table-contains?", Spec: "srfi-125", Doc: "Is key present?", LazyArgs: func() scheme.Params { return req("table", "key") }, Fn: hashTableContainsP},
	{Name: "hash-table-update!", Spec: s69, Sig: "(hash-table-update! table key proc [thunk [success]])", Doc: "Stores (proc value); thunk gives the value when key is absent; success (SRFI-125), if given, is applied to a present value first.",
		Args: scheme.Params{Required: []string{"table", "key", "proc"}, Optional: []string{"thunk", "success"}},
		Fn:   hashTableUpdateBang},
	{Name: "hash-table-update!/default", Spec: s69, Doc: "Stores (proc value), value defaulting to default.",
		LazyArgs: func() scheme.Params { return req("table", "key", "proc", "default") }, Fn: hashTableUpdateBangWithDefault},
	{Name: "hash-table-size", Spec: s69, Doc: "Number of associations.", LazyArgs: func() scheme.Params { return req("table") }, Fn: hashTableSize},
	{Name: "hash-table-count", Spec: "chicken; srfi-125", Doc: "(hash-table-count table): the number of associations (CHICKEN); (hash-table-count pred table): the number of those satisfying (pred key value) (SRFI-125).",
		Args: scheme.Params{Required: []string{"table-or-pred"}, Optional: []string{"table"}}, Fn: hashTableCount},
	{Name: "hash-table-keys", Spec: s69, Doc: "List of the keys.", LazyArgs: func() scheme.Params { return req("table") },
		Fn: hashTableKeys},
	{Name: "hash-table-values", Spec: s69, Doc: "List of the values.", LazyArgs: func() scheme.Params { return req("table") },
		Fn: hashTableValues},
	{Name: "hash-table-walk", Spec: s69, Doc: "Calls (proc key value) for every association.", LazyArgs: func() scheme.Params { return req("table", "proc") }, Fn: hashTableWalk},
	{Name: "hash-table-for-each", Spec: "chicken; srfi-125", Sig: "(hash-table-for-each table proc) or (hash-table-for-each proc table)", Doc: "Calls (proc key value) for every association; the table may come first (CHICKEN) or last (SRFI-125).",
		LazyArgs: func() scheme.Params { return req("table", "proc") }, Fn: hashTableForEach},
	{Name: "hash-table-fold", Spec: s69, Sig: "(hash-table-fold table kons knil) or (hash-table-fold kons knil table)", Doc: "Folds (kons key value acc) over the associations, from knil; the table may come first (SRFI-69) or last (SRFI-125).", LazyArgs: func() scheme.Params { return req("table", "kons", "knil") },
		Fn: hashTableFold},
	{Name: "hash-table-map", Spec: "CHICKEN (srfi 69); srfi-125", Doc: "(hash-table-map table proc): the list of (proc key value) over the table (CHICKEN); (hash-table-map proc comparator table): a new table of comparator associating each key with (proc value) (SRFI-125).",
		Args: scheme.Params{Required: []string{"table-or-proc", "proc-or-comparator"}, Optional: []string{"table"}}, Fn: hashTableMap},
	{Name: "hash-table->alist", Spec: s69, Doc: "Association list of the table.", LazyArgs: func() scheme.Params { return req("table") },
		Fn: hashTableToAlist},
	{Name: "alist->hash-table", Spec: s69, Sig: "(alist->hash-table alist [equal? [hash]] arg ...)", Doc: "New table from an association list (earlier entries win).",
		Args: scheme.Params{Required: []string{"alist"}, Optional: []string{"equal", "hash"}, Rest: "args"}, Fn: alistToHashTable},
	{Name: "hash-table-copy", Spec: s69, Sig: "(hash-table-copy table [mutable?])", Doc: "A new table with the same associations.",
		Args: scheme.Params{Required: []string{"table"}, Optional: []string{"mutable"}}, Fn: hashTableCopy},
	{Name: "hash-table-merge!", Spec: s69, Doc: "Adds the associations of table2 to table1; returns table1.",
		LazyArgs: func() scheme.Params { return req("table1", "table2") }, Fn: hashTableMergeBang},
	{Name: "hash-table-clear!", Spec: "srfi-69; chicken", Doc: "Removes every association.", LazyArgs: func() scheme.Params { return req("table") },
		Fn: hashTableClearBang},
	{Name: "hash-table-equivalence-function", Spec: s69, Doc: "The table's equivalence procedure.",
		LazyArgs: func() scheme.Params { return req("table") }, Fn: hashTableEquivalenceFunction},
	{Name: "hash-table-hash-function", Spec: s69, Doc: "The table's hash procedure.",
		LazyArgs: func() scheme.Params { return req("table") }, Fn: hashTableHashFunction},
	{Name: "hash", Spec: s69, Sig: "(hash obj [bound])", Doc: "Hash of obj consistent with equal?.", Args: scheme.Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: hash},
	{Name: "equal-hash", Spec: "chicken", Sig: "(equal-hash obj [bound])", Doc: "Same as hash.", Args: scheme.Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: equalHash},
	{Name: "string-hash", Spec: s69, Sig: "(string-hash string [bound start end])", Doc: "Hash of string consistent with string=?, in [0, bound) (bound 0: the default); SRFI-13's start and end hash a substring.", Args: scheme.Params{Required: []string{"string"}, Optional: []string{"bound", "start", "end"}}, Fn: stringHash},
	{Name: "string-ci-hash", Spec: s69, Sig: "(string-ci-hash string [bound start end])", Doc: "Hash of string consistent with string-ci=?, in [0, bound) (bound 0: the default); start and end hash a substring.", Args: scheme.Params{Required: []string{"string"}, Optional: []string{"bound", "start", "end"}}, Fn: stringCiHash},
	{Name: "hash-by-identity", Spec: s69, Sig: "(hash-by-identity obj [bound])", Doc: "Hash of obj consistent with eq?.", Args: scheme.Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: hashByIdentity},
	{Name: "eq?-hash", Spec: "chicken", Sig: "(eq?-hash obj [bound])", Doc: "Same as hash-by-identity.", Args: scheme.Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: eqPHash},
	{Name: "eqv?-hash", Spec: "chicken", Sig: "(eqv?-hash obj [bound])", Doc: "Hash of obj consistent with eqv?.", Args: scheme.Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: eqvPHash},
}

func hashTableExistsP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, _, ok, err := htLookup(th, args)
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(ok), nil
}

func hashTableSize(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(h.Len()), nil
}

// Library is the (srfi 69) binding table.
var Library = &scheme.Library{Name: "(srfi 69)", Doc: "SRFI-69 hash tables (one mutex per table; safe to share between threads).", Procs: hashTableProcs}

// hashTableRefWithDefault implements hash-table-ref/default.
func hashTableRefWithDefault(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, v, ok, err := htLookup(th, args)
	if err != nil {
		return nil, err
	}
	if !ok {
		return args[2], nil
	}
	return v, nil
}

// hashTableSetBang implements hash-table-set!.
func hashTableSetBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	if len(args)%2 == 0 {
		return nil, scheme.NewError("", "a key without a value", args[len(args)-1:], "arity")
	}
	for i := 1; i < len(args); i += 2 {
		if err := h.Set(th, args[i], args[i+1]); err != nil {
			return nil, err
		}
	}
	return scheme.Unspecified, nil
}

// hashTableDeleteBang implements hash-table-delete!: the number of keys
// that were present.
func hashTableDeleteBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	n := 0
	for _, k := range args[1:] {
		_, ok, err := h.Get(th, k)
		if err == nil && ok {
			n++
			err = h.Delete(th, k)
		}
		if err != nil {
			return nil, err
		}
	}
	return scheme.Fixnum(n), nil
}

// hashTableUpdateBang implements hash-table-update!.
func hashTableUpdateBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return primHTUpdate(th, args, false)
}

// hashTableUpdateBangWithDefault implements hash-table-update!/default.
func hashTableUpdateBangWithDefault(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return primHTUpdate(th, args, true)
}

// hashTableKeys implements hash-table-keys.
func hashTableKeys(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	ks, _ := h.Entries()
	return scheme.List(ks...), nil
}

// hashTableValues implements hash-table-values.
func hashTableValues(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	_, vs := h.Entries()
	return scheme.List(vs...), nil
}

// hashTableFold implements hash-table-fold: (table kons knil), SRFI-69's
// order, or (kons knil table), SRFI-125's.
func hashTableFold(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	table, kons, acc := args[0], args[1], args[2]
	if _, ok := table.(*HashTable); !ok {
		table, kons, acc = args[2], args[0], args[1]
	}
	h, err := argHT(1, table)
	if err != nil {
		return nil, err
	}
	ks, vs := h.Entries()
	for i := range ks {
		if acc, err = th.Call(kons, ks[i], vs[i], acc); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// hashTableMap implements hash-table-map: CHICKEN's (table proc), the list
// of (proc key value) over the associations (in the reverse order of
// hash-table-fold's), or SRFI-125's (proc comparator table), a new table.
func hashTableMap(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	if !scheme.IsDefault(args[2]) {
		return mapToTable(th, args)
	}
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	ks, vs := h.Entries()
	var acc scheme.Value = scheme.Null
	for i := range ks {
		v, err := th.Call(args[1], ks[i], vs[i])
		if err != nil {
			return nil, err
		}
		acc = scheme.Cons(v, acc)
	}
	return acc, nil
}

// hashTableToAlist implements hash-table->alist.
func hashTableToAlist(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	ks, vs := h.Entries()
	out := make([]scheme.Value, len(ks))
	for i := range ks {
		out[i] = scheme.Cons(ks[i], vs[i])
	}
	return scheme.List(out...), nil
}

// alistToHashTable implements alist->hash-table.
func alistToHashTable(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, ok := scheme.ListToSlice(args[0])
	if !ok {
		return nil, scheme.TypeError("", 1, "list", args[0])
	}
	hv, err := makeHashTable(th, args[1:3])
	if err != nil {
		return nil, err
	}
	h := hv.(*HashTable)
	for i := len(l) - 1; i >= 0; i-- {
		p, ok := l[i].(*scheme.Pair)
		if !ok {
			return nil, scheme.TypeError("", 1, "association list", args[0])
		}
		if err := h.Set(th, p.Car, p.Cdr); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// hashTableCopy implements hash-table-copy.
func hashTableCopy(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	return h.copyTable(), nil
}

// hashTableMergeBang implements hash-table-merge!.
func hashTableMergeBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h1, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	h2, err := argHT(2, args[1])
	if err != nil {
		return nil, err
	}
	ks, vs := h2.Entries()
	for i := range ks {
		if err := h1.Set(th, ks[i], vs[i]); err != nil {
			return nil, err
		}
	}
	return h1, nil
}

// hashTableClearBang implements hash-table-clear!.
func hashTableClearBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	return scheme.Unspecified, h.clear()
}

// hashTableEquivalenceFunction implements hash-table-equivalence-function.
func hashTableEquivalenceFunction(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	if scheme.IsDefault(h.eqProc) {
		v, _ := th.Interp().Lookup("equal?")
		return v, nil
	}
	return h.eqProc, nil
}

// hashTableHashFunction implements hash-table-hash-function.
func hashTableHashFunction(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	if h.hashFn != nil {
		return h.hashFn, nil
	}
	name := map[int]string{htEq: "hash-by-identity", htEqv: "hash-by-identity", htString: "string-hash", htStringCI: "string-ci-hash"}[h.kind]
	if name == "" {
		name = "hash"
	}
	v, _ := th.Interp().Lookup(name)
	return v, nil
}

// hash implements hash.
func hash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return hashFnOf(th, a, htEqual) }

// equalHash implements equal-hash.
func equalHash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return hashFnOf(th, a, htEqual)
}

// stringHash implements string-hash.
func stringHash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return hashFnOf(th, a, htString)
}

// stringCiHash implements string-ci-hash.
func stringCiHash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return hashFnOf(th, a, htStringCI)
}

// hashByIdentity implements hash-by-identity.
func hashByIdentity(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return hashFnOf(th, a, htEq)
}

// eqPHash implements eq?-hash.
func eqPHash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return hashFnOf(th, a, htEq) }

// eqvPHash implements eqv?-hash.
func eqvPHash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return hashFnOf(th, a, htEqv)
}

// hashTableP implements hash-table?.
func hashTableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*HashTable](a[0]), nil
}

// hashTableContainsP implements hash-table-contains? (as hashTableExistsP).
func hashTableContainsP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return hashTableExistsP(th, a)
}

// hashTableCount implements hash-table-count: CHICKEN's (table), the
// number of associations, or SRFI-125's (pred table), the number of them
// satisfying (pred key value).
func hashTableCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(a[1]) {
		return hashTableSize(th, a)
	}
	return countIf(th, a[0], a[1])
}

// req returns Params with the given required names.
func req(names ...string) scheme.Params { return scheme.Params{Required: names} }
