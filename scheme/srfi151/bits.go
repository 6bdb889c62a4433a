// The bit operations of SRFI-151 and SRFI-60 over exact integers of any
// size, in two's complement.

package srfi151

import (
	"math/big"

	"github.com/tlsport/tlsport/scheme"
)

var (
	integer = scheme.TypeExactInteger
	index   = scheme.TypeIndex
)

// bit reports whether bit i of n is set, in two's complement.
func bit(n scheme.Value, i int) bool {
	if x, ok := n.(scheme.Fixnum); ok {
		if i >= 63 {
			return x < 0
		}
		return x>>uint(i)&1 == 1
	}
	z := scheme.BigInt(n)
	if z.Sign() < 0 {
		z.Not(z) // bit i of n is the complement of bit i of -n-1
		return z.Bit(i) == 0
	}
	return z.Bit(i) == 1
}

// setBit returns n with bit i set to b.
func setBit(n scheme.Value, i int, b bool) scheme.Value {
	if x, ok := n.(scheme.Fixnum); ok && i < 62 {
		if b {
			return x | 1<<uint(i)
		}
		return x &^ (1 << uint(i))
	}
	z := scheme.BigInt(n)
	v := uint(0)
	if b {
		v = 1
	}
	return scheme.NormBig(z.SetBit(z, i, v))
}

// width checks the bit field start to end (arguments pos and pos+1 of
// who): start ≤ end, and a mask of end bits within the allocation bound.
func width(who string, pos int, a []scheme.Value) (start, end int, err error) {
	start, end = int(a[pos].(scheme.Fixnum)), int(a[pos+1].(scheme.Fixnum))
	if start > end {
		return 0, 0, scheme.RangeError(who, pos+2, "end before start", a[pos+1])
	}
	if uint64(end)/8 > scheme.MaxAllocation() {
		return 0, 0, scheme.RangeError(who, pos+2, "more memory than allowed", a[pos+1])
	}
	return start, end, nil
}

// mask returns the integer with bits start to end set.
func mask(start, end int) *big.Int {
	m := new(big.Int).Lsh(big.NewInt(1), uint(end-start))
	m.Sub(m, big.NewInt(1))
	return m.Lsh(m, uint(start))
}

// field returns bits start to end of n, shifted down to bit 0.
func field(n scheme.Value, start, end int) *big.Int {
	z := scheme.BigInt(n)
	z.Rsh(z, uint(start))
	return z.And(z, mask(0, end-start))
}

// replace returns dest with bits start to end replaced by the low bits of src.
func replace(dest scheme.Value, src *big.Int, start, end int) scheme.Value {
	m := mask(start, end)
	z := scheme.BigInt(dest)
	z.AndNot(z, m)
	s := new(big.Int).Lsh(src, uint(start))
	s.And(s, m)
	return scheme.NormBig(z.Or(z, s))
}

func big2(a []scheme.Value) (*big.Int, *big.Int) { return scheme.BigInt(a[0]), scheme.BigInt(a[1]) }

// bitwiseEqv implements bitwise-eqv.
func bitwiseEqv(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	acc := big.NewInt(-1)
	for i, v := range a {
		if i == 0 {
			acc = scheme.BigInt(v)
			continue
		}
		acc.Xor(acc, scheme.BigInt(v))
		acc.Not(acc)
	}
	return scheme.NormBig(acc), nil
}

// bitwiseNand implements bitwise-nand.
func bitwiseNand(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := big2(a)
	x.And(x, y)
	return scheme.NormBig(x.Not(x)), nil
}

// bitwiseNor implements bitwise-nor.
func bitwiseNor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := big2(a)
	x.Or(x, y)
	return scheme.NormBig(x.Not(x)), nil
}

// bitwiseAndc1 implements bitwise-andc1.
func bitwiseAndc1(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := big2(a)
	return scheme.NormBig(y.AndNot(y, x)), nil
}

