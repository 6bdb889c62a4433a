package scheme

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"testing"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in    string
		radix int
		want  string // WriteString of the result, "" for not a number
	}{
		{"42", 10, "42"}, {"-17", 10, "-17"}, {"+5", 10, "5"}, {"1/2", 10, "1/2"}, {"-6/4", 10, "-3/2"}, {"4/2", 10, "2"},
		{"1.5", 10, "1.5"}, {".5", 10, "0.5"}, {"5.", 10, "5.0"}, {"1e3", 10, "1000.0"}, {"1E-2", 10, "0.01"},
		{"#xff", 10, "255"}, {"ff", 16, "255"}, {"#b-101", 10, "-5"}, {"#o17", 10, "15"}, {"#e1.25", 10, "5/4"},
		{"#i3/4", 10, "0.75"}, {"#x#e10", 10, "16"}, {"#e#x10", 10, "16"}, {"+inf.0", 10, "+inf.0"}, {"-inf.0", 10, "-inf.0"},
		{"+nan.0", 10, "+nan.0"}, {"99999999999999999999", 10, "99999999999999999999"}, {"-9223372036854775808", 10, "-9223372036854775808"},
		{"1e400", 10, "+inf.0"},
		{"", 10, ""}, {"+", 10, ""}, {"-", 10, ""}, {"...", 10, ""}, {"1/0", 10, ""}, {"1.2.3", 10, ""}, {"#x1.5", 10, ""},
		{"1e", 10, ""}, {"abc", 10, ""}, {"0x10", 10, ""}, {"1_0", 10, ""}, {"#e#e1", 10, ""}, {"#x#x1", 10, ""}, {"#e1e999999", 10, ""},
		{"inf.0", 10, ""}, {"1+2i", 10, "1+2i"}, {"1+2", 10, ""}, {"#q1", 10, ""}, {"12a", 10, ""},
		// complex numbers (r7rs §7.1.1), written whole as csi and Chez
		// write them (an R7RS program writes +i: schemecomplex/testdata/complex.scm)
		{"+i", 10, "0+1i"}, {"-i", 10, "0-1i"}, {"1-i", 10, "1-1i"}, {"0+1i", 10, "0+1i"}, {"-2.5+3i", 10, "-2.5+3.0i"},
		{"1/2-3/4i", 10, "1/2-3/4i"}, {"#e1.5+2.5i", 10, "3/2+5/2i"}, {"#i1+2i", 10, "1.0+2.0i"}, {"1+0i", 10, "1"},
		{"1+0.0i", 10, "1.0+0.0i"}, {"+inf.0-inf.0i", 10, "+inf.0-inf.0i"}, {"+nan.0+nan.0i", 10, "+nan.0+nan.0i"},
		{"+inf.0i", 10, "0.0+inf.0i"}, {"-2.5i", 10, "0.0-2.5i"}, {"-0.0+1.0i", 10, "-0.0+1.0i"}, {"1@0", 10, "1"}, {"#x1+fi", 10, "1+15i"}, {"1+fi", 16, "1+15i"}, {"1e2+1e-1i", 10, "100.0+0.1i"},
		{"1s2", 10, "100.0"}, {"#i1/0", 10, "+inf.0"},
		{"i", 10, ""}, {"1i", 10, ""}, {"+-i", 10, ""}, {"1+2i3", 10, ""}, {"1@", 10, ""}, {"@1", 10, ""}, {"1@2@3", 10, ""},
		{"1+2ii", 10, ""}, {"1e+2i", 10, ""},
	}
	for _, tt := range tests {
		v, ok := ParseNumber(tt.in, tt.radix)
		got := ""
		if ok {
			got = WriteString(v)
		}
		if got != tt.want {
			t.Errorf("ParseNumber(%q, %d) = %q, want %q", tt.in, tt.radix, got, tt.want)
		}
	}
}

