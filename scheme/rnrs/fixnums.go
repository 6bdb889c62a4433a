// (rnrs arithmetic fixnums), r6rs-lib §11.2: fixnum operations; tlsport's fixnums are 64-bit.

package rnrs

import (
	"math"
	"math/big"
	"math/bits"

	"github.com/tlsport/tlsport/scheme"
)

var typeFixnum = scheme.TypeFixnum

func fxv(v scheme.Value) int64 { return int64(v.(scheme.Fixnum)) }

// chain reports whether ok holds for every adjacent pair of the numbers
// of a, read by of: the body of fx=? or fl<? and their kin.
func chain[T int64 | float64](a []scheme.Value, of func(scheme.Value) T, ok func(x, y T) bool) scheme.Value {
	for i := 1; i < len(a); i++ {
		if !ok(of(a[i-1]), of(a[i])) {
			return scheme.False
		}
	}
	return scheme.True
}

// fxFold combines the fixnums of a into x with op.
func fxFold(a []scheme.Value, x int64, op func(x, y int64) int64) scheme.Value {
	for _, v := range a {
		x = op(x, fxv(v))
	}
	return scheme.Fixnum(x)
}

// fxResult checks that a fixnum operation's result fits: an
// &implementation-restriction condition otherwise.
func fxResult(exact scheme.Value) (scheme.Value, error) {
	if _, ok := exact.(scheme.Fixnum); !ok {
		return nil, scheme.NewError("", "result is not a fixnum", []scheme.Value{exact}, "implementation-restriction")
	}
	return exact, nil
}

func fxDivMod(x, y int64, which int) (int64, error) {
	d, m, err := divMod(scheme.Fixnum(x), scheme.Fixnum(y))
	if err != nil {
		return 0, err
	}
	v := []scheme.Value{d, m}[which]
	if _, err := fxResult(v); err != nil {
		return 0, err
	}
	return fxv(v), nil
}

// fxShift is fxarithmetic-shift (r6rs-lib §11.2): the shift n must be
// below the fixnum width in absolute value (&assertion), and a result that
// is not a fixnum is an &implementation-restriction.
func fxShift(a []scheme.Value, n int64) (scheme.Value, error) {
	x := fxv(a[0])
	switch {
	case n <= -64 || n >= 64:
		return nil, scheme.RangeError("", 2, "shift not below the fixnum width", a[1])
	case n < 0:
		return scheme.Fixnum(x >> uint(-n)), nil
	case (x<<uint(n))>>uint(n) != x:
		return fxResult(shift(a[0], int(n)))
	}
	return scheme.Fixnum(x << uint(n)), nil
}

func bitLen(x int64) int {
	if x < 0 {
		x = ^x
	}
	return bits.Len64(uint64(x))
}

func bitCount(x int64) int {
	if x < 0 {
		return -bits.OnesCount64(uint64(^x)) - 1
	}
	return bits.OnesCount64(uint64(x))
}

func firstBit(x int64) int {
	if x == 0 {
		return -1
	}
	return bits.TrailingZeros64(uint64(x))
}

// fixnumWidth implements fixnum-width.
func fixnumWidth(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(64), nil
}

// greatestFixnum implements greatest-fixnum.
func greatestFixnum(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(math.MaxInt64), nil
}

// leastFixnum implements least-fixnum.
func leastFixnum(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(math.MinInt64), nil
}

// fxEqP implements fx=?.
func fxEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, fxv, func(x, y int64) bool { return x == y }), nil
}

// fxLtP implements fx<?.
func fxLtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, fxv, func(x, y int64) bool { return x < y }), nil
}

// fxGtP implements fx>?.
func fxGtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, fxv, func(x, y int64) bool { return x > y }), nil
}

// fxLeP implements fx<=?.
func fxLeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, fxv, func(x, y int64) bool { return x <= y }), nil
}

// fxGeP implements fx>=?.
func fxGeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return chain(a, fxv, func(x, y int64) bool { return x >= y }), nil
}

// fxzeroP implements fxzero?.
func fxzeroP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.MakeBool(x == 0), nil
}

// fxpositiveP implements fxpositive?.
func fxpositiveP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.MakeBool(x > 0), nil
}

// fxnegativeP implements fxnegative?.
func fxnegativeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.MakeBool(x < 0), nil
}

// fxoddP implements fxodd?.
func fxoddP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.MakeBool(x&1 == 1), nil
}

