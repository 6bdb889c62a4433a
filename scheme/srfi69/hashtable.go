// Hash tables (SRFI-69): HashTable with builtin or Scheme equality and hash functions.

// Package srfi69 is the SRFI-69 (srfi 69) library: hash tables with the
// builtin or Scheme equality and hash procedures, one mutex per table.
package srfi69

import (
	"hash/maphash"
	"math"
	"sync"
	"sync/atomic"

	"github.com/tlsport/tlsport/scheme"
)

// HashTable is a SRFI-69 hash table. Each table has its own mutex, so it
// may be shared by Scheme threads; procedures given by the user (custom
// equality or hash, walk and update procedures) run without the lock held.
type HashTable struct {
	mu      sync.Mutex
	kind    int          // htEq, htEqv, htEqual, htString, htStringCI, htNum or htCustom
	eqProc  scheme.Value // the equivalence procedure as given (for hash-table-equivalence-function)
	hashFn  scheme.Value // the hash procedure as given, or nil
	seed    maphash.Seed
	buckets map[uint64][]htEntry
	size    int
	frozen  atomic.Bool // immutable (R6RS hashtable-copy without mutable)
	// weak holds the associations instead of buckets when the table is
	// weak (SRFI-126's weakness, see SetWeakness): an eq? or eqv? table
	// only; weakness is the name it was given (#f: nil). Loaded without
	// the lock, so that a table that is not weak pays one load per
	// operation for it; stored under the lock.
	weak     atomic.Pointer[scheme.WeakTable]
	weakness scheme.Value
}

type htEntry struct{ k, v scheme.Value }

// The table kinds.
const (
	htEq = iota
	htEqv
	htEqual
	htString
	htStringCI
	htNum // =: numbers equal by value hash alike (1 and 1.0)
	htCustom
)

// TypeName implements Value.
func (*HashTable) TypeName() string { return "hash-table" }

// Repr implements Repr.
func (*HashTable) Repr() string { return "#<hash-table>" }

func newHashTable(kind int) *HashTable {
	return &HashTable{kind: kind, seed: maphash.MakeSeed(), buckets: map[uint64][]htEntry{}}
}

// Freeze implements scheme.Freezable: the table's mutators fail from now on.
func (h *HashTable) Freeze() { h.frozen.Store(true) }

// Frozen implements scheme.Freezable.
func (h *HashTable) Frozen() bool { return h.frozen.Load() }

var _ scheme.Weakenable = (*HashTable)(nil)

// SetWeakness implements scheme.Weakenable: an eq? or eqv? table moves
// its associations into a [scheme.WeakTable] (or back into its buckets
// when neither keys nor values are weak); another kind reports false.
func (h *HashTable) SetWeakness(weakKey, weakValue bool, name scheme.Value) bool {
	if h.kind != htEq && h.kind != htEqv {
		return false
	}
	keys, vals := h.Entries()
	h.mu.Lock()
	defer h.mu.Unlock()
	h.buckets, h.size, h.weakness = map[uint64][]htEntry{}, 0, nil
	h.weak.Store(nil)
	if weakKey || weakValue {
		w := scheme.NewWeakTable(h.kind == htEqv, weakKey, weakValue)
		for i, k := range keys {
			w.Set(k, vals[i])
		}
		h.weak.Store(w)
		h.weakness = name
		return true
	}
	for i, k := range keys {
		hv := h.hashValue(k)
		h.buckets[hv] = append(h.buckets[hv], htEntry{k, vals[i]})
	}
	h.size = len(keys)
	return true
}

// Weakness implements scheme.Weakenable.
func (h *HashTable) Weakness() scheme.Value {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.weak.Load() == nil {
		return scheme.False
	}
	return h.weakness
}

// weakTable returns the table's WeakTable, nil when it holds its
// associations strongly.
func (h *HashTable) weakTable() *scheme.WeakTable { return h.weak.Load() }

// hashValue hashes v consistently with the table's equality (depth-bounded
// for structures).
func (h *HashTable) hashValue(v scheme.Value) uint64 {
	var mh maphash.Hash
	mh.SetSeed(h.seed)
	hashInto(&mh, v, h.kind, 4)
	return mh.Sum64()
}

