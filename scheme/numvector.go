// SRFI-4 homogeneous numeric vectors: NumVector and its element kinds, for
// the reader, the printer and equal?; package srfi4 has the procedures.

package scheme

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unsafe"
)

// NumKind is the element type of a SRFI-4 vector, named by its tag: s8,
// u16, s16, u32, s32, u64, s64, f32 or f64 (a u8vector is a [Bytevector]).
type NumKind struct {
	Tag   string
	Float bool
	shift uint // an element is 1<<shift bytes
	// integer kinds: the inclusive range, min ≤ 0 ≤ max (max unsigned, as
	// u64's does not fit an int64); signed when min < 0
	min int64
	max uint64
}

// U8 is the kind of a u8vector's elements, for the checks and errors of
// the u8vector procedures: a u8vector is a [Bytevector], so no NumVector
// has this kind and [NumKindOf] does not return it.
var U8 = &NumKind{Tag: "u8", max: math.MaxUint8}

// NumKinds are the SRFI-4 element kinds other than u8, in SRFI-4's order.
var NumKinds = []*NumKind{
	{Tag: "s8", min: math.MinInt8, max: math.MaxInt8},
	{Tag: "s16", shift: 1, min: math.MinInt16, max: math.MaxInt16},
	{Tag: "u16", shift: 1, max: math.MaxUint16},
	{Tag: "s32", shift: 2, min: math.MinInt32, max: math.MaxInt32},
	{Tag: "u32", shift: 2, max: math.MaxUint32},
	{Tag: "s64", shift: 3, min: math.MinInt64, max: math.MaxInt64},
	{Tag: "u64", shift: 3, max: math.MaxUint64},
	{Tag: "f32", Float: true, shift: 2},
	{Tag: "f64", Float: true, shift: 3},
}

// NumKindOf returns the kind with tag, or nil. Package srfi4 looks its
// kind up twice a call: a switch on constant strings compiles to a few
// comparisons (2.5 ns against 13–26 ns for a loop over NumKinds, 14 % of
// a Scheme loop of s16vector-set! and -ref).
func NumKindOf(tag string) *NumKind {
	var i int
	switch tag {
	case "s8":
		i = 0
	case "s16":
		i = 1
	case "u16":
		i = 2
	case "s32":
		i = 3
	case "u32":
		i = 4
	case "s64":
		i = 5
	case "u64":
		i = 6
	case "f32":
		i = 7
	case "f64":
		i = 8
	default:
		return nil
	}
	return NumKinds[i]
}

// Size returns the size of an element of the kind in bytes.
func (k *NumKind) Size() int { return 1 << k.shift }

// Describe names the kind's elements for error messages.
func (k *NumKind) Describe() string {
	if k.Float {
		return "flonum or exact integer"
	}
	return "exact integer in [" + strconv.FormatInt(k.min, 10) + ", " + strconv.FormatUint(k.max, 10) + "]"
}

// bits returns x as an element of the kind, to store with [NumVector.put]
// (an integer's two's complement, an f32 rounded to single precision, a
// float's IEEE bits); ok is false when x is not a number of the kind's type
// and range (an exact integer for the integer kinds; for the float kinds a
// flonum, or an exact integer made inexact as CHICKEN does: to the nearest
// float64, then for f32 to the nearest float32 of that; CHICKEN refuses
// ratnums).
func (k *NumKind) bits(x Value) (u uint64, ok bool) {
	if k.Float {
		f, ok := x.(Flonum)
		if !ok {
			return k.exactBits(x)
		}
		if k.shift == 2 {
			return uint64(math.Float32bits(float32(f))), true
		}
		return math.Float64bits(float64(f)), true
	}
	var n int64
	switch x := x.(type) {
	case Fixnum:
		n = int64(x)
	case *Bignum:
		if !x.I.IsInt64() { // beyond int64: only u64's upper half
			return x.I.Uint64(), x.I.IsUint64() && x.I.Uint64() <= k.max
		}
		n = x.I.Int64()
	default:
		return 0, false
	}
	return uint64(n), n >= k.min && (n < 0 || uint64(n) <= k.max)
}

// exactBits is bits of x, not a flonum, for a float kind: an exact integer
// made inexact.
func (k *NumKind) exactBits(x Value) (uint64, bool) {
	switch x := x.(type) {
	case Fixnum:
		return k.bits(Flonum(float64(x)))
	case *Bignum:
		return k.bits(Flonum(ToFloat(x)))
	}
	return 0, false
}