// fxevenP implements fxeven?.
func fxevenP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.MakeBool(x&1 == 0), nil
}

// fxmax implements fxmax.
func fxmax(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxFold(a[1:], fxv(a[0]), func(x, y int64) int64 { return max(x, y) }), nil
}

// fxmin implements fxmin.
func fxmin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxFold(a[1:], fxv(a[0]), func(x, y int64) int64 { return min(x, y) }), nil
}

// fxand implements fxand.
func fxand(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxFold(a, -1, func(x, y int64) int64 { return x & y }), nil
}

// fxior implements fxior.
func fxior(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxFold(a, 0, func(x, y int64) int64 { return x | y }), nil
}

// fxxor implements fxxor.
func fxxor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxFold(a, 0, func(x, y int64) int64 { return x ^ y }), nil
}

// fxnot implements fxnot.
func fxnot(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.Fixnum(^x), nil
}

// fxPlus implements fx+.
func fxPlus(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxResult(scheme.Add(a[0], a[1]))
}

// fx implements fx-.
func fx(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if scheme.IsDefault(a[1]) {
		return fxResult(scheme.Negate(a[0]))
	}
	return fxResult(scheme.Sub(a[0], a[1]))
}

// fxStar implements fx*.
func fxStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxResult(scheme.Mul(a[0], a[1]))
}

// fxdiv implements fxdiv.
func fxdiv(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := fxv(a[0]), fxv(a[1])
	v, err := fxDivMod(x, y, 0)
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(v), nil
}

// fxmod implements fxmod.
func fxmod(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := fxv(a[0]), fxv(a[1])
	v, err := fxDivMod(x, y, 1)
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(v), nil
}

// fxarithmeticShift implements fxarithmetic-shift.
func fxarithmeticShift(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxShift(a, fxv(a[1]))
}

// fxarithmeticShiftLeft implements fxarithmetic-shift-left.
func fxarithmeticShiftLeft(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxShift(a, fxv(a[1]))
}

// fxarithmeticShiftRight implements fxarithmetic-shift-right.
func fxarithmeticShiftRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxShift(a, -fxv(a[1]))
}

// fxbitSetP implements fxbit-set?.
func fxbitSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := fxv(a[0]), fxv(a[1])
	return scheme.MakeBool(y < 63 && x>>uint(y)&1 == 1 || y >= 63 && x < 0), nil
}

// fxlength implements fxlength.
func fxlength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.Fixnum(int64(bitLen(x))), nil
}

// fxbitCount implements fxbit-count.
func fxbitCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.Fixnum(int64(bitCount(x))), nil
}

// fxfirstBitSet implements fxfirst-bit-set.
func fxfirstBitSet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x := fxv(a[0])
	return scheme.Fixnum(int64(firstBit(x))), nil
}

var typeIndexFx = scheme.TypeIndex

// fxOf calls the general procedure f (bitwise-…, div0 …) on fixnum
// arguments: each of its results must be a fixnum
// (&implementation-restriction otherwise).
func fxOf(th *scheme.Thread, a []scheme.Value, f func(*scheme.Thread, []scheme.Value) (scheme.Value, error)) (scheme.Value, error) {
	v, err := f(th, a)
	if err != nil {
		return nil, err
	}
	if mv, ok := v.(*scheme.MultipleValues); ok {
		for _, x := range mv.Vals {
			if _, err := fxResult(x); err != nil {
				return nil, err
			}
		}
		return v, nil
	}
	return fxResult(v)
}

// fxdivAndMod implements fxdiv-and-mod.
func fxdivAndMod(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxOf(th, a, divAndMod)
}

// fxdiv0 implements fxdiv0.
func fxdiv0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return fxOf(th, a, div0) }

// fxmod0 implements fxmod0.
func fxmod0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return fxOf(th, a, mod0) }

// fxdiv0AndMod0 implements fxdiv0-and-mod0.
func fxdiv0AndMod0(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxOf(th, a, div0AndMod0)
}

// fxif implements fxif.
func fxif(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return fxOf(th, a, bitwiseIf) }

// fxcopyBit implements fxcopy-bit.
func fxcopyBit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxOf(th, a, bitwiseCopyBit)
}

// fxbitField implements fxbit-field.
func fxbitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxOf(th, a, bitwiseBitField)
}

