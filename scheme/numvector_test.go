package scheme

import (
	"context"
	"math"
	"math/big"
	"slices"
	"testing"
)

// TestNumVectorElements stores, in a vector of each kind, the bounds of its
// range and the numbers just beyond them, a bignum, an inexact into an
// integer kind, exact integers and a ratnum into a float kind, and floats
// that f32 rounds: each is refused (the vector unchanged) or read back as
// the number expected.
func TestNumVectorElements(t *testing.T) {
	for _, k := range NumKinds {
		if NumKindOf(k.Tag) != k {
			t.Errorf("NumKindOf(%q) = %v", k.Tag, NumKindOf(k.Tag))
		}
	}
	for _, tag := range []string{"u8", "s7", "", "f", "S16", "s16 "} {
		if NumKindOf(tag) != nil {
			t.Errorf("NumKindOf(%q) = %v", tag, NumKindOf(tag))
		}
	}
	big2 := func(e uint) *big.Int { return new(big.Int).Lsh(big.NewInt(1), e) }
	add := func(x *big.Int, d int64) Value { return NormBig(new(big.Int).Add(x, big.NewInt(d))) }
	flo := func(f float64) Value { return Flonum(f) }
	huge := NormBig(big2(100))
	for _, c := range []struct {
		tag    string
		signed bool
		bits   uint
	}{{"s8", true, 8}, {"s16", true, 16}, {"u16", false, 16}, {"s32", true, 32}, {"u32", false, 32}, {"s64", true, 64}, {"u64", false, 64}} {
		min, max := new(big.Int), big2(c.bits)
		if c.signed {
			max.Rsh(max, 1)
			min.Neg(max)
		}
		max.Sub(max, big.NewInt(1))
		k := NumKindOf(c.tag)
		if want := "exact integer in [" + min.String() + ", " + max.String() + "]"; k.Describe() != want {
			t.Errorf("%s: Describe() = %q, want %q", c.tag, k.Describe(), want)
		}
		if k.Size()*8 != int(c.bits) {
			t.Errorf("%s: Size() = %d", c.tag, k.Size())
		}
		checkElements(t, k, []Value{add(min, 0), add(max, 0), Fixnum(0), Fixnum(1), add(max, -1), add(min, 1)},
			[]Value{add(min, -1), add(max, 1), huge, NormBig(new(big.Int).Neg(big2(100))), flo(1), flo(0), NewString("1")})
	}
	for _, tag := range []string{"f32", "f64"} {
		k := NumKindOf(tag)
		if k.Describe() != "flonum or exact integer" {
			t.Errorf("%s: Describe() = %q", tag, k.Describe())
		}
		checkElements(t, k, []Value{flo(0), flo(math.Copysign(0, -1)), flo(1.5), flo(-2.25), flo(math.Inf(1)), flo(math.Inf(-1)), flo(math.MaxFloat32), flo(math.SmallestNonzeroFloat32)},
			[]Value{&Ratnum{R: *big.NewRat(1, 2)}, NewString("1.5"), True})
	}
	// exact integers go into the float kinds made inexact, as CHICKEN's:
	// to the nearest float64 (ties to even), for f32 then to the nearest
	// float32 of that
	for _, c := range []struct {
		tag string
		in  Value
		out float64
	}{
		{"f64", Fixnum(0), 0}, {"f64", Fixnum(-3), -3}, {"f64", Fixnum(1<<53 + 1), 1 << 53}, {"f32", Fixnum(16777217), 16777216},
		{"f64", add(big2(64), 2049), 1<<64 + 4096}, {"f64", add(big2(64), 2048), 1 << 64}, {"f64", add(big2(64), 6144), 1<<64 + 8192},
		{"f32", add(new(big.Int).Add(big2(64), big2(39)), 1), 1 << 64}, // 2^64+2^39 as a float64, a tie for float32
		{"f64", NormBig(new(big.Int).Exp(big.NewInt(10), big.NewInt(400), nil)), math.Inf(1)}, {"f32", huge, 0x1p100}, {"f32", NormBig(big2(200)), math.Inf(1)},
		{"f32", NormBig(new(big.Int).Neg(big2(200))), math.Inf(-1)},
	} {
		v := NewNumVector(NumKindOf(c.tag), 1)
		if !v.Set(0, c.in) || v.Ref(nil, 0) != Value(Flonum(c.out)) {
			t.Errorf("%s: %s stored reads %v, want %v", c.tag, WriteString(c.in), WriteString(v.Ref(nil, 0)), c.out)
		}
	}
	// f32 rounds to single precision (and overflows to infinity); f64
	// keeps every bit; NaN stays NaN
	for _, c := range []struct {
		tag     string
		in, out float64
	}{
		{"f32", 0.1, float64(float32(0.1))}, {"f32", 1e40, math.Inf(1)}, {"f32", -1e40, math.Inf(-1)}, {"f32", 1e-50, 0},
		{"f32", 16777217, 16777216}, {"f64", 0.1, 0.1}, {"f64", math.MaxFloat64, math.MaxFloat64}, {"f64", 5e-324, 5e-324},
	} {
		v := NewNumVector(NumKindOf(c.tag), 1)
		if !v.Set(0, Flonum(c.in)) || v.Ref(nil, 0) != Value(Flonum(c.out)) {
			t.Errorf("%s: %v stored reads %v, want %v", c.tag, c.in, v.Ref(nil, 0), c.out)
		}
	}
	// boxed by a thread (in its slab of fixnums, a flonum retyped), each of
	// many elements keeps its value
	th := New().newThread(context.Background())
	for _, k := range NumKinds {
		v, refs := NewNumVector(k, 100), make([]Value, 100)
		for i := range refs {
			x := Value(Fixnum(i*7919 - 300000))
			if k.Float {
				x = Flonum(float64(i)*0.25 - 3)
			}
			if !v.Set(i, x) {
				v.Set(i, Fixnum(i))
			}
			refs[i] = v.Ref(th, i)
		}
		for i, x := range refs {
			if !Eqv(x, v.Ref(nil, i)) {
				t.Errorf("%s: element %d boxed by a thread reads %s, want %s", k.Tag, i, WriteString(x), WriteString(v.Ref(nil, i)))
			}
		}
	}
	for _, tag := range []string{"f32", "f64"} {
		v := NewNumVector(NumKindOf(tag), 1)
		if !v.Set(0, Flonum(math.NaN())) || !math.IsNaN(float64(v.Ref(nil, 0).(Flonum))) {
			t.Errorf("%s: NaN stored reads %v", tag, v.Ref(nil, 0))
		}
	}
}