// ProcName returns the name of the procedure op of the kind's vectors: op with
// "%" replaced by the vector type's name ("sub%" is subs16vector for s16).
// The checks below take op instead of the name, which they make only for
// an error: a name made for each call would allocate.
func (k *NumKind) ProcName(op string) string { return strings.Replace(op, "%", k.Tag+"vector", 1) }

// The errors of the SRFI-4 procedures (package srfi4's and the core's
// u8vector procedures) name the procedure called and its argument pos,
// with CHICKEN's condition kinds: (exn type) for a value of the wrong type,
// (exn bounds) for an exact integer out of range.

// VectorError is the error of op of the kind's vectors given v, not a
// vector of the kind, as argument pos.
func (k *NumKind) VectorError(op string, pos int, v Value) error {
	return TypeError(k.ProcName(op), pos, k.Tag+"vector", v)
}

// ElementError is the error of op refusing x, argument pos, as an element
// of the kind: (exn bounds) for an exact integer out of the kind's range,
// else (exn type).
func (k *NumKind) ElementError(op string, pos int, x Value) error {
	return k.elementError(op, pos, k.Describe(), x)
}

// ListElementError is [NumKind.ElementError] for x, an element of the list
// that is argument pos.
func (k *NumKind) ListElementError(op string, pos int, x Value) error {
	return k.elementError(op, pos, "list of "+k.Describe(), x)
}

func (k *NumKind) elementError(op string, pos int, expected string, x Value) error {
	switch x.(type) {
	case Fixnum, *Bignum:
		if !k.Float {
			return RangeError(k.ProcName(op), pos, "expected "+expected, x)
		}
	}
	return TypeError(k.ProcName(op), pos, expected, x)
}

// Index returns v, argument pos of op, as an index of a vector of the
// kind of n elements: (exn type) unless it is a fixnum, (exn bounds)
// unless 0 ≤ v < n.
func (k *NumKind) Index(op string, pos int, v Value, n int) (int, error) {
	if i, ok := v.(Fixnum); ok && uint64(i) < uint64(n) {
		return int(i), nil
	}
	return 0, k.indexError(op, pos, v, "index beyond", n)
}

// indexError is the error of op given v, argument pos, not a fixnum
// within a vector of n elements; beyond says what a fixnum above n is.
func (k *NumKind) indexError(op string, pos int, v Value, beyond string, n int) error {
	i, ok := v.(Fixnum)
	switch {
	case !ok:
		return TypeError(k.ProcName(op), pos, "exact non-negative integer", v)
	case i < 0:
		return RangeError(k.ProcName(op), pos, "negative index", v)
	}
	return RangeError(k.ProcName(op), pos, beyond+" "+k.Tag+"vector length "+strconv.Itoa(n), v)
}

// Span returns from and to, arguments pos and pos+1 of op, as the
// elements [from, to) of a vector of the kind of n elements.
func (k *NumKind) Span(op string, pos int, from, to Value, n int) (int, int, error) {
	i, ok1 := from.(Fixnum)
	j, ok2 := to.(Fixnum)
	switch {
	case !ok1 || uint64(i) > uint64(n):
		return 0, 0, k.indexError(op, pos, from, "start beyond", n)
	case !ok2 || uint64(j) > uint64(n):
		return 0, 0, k.indexError(op, pos+1, to, "end beyond", n)
	case i > j:
		return 0, 0, RangeError(k.ProcName(op), pos, "start after end "+strconv.Itoa(int(j)), from)
	}
	return int(i), int(j), nil
}

// Length returns v, argument pos of op (make-%), as the number of elements
// of a new vector of the kind: (exn type) unless it is a fixnum; a negative
// one is, as CHICKEN's, an (exn) error of no other kind.
func (k *NumKind) Length(op string, pos int, v Value) (int, error) {
	if n, ok := v.(Fixnum); ok && n < 0 {
		return 0, NewError(k.ProcName(op), "size is negative", []Value{v})
	}
	n, err := ArgSize(pos, v, k.Size())
	if pe, ok := err.(*primError); ok {
		pe.who = k.ProcName(op)
	}
	return n, err
}

// NumVector is a SRFI-4 homogeneous vector of Kind's numbers, packed in B
// as CHICKEN packs them: Kind.Size() bytes each (B's length is a multiple
// of it), here little-endian whatever the machine's order (the blob
// conversions' documented layout). B may be a blob's bytes too (the
// /shared conversions): a store through either is seen in both.
type NumVector struct {
	Kind *NumKind
	B    []byte
}

// NewNumVector returns a vector of n elements of kind k, all zero.
func NewNumVector(k *NumKind, n int) *NumVector {
	return &NumVector{Kind: k, B: make([]byte, n<<k.shift)}
}

