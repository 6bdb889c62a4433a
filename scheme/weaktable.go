// WeakRef and WeakTable: Scheme values held weakly, and the eq?/eqv? table holding its keys, its values or both weakly (Sagittarius's weak hashtables, SRFI-126's weak hashtables).

package scheme

import (
	"maps"
	"sync"
	"weak"
)

// WeakRef holds a Scheme value weakly: objects the collector may take
// (pairs, strings, vectors, bytevectors, records, closures) through a
// weak pointer, everything else (numbers, characters, symbols, #t …,
// which a program cannot lose) as it is. The zero WeakRef holds nothing
// (Value returns nil).
type WeakRef struct {
	get    func() Value // nil when the value is held as it is
	strong Value
	key    any // comparable, equal for the same object: the weak pointer or the value (WeakTable's keys)
}

func weakOf[T any](p *T) WeakRef {
	w := weak.Make(p)
	return WeakRef{key: w, get: func() Value {
		if q := w.Value(); q != nil {
			return any(q).(Value)
		}
		return nil
	}}
}

// StrongRef returns a WeakRef holding v as it is: v stays alive.
func StrongRef(v Value) WeakRef { return WeakRef{strong: v, key: v} }

// NewWeakRef returns a WeakRef holding v weakly (see [WeakRef]).
func NewWeakRef(v Value) WeakRef {
	switch x := v.(type) {
	case *Pair:
		return weakOf(x)
	case *String:
		return weakOf(x)
	case *Vector:
		return weakOf(x)
	case *Bytevector:
		return weakOf(x)
	case *Record:
		return weakOf(x)
	case *Closure:
		return weakOf(x)
	}
	return StrongRef(v)
}

// Value returns the object, or nil when it was collected.
func (r WeakRef) Value() Value {
	if r.get != nil {
		return r.get()
	}
	return r.strong
}

// WeakTable is an association table comparing keys with eq? or eqv?
// whose keys, values or both are held weakly: an association goes when
// its weak key or value is collected. Its entries are keyed by identity
// (a weak pointer; for an eqv? table a number other than a fixnum or
// flonum by its written form), so a look-up is a map access; the
// collected entries are dropped on look-up, and all of them once as many
// sets as there are entries have been made since the last sweep. It is
// safe for concurrent use. Sagittarius's make-weak-eq-hashtable and
// SRFI-126's weak hashtables (through the R6RS hashtables) use it.
type WeakTable struct {
	mu                 sync.Mutex
	eqv                bool
	weakKey, weakValue bool
	entries            map[any]weakEntry
	sets               int // since the last shrink
}

type weakEntry struct{ k, v WeakRef }

// eqvNumber is the key of a number other than a fixnum or flonum in an
// eqv? table: its written form.
type eqvNumber string

// NewWeakTable returns an empty table comparing keys with eqv? (eqv) or
// eq?, holding its keys weakly when weakKey and its values when
// weakValue.
func NewWeakTable(eqv, weakKey, weakValue bool) *WeakTable {
	return &WeakTable{eqv: eqv, weakKey: weakKey, weakValue: weakValue, entries: map[any]weakEntry{}}
}

// EQV reports whether the table compares keys with eqv? (else eq?).
func (h *WeakTable) EQV() bool { return h.eqv }

// Weakness reports which of the keys and values the table holds weakly.
func (h *WeakTable) Weakness() (key, value bool) { return h.weakKey, h.weakValue }

func (h *WeakTable) ref(v Value, weak bool) WeakRef {
	if weak {
		return NewWeakRef(v)
	}
	return StrongRef(v)
}

// keyOf returns k's ref and the map key of its entry.
func (h *WeakTable) keyOf(k Value) (WeakRef, any) {
	r := h.ref(k, h.weakKey)
	switch k.(type) {
	case Fixnum, Flonum:
	default:
		if h.eqv && IsNumber(k) {
			return r, eqvNumber(WriteString(k)) // (an inexact one is written with a point or exponent)
		}
	}
	return r, r.key
}