// bitwiseAndc2 implements bitwise-andc2.
func bitwiseAndc2(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := big2(a)
	return scheme.NormBig(x.AndNot(x, y)), nil
}

// bitwiseOrc1 implements bitwise-orc1.
func bitwiseOrc1(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := big2(a)
	x.Not(x)
	return scheme.NormBig(x.Or(x, y)), nil
}

// bitwiseOrc2 implements bitwise-orc2.
func bitwiseOrc2(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := big2(a)
	y.Not(y)
	return scheme.NormBig(x.Or(x, y)), nil
}

// bitCount implements bit-count.
func bitCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	z := scheme.BigInt(a[0])
	if z.Sign() < 0 {
		z.Not(z)
	}
	n := 0
	for _, w := range z.Bits() {
		for ; w != 0; w &= w - 1 {
			n++
		}
	}
	return scheme.Fixnum(n), nil
}

// bitwiseIf implements bitwise-if.
func bitwiseIf(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m, x := big2(a)
	y := scheme.BigInt(a[2])
	x.And(x, m)
	y.AndNot(y, m)
	return scheme.NormBig(x.Or(x, y)), nil
}

// bitSetP implements bit-set?.
func bitSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(bit(a[1], int(a[0].(scheme.Fixnum)))), nil
}

// bitIndex is argument pos of who, the index of a bit to set: an index
// whose integer would not fit the allocation bound is an out-of-range error
// (math/big would panic making it).
func bitIndex(who string, pos int, a []scheme.Value) (int, error) {
	i := int(a[pos].(scheme.Fixnum))
	if uint64(i)/8 > scheme.MaxAllocation() {
		return 0, scheme.RangeError(who, pos+1, "more memory than allowed", a[pos])
	}
	return i, nil
}

// copyBit implements copy-bit.
func copyBit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	i, err := bitIndex("copy-bit", 0, a)
	if err != nil {
		return nil, err
	}
	return setBit(a[1], i, a[2] != scheme.False), nil
}

// bitSwap implements bit-swap.
func bitSwap(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	i, err := bitIndex("bit-swap", 0, a)
	if err != nil {
		return nil, err
	}
	j, err := bitIndex("bit-swap", 1, a)
	if err != nil {
		return nil, err
	}
	bi, bj := bit(a[2], i), bit(a[2], j)
	return setBit(setBit(a[2], i, bj), j, bi), nil
}

// anyBitSetP implements any-bit-set?.
func anyBitSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := big2(a)
	return scheme.MakeBool(x.And(x, y).Sign() != 0), nil
}

// everyBitSetP implements every-bit-set?.
func everyBitSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := big2(a)
	return scheme.MakeBool(new(big.Int).And(x, y).Cmp(x) == 0), nil
}

// firstSetBit implements first-set-bit.
func firstSetBit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	z := scheme.BigInt(a[0])
	if z.Sign() == 0 {
		return scheme.Fixnum(-1), nil
	}
	if z.Sign() < 0 {
		z.Neg(z) // -n has the same lowest set bit as n
	}
	return scheme.Fixnum(z.TrailingZeroBits()), nil
}

// bitField implements bit-field.
func bitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width("bit-field", 1, a)
	if err != nil {
		return nil, err
	}
	return scheme.NormBig(field(a[0], start, end)), nil
}

// bitFieldAnyP implements bit-field-any?.
func bitFieldAnyP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width("bit-field-any?", 1, a)
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(field(a[0], start, end).Sign() != 0), nil
}

// bitFieldEveryP implements bit-field-every?.
func bitFieldEveryP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width("bit-field-every?", 1, a)
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(field(a[0], start, end).Cmp(mask(0, end-start)) == 0), nil
}

// bitFieldClear implements bit-field-clear.
func bitFieldClear(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width("bit-field-clear", 1, a)
	if err != nil {
		return nil, err
	}
	return replace(a[0], new(big.Int), start, end), nil
}

