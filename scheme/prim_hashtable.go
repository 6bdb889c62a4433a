// Hash table procedures: SRFI-69 in full.

package scheme

import (
	"hash/maphash"
	"math"
)

const s69 = "srfi-69"

func argHT(i int, v Value) (*HashTable, error) {
	h, ok := v.(*HashTable)
	if !ok {
		return nil, TypeError("", i, "hash table", v)
	}
	return h, nil
}

// builtinEquality maps the global equality procedures to table kinds.
func builtinKind(th *Thread, eq Value) int {
	if p, ok := eq.(*Primitive); ok {
		switch p.Proc.Name {
		case "eq?":
			return htEq
		case "eqv?", "=", "char=?":
			return htEqv
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

func makeHashTable(th *Thread, args []Value) (Value, error) {
	h := newHashTable(htEqual)
	h.eqProc = Default
	if len(args) > 0 && !IsDefault(args[0]) {
		if _, err := argProc(1, args[0]); err != nil {
			return nil, err
		}
		h.kind = builtinKind(th, args[0])
		h.eqProc = args[0]
	}
	if len(args) > 1 && !IsDefault(args[1]) {
		if _, err := argProc(2, args[1]); err != nil {
			return nil, err
		}
		if h.kind == htCustom {
			h.hashFn = args[1]
		}
	}
	return h, nil
}

// scheme hash function values (bounded like SRFI-69's optional bound).
func hashBound(args []Value, i int) (uint64, error) {
	if i >= len(args) || IsDefault(args[i]) {
		return math.MaxInt32, nil
	}
	n, ok := args[i].(Fixnum)
	if !ok || n <= 0 {
		return 0, TypeError("", i+1, "positive exact integer", args[i])
	}
	return uint64(n), nil
}

// procHashSeed seeds hash, string-hash …: fixed for the process run so the
// values are stable within it (set once at initialisation, never mutated).
var procHashSeed = maphash.MakeSeed()

func hashFnOf(th *Thread, args []Value, kind int) (Value, error) {
	bound, err := hashBound(args, 1)
	if err != nil {
		return nil, err
	}
	if kind == htString || kind == htStringCI {
		if _, err := argString(1, args[0]); err != nil {
			return nil, err
		}
	}
	var mh maphash.Hash
	mh.SetSeed(procHashSeed)
	hashInto(&mh, args[0], kind, 4)
	return Fixnum(mh.Sum64() % bound), nil
}

// htLookup looks up key args[1] in table args[0].
func htLookup(th *Thread, args []Value) (*HashTable, Value, bool, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, nil, false, err
	}
	v, ok, err := h.Get(th, args[1])
	return h, v, ok, err
}

func hashTableRef(th *Thread, args []Value) (Value, error) {
	_, v, ok, err := htLookup(th, args)
	if err != nil {
		return nil, err
	}
	if !ok {
		if IsDefault(args[2]) {
			return nil, NewError("", "key not found", []Value{args[1]}, "access")
		}
		return th.TailCall(args[2], nil)
	}
	if !IsDefault(args[3]) {
		return th.TailCall(args[3], []Value{v})
	}
	return v, nil
}

func primHTUpdate(th *Thread, args []Value, withDefault bool) (Value, error) {
	h, v, ok, err := htLookup(th, args)
	if err != nil {
		return nil, err
	}
	if !ok {
		switch {
		case withDefault:
			v = args[3]
		case IsDefault(args[3]):
			return nil, NewError("", "key not found", []Value{args[1]}, "access")
		default:
			if v, err = th.Call(args[3]); err != nil {
				return nil, err
			}
		}
	}
	nv, err := th.Call(args[2], v)
	if err != nil {
		return nil, err
	}
	return Unspecified, h.Set(th, args[1], nv)
}

func hashTableWalk(th *Thread, args []Value) (Value, error) {
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
	return Unspecified, nil
}

var hashTableProcs = []Proc{
	{Name: "make-hash-table", Spec: s69, Sig: "(make-hash-table [equal? [hash]] arg ...)", Doc: "A new empty table using the equivalence (default equal?) and hash procedures.",
		Args: Params{Optional: []string{"equal", "hash"}, Rest: "args"}, Fn: makeHashTable},
	{Name: "hash-table?", Spec: s69, Sig: "(hash-table? obj)", Doc: "Is obj a hash table?", Args: req("obj"),
		Fn: hashTableP},
	{Name: "hash-table-ref", Spec: s69, Sig: "(hash-table-ref table key [thunk [success]])",
		Doc:  "The value of key; if absent, calls thunk (error without it); success, if given, is applied to the value.",
		Args: Params{Required: []string{"table", "key"}, Optional: []string{"thunk", "success"}}, Fn: hashTableRef},
	{Name: "hash-table-ref/default", Spec: s69, Sig: "(hash-table-ref/default table key default)", Doc: "The value of key, or default.",
		Args: req("table", "key", "default"), Fn: hashTableRefWithDefault},
	{Name: "hash-table-set!", Spec: s69, Sig: "(hash-table-set! table key value)", Doc: "Associates value with key.", Args: req("table", "key", "value"),
		Fn: hashTableSetBang},
	{Name: "hash-table-delete!", Spec: s69, Sig: "(hash-table-delete! table key)", Doc: "Removes key.", Args: req("table", "key"),
		Fn: hashTableDeleteBang},
	{Name: "hash-table-exists?", Spec: s69, Sig: "(hash-table-exists? table key)", Doc: "Is key present?", Args: req("table", "key"), Fn: hashTableExistsP},
	{Name: "hash-table-contains?", Spec: "srfi-125", Sig: "(hash-table-contains? table key)", Doc: "Is key present?", Args: req("table", "key"), Fn: hashTableContainsP},
	{Name: "hash-table-update!", Spec: s69, Sig: "(hash-table-update! table key proc [thunk])", Doc: "Stores (proc value); thunk gives the value when key is absent.",
		Args: Params{Required: []string{"table", "key", "proc"}, Optional: []string{"thunk"}},
		Fn:   hashTableUpdateBang},
	{Name: "hash-table-update!/default", Spec: s69, Sig: "(hash-table-update!/default table key proc default)", Doc: "Stores (proc value), value defaulting to default.",
		Args: req("table", "key", "proc", "default"), Fn: hashTableUpdateBangWithDefault},
	{Name: "hash-table-size", Spec: s69, Sig: "(hash-table-size table)", Doc: "Number of associations.", Args: req("table"), Fn: hashTableSize},
	{Name: "hash-table-count", Spec: "chicken", Sig: "(hash-table-count table)", Doc: "Number of associations.", Args: req("table"), Fn: hashTableCount},
	{Name: "hash-table-keys", Spec: s69, Sig: "(hash-table-keys table)", Doc: "List of the keys.", Args: req("table"),
		Fn: hashTableKeys},
	{Name: "hash-table-values", Spec: s69, Sig: "(hash-table-values table)", Doc: "List of the values.", Args: req("table"),
		Fn: hashTableValues},
	{Name: "hash-table-walk", Spec: s69, Sig: "(hash-table-walk table proc)", Doc: "Calls (proc key value) for every association.", Args: req("table", "proc"), Fn: hashTableWalk},
	{Name: "hash-table-for-each", Spec: "chicken", Sig: "(hash-table-for-each table proc)", Doc: "Same as hash-table-walk.", Args: req("table", "proc"), Fn: hashTableWalk},
	{Name: "hash-table-fold", Spec: s69, Sig: "(hash-table-fold table kons knil)", Doc: "Folds (kons key value acc) over the associations.", Args: req("table", "kons", "knil"),
		Fn: hashTableFold},
	{Name: "hash-table->alist", Spec: s69, Sig: "(hash-table->alist table)", Doc: "Association list of the table.", Args: req("table"),
		Fn: hashTableToAlist},
	{Name: "alist->hash-table", Spec: s69, Sig: "(alist->hash-table alist [equal? [hash]] arg ...)", Doc: "New table from an association list (earlier entries win).",
		Args: Params{Required: []string{"alist"}, Optional: []string{"equal", "hash"}, Rest: "args"}, Fn: alistToHashTable},
	{Name: "hash-table-copy", Spec: s69, Sig: "(hash-table-copy table [mutable?])", Doc: "A new table with the same associations.",
		Args: Params{Required: []string{"table"}, Optional: []string{"mutable"}}, Fn: hashTableCopy},
	{Name: "hash-table-merge!", Spec: s69, Sig: "(hash-table-merge! table1 table2)", Doc: "Adds the associations of table2 to table1; returns table1.",
		Args: req("table1", "table2"), Fn: hashTableMergeBang},
	{Name: "hash-table-clear!", Spec: "srfi-69; chicken", Sig: "(hash-table-clear! table)", Doc: "Removes every association.", Args: req("table"),
		Fn: hashTableClearBang},
	{Name: "hash-table-equivalence-function", Spec: s69, Sig: "(hash-table-equivalence-function table)", Doc: "The table's equivalence procedure.",
		Args: req("table"), Fn: hashTableEquivalenceFunction},
	{Name: "hash-table-hash-function", Spec: s69, Sig: "(hash-table-hash-function table)", Doc: "The table's hash procedure.",
		Args: req("table"), Fn: hashTableHashFunction},
	{Name: "hash", Spec: s69, Sig: "(hash obj [bound])", Doc: "Hash of obj consistent with equal?.", Args: Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: hash},
	{Name: "equal-hash", Spec: "chicken", Sig: "(equal-hash obj [bound])", Doc: "Same as hash.", Args: Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: equalHash},
	{Name: "string-hash", Spec: s69, Sig: "(string-hash string [bound])", Doc: "Hash of string consistent with string=?.", Args: Params{Required: []string{"string"}, Optional: []string{"bound"}}, Fn: stringHash},
	{Name: "string-ci-hash", Spec: s69, Sig: "(string-ci-hash string [bound])", Doc: "Hash of string consistent with string-ci=?.", Args: Params{Required: []string{"string"}, Optional: []string{"bound"}}, Fn: stringCiHash},
	{Name: "hash-by-identity", Spec: s69, Sig: "(hash-by-identity obj [bound])", Doc: "Hash of obj consistent with eq?.", Args: Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: hashByIdentity},
	{Name: "eq?-hash", Spec: "chicken", Sig: "(eq?-hash obj [bound])", Doc: "Same as hash-by-identity.", Args: Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: eqPHash},
	{Name: "eqv?-hash", Spec: "chicken", Sig: "(eqv?-hash obj [bound])", Doc: "Hash of obj consistent with eqv?.", Args: Params{Required: []string{"obj"}, Optional: []string{"bound"}}, Fn: eqvPHash},
}

func hashTableExistsP(th *Thread, args []Value) (Value, error) {
	_, _, ok, err := htLookup(th, args)
	if err != nil {
		return nil, err
	}
	return MakeBool(ok), nil
}

func hashTableSize(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	return Fixnum(h.Len()), nil
}

// hashTableLibrary is the (srfi 69) table.
var hashTableLibrary = &Library{Name: "(srfi 69)", Doc: "SRFI-69 hash tables (one mutex per table; safe to share between threads).", Procs: hashTableProcs}

// hashTableRefWithDefault implements hash-table-ref/default.
func hashTableRefWithDefault(th *Thread, args []Value) (Value, error) {
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
func hashTableSetBang(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	return Unspecified, h.Set(th, args[1], args[2])
}

// hashTableDeleteBang implements hash-table-delete!.
func hashTableDeleteBang(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	return Unspecified, h.Delete(th, args[1])
}

// hashTableUpdateBang implements hash-table-update!.
func hashTableUpdateBang(th *Thread, args []Value) (Value, error) {
	return primHTUpdate(th, args, false)
}

// hashTableUpdateBangWithDefault implements hash-table-update!/default.
func hashTableUpdateBangWithDefault(th *Thread, args []Value) (Value, error) {
	return primHTUpdate(th, args, true)
}

// hashTableKeys implements hash-table-keys.
func hashTableKeys(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	ks, _ := h.Entries()
	return List(ks...), nil
}

// hashTableValues implements hash-table-values.
func hashTableValues(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	_, vs := h.Entries()
	return List(vs...), nil
}

// hashTableFold implements hash-table-fold.
func hashTableFold(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	ks, vs := h.Entries()
	acc := args[2]
	for i := range ks {
		if acc, err = th.Call(args[1], ks[i], vs[i], acc); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// hashTableToAlist implements hash-table->alist.
func hashTableToAlist(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	ks, vs := h.Entries()
	out := make([]Value, len(ks))
	for i := range ks {
		out[i] = &Pair{ks[i], vs[i]}
	}
	return List(out...), nil
}

// alistToHashTable implements alist->hash-table.
func alistToHashTable(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	hv, err := makeHashTable(th, args[1:3])
	if err != nil {
		return nil, err
	}
	h := hv.(*HashTable)
	for i := len(l) - 1; i >= 0; i-- {
		p, ok := l[i].(*Pair)
		if !ok {
			return nil, TypeError("", 1, "association list", args[0])
		}
		if err := h.Set(th, p.Car, p.Cdr); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// hashTableCopy implements hash-table-copy.
func hashTableCopy(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	return h.copyTable(), nil
}

// hashTableMergeBang implements hash-table-merge!.
func hashTableMergeBang(th *Thread, args []Value) (Value, error) {
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
func hashTableClearBang(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	h.clear()
	return Unspecified, nil
}

// hashTableEquivalenceFunction implements hash-table-equivalence-function.
func hashTableEquivalenceFunction(th *Thread, args []Value) (Value, error) {
	h, err := argHT(1, args[0])
	if err != nil {
		return nil, err
	}
	if IsDefault(h.eqProc) {
		v, _ := th.interp.Lookup("equal?")
		return v, nil
	}
	return h.eqProc, nil
}

// hashTableHashFunction implements hash-table-hash-function.
func hashTableHashFunction(th *Thread, args []Value) (Value, error) {
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
	v, _ := th.interp.Lookup(name)
	return v, nil
}

// hash implements hash.
func hash(th *Thread, a []Value) (Value, error) { return hashFnOf(th, a, htEqual) }

// equalHash implements equal-hash.
func equalHash(th *Thread, a []Value) (Value, error) { return hashFnOf(th, a, htEqual) }

// stringHash implements string-hash.
func stringHash(th *Thread, a []Value) (Value, error) { return hashFnOf(th, a, htString) }

// stringCiHash implements string-ci-hash.
func stringCiHash(th *Thread, a []Value) (Value, error) { return hashFnOf(th, a, htStringCI) }

// hashByIdentity implements hash-by-identity.
func hashByIdentity(th *Thread, a []Value) (Value, error) { return hashFnOf(th, a, htEq) }

// eqPHash implements eq?-hash.
func eqPHash(th *Thread, a []Value) (Value, error) { return hashFnOf(th, a, htEq) }

// eqvPHash implements eqv?-hash.
func eqvPHash(th *Thread, a []Value) (Value, error) { return hashFnOf(th, a, htEqv) }

// hashTableP implements hash-table?.
func hashTableP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { _, ok := v.(*HashTable); return ok })
}

// hashTableContainsP implements hash-table-contains? (as hashTableExistsP).
func hashTableContainsP(th *Thread, a []Value) (Value, error) { return hashTableExistsP(th, a) }

// hashTableCount implements hash-table-count (as hashTableSize).
func hashTableCount(th *Thread, a []Value) (Value, error) { return hashTableSize(th, a) }