func (e weakEntry) live() bool { return e.k.Value() != nil && e.v.Value() != nil }

// Get returns the value of k; ok is false when there is none. valueLost
// reports that k's association went because its value was collected
// while k is alive (Sagittarius's default applies then).
func (h *WeakTable) Get(k Value) (v Value, ok, valueLost bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	_, key := h.keyOf(k)
	e, ok := h.entries[key]
	if !ok {
		return nil, false, false
	}
	if !e.live() {
		delete(h.entries, key)
		return nil, false, e.k.Value() != nil
	}
	return e.v.Value(), true, false
}

// Set associates k with v.
func (h *WeakTable) Set(k, v Value) {
	h.mu.Lock()
	defer h.mu.Unlock()
	kr, key := h.keyOf(k)
	h.entries[key] = weakEntry{k: kr, v: h.ref(v, h.weakValue)}
	if h.sets++; h.sets > len(h.entries) {
		h.shrink()
	}
}

// Delete removes k's association.
func (h *WeakTable) Delete(k Value) {
	h.mu.Lock()
	defer h.mu.Unlock()
	_, key := h.keyOf(k)
	delete(h.entries, key)
}

// shrink drops the entries whose key or value was collected (h.mu held);
// it returns how many.
func (h *WeakTable) shrink() int {
	n := len(h.entries)
	maps.DeleteFunc(h.entries, func(_ any, e weakEntry) bool { return !e.live() })
	h.sets = 0
	return n - len(h.entries)
}

// Shrink drops the associations whose key or value was collected and
// returns how many.
func (h *WeakTable) Shrink() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.shrink()
}

// Len returns the number of associations whose key and value are alive.
func (h *WeakTable) Len() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.shrink()
	return len(h.entries)
}

// Entries returns the live associations: keys[i] is associated with
// vals[i].
func (h *WeakTable) Entries() (keys, vals []Value) {
	h.mu.Lock()
	defer h.mu.Unlock()
	keys = make([]Value, 0, len(h.entries))
	vals = make([]Value, 0, len(h.entries))
	for _, e := range h.entries {
		if k, v := e.k.Value(), e.v.Value(); k != nil && v != nil {
			keys, vals = append(keys, k), append(vals, v)
		}
	}
	return keys, vals
}

// Clear removes every association.
func (h *WeakTable) Clear() {
	h.mu.Lock()
	defer h.mu.Unlock()
	clear(h.entries)
	h.sets = 0
}

// Copy returns a table of the same kind with the live associations of h,
// held weakly as weakKey and weakValue say (h's own weakness:
// h.Weakness()).
func (h *WeakTable) Copy(weakKey, weakValue bool) *WeakTable {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.shrink()
	if weakKey == h.weakKey && weakValue == h.weakValue {
		return &WeakTable{eqv: h.eqv, weakKey: weakKey, weakValue: weakValue, entries: maps.Clone(h.entries)}
	}
	c := NewWeakTable(h.eqv, weakKey, weakValue)
	for _, e := range h.entries {
		if k, v := e.k.Value(), e.v.Value(); k != nil && v != nil {
			kr, key := c.keyOf(k)
			c.entries[key] = weakEntry{k: kr, v: c.ref(v, weakValue)}
		}
	}
	return c
}

// Weakenable is a hashtable a library can make weak, as SRFI-126's
// weakness argument asks: the R6RS hashtables (SRFI-69's tables)
// implement it, and one comparing keys with eq? or eqv? then keeps its
// associations in a [WeakTable].
type Weakenable interface {
	Value
	// SetWeakness makes the table hold its keys weakly when weakKey
	// and its values when weakValue (neither: strongly), keeping its
	// associations, and remembers name (SRFI-126's weakness symbol, or
	// #f) for Weakness. It reports false, changing nothing, when the
	// table cannot hold its entries weakly (its keys are compared by
	// another equivalence than eq? and eqv?).
	SetWeakness(weakKey, weakValue bool, name Value) bool
	// Weakness returns the name given to SetWeakness, #f for a table
	// holding its entries strongly.
	Weakness() Value
}