// checkElements stores each of good, which must read back eqv?, and each
// of bad, which Set and Fill must refuse leaving the
// vector as it was.
func checkElements(t *testing.T, k *NumKind, good, bad []Value) {
	t.Helper()
	th := New().newThread(context.Background())
	v := NewNumVector(k, 3)
	if len(v.B) != 3*k.Size() || v.Len() != 3 {
		t.Fatalf("%s: 3 elements take %d bytes, Len() %d", k.Tag, len(v.B), v.Len())
	}
	for _, x := range good {
		if !v.Set(1, x) {
			t.Errorf("%s: Set refuses %s", k.Tag, WriteString(x))
			continue
		}
		if got := v.Ref(nil, 1); !Eqv(got, x) {
			t.Errorf("%s: %s stored reads %s", k.Tag, WriteString(x), WriteString(got))
		}
		if got := v.Ref(th, 1); !Eqv(got, x) || got.TypeName() != x.TypeName() {
			t.Errorf("%s: %s stored reads %s (%s) boxed by a thread", k.Tag, WriteString(x), WriteString(got), got.TypeName())
		}
		if !v.Fill(x) || !Eqv(v.Ref(nil, 0), x) || !Eqv(v.Ref(nil, 2), x) {
			t.Errorf("%s: Fill(%s) reads %s", k.Tag, WriteString(x), WriteString(v))
		}
		if !Equal(v, v) || Equal(v, NewNumVector(k, 3)) != (v.Bits(0) == 0 && v.Bits(2) == 0) {
			t.Errorf("%s: equal? of %s", k.Tag, WriteString(v))
		}
	}
	before := WriteString(v)
	for _, x := range bad {
		if v.Set(0, x) || v.Fill(x) {
			t.Errorf("%s: %s accepted", k.Tag, WriteString(x))
		}
	}
	if after := WriteString(v); after != before {
		t.Errorf("%s: refused values changed %s to %s", k.Tag, before, after)
	}
}

