package scheme

import (
	"context"
	"math"
	"math/big"
	"testing"
)

// TestNumVectorElements stores, in a vector of each kind, the bounds of its
// range and the numbers just beyond them, a bignum, an inexact into an
// integer kind, an exact into a float kind, and floats that f32 rounds: each
// is refused (the vector unchanged) or read back as the number expected.
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
		if k.Describe() != "inexact real" {
			t.Errorf("%s: Describe() = %q", tag, k.Describe())
		}
		checkElements(t, k, []Value{flo(0), flo(math.Copysign(0, -1)), flo(1.5), flo(-2.25), flo(math.Inf(1)), flo(math.Inf(-1)), flo(math.MaxFloat32), flo(math.SmallestNonzeroFloat32)},
			[]Value{Fixnum(1), Fixnum(0), huge, &Ratnum{R: *big.NewRat(1, 2)}, NewString("1.5")})
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