// TestFormatFlonum checks flonums print as CHICKEN 5's csi prints them
// (%.15g, ".0" added when neither a point nor an exponent shows).
func TestFormatFlonum(t *testing.T) {
	tests := []struct {
		f    float64
		want string
	}{
		{1, "1.0"}, {math.Copysign(0, -1), "-0.0"}, {0.1, "0.1"}, {1.0 / 3, "0.333333333333333"}, {1e21, "1e+21"}, {1e20, "1e+20"}, {1e19, "10000000000000000000.0"},
		{123.456, "123.456"}, {5e-324, "4.94065645841247e-324"}, {math.Inf(1), "+inf.0"}, {math.NaN(), "+nan.0"},
		{math.Sqrt2, "1.4142135623731"}, {123456789.123, "123456789.123"}, {1e-7, "1e-07"}, {0.000123, "0.000123"},
		{0.1 + 0.2, "0.3"}, {100, "100.0"}, {123456789012345, "123456789012345.0"}, {1234567890123456, "1234567890123456.0"}, {1234567890123456.7, "1.23456789012346e+15"},
		{1e17, "100000000000000000.0"}, {-1e19, "-10000000000000000000.0"}, {math.Pow(2, 64), "1.84467440737096e+19"},
		{18446744073709500416, "18446744073709500416.0"}, {18446744073709539328, "1.84467440737095e+19"},
		{math.Pow(2, 70), "1.18059162071741e+21"}, {-2.5, "-2.5"},
	}
	for _, tt := range tests {
		if got := FormatNumber(Flonum(tt.f), 10); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

// TestFlonumPrintPrecision checks an interpreter's precision reaches
// write, display and number->string, and 17 digits read back exactly.
func TestFlonumPrintPrecision(t *testing.T) {
	in := New()
	if got := in.SetFlonumPrintPrecision(17); got != DefaultFlonumPrintPrecision {
		t.Errorf("SetFlonumPrintPrecision returned %d, want %d", got, DefaultFlonumPrintPrecision)
	}
	for _, f := range []float64{0.1, 1.0 / 3, math.Sqrt2, 5e-324, 1.7976931348623157e308, 0.1 + 0.2} {
		s := formatNumber(Flonum(f), 10, in.FlonumPrintPrecision(), false)
		v, ok := ParseNumber(s, 10)
		if !ok || math.Float64bits(float64(v.(Flonum))) != math.Float64bits(f) {
			t.Errorf("%v printed with 17 digits as %q, read back as %v", f, s, v)
		}
	}
	for src, want := range map[string]string{
		`(number->string (sqrt 2))`: `"1.4142135623730951"`,
		`(call-with-output-string (lambda (p) (write (list 0.1 (/ 1. 3)) p)))`: `"(0.10000000000000001 0.33333333333333331)"`,
		`(call-with-output-string (lambda (p) (display 2.5 p)))`:               `"2.5"`,
	} {
		v, err := in.EvalString(context.Background(), src)
		if err != nil || WriteString(v) != want {
			t.Errorf("%s = %v (%v), want %s", src, v, err, want)
		}
	}
	in.SetFlonumPrintPrecision(0)
	if got := in.FlonumPrintPrecision(); got != 1 {
		t.Errorf("precision 0 clamped to %d, want 1", got)
	}
}

func TestComplexArithmetic(t *testing.T) {
	n := func(s string) Value {
		v, ok := ParseNumber(s, 10)
		if !ok {
			t.Fatalf("ParseNumber(%q) failed", s)
		}
		return v
	}
	quo := func(a, b Value) Value { q, _ := Div(a, b); return q }
	tests := []struct {
		name string
		got  Value
		want string
	}{
		{"add to real", Add(n("1+2i"), n("3-2i")), "4"},
		{"mul", Mul(n("1+2i"), n("1-2i")), "5"},
		{"i squared", Mul(n("+i"), n("+i")), "-1"},
		{"div", quo(n("1+2i"), n("3+4i")), "11/25+2/25i"},
		{"inexact contagion", Add(n("1+2i"), Flonum(0.5)), "1.5+2.0i"},
		{"sqrt -4", Sqrt(Fixnum(-4)), "0+2i"},
		{"sqrt -3+4i", Sqrt(n("-3+4i")), "1+2i"},
		{"magnitude", Magnitude(n("3+4i")), "5"},
		{"exact", func() Value { v, _ := ToExact(n("1.5+2.0i")); return v }(), "3/2+2i"},
	}
	for _, tt := range tests {
		if s := WriteString(tt.got); s != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, s, tt.want)
		}
	}
	if _, ok := Div(n("1+i"), Fixnum(0)); ok {
		t.Error("exact complex division by zero succeeded")
	}
	if !NumEqual(n("1+2i"), n("1.0+2.0i")) || NumEqual(n("1+2i"), n("1+3i")) {
		t.Error("NumEqual on complex numbers is wrong")
	}
}

func TestFixnumOverflow(t *testing.T) {
	tests := []struct {
		name string
		got  Value
		want string
	}{
		{"add", Add(Fixnum(math.MaxInt64), Fixnum(1)), "9223372036854775808"},
		{"sub", Sub(Fixnum(math.MinInt64), Fixnum(1)), "-9223372036854775809"},
		{"mul", Mul(Fixnum(math.MinInt64), Fixnum(-1)), "9223372036854775808"},
		{"mul2", Mul(Fixnum(1<<32), Fixnum(1<<32)), "18446744073709551616"},
		{"neg", Negate(Fixnum(math.MinInt64)), "9223372036854775808"},
		{"demote", Sub(Add(Fixnum(math.MaxInt64), Fixnum(1)), Fixnum(1)), "9223372036854775807"},
	}
	for _, tt := range tests {
		if s := WriteString(tt.got); s != tt.want {
			t.Errorf("%s = %s, want %s", tt.name, s, tt.want)
		}
	}
	if _, ok := Sub(Add(Fixnum(math.MaxInt64), Fixnum(1)), Fixnum(1)).(Fixnum); !ok {
		t.Error("result fitting in int64 was not demoted to a Fixnum")
	}
}