// fxcopyBitField implements fxcopy-bit-field.
func fxcopyBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxOf(th, a, bitwiseCopyBitField)
}

// fxrotateBitField implements fxrotate-bit-field.
func fxrotateBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxOf(th, a, bitwiseRotateBitField)
}

// fxreverseBitField implements fxreverse-bit-field.
func fxreverseBitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxOf(th, a, bitwiseReverseBitField)
}

// twoToWidth is 2^(fixnum-width).
var twoToWidth = scheme.NormBig(new(big.Int).Lsh(big.NewInt(1), 64))

// fxCarry is the result of fx+/carry, fx-/carry or fx*/carry: s, the
// exact result, as (mod0 s 2^w) and (div0 s 2^w) (r6rs-lib §11.2).
func fxCarry(s scheme.Value) (scheme.Value, error) {
	d, m, err := div0Mod0(s, twoToWidth)
	if err != nil {
		return nil, err
	}
	return scheme.Values(m, d), nil
}

// fxPlusWithCarry implements fx+/carry.
func fxPlusWithCarry(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxCarry(scheme.Add(scheme.Add(a[0], a[1]), a[2]))
}

// fxWithCarry implements fx-/carry.
func fxWithCarry(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxCarry(scheme.Sub(scheme.Sub(a[0], a[1]), a[2]))
}

// fxStarWithCarry implements fx*/carry.
func fxStarWithCarry(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fxCarry(scheme.Add(scheme.Mul(a[0], a[1]), a[2]))
}

