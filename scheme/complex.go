// Non-real complex numbers: the Compnum type, its arithmetic and the
// transcendental functions over the complex plane (r7rs §6.2).

package scheme

import (
	"math"
	"math/big"
	"math/cmplx"
)

// Compnum is a non-real complex number in rectangular form. Re and Im are
// real numbers of the same exactness, and an exact Im is never zero (an
// exact zero imaginary part makes the number real); an inexact Im may be
// 0.0, as in -2.5+0.0i, which is not real?.
type Compnum struct{ Re, Im Value }

// TypeName implements Value.
func (*Compnum) TypeName() string { return "cplxnum" }

// MakeRectangular returns the number re+im·i for the real numbers re and
// im: re itself when im is an exact zero, else a Compnum whose parts are
// both inexact when either is.
func MakeRectangular(re, im Value) Value {
	if IsExact(im) && Sign(im) == 0 {
		return re
	}
	if IsExact(re) != IsExact(im) {
		re, im = ToInexact(re), ToInexact(im)
	}
	return &Compnum{Re: re, Im: im}
}

// MakePolar returns the number with magnitude m and angle a (reals): exact
// m when a is an exact zero, else inexact.
func MakePolar(m, a Value) Value {
	if IsExact(a) && Sign(a) == 0 {
		return m
	}
	fm, fa := ToFloat(m), ToFloat(a)
	return MakeRectangular(Flonum(fm*math.Cos(fa)), Flonum(fm*math.Sin(fa)))
}

// IsReal reports whether v is a real number (a number that is not a Compnum).
func IsReal(v Value) bool { r := numRank(v); return r != rankNone && r != rankCpx }

// RealPart returns the real part of the number z.
func RealPart(z Value) Value {
	if c, ok := z.(*Compnum); ok {
		return c.Re
	}
	return z
}

// ImagPart returns the imaginary part of the number z: exact 0 for an
// exact or inexact real, as R7RS allows for (imag-part 1.5).
func ImagPart(z Value) Value {
	if c, ok := z.(*Compnum); ok {
		return c.Im
	}
	return Fixnum(0)
}

// Magnitude returns |z|; exact for exact reals, and for exact complex
// numbers whose magnitude is rational.
func Magnitude(z Value) Value {
	c, ok := z.(*Compnum)
	if !ok {
		if Sign(z) < 0 || (numRank(z) == rankFlo && math.Signbit(ToFloat(z))) {
			return Negate(z)
		}
		return z
	}
	if IsExact(c.Re) {
		if r, ok := exactSqrt(Add(Mul(c.Re, c.Re), Mul(c.Im, c.Im))); ok {
			return r
		}
	}
	return Flonum(math.Hypot(ToFloat(c.Re), ToFloat(c.Im)))
}

// Angle returns the angle of z: exact 0 for exact non-negative reals, else
// a flonum in (-pi, pi].
func Angle(z Value) Value {
	if c, ok := z.(*Compnum); ok {
		return Flonum(math.Atan2(ToFloat(c.Im), ToFloat(c.Re)))
	}
	if IsExact(z) {
		if Sign(z) < 0 {
			return Flonum(math.Pi)
		}
		return Fixnum(0)
	}
	return Flonum(math.Atan2(0, ToFloat(z)))
}

// toComplex128 returns z as a Go complex128.
func toComplex128(z Value) complex128 {
	if c, ok := z.(*Compnum); ok {
		return complex(ToFloat(c.Re), ToFloat(c.Im))
	}
	return complex(ToFloat(z), 0)
}

// fromComplex128 returns the inexact number c (a Compnum, even with a zero
// imaginary part, because the result of a complex function is complex).
func fromComplex128(c complex128) Value {
	return &Compnum{Re: Flonum(real(c)), Im: Flonum(imag(c))}
}