// integerCases are exact integers around the fixnum/bignum boundary
// (±2^62, ±2^63, ±2^64) and beyond, as decimal strings.
var integerCases = []string{
	"0", "1", "-1", "2", "-3", "4294967295", "4294967296", "-4294967296", "3037000499", "3037000500", "-3037000500",
	"4611686018427387903", "4611686018427387904", "-4611686018427387904", "-4611686018427387905",
	"9223372036854775806", "9223372036854775807", "9223372036854775808", "9223372036854775809",
	"-9223372036854775807", "-9223372036854775808", "-9223372036854775809",
	"18446744073709551615", "18446744073709551616", "-18446744073709551616", "-18446744073709551617",
	"170141183460469231731687303715884105728", "-1606938044258990275541962092341162602522202993782792835301376",
	"1606938044258990275541962092341162602522202993782792835301377",
	// past math/big's Karatsuba threshold (40 words): 2^3000 + 1, -(3^2000)
	new(big.Int).Add(new(big.Int).Lsh(big.NewInt(1), 3000), big.NewInt(1)).String(),
	new(big.Int).Neg(new(big.Int).Exp(big.NewInt(3), big.NewInt(2000), nil)).String(),
}

// TestIntegerArithmetic checks +, -, * and comparison of every pair of
// integerCases against math/big, that a result is a Fixnum exactly when
// it fits in 64 bits, and number->string of each in radix 2, 8, 10 and 16.
func TestIntegerArithmetic(t *testing.T) {
	vals := make([]Value, len(integerCases))
	bigs := make([]*big.Int, len(integerCases))
	for i, c := range integerCases {
		v, ok := ParseNumber(c, 10)
		if !ok {
			t.Fatalf("ParseNumber(%q) failed", c)
		}
		vals[i], bigs[i] = v, BigInt(v)
	}
	ops := []struct {
		name string
		f    func(a, b Value) Value
		g    func(z, x, y *big.Int) *big.Int
	}{{"+", Add, (*big.Int).Add}, {"-", Sub, (*big.Int).Sub}, {"*", Mul, (*big.Int).Mul}}
	for i, a := range vals {
		for j, b := range vals {
			for _, op := range ops {
				got := op.f(a, b)
				want := op.g(new(big.Int), bigs[i], bigs[j])
				_, fix := got.(Fixnum)
				if !IsExactInteger(got) || BigInt(got).Cmp(want) != 0 || fix != want.IsInt64() {
					t.Errorf("(%s %s %s) = %s (%T), want %s", op.name, integerCases[i], integerCases[j], WriteString(got), got, want)
				}
			}
			if c, ok := Compare(a, b); !ok || c != bigs[i].Cmp(bigs[j]) {
				t.Errorf("Compare(%s, %s) = %d, want %d", integerCases[i], integerCases[j], c, bigs[i].Cmp(bigs[j]))
			}
		}
	}
	in := New()
	for i, c := range integerCases {
		for _, radix := range []int{2, 8, 10, 16} {
			src := fmt.Sprintf("(number->string %s %d)", c, radix)
			v, err := in.EvalString(context.Background(), src)
			if want := bigs[i].Text(radix); err != nil || WriteString(v) != strconv.Quote(want) {
				t.Errorf("%s = %v (%v), want %q", src, v, err, want)
			}
		}
	}
}

// TestCompareUnnormalisedBignum checks the comparison of a Bignum holding
// a value within 64 bits (no arithmetic result is one) with fixnums.
func TestCompareUnnormalisedBignum(t *testing.T) {
	for _, tt := range []struct {
		b, f int64
		want int
	}{{5, 4, 1}, {5, 5, 0}, {5, 6, -1}, {-5, -5, 0}, {math.MinInt64, math.MinInt64, 0}, {math.MinInt64, math.MaxInt64, -1}} {
		b := &Bignum{}
		b.I.SetInt64(tt.b)
		if c, ok := Compare(b, Fixnum(tt.f)); !ok || c != tt.want {
			t.Errorf("Compare(bignum %d, %d) = %d, want %d", tt.b, tt.f, c, tt.want)
		}
		if c, ok := Compare(Fixnum(tt.f), b); !ok || c != -tt.want {
			t.Errorf("Compare(%d, bignum %d) = %d, want %d", tt.f, tt.b, c, -tt.want)
		}
	}
}

func BenchmarkFixnumAdd(b *testing.B) {
	var acc Value = Fixnum(0)
	for i := 0; i < b.N; i++ {
		acc = Add(acc, Fixnum(1))
	}
	_ = acc
}