// bitFieldSet implements bit-field-set.
func bitFieldSet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width("bit-field-set", 1, a)
	if err != nil {
		return nil, err
	}
	return replace(a[0], big.NewInt(-1), start, end), nil
}

// bitFieldReplace implements bit-field-replace.
func bitFieldReplace(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return replaceField("bit-field-replace", a)
}

// replaceField is bit-field-replace for who.
func replaceField(who string, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width(who, 2, a)
	if err != nil {
		return nil, err
	}
	return replace(a[0], scheme.BigInt(a[1]), start, end), nil
}

// bitFieldReplaceSame implements bit-field-replace-same.
func bitFieldReplaceSame(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width("bit-field-replace-same", 2, a)
	if err != nil {
		return nil, err
	}
	return replace(a[0], field(a[1], start, end), start, end), nil
}

// bitFieldRotate implements bit-field-rotate.
func bitFieldRotate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return rotate("bit-field-rotate", a)
}

// rotate is bit-field-rotate for who.
func rotate(who string, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width(who, 2, a)
	if err != nil || end == start {
		return a[0], err
	}
	w := end - start
	c := scheme.BigInt(a[1])
	c.Mod(c, big.NewInt(int64(w))) // Euclidean: 0 ≤ c < w
	k := uint(c.Int64())
	f := field(a[0], start, end)
	hi := new(big.Int).Lsh(f, k)
	f.Rsh(f, uint(w)-k)
	return replace(a[0], hi.Or(hi, f), start, end), nil
}

// bitFieldReverse implements bit-field-reverse.
func bitFieldReverse(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return reverse("bit-field-reverse", a)
}

// reverse is bit-field-reverse for who.
func reverse(who string, a []scheme.Value) (scheme.Value, error) {
	start, end, err := width(who, 1, a)
	if err != nil {
		return nil, err
	}
	f := field(a[0], start, end)
	r := new(big.Int)
	for i := 0; i < end-start; i++ {
		if f.Bit(i) == 1 {
			r.SetBit(r, end-start-1-i, 1)
		}
	}
	return replace(a[0], r, start, end), nil
}

// bitLength returns the optional length argument a[1] of bits->list and
// bits->vector (checked against the allocation bound), or n's
// integer-length.
func bitLength(a []scheme.Value) (int, error) {
	if scheme.IsDefault(a[1]) {
		z := scheme.BigInt(a[0])
		if z.Sign() < 0 {
			z.Not(z)
		}
		return z.BitLen(), nil
	}
	return scheme.ArgSize(2, a[1], 16)
}

// bitList returns bits 0 to n-1 of a[0] as booleans, the least
// significant first.
func bitList(a []scheme.Value) ([]scheme.Value, error) {
	n, err := bitLength(a)
	if err != nil {
		return nil, err
	}
	out := make([]scheme.Value, n)
	for i := range out {
		out[i] = scheme.MakeBool(bit(a[0], i))
	}
	return out, nil
}

// bitsToList implements bits->list.
func bitsToList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, err := bitList(a)
	if err != nil {
		return nil, err
	}
	return scheme.List(l...), nil
}

// bitsToVector implements bits->vector.
func bitsToVector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, err := bitList(a)
	if err != nil {
		return nil, err
	}
	return &scheme.Vector{Items: l}, nil
}

// fromBits returns the integer whose bit i is set when bs[i] is true (not #f).
func fromBits(bs []scheme.Value) scheme.Value {
	z := new(big.Int)
	for i, b := range bs {
		if b != scheme.False {
			z.SetBit(z, i, 1)
		}
	}
	return scheme.NormBig(z)
}

// listToBits implements list->bits.
func listToBits(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, _ := scheme.ListToSlice(a[0])
	return fromBits(l), nil
}

// vectorToBits implements vector->bits.
func vectorToBits(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fromBits(a[0].(*scheme.Vector).Items), nil
}

// bits implements bits.
func bits(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fromBits(a), nil
}
