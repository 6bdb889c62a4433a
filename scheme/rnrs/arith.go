// Arithmetic of (rnrs base) (div, mod and friends, r6rs §11.7.4.3) and (rnrs arithmetic bitwise) (r6rs-lib §11.4) over exact integers of any size.

package rnrs

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/tlsport/tlsport/scheme"
)

var typeExactInt = scheme.TypeExactInteger

// divMod computes R6RS div and mod: x = d*y + m with 0 <= m < |y|. An
// exact zero y is an error when x is exact too; an inexact division by
// zero gives the flonums it computes (NaNs, infinities), one of the two
// choices of r6rs §11.7.4.3.
func divMod(x, y scheme.Value) (scheme.Value, scheme.Value, error) {
	xf, xfl := x.(scheme.Flonum)
	yf, yfl := y.(scheme.Flonum)
	if !xfl && !yfl && scheme.Sign(y) == 0 {
		return nil, nil, scheme.RangeError("", 2, "division by zero", y)
	}
	if xfl || yfl {
		if !xfl {
			xf = scheme.Flonum(scheme.ToFloat(x))
		}
		if !yfl {
			yf = scheme.Flonum(scheme.ToFloat(y))
		}
		var d float64
		if yf > 0 {
			d = math.Floor(float64(xf / yf))
		} else {
			d = -math.Floor(float64(xf / -yf))
		}
		return scheme.Flonum(d), scheme.Flonum(float64(xf) - d*float64(yf)), nil
	}
	_, xr := x.(*scheme.Ratnum)
	if _, yr := y.(*scheme.Ratnum); xr || yr {
		q, _ := scheme.Div(x, y)
		d := floorRat(q)
		if scheme.Sign(y) < 0 {
			d = scheme.Negate(floorRat(scheme.Negate(q)))
		}
		return d, scheme.Sub(x, scheme.Mul(d, y)), nil
	}
	if a, ok := x.(scheme.Fixnum); ok {
		if b, ok := y.(scheme.Fixnum); ok && !(a == math.MinInt64 && b == -1) {
			d, m := a/b, a%b
			if m < 0 {
				if b > 0 {
					d, m = d-1, m+b
				} else {
					d, m = d+1, m-b
				}
			}
			return d, m, nil
		}
	}
	bx, by := scheme.BigOf(x), scheme.BigOf(y)
	d, m := new(big.Int).DivMod(bx, by, new(big.Int)) // Euclidean: 0 <= m < |y|
	return scheme.NormBig(d), scheme.NormBig(m), nil
}

// floorRat is the floor of the exact rational q.
func floorRat(q scheme.Value) scheme.Value {
	r, ok := q.(*scheme.Ratnum)
	if !ok {
		return q
	}
	return scheme.NormBig(new(big.Int).Div(r.R.Num(), r.R.Denom())) // Euclidean, the denominator positive: the floor
}

// div0Mod0 computes R6RS div0 and mod0: -|y/2| <= m < |y/2|.
func div0Mod0(x, y scheme.Value) (scheme.Value, scheme.Value, error) {
	d, m, err := divMod(x, y)
	if err != nil {
		return nil, nil, err
	}
	ay := y
	if scheme.Sign(y) < 0 {
		ay = scheme.Negate(y)
	}
	if c, _ := scheme.Compare(scheme.Mul(m, scheme.Fixnum(2)), ay); c >= 0 {
		m = scheme.Sub(m, ay)
		if scheme.Sign(y) > 0 {
			d = scheme.Add(d, scheme.Fixnum(1))
		} else {
			d = scheme.Sub(d, scheme.Fixnum(1))
		}
	}
	return d, m, nil
}

// div implements div.
func div(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, _, err := divMod(a[0], a[1])
	return d, err
}

// mod implements mod.
func mod(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, m, err := divMod(a[0], a[1])
	return m, err
}

// divAndMod implements div-and-mod.
func divAndMod(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, m, err := divMod(a[0], a[1])
	if err != nil {
		return nil, err
	}
	return scheme.Values(d, m), nil
}

// div0 implements div0.
func div0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, _, err := div0Mod0(a[0], a[1])
	return d, err
}

// mod0 implements mod0.
func mod0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, m, err := div0Mod0(a[0], a[1])
	return m, err
}

// div0AndMod0 implements div0-and-mod0.
func div0AndMod0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	d, m, err := div0Mod0(a[0], a[1])
	if err != nil {
		return nil, err
	}
	return scheme.Values(d, m), nil
}

// realValuedP implements real-valued?.
func realValuedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(scheme.IsNumber(a[0])), nil
}