// TestNumKindErrors checks the errors of the SRFI-4 procedures' checks:
// the procedure named from op, the message (the argument's position and
// what was wrong), the irritant and CHICKEN's condition kinds.
func TestNumKindErrors(t *testing.T) {
	s16, f32 := NumKindOf("s16"), NumKindOf("f32")
	huge := NormBig(new(big.Int).Lsh(big.NewInt(1), 100))
	index := func(k *NumKind, op string, v Value, n int) error { _, err := k.Index(op, 2, v, n); return err }
	span := func(from, to Value) error { _, _, err := s16.Span("sub%", 2, from, to, 3); return err }
	length := func(k *NumKind, v Value) error { _, err := k.Length("make-%", 1, v); return err }
	for _, c := range []struct {
		name     string
		err      error
		who, msg string
		irritant Value
		kinds    []string
	}{
		{"value above the range", s16.ElementError("%-set!", 3, Fixnum(40000)), "s16vector-set!", "out of range in argument 3 (expected exact integer in [-32768, 32767])", Fixnum(40000), []string{"bounds"}},
		{"bignum beyond the range", s16.ElementError("%-set!", 3, huge), "s16vector-set!", "out of range in argument 3 (expected exact integer in [-32768, 32767])", huge, []string{"bounds"}},
		{"flonum into an integer kind", s16.ElementError("%", 2, Flonum(1)), "s16vector", "bad argument type in argument 2 (expected exact integer in [-32768, 32767])", Flonum(1), []string{"type"}},
		{"negative into u8", U8.ElementError("make-%", 2, Fixnum(-1)), "make-u8vector", "out of range in argument 2 (expected exact integer in [0, 255])", Fixnum(-1), []string{"bounds"}},
		{"ratnum into f32", f32.ElementError("%-set!", 3, &Ratnum{R: *big.NewRat(1, 2)}), "f32vector-set!", "bad argument type in argument 3 (expected flonum or exact integer)", nil, []string{"type"}},
		{"list element", U8.ListElementError("list->%", 1, Intern("x")), "list->u8vector", "bad argument type in argument 1 (expected list of exact integer in [0, 255])", Intern("x"), []string{"type"}},
		{"not a vector of the kind", s16.VectorError("%-length", 1, Intern("x")), "s16vector-length", "bad argument type in argument 1 (expected s16vector)", Intern("x"), []string{"type"}},
		{"index at the length", index(s16, "%-ref", Fixnum(2), 2), "s16vector-ref", "out of range in argument 2 (index beyond s16vector length 2)", Fixnum(2), []string{"bounds"}},
		{"negative index", index(U8, "%-set!", Fixnum(-1), 2), "u8vector-set!", "out of range in argument 2 (negative index)", Fixnum(-1), []string{"bounds"}},
		{"flonum index", index(s16, "%-ref", Flonum(1), 2), "s16vector-ref", "bad argument type in argument 2 (expected exact non-negative integer)", Flonum(1), []string{"type"}},
		{"bignum index", index(s16, "%-ref", huge, 2), "s16vector-ref", "bad argument type in argument 2 (expected exact non-negative integer)", huge, []string{"type"}},
		{"start after end", span(Fixnum(2), Fixnum(1)), "subs16vector", "out of range in argument 2 (start after end 1)", Fixnum(2), []string{"bounds"}},
		{"start beyond the length", span(Fixnum(4), Fixnum(4)), "subs16vector", "out of range in argument 2 (start beyond s16vector length 3)", Fixnum(4), []string{"bounds"}},
		{"end beyond the length", span(Fixnum(0), Fixnum(4)), "subs16vector", "out of range in argument 3 (end beyond s16vector length 3)", Fixnum(4), []string{"bounds"}},
		{"negative start", span(Fixnum(-1), Fixnum(2)), "subs16vector", "out of range in argument 2 (negative index)", Fixnum(-1), []string{"bounds"}},
		{"symbol end", span(Fixnum(0), Intern("b")), "subs16vector", "bad argument type in argument 3 (expected exact non-negative integer)", Intern("b"), []string{"type"}},
		{"negative length", length(s16, Fixnum(-1)), "make-s16vector", "size is negative", Fixnum(-1), nil},
		{"flonum length", length(s16, Flonum(2)), "make-s16vector", "bad argument type in argument 1 (expected exact non-negative integer)", Flonum(2), []string{"type"}},
		{"length beyond memory", length(NumKindOf("f64"), Fixnum(math.MaxInt32*16)), "make-f64vector", "out of range in argument 1 (more memory than allowed)", Fixnum(math.MaxInt32 * 16), []string{"bounds"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			pe, ok := c.err.(*primError)
			if !ok {
				t.Fatalf("error %v (%T), want a *primError", c.err, c.err)
			}
			if pe.who != c.who || pe.msg != c.msg || !slices.Equal(pe.kinds, c.kinds) {
				t.Errorf("(%s) %q %v, want (%s) %q %v", pe.who, pe.msg, pe.kinds, c.who, c.msg, c.kinds)
			}
			if len(pe.irritants) != 1 || c.irritant != nil && !Eqv(pe.irritants[0], c.irritant) {
				t.Errorf("irritants %v, want (%v)", pe.irritants, c.irritant)
			}
		})
	}
	if i, err := s16.Index("%-ref", 2, Fixnum(1), 2); i != 1 || err != nil {
		t.Errorf("Index(1) of 2 = %d, %v", i, err)
	}
	if i, j, err := s16.Span("sub%", 2, Fixnum(3), Fixnum(3), 3); i != 3 || j != 3 || err != nil {
		t.Errorf("Span(3, 3) of 3 = %d, %d, %v", i, j, err)
	}
}