// complexArith applies + - or * (op) to two numbers at least one of which
// is a Compnum.
func complexArith(a, b Value, op byte) Value {
	ar, ai, br, bi := RealPart(a), ImagPart(a), RealPart(b), ImagPart(b)
	switch op {
	case '+':
		return MakeRectangular(Add(ar, br), Add(ai, bi))
	case '-':
		return MakeRectangular(Sub(ar, br), Sub(ai, bi))
	}
	return MakeRectangular(Sub(Mul(ar, br), Mul(ai, bi)), Add(Mul(ar, bi), Mul(ai, br)))
}

// complexDiv returns a/b for numbers one of which is a Compnum; ok is false
// for an exact division by zero.
func complexDiv(a, b Value) (Value, bool) {
	if !IsExact(a) || !IsExact(b) {
		return fromComplex128(toComplex128(a) / toComplex128(b)), true
	}
	ar, ai, br, bi := RealPart(a), ImagPart(a), RealPart(b), ImagPart(b)
	d := Add(Mul(br, br), Mul(bi, bi))
	if Sign(d) == 0 {
		return nil, false
	}
	re, _ := Div(Add(Mul(ar, br), Mul(ai, bi)), d)
	im, _ := Div(Sub(Mul(ai, br), Mul(ar, bi)), d)
	return MakeRectangular(re, im), true
}

// complexEqual reports whether the numbers a and b (one a Compnum) are =.
func complexEqual(a, b Value) bool {
	return NumEqual(RealPart(a), RealPart(b)) && NumEqual(ImagPart(a), ImagPart(b))
}

// exactSqrt returns the exact square root of the exact non-negative
// rational x when it is a perfect square.
func exactSqrt(x Value) (Value, bool) {
	r := toRat(x)
	if r == nil || r.Sign() < 0 {
		return nil, false
	}
	n, d := new(big.Int).Sqrt(r.Num()), new(big.Int).Sqrt(r.Denom())
	if new(big.Int).Mul(n, n).Cmp(r.Num()) == 0 && new(big.Int).Mul(d, d).Cmp(r.Denom()) == 0 {
		return NormRat(new(big.Rat).SetFrac(n, d)), true
	}
	return nil, false
}

// exactRoot returns the exact q-th root of the exact non-negative rational
// x when it is rational (so (expt 8 1/3) is exactly 2).
func exactRoot(x Value, q *big.Int) (Value, bool) {
	if !q.IsInt64() || q.Int64() > 1024 {
		return nil, false
	}
	n := q.Int64()
	r := toRat(x)
	root := func(v *big.Int) (*big.Int, bool) {
		f, _ := new(big.Float).SetInt(v).Float64()
		c, acc := new(big.Float).SetFloat64(math.Round(math.Pow(f, 1/float64(n)))).Int(nil)
		if math.IsInf(f, 0) || acc != big.Exact && c == nil {
			return nil, false
		}
		return c, new(big.Int).Exp(c, big.NewInt(n), nil).Cmp(v) == 0
	}
	num, ok1 := root(r.Num())
	den, ok2 := root(r.Denom())
	if !ok1 || !ok2 {
		return nil, false
	}
	return NormRat(new(big.Rat).SetFrac(num, den)), true
}

// Sqrt returns the principal square root of z: exact for exact perfect
// squares (including negative ones and exact complex squares such as
// -3+4i), +2i for -4.
func Sqrt(z Value) Value {
	if IsReal(z) {
		if IsExact(z) {
			if Sign(z) >= 0 {
				if r, ok := exactSqrt(z); ok {
					return r
				}
			} else if r, ok := exactSqrt(Negate(z)); ok {
				return MakeRectangular(Fixnum(0), r)
			}
		}
		f := ToFloat(z)
		if f < 0 {
			return MakeRectangular(Flonum(0), Flonum(math.Sqrt(-f)))
		}
		return Flonum(math.Sqrt(f))
	}
	s := cmplx.Sqrt(toComplex128(z))
	if IsExact(z) {
		// Try the rounded root: exact when it squares back to z.
		re, ok1 := ToExact(Flonum(math.Round(real(s))))
		im, ok2 := ToExact(Flonum(math.Round(imag(s))))
		if ok1 && ok2 {
			c := MakeRectangular(re, im)
			if complexEqual(Mul(c, c), z) {
				return c
			}
		}
	}
	return fromComplex128(s)
}