func hashInto(mh *maphash.Hash, v scheme.Value, kind int, depth int) {
	var buf [8]byte
	put := func(tag byte, x uint64) {
		buf[0], buf[1], buf[2], buf[3] = byte(x), byte(x>>8), byte(x>>16), byte(x>>24)
		buf[4], buf[5], buf[6], buf[7] = byte(x>>32), byte(x>>40), byte(x>>48), byte(x>>56)
		mh.WriteByte(tag)
		mh.Write(buf[:])
	}
	switch v.(type) {
	case *scheme.Pair, *scheme.Vector, *scheme.Bytevector, *scheme.Blob, *scheme.NumVector, *scheme.Record:
		if kind != htEqual { // only equal? looks inside them
			maphash.WriteComparable(mh, v)
			return
		}
	}
	if kind == htNum && scheme.IsNumber(v) {
		// = holds only between numbers whose real parts round to the same
		// float64 (0.0 and -0.0 alike): hash that.
		re := v
		if c, ok := v.(*scheme.Compnum); ok {
			re = c.Re
		}
		f := scheme.ToFloat(re)
		if f == 0 {
			f = 0
		}
		put('n', math.Float64bits(f))
		return
	}
	switch x := v.(type) {
	case scheme.Fixnum:
		put('i', uint64(x))
	case scheme.Flonum:
		put('f', math.Float64bits(float64(x)))
	case *scheme.Bignum:
		mh.WriteByte('b')
		mh.Write(x.I.Bytes())
	case *scheme.Ratnum:
		mh.WriteByte('r')
		mh.Write(x.R.Num().Bytes())
		mh.Write(x.R.Denom().Bytes())
	case *scheme.Compnum:
		mh.WriteByte('z')
		hashInto(mh, x.Re, kind, depth)
		hashInto(mh, x.Im, kind, depth)
	case scheme.Char:
		put('c', uint64(x))
	case *scheme.Symbol:
		mh.WriteByte('s')
		mh.WriteString(x.Name)
	case *scheme.Keyword:
		mh.WriteByte('k')
		mh.WriteString(x.Name)
	case *scheme.String:
		if kind == htEqual || kind == htString {
			mh.WriteByte('"')
			var buf [64]byte
			mh.Write(x.AppendUTF8(buf[:0], 0, x.Len()))
			return
		}
		if kind == htStringCI {
			mh.WriteByte('"')
			mh.WriteString(scheme.FoldString(x.String()))
			return
		}
		maphash.WriteComparable(mh, v)
	case *scheme.Pair:
		mh.WriteByte('(')
		for n := 0; n < 4 && depth > 0; n++ {
			hashInto(mh, x.Car, kind, depth-1)
			next, ok := x.Cdr.(*scheme.Pair)
			if !ok {
				hashInto(mh, x.Cdr, kind, depth-1)
				return
			}
			x = next
		}
	case *scheme.Vector:
		put('v', uint64(len(x.Items)))
		for i := 0; i < len(x.Items) && i < 4 && depth > 0; i++ {
			hashInto(mh, x.Items[i], kind, depth-1)
		}
	case *scheme.Bytevector:
		mh.WriteByte('u')
		mh.Write(x.B)
	case *scheme.Blob:
		mh.WriteByte('b')
		mh.Write(x.B)
	case *scheme.NumVector: // equal? compares their elements
		put('n', uint64(x.Len()))
		for i := 0; i < x.Len() && i < 4; i++ {
			put('e', x.Bits(i))
		}
	case *scheme.Record: // equal? compares their types and fields (as CHICKEN)
		mh.WriteByte('R')
		maphash.WriteComparable(mh, x.Type)
		for i := 0; i < len(x.Fields) && i < 4 && depth > 0; i++ {
			hashInto(mh, x.Fields[i], kind, depth-1)
		}
	default:
		maphash.WriteComparable(mh, v)
	}
}

// same reports whether two keys are equal under a builtin equality.
func (h *HashTable) same(a, b scheme.Value) bool {
	switch h.kind {
	case htEq:
		return a == b
	case htEqv:
		return scheme.Eqv(a, b)
	case htNum:
		if scheme.IsNumber(a) && scheme.IsNumber(b) {
			return scheme.NumEqual(a, b)
		}
		return scheme.Eqv(a, b)
	case htString:
		x, ok1 := a.(*scheme.String)
		y, ok2 := b.(*scheme.String)
		if ok1 && ok2 {
			return x.Len() == y.Len() && scheme.CompareStrings(x, y, false) == 0
		}
		return scheme.Equal(a, b)
	case htStringCI:
		x, ok1 := a.(*scheme.String)
		y, ok2 := b.(*scheme.String)
		if ok1 && ok2 {
			return scheme.CompareStrings(x, y, true) == 0
		}
		return scheme.Equal(a, b)
	}
	return scheme.Equal(a, b)
}

// keyHash computes the hash of k (calling the Scheme hash procedure for
// custom tables).
func (h *HashTable) keyHash(th *scheme.Thread, k scheme.Value) (uint64, error) {
	if h.kind != htCustom {
		return h.hashValue(k), nil
	}
	if h.hashFn == nil {
		return 0, nil // no hash function: one bucket, linear search
	}
	r, err := th.Call(h.hashFn, k)
	if err != nil {
		return 0, err
	}
	var mh maphash.Hash
	mh.SetSeed(h.seed)
	hashInto(&mh, r, htEqual, 2)
	return mh.Sum64(), nil
}