// rationalValuedP implements rational-valued?.
func rationalValuedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if f, ok := a[0].(scheme.Flonum); ok {
		return scheme.MakeBool(!math.IsInf(float64(f), 0) && !math.IsNaN(float64(f))), nil
	}
	return scheme.MakeBool(scheme.IsNumber(a[0])), nil
}

// integerValuedP implements integer-valued?.
func integerValuedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(scheme.IsNumber(a[0]) && scheme.IsInteger(a[0])), nil
}

// ---- bitwise ----

// maxBits bounds the bit indices and shift counts accepted (results of up
// to 2 MiB), so a bad argument is an error rather than an exhausted memory.
const maxBits = 1 << 24

// bitFold applies op over exact integers, fixnums without allocation.
func bitFold(a []scheme.Value, unit int64, fix func(x, y int64) int64, bigop func(z, x, y *big.Int) *big.Int) scheme.Value {
	acc := scheme.Value(scheme.Fixnum(unit))
	for _, v := range a {
		x, xok := acc.(scheme.Fixnum)
		y, yok := v.(scheme.Fixnum)
		if xok && yok {
			acc = scheme.Fixnum(fix(int64(x), int64(y)))
			continue
		}
		acc = scheme.NormBig(bigop(new(big.Int), scheme.BigOf(acc), scheme.BigOf(v)))
	}
	return acc
}

// bitwiseAnd implements bitwise-and.
func bitwiseAnd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bitFold(a, -1, func(x, y int64) int64 { return x & y }, (*big.Int).And), nil
}

// bitwiseIor implements bitwise-ior.
func bitwiseIor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bitFold(a, 0, func(x, y int64) int64 { return x | y }, (*big.Int).Or), nil
}

// bitwiseXor implements bitwise-xor.
func bitwiseXor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bitFold(a, 0, func(x, y int64) int64 { return x ^ y }, (*big.Int).Xor), nil
}

// bitwiseNot implements bitwise-not.
func bitwiseNot(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if x, ok := a[0].(scheme.Fixnum); ok {
		return ^x, nil
	}
	return scheme.NormBig(new(big.Int).Not(scheme.BigOf(a[0]))), nil
}

// bitwiseIf implements bitwise-if: (ei1 & ei2) | (~ei1 & ei3).
func bitwiseIf(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m, x, y := scheme.BigOf(a[0]), scheme.BigOf(a[1]), scheme.BigOf(a[2])
	l := new(big.Int).And(m, x)
	r := new(big.Int).AndNot(y, m)
	return scheme.NormBig(l.Or(l, r)), nil
}

// bitwiseBitCount implements bitwise-bit-count.
func bitwiseBitCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := scheme.BigOf(a[0])
	if x.Sign() < 0 {
		n := 0
		for _, w := range new(big.Int).Not(x).Bits() {
			n += bits.OnesCount(uint(w))
		}
		return scheme.Fixnum(-n - 1), nil
	}
	n := 0
	for _, w := range x.Bits() {
		n += bits.OnesCount(uint(w))
	}
	return scheme.Fixnum(n), nil
}

// bitwiseLength implements bitwise-length.
func bitwiseLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := scheme.BigOf(a[0])
	if x.Sign() < 0 {
		x.Not(x)
	}
	return scheme.Fixnum(x.BitLen()), nil
}

// bitwiseFirstBitSet implements bitwise-first-bit-set.
func bitwiseFirstBitSet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := scheme.BigOf(a[0])
	if x.Sign() == 0 {
		return scheme.Fixnum(-1), nil
	}
	return scheme.Fixnum(new(big.Int).Abs(x).TrailingZeroBits()), nil
}

// bitwiseBitSetP implements bitwise-bit-set?.
func bitwiseBitSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	k := int(a[1].(scheme.Fixnum))
	if x, ok := a[0].(scheme.Fixnum); ok {
		if k >= 63 {
			return scheme.MakeBool(x < 0), nil
		}
		return scheme.MakeBool(x>>k&1 == 1), nil
	}
	return scheme.MakeBool(scheme.BigOf(a[0]).Bit(k) == 1), nil
}

// bitwiseCopyBit implements bitwise-copy-bit.
func bitwiseCopyBit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	b, ok := a[2].(scheme.Fixnum)
	if !ok || (b != 0 && b != 1) {
		return nil, scheme.TypeError("", 3, "0 or 1", a[2])
	}
	k := int(a[1].(scheme.Fixnum))
	if k > maxBits {
		return nil, scheme.RangeError("", 2, "bit index too large", a[1])
	}
	return scheme.NormBig(new(big.Int).SetBit(scheme.BigOf(a[0]), k, uint(b))), nil
}

