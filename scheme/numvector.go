// SRFI-4 homogeneous numeric vectors: NumVector and its element kinds, for
// the reader, the printer and equal?; package srfi4 has the procedures.

package scheme

import (
	"math"
	"math/big"
	"sync"
)

// NumKind is the element type of a SRFI-4 vector, named by its tag: s8,
// u16, s16, u32, s32, u64, s64, f32 or f64 (a u8vector is a [Bytevector]).
type NumKind struct {
	Tag    string
	Float  bool
	signed bool // integer kinds: signed, of bits bits
	bits   uint

	once     sync.Once
	min, max *big.Int // integer kinds: the inclusive range (bounds)
}

// NumKinds are the SRFI-4 element kinds other than u8, in SRFI-4's order.
var NumKinds = []*NumKind{
	{Tag: "s8", signed: true, bits: 8}, {Tag: "s16", signed: true, bits: 16}, {Tag: "u16", bits: 16}, {Tag: "s32", signed: true, bits: 32},
	{Tag: "u32", bits: 32}, {Tag: "s64", signed: true, bits: 64}, {Tag: "u64", bits: 64},
	{Tag: "f32", Float: true}, {Tag: "f64", Float: true},
}

// bounds returns the inclusive range of an integer kind, computed when
// first needed (big.Int values would be made at every start).
func (k *NumKind) bounds() (min, max *big.Int) {
	k.once.Do(func() {
		k.min, k.max = new(big.Int), new(big.Int).Lsh(big.NewInt(1), k.bits)
		if k.signed {
			k.max.Rsh(k.max, 1)
			k.min.Neg(k.max)
		}
		k.max.Sub(k.max, big.NewInt(1))
	})
	return k.min, k.max
}

// NumKindOf returns the kind with tag, or nil.
func NumKindOf(tag string) *NumKind {
	for _, k := range NumKinds {
		if k.Tag == tag {
			return k
		}
	}
	return nil
}

// Element returns v as an element of the kind (an f32 rounded to single
// precision); ok is false when v is not a number of the kind's type and
// range (an exact integer for the integer kinds, an inexact real for the
// float kinds).
func (k *NumKind) Element(v Value) (Value, bool) {
	if k.Float {
		f, ok := v.(Flonum)
		if !ok {
			return nil, false
		}
		if k.Tag == "f32" && !math.IsNaN(float64(f)) {
			f = Flonum(float32(f))
		}
		return f, true
	}
	var n *big.Int
	switch x := v.(type) {
	case Fixnum:
		n = big.NewInt(int64(x))
	case *Bignum:
		n = &x.I
	default:
		return nil, false
	}
	min, max := k.bounds()
	return v, n.Cmp(min) >= 0 && n.Cmp(max) <= 0
}

// Describe names the kind's elements for error messages.
func (k *NumKind) Describe() string {
	if k.Float {
		return "inexact real"
	}
	min, max := k.bounds()
	return "exact integer in [" + min.String() + ", " + max.String() + "]"
}

// NumVector is a SRFI-4 homogeneous vector of Kind's numbers; every item
// satisfies [NumKind.Element].
type NumVector struct {
	Kind  *NumKind
	Items []Value
}

// TypeName implements Value.
func (v *NumVector) TypeName() string { return v.Kind.Tag + "vector" }

// readNumVector reads the elements of #tag( … ) after the tag.
func (r *reader) readNumVector(p Pos, k *NumKind) Value {
	if d, ok := r.next(); !ok || d != '(' {
		r.errorf(p, "expected #%s( for a %svector", k.Tag, k.Tag)
	}
	items, _ := ListToSlice(r.list(p, '('))
	for i, it := range items {
		e, ok := k.Element(it)
		if !ok {
			r.errorf(p, "expected an %s in #%s(…), got %s", k.Describe(), k.Tag, WriteString(it))
		}
		items[i] = e
	}
	return &NumVector{Kind: k, Items: items}
}