// find returns the bucket of k and the index of its entry (-1 if absent).
// For builtin kinds the caller holds h.mu; custom kinds call Scheme.
func (h *HashTable) find(th *scheme.Thread, k scheme.Value) (uint64, int, error) {
	hv, err := h.keyHash(th, k)
	if err != nil {
		return 0, -1, err
	}
	if h.kind != htCustom {
		for i, e := range h.buckets[hv] {
			if h.same(e.k, k) {
				return hv, i, nil
			}
		}
		return hv, -1, nil
	}
	h.mu.Lock()
	bucket := append([]htEntry(nil), h.buckets[hv]...)
	h.mu.Unlock()
	for i, e := range bucket {
		r, err := th.Call(h.eqProc, e.k, k)
		if err != nil {
			return hv, -1, err
		}
		if scheme.Truthy(r) {
			return hv, i, nil
		}
	}
	return hv, -1, nil
}

// Get returns the value stored under k.
func (h *HashTable) Get(th *scheme.Thread, k scheme.Value) (scheme.Value, bool, error) {
	if w := h.weakTable(); w != nil {
		v, ok, _ := w.Get(k)
		return v, ok, nil
	}
	if h.kind != htCustom {
		h.mu.Lock()
		defer h.mu.Unlock()
	}
	hv, i, err := h.find(th, k)
	if err != nil || i < 0 {
		return nil, false, err
	}
	if h.kind == htCustom {
		h.mu.Lock()
		defer h.mu.Unlock()
		if i >= len(h.buckets[hv]) {
			return nil, false, nil
		}
	}
	return h.buckets[hv][i].v, true, nil
}

// Set stores v under k.
func (h *HashTable) Set(th *scheme.Thread, k, v scheme.Value) error {
	if h.Frozen() {
		return scheme.ImmutableError("", h)
	}
	if w := h.weakTable(); w != nil {
		w.Set(k, v)
		return nil
	}
	if h.kind != htCustom {
		h.mu.Lock()
		defer h.mu.Unlock()
	}
	hv, i, err := h.find(th, k)
	if err != nil {
		return err
	}
	if h.kind == htCustom {
		h.mu.Lock()
		defer h.mu.Unlock()
	}
	if i >= 0 && i < len(h.buckets[hv]) {
		h.buckets[hv][i].v = v
		return nil
	}
	h.buckets[hv] = append(h.buckets[hv], htEntry{k, v})
	h.size++
	return nil
}

// Delete removes k.
func (h *HashTable) Delete(th *scheme.Thread, k scheme.Value) error {
	if h.Frozen() {
		return scheme.ImmutableError("", h)
	}
	if w := h.weakTable(); w != nil {
		w.Delete(k)
		return nil
	}
	if h.kind != htCustom {
		h.mu.Lock()
		defer h.mu.Unlock()
	}
	hv, i, err := h.find(th, k)
	if err != nil || i < 0 {
		return err
	}
	if h.kind == htCustom {
		h.mu.Lock()
		defer h.mu.Unlock()
	}
	b := h.buckets[hv]
	if i >= len(b) {
		return nil
	}
	b[i] = b[len(b)-1]
	b[len(b)-1] = htEntry{}
	if len(b) == 1 {
		delete(h.buckets, hv)
	} else {
		h.buckets[hv] = b[:len(b)-1]
	}
	h.size--
	return nil
}

// Len returns the number of associations (of a weak table, those whose
// key and value are alive).
func (h *HashTable) Len() int {
	if w := h.weakTable(); w != nil {
		return w.Len()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.size
}

// Entries returns a snapshot of the associations (of a weak table, those
// whose key and value are alive).
func (h *HashTable) Entries() (keys, vals []scheme.Value) {
	if w := h.weakTable(); w != nil {
		return w.Entries()
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	keys = make([]scheme.Value, 0, h.size)
	vals = make([]scheme.Value, 0, h.size)
	for _, b := range h.buckets {
		for _, e := range b {
			keys = append(keys, e.k)
			vals = append(vals, e.v)
		}
	}
	return keys, vals
}

func (h *HashTable) clear() error {
	if h.Frozen() {
		return scheme.ImmutableError("", h)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.buckets = map[uint64][]htEntry{}
	h.size = 0
	if w := h.weak.Load(); w != nil {
		w.Clear()
	}
	return nil
}

func (h *HashTable) copyTable() *HashTable {
	h.mu.Lock()
	defer h.mu.Unlock()
	c := &HashTable{kind: h.kind, eqProc: h.eqProc, hashFn: h.hashFn, seed: h.seed, buckets: make(map[uint64][]htEntry, len(h.buckets)), size: h.size}
	if w := h.weak.Load(); w != nil {
		c.weak.Store(w.Copy(w.Weakness()))
		c.weakness = h.weakness
	}
	for k, b := range h.buckets {
		c.buckets[k] = append([]htEntry(nil), b...)
	}
	return c
}