// exactBits is the size in bits of the exact number z's numerators and
// denominators, to bound the cost of exact powers.
func exactBits(z Value) int {
	re, im := toRat(RealPart(z)), toRat(ImagPart(z))
	return re.Num().BitLen() + re.Denom().BitLen() + im.Num().BitLen() + im.Denom().BitLen()
}

// exptComplex returns b^e when one of them is non-real or the real result
// would be non-real; ok is false for 0 to a non-zero power whose real part
// is not positive (r7rs §6.2.6 leaves it an error).
func exptComplex(b, e Value) (Value, bool) {
	if IsExact(b) && IsExactInteger(e) {
		n, ok := e.(Fixnum)
		if ok && n > -1<<16 && n < 1<<16 && int64(exactBits(b))*int64(max(n, -n)) < 1<<24 {
			neg := n < 0
			if neg {
				n = -n
			}
			var r Value = Fixnum(1)
			for p := b; n > 0; n >>= 1 {
				if n&1 == 1 {
					r = Mul(r, p)
				}
				p = Mul(p, p)
			}
			if neg {
				return complexDiv(Fixnum(1), r)
			}
			return r, true
		}
	}
	if Sign(b) == 0 && !anyPart(b, math.IsNaN) {
		if Sign(e) == 0 && !anyPart(e, math.IsNaN) {
			if IsExact(b) && IsExact(e) {
				return Fixnum(1), true
			}
			return Flonum(1), true
		}
		if Sign(RealPart(e)) > 0 {
			if IsExact(b) && IsExact(e) {
				return Fixnum(0), true
			}
			return Flonum(0), true
		}
		return nil, false // 0 to a power whose real part is not positive
	}
	return fromComplex128(cmplx.Pow(toComplex128(b), toComplex128(e))), true
}

// complexFn is a transcendental function: the real version (used when the
// argument is real and inside the real domain) and the complex one.
type complexFn struct {
	re     func(float64) float64
	domain func(float64) bool
	cx     func(complex128) complex128
}

var (
	fnExp  = complexFn{math.Exp, nil, cmplx.Exp}
	fnSin  = complexFn{math.Sin, nil, cmplx.Sin}
	fnCos  = complexFn{math.Cos, nil, cmplx.Cos}
	fnTan  = complexFn{math.Tan, nil, cmplx.Tan}
	fnAsin = complexFn{math.Asin, unitRange, casin}
	fnAcos = complexFn{math.Acos, unitRange, cacos}
	fnAtan = complexFn{math.Atan, nil, catan}
	fnLog  = complexFn{math.Log, nonNegative, cmplx.Log}
)

func unitRange(x float64) bool   { return x >= -1 && x <= 1 || math.IsNaN(x) }
func nonNegative(x float64) bool { return x > 0 || x == 0 && !math.Signbit(x) || math.IsNaN(x) }

// casin is R7RS asin z = -i log(iz + sqrt(1 - z²)).
func casin(z complex128) complex128 {
	return -1i * cmplx.Log(1i*z+cmplx.Sqrt(1-z*z))
}

// cacos is R7RS acos z = pi/2 - asin z.
func cacos(z complex128) complex128 { return complex(math.Pi/2, 0) - casin(z) }

// catan is R7RS atan z = (log(1+iz) - log(1-iz)) / 2i.
func catan(z complex128) complex128 {
	return (cmplx.Log(1+1i*z) - cmplx.Log(1-1i*z)) / 2i
}

// apply computes f(z) for the number z.
func (f complexFn) apply(z Value) Value {
	if IsReal(z) {
		x := ToFloat(z)
		if f.domain == nil || f.domain(x) {
			return Flonum(f.re(x))
		}
		return fromComplex128(f.cx(complex(x, 0)))
	}
	return fromComplex128(f.cx(toComplex128(z)))
}
