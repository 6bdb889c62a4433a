// (rnrs hashtables), r6rs-lib §13, over the SRFI-69 hash tables of the standard library.

package rnrs

import "github.com/tlsport/tlsport/scheme"

// mutate69 is srfi69 for a mutator (who): an immutable table (see
// hashtable-copy) is an error naming the R6RS procedure.
func mutate69(th *scheme.Thread, who, name string, args ...scheme.Value) (scheme.Value, error) {
	if f, ok := args[0].(scheme.Freezable); ok && f.Frozen() {
		return nil, scheme.ImmutableError(who, args[0])
	}
	return srfi69(th, name, args...)
}

// srfi69 calls the SRFI-69 procedure name (a global of the standard
// library) with args as a tail call.
func srfi69(th *scheme.Thread, name string, args ...scheme.Value) (scheme.Value, error) {
	f, err := scheme.Global(th, "rnrs", name)
	if err != nil {
		return nil, err
	}
	return th.TailCall(f, args)
}

// call69 is srfi69 as a nested call, for results to be converted.
func call69(th *scheme.Thread, name string, args ...scheme.Value) (scheme.Value, error) {
	return scheme.CallGlobal(th, "rnrs", name, args...)
}

func global(th *scheme.Thread, name string) scheme.Value {
	v, _ := th.Interp().Lookup(name)
	return v
}

// makeEqHashtable implements make-eq-hashtable.
func makeEqHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "make-hash-table", global(th, "eq?"))
}

// makeEqvHashtable implements make-eqv-hashtable.
func makeEqvHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "make-hash-table", global(th, "eqv?"))
}

// makeHashtable implements make-hashtable.
func makeHashtable(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "make-hash-table", a[1], a[0])
}

// hashtableP implements hashtable?.
func hashtableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "hash-table?", a[0])
}

// hashtableSize implements hashtable-size.
func hashtableSize(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "hash-table-size", a[0])
}

// hashtableRef implements hashtable-ref.
func hashtableRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "hash-table-ref/default", a[0], a[1], a[2])
}

// hashtableSetBang implements hashtable-set!.
func hashtableSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return mutate69(th, "hashtable-set!", "hash-table-set!", a[0], a[1], a[2])
}

// hashtableDeleteBang implements hashtable-delete!.
func hashtableDeleteBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return mutate69(th, "hashtable-delete!", "hash-table-delete!", a[0], a[1])
}

// hashtableContainsP implements hashtable-contains?.
func hashtableContainsP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "hash-table-exists?", a[0], a[1])
}

// hashtableUpdateBang implements hashtable-update!.
func hashtableUpdateBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return mutate69(th, "hashtable-update!", "hash-table-update!/default", a[0], a[1], a[2], a[3])
}

// hashtableCopy implements hashtable-copy: immutable unless mutable is
// true.
func hashtableCopy(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c, err := call69(th, "hash-table-copy", a[0])
	if f, ok := c.(scheme.Freezable); ok && !scheme.Truthy(a[1]) {
		f.Freeze()
	}
	return c, err
}

// hashtableClearBang implements hashtable-clear!.
func hashtableClearBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return mutate69(th, "hashtable-clear!", "hash-table-clear!", a[0])
}

func listVector(v scheme.Value) scheme.Value {
	l, _ := scheme.ListToSlice(v)
	return &scheme.Vector{Items: l}
}

// hashtableKeys implements hashtable-keys.
func hashtableKeys(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, err := call69(th, "hash-table-keys", a[0])
	if err != nil {
		return nil, err
	}
	return listVector(v), nil
}

// hashtableEntries implements hashtable-entries.
func hashtableEntries(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, err := call69(th, "hash-table->alist", a[0])
	if err != nil {
		return nil, err
	}
	l, _ := scheme.ListToSlice(v)
	ks, vs := make([]scheme.Value, len(l)), make([]scheme.Value, len(l))
	for i, e := range l {
		p := e.(*scheme.Pair)
		ks[i], vs[i] = p.Car, p.Cdr
	}
	return scheme.Values(&scheme.Vector{Items: ks}, &scheme.Vector{Items: vs}), nil
}