// TypeName implements Value.
func (v *NumVector) TypeName() string { return v.Kind.Tag + "vector" }

// Len returns the number of elements of v.
func (v *NumVector) Len() int { return len(v.B) >> v.Kind.shift }

// Set stores x as element i, which must be below [NumVector.Len]; it
// returns false, storing nothing, when x is not a number of the kind's type
// and range.
func (v *NumVector) Set(i int, x Value) bool {
	u, ok := v.Kind.bits(x)
	if ok {
		v.put(i, u)
	}
	return ok
}

// Fill stores x as every element, or returns false, storing nothing, as
// [NumVector.Set] does.
func (v *NumVector) Fill(x Value) bool {
	u, ok := v.Kind.bits(x)
	if ok && len(v.B) > 0 {
		v.put(0, u)
		for n := v.Kind.Size(); n < len(v.B); n *= 2 {
			copy(v.B[n:], v.B[:n])
		}
	}
	return ok
}

// put stores the bits of an element (truncated to the kind's size) as
// element i.
func (v *NumVector) put(i int, u uint64) {
	switch v.Kind.shift {
	case 0:
		v.B[i] = byte(u)
	case 1:
		binary.LittleEndian.PutUint16(v.B[i<<1:], uint16(u))
	case 2:
		binary.LittleEndian.PutUint32(v.B[i<<2:], uint32(u))
	default:
		binary.LittleEndian.PutUint64(v.B[i<<3:], u)
	}
}

// Bits returns element i (below [NumVector.Len]) as 64 bits: an integer
// sign- or zero-extended, a float as the bits of its float64 (an f32
// widened). Two elements of one kind are eqv? when their Bits are equal.
func (v *NumVector) Bits(i int) uint64 {
	k := v.Kind
	var u uint64
	switch k.shift {
	case 0:
		u = uint64(v.B[i])
	case 1:
		u = uint64(binary.LittleEndian.Uint16(v.B[i<<1:]))
	case 2:
		u = uint64(binary.LittleEndian.Uint32(v.B[i<<2:]))
	default:
		return binary.LittleEndian.Uint64(v.B[i<<3:])
	}
	switch {
	case k.Float:
		return math.Float64bits(float64(math.Float32frombits(uint32(u))))
	case k.min < 0:
		s := 64 - 8<<k.shift
		return uint64(int64(u<<s) >> s)
	}
	return u
}

// Ref returns element i (below [NumVector.Len]): a Flonum, a Fixnum, or a
// Bignum for a u64 beyond the int64 range. th, when not nil, boxes the
// number in its slab of fixnums as its open-coded arithmetic does (one
// allocation per 32 numbers instead of one each).
func (v *NumVector) Ref(th *Thread, i int) Value {
	k, u := v.Kind, v.Bits(i)
	if !k.Float && k.min == 0 && u > math.MaxInt64 {
		return NormBig(new(big.Int).SetUint64(u))
	}
	if th == nil {
		if k.Float {
			return Flonum(math.Float64frombits(u))
		}
		return Fixnum(u)
	}
	x := th.boxFix(Fixnum(u))
	if k.Float {
		// a boxed Fixnum and a boxed Flonum differ only in their type
		// word: the fixnum's 64 bits, boxed, are the flonum's
		(*[2]unsafe.Pointer)(unsafe.Pointer(&x))[0] = (*[2]unsafe.Pointer)(unsafe.Pointer(&flonumProbe))[0]
	}
	return x
}

// flonumProbe is a boxed Flonum whose type word Ref copies.
var flonumProbe Value = Flonum(0.5)

// readNumVector reads the elements of #tag( … ) after the tag.
func (r *reader) readNumVector(p Pos, k *NumKind) Value {
	items := r.numVectorItems(p, k.Tag)
	v := NewNumVector(k, len(items))
	for i, it := range items {
		if !v.Set(i, it) {
			r.errorf(p, "expected %s in #%s(…), got %s", k.Describe(), k.Tag, WriteString(it))
		}
	}
	return v
}

// numVectorItems reads the elements of #tag( … ) (a u8vector's too) after
// the tag: as CHICKEN's reader, the datum after the tag, which must be a
// proper list ("#s16 (1 2)" and "#s16[1 2]" are read too).
func (r *reader) numVectorItems(p Pos, tag string) []Value {
	d, ok := r.datum()
	if ok && d != closeTok && d != dotTok {
		if items, ok := ListToSlice(d); ok {
			return items
		}
	}
	r.errorf(p, "expected a proper list after #%s", tag)
	return nil
}