func fixnumRows() []scheme.Proc {
	fx3 := lam(req("fx1", typeFixnum), req("fx2", typeFixnum), req("fx3", typeFixnum))
	return []scheme.Proc{
		scheme.Row("fx+/carry", specFx, "Two fixnums s0 and s1 with fx1 + fx2 + fx3 = s0 + s1 × 2^(fixnum-width).", fx3, fxPlusWithCarry),
		scheme.Row("fx-/carry", specFx, "Two fixnums s0 and s1 with fx1 - fx2 - fx3 = s0 + s1 × 2^(fixnum-width).", fx3, fxWithCarry),
		scheme.Row("fx*/carry", specFx, "Two fixnums s0 and s1 with fx1 × fx2 + fx3 = s0 + s1 × 2^(fixnum-width).", fx3, fxStarWithCarry),
		scheme.Row("fxdiv-and-mod", specFx, "R6RS div-and-mod on fixnums.", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxdivAndMod),
		scheme.Row("fxdiv0", specFx, "R6RS div0 on fixnums.", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxdiv0),
		scheme.Row("fxmod0", specFx, "R6RS mod0 on fixnums.", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxmod0),
		scheme.Row("fxdiv0-and-mod0", specFx, "R6RS div0-and-mod0 on fixnums.", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxdiv0AndMod0),
		scheme.Row("fxif", specFx, "Bits of fx2 where fx1 has ones, of fx3 elsewhere.", fx3, fxif),
		scheme.Row("fxcopy-bit", specFx, "fx1 with bit fx2 set to fx3 (0 or 1).", lam(req("fx1", typeFixnum), req("fx2", typeIndexFx), req("fx3", typeFixnum)), fxcopyBit),
		scheme.Row("fxbit-field", specFx, "Bits fx2 (inclusive) to fx3 (exclusive) of fx1.", lam(req("fx1", typeFixnum), req("fx2", typeIndexFx), req("fx3", typeIndexFx)), fxbitField),
		scheme.Row("fxcopy-bit-field", specFx, "fx1 with bits fx2 to fx3 replaced by the low bits of fx4.", lam(req("fx1", typeFixnum), req("fx2", typeIndexFx), req("fx3", typeIndexFx), req("fx4", typeFixnum)), fxcopyBitField),
		scheme.Row("fxrotate-bit-field", specFx, "Bits fx2 to fx3 of fx1 rotated left by fx4.", lam(req("fx1", typeFixnum), req("fx2", typeIndexFx), req("fx3", typeIndexFx), req("fx4", typeIndexFx)), fxrotateBitField),
		scheme.Row("fxreverse-bit-field", specFx, "Bits fx2 to fx3 of fx1 reversed.", lam(req("fx1", typeFixnum), req("fx2", typeIndexFx), req("fx3", typeIndexFx)), fxreverseBitField),
		scheme.Row("fixnum-width", specFx, "The number of bits of a fixnum: 64.", none, fixnumWidth),
		scheme.Row("greatest-fixnum", specFx, "The largest fixnum.", none, greatestFixnum),
		scheme.Row("least-fixnum", specFx, "The smallest fixnum.", none, leastFixnum),
		scheme.Row("fx=?", specFx, "Are the fixnums equal?", lam(scheme.SpreadRest("fx", typeFixnum)), fxEqP),
		scheme.Row("fx<?", specFx, "Increasing?", lam(scheme.SpreadRest("fx", typeFixnum)), fxLtP),
		scheme.Row("fx>?", specFx, "Decreasing?", lam(scheme.SpreadRest("fx", typeFixnum)), fxGtP),
		scheme.Row("fx<=?", specFx, "Non-decreasing?", lam(scheme.SpreadRest("fx", typeFixnum)), fxLeP),
		scheme.Row("fx>=?", specFx, "Non-increasing?", lam(scheme.SpreadRest("fx", typeFixnum)), fxGeP),
		scheme.Row("fxzero?", specFx, "Is fx zero?", lam(req("fx", typeFixnum)), fxzeroP),
		scheme.Row("fxpositive?", specFx, "Is fx positive?", lam(req("fx", typeFixnum)), fxpositiveP),
		scheme.Row("fxnegative?", specFx, "Is fx negative?", lam(req("fx", typeFixnum)), fxnegativeP),
		scheme.Row("fxodd?", specFx, "Is fx odd?", lam(req("fx", typeFixnum)), fxoddP),
		scheme.Row("fxeven?", specFx, "Is fx even?", lam(req("fx", typeFixnum)), fxevenP),
		scheme.Row("fxmax", specFx, "The largest argument.", lam(req("fx1", typeFixnum), scheme.SpreadRest("fx", typeFixnum)), fxmax),
		scheme.Row("fxmin", specFx, "The smallest argument.", lam(req("fx1", typeFixnum), scheme.SpreadRest("fx", typeFixnum)), fxmin),
		scheme.Row("fxand", specFx, "Bitwise and.", lam(scheme.SpreadRest("fx", typeFixnum)), fxand),
		scheme.Row("fxior", specFx, "Bitwise inclusive or.", lam(scheme.SpreadRest("fx", typeFixnum)), fxior),
		scheme.Row("fxxor", specFx, "Bitwise exclusive or.", lam(scheme.SpreadRest("fx", typeFixnum)), fxxor),
		scheme.Row("fxnot", specFx, "Bitwise not.", lam(req("fx", typeFixnum)), fxnot),
		scheme.Row("fx+", specFx, "Sum; &implementation-restriction when it is not a fixnum.", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxPlus),
		scheme.Row("fx-", specFx, "Difference (negation with one argument).", lam(req("fx1", typeFixnum), opt("fx2", typeFixnum, nil)), fx),
		scheme.Row("fx*", specFx, "Product; &implementation-restriction when it is not a fixnum.", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxStar),
		scheme.Row("fxdiv", specFx, "R6RS div on fixnums.", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxdiv),
		scheme.Row("fxmod", specFx, "R6RS mod on fixnums.", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxmod),
		scheme.Row("fxarithmetic-shift", specFx, "Shift left by fx2 (right when negative).", lam(req("fx1", typeFixnum), req("fx2", typeFixnum)), fxarithmeticShift),
		scheme.Row("fxarithmetic-shift-left", specFx, "Shift left.", lam(req("fx1", typeFixnum), req("fx2", typeIndexFx)), fxarithmeticShiftLeft),
		scheme.Row("fxarithmetic-shift-right", specFx, "Arithmetic shift right.", lam(req("fx1", typeFixnum), req("fx2", typeIndexFx)), fxarithmeticShiftRight),
		scheme.Row("fxbit-set?", specFx, "Is bit fx2 of fx1 set?", lam(req("fx1", typeFixnum), req("fx2", typeIndexFx)), fxbitSetP),
		scheme.Row("fxlength", specFx, "Number of bits needed, excluding the sign.", lam(req("fx", typeFixnum)), fxlength),
		scheme.Row("fxbit-count", specFx, "Number of set bits (of the complement, negated, when negative).", lam(req("fx", typeFixnum)), fxbitCount),
		scheme.Row("fxfirst-bit-set", specFx, "Index of the least significant set bit, or -1.", lam(req("fx", typeFixnum)), fxfirstBitSet),
	}
}