// hashtableEquivalenceFunction implements hashtable-equivalence-function.
func hashtableEquivalenceFunction(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "hash-table-equivalence-function", a[0])
}

// hashtableHashFunction implements hashtable-hash-function: #f for eq? and eqv? tables.
func hashtableHashFunction(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	eq, err := call69(th, "hash-table-equivalence-function", a[0])
	if err != nil {
		return nil, err
	}
	if eq == global(th, "eq?") || eq == global(th, "eqv?") {
		return scheme.False, nil
	}
	return srfi69(th, "hash-table-hash-function", a[0])
}

// hashtableMutableP implements hashtable-mutable?.
func hashtableMutableP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	f, ok := a[0].(scheme.Freezable)
	return scheme.MakeBool(!ok || !f.Frozen()), nil
}

// symbolHash implements symbol-hash.
func symbolHash(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return srfi69(th, "equal-hash", a[0])
}

var ht = &scheme.Type{Name: "hashtable", Accept: func(v scheme.Value) bool { return v.TypeName() == "hash-table" }}

func hashtableRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("make-eq-hashtable", specHt, "A new hashtable comparing keys with eq?.", lam(opt("k", scheme.TypeIndex, nil)), makeEqHashtable),
		scheme.Row("make-eqv-hashtable", specHt, "A new hashtable comparing keys with eqv?.", lam(opt("k", scheme.TypeIndex, nil)), makeEqvHashtable),
		scheme.Row("make-hashtable", specHt, "A new hashtable with hash-function and equiv.", lam(req("hash-function", scheme.TypeProcedure), req("equiv", scheme.TypeProcedure), opt("k", scheme.TypeIndex, nil)), makeHashtable),
		scheme.Row("hashtable?", specHt, "Is obj a hashtable?", lam(req("obj", nil)), hashtableP),
		scheme.Row("hashtable-size", specHt, "Number of entries.", lam(req("hashtable", ht)), hashtableSize),
		scheme.Row("hashtable-ref", specHt, "The value for key, or default.", lam(req("hashtable", ht), req("key", nil), req("default", nil)), hashtableRef),
		scheme.Row("hashtable-set!", specHt, "Associates key with obj.", lam(req("hashtable", ht), req("key", nil), req("obj", nil)), hashtableSetBang),
		scheme.Row("hashtable-delete!", specHt, "Removes the entry for key.", lam(req("hashtable", ht), req("key", nil)), hashtableDeleteBang),
		scheme.Row("hashtable-contains?", specHt, "Is there an entry for key?", lam(req("hashtable", ht), req("key", nil)), hashtableContainsP),
		scheme.Row("hashtable-update!", specHt, "Sets key's value to (proc value), value defaulting to default.", lam(req("hashtable", ht), req("key", nil), req("proc", scheme.TypeProcedure), req("default", nil)), hashtableUpdateBang),
		scheme.Row("hashtable-copy", specHt, "A copy of the hashtable, mutable only when mutable is true; the mutators signal an assertion violation on an immutable one.", lam(req("hashtable", ht), opt("mutable", nil, scheme.False)), hashtableCopy),
		scheme.Row("hashtable-clear!", specHt, "Removes every entry.", lam(req("hashtable", ht), opt("k", scheme.TypeIndex, nil)), hashtableClearBang),
		scheme.Row("hashtable-keys", specHt, "Vector of the keys.", lam(req("hashtable", ht)), hashtableKeys),
		scheme.Row("hashtable-entries", specHt, "Two values: vectors of the keys and of the values.", lam(req("hashtable", ht)), hashtableEntries),
		scheme.Row("hashtable-equivalence-function", specHt, "The equivalence function.", lam(req("hashtable", ht)), hashtableEquivalenceFunction),
		scheme.Row("hashtable-hash-function", specHt, "The hash function (#f for eq? and eqv? tables).", lam(req("hashtable", ht)), hashtableHashFunction),
		scheme.Row("hashtable-mutable?", specHt, "Is the hashtable mutable? (#f for a copy made without mutable)", lam(req("hashtable", ht)), hashtableMutableP),
		scheme.Row("symbol-hash", specHt, "Hash of a symbol.", lam(req("symbol", scheme.TypeSymbol)), symbolHash),
	}
}