// field returns bits start (inclusive) to end (exclusive) of x as a non-negative integer.
func field(x *big.Int, start, end int) *big.Int {
	mask := new(big.Int).Lsh(big.NewInt(1), uint(end-start))
	mask.Sub(mask, big.NewInt(1))
	return new(big.Int).And(new(big.Int).Rsh(x, uint(start)), mask)
}

func startEnd(a []scheme.Value, i int) (int, int, error) {
	s, e := int(a[i].(scheme.Fixnum)), int(a[i+1].(scheme.Fixnum))
	if e > maxBits {
		return 0, 0, scheme.RangeError("", i+2, "bit index too large", a[i+1])
	}
	if s > e {
		return 0, 0, scheme.RangeError("", i+1, "start after end", a[i])
	}
	return s, e, nil
}

// bitwiseBitField implements bitwise-bit-field.
func bitwiseBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, e, err := startEnd(a, 1)
	if err != nil {
		return nil, err
	}
	return scheme.NormBig(field(scheme.BigOf(a[0]), s, e)), nil
}

// replaceField returns x with bits start..end replaced by the low bits of v.
func replaceField(x *big.Int, start, end int, v *big.Int) *big.Int {
	mask := new(big.Int).Lsh(big.NewInt(1), uint(end-start))
	mask.Sub(mask, big.NewInt(1))
	mask.Lsh(mask, uint(start))
	out := new(big.Int).AndNot(x, mask)
	return out.Or(out, new(big.Int).And(new(big.Int).Lsh(v, uint(start)), mask))
}

// bitwiseCopyBitField implements bitwise-copy-bit-field.
func bitwiseCopyBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, e, err := startEnd(a, 1)
	if err != nil {
		return nil, err
	}
	return scheme.NormBig(replaceField(scheme.BigOf(a[0]), s, e, scheme.BigOf(a[3]))), nil
}

// shift shifts x left by n bits (right when negative), arithmetically.
func shift(x scheme.Value, n int) scheme.Value {
	if f, ok := x.(scheme.Fixnum); ok && n <= 0 {
		if n <= -63 {
			if f < 0 {
				return scheme.Fixnum(-1)
			}
			return scheme.Fixnum(0)
		}
		return f >> uint(-n)
	}
	if n >= 0 {
		return scheme.NormBig(new(big.Int).Lsh(scheme.BigOf(x), uint(n)))
	}
	return scheme.NormBig(new(big.Int).Rsh(scheme.BigOf(x), uint(-n)))
}

// bitwiseArithmeticShift implements bitwise-arithmetic-shift.
func bitwiseArithmeticShift(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, ok := a[1].(scheme.Fixnum)
	if !ok || n > maxBits || n < -maxBits {
		return nil, scheme.RangeError("", 2, "shift count too large", a[1])
	}
	return shift(a[0], int(n)), nil
}

// bitwiseArithmeticShiftLeft implements bitwise-arithmetic-shift-left.
func bitwiseArithmeticShiftLeft(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return bitwiseArithmeticShift(th, a)
}

// bitwiseArithmeticShiftRight implements bitwise-arithmetic-shift-right.
func bitwiseArithmeticShiftRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return shift(a[0], -int(a[1].(scheme.Fixnum))), nil
}

// bitwiseRotateBitField implements bitwise-rotate-bit-field.
func bitwiseRotateBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, e, err := startEnd(a, 1)
	if err != nil {
		return nil, err
	}
	x := scheme.BigOf(a[0])
	width := e - s
	if width == 0 {
		return scheme.NormBig(x), nil
	}
	c := int(a[3].(scheme.Fixnum)) % width
	f := field(x, s, e)
	rot := new(big.Int).Or(new(big.Int).Lsh(f, uint(c)), new(big.Int).Rsh(f, uint(width-c)))
	return scheme.NormBig(replaceField(x, s, e, rot)), nil
}

// bitwiseReverseBitField implements bitwise-reverse-bit-field.
func bitwiseReverseBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, e, err := startEnd(a, 1)
	if err != nil {
		return nil, err
	}
	x := scheme.BigOf(a[0])
	f := field(x, s, e)
	rev := new(big.Int)
	for i := 0; i < e-s; i++ {
		rev.SetBit(rev, e-s-1-i, f.Bit(i))
	}
	return scheme.NormBig(replaceField(x, s, e, rev)), nil
}
