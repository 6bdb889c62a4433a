// CHICKEN's (chicken bitwise): bitwise operations on exact integers of any size.

// Package chickenbitwise is the (chicken bitwise) library: two's-complement
// bitwise operations on exact integers, fixnums and bignums alike.
package chickenbitwise

import (
	"math/big"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken bitwise)"

var integer = scheme.TypeExactInteger

var procs = []scheme.Proc{
	{Name: "bitwise-and", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("n", integer)) },
		Doc: "The bitwise and of the ns (-1 for none).", Fn: bitwiseAnd},
	{Name: "bitwise-ior", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("n", integer)) },
		Doc: "The bitwise inclusive or of the ns (0 for none).", Fn: bitwiseIor},
	{Name: "bitwise-xor", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("n", integer)) },
		Doc: "The bitwise exclusive or of the ns (0 for none).", Fn: bitwiseXor},
	{Name: "bitwise-not", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("n", integer)) },
		Doc: "The bitwise complement of n, -n-1.", Fn: bitwiseNot},
	{Name: "arithmetic-shift", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("n1", integer), scheme.Req("n2", integer)) },
		Doc: "n1 shifted left by n2 bits (right when n2 is negative, rounding towards minus infinity).", Fn: arithmeticShift},
	{Name: "bit->boolean", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("n", integer), scheme.Req("index", scheme.TypeIndex))
	},
		Doc: "Is bit index of n set (bit 0 the least significant, in two's complement)?", Fn: bitToBoolean},
	{Name: "integer-length", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("n", integer)) },
		Doc: "The number of bits needed to represent n in two's complement, the sign bit excluded.", Fn: integerLength},
}

// Library is the (chicken bitwise) binding table.
var Library = &scheme.Library{Name: "(chicken bitwise)", Doc: "CHICKEN 5's (chicken bitwise): bitwise operations on exact integers.", Procs: procs}

func fold(a []scheme.Value, init int64, fix func(x, y int64) int64, bg func(z, x, y *big.Int) *big.Int) (scheme.Value, error) {
	acc := init
	i := 0
	for ; i < len(a); i++ {
		x, ok := a[i].(scheme.Fixnum)
		if !ok {
			break
		}
		acc = fix(acc, int64(x))
	}
	if i == len(a) {
		return scheme.Fixnum(acc), nil
	}
	z := big.NewInt(acc)
	for ; i < len(a); i++ {
		bg(z, z, scheme.BigInt(a[i]))
	}
	return scheme.NormBig(z), nil
}

// bitwiseAnd implements bitwise-and.
func bitwiseAnd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fold(a, -1, func(x, y int64) int64 { return x & y }, (*big.Int).And)
}

// bitwiseIor implements bitwise-ior.
func bitwiseIor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fold(a, 0, func(x, y int64) int64 { return x | y }, (*big.Int).Or)
}

// bitwiseXor implements bitwise-xor.
func bitwiseXor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return fold(a, 0, func(x, y int64) int64 { return x ^ y }, (*big.Int).Xor)
}

// bitwiseNot implements bitwise-not.
func bitwiseNot(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if x, ok := a[0].(scheme.Fixnum); ok {
		return scheme.Fixnum(^x), nil
	}
	z := scheme.BigInt(a[0])
	return scheme.NormBig(z.Not(z)), nil
}

// maxShift bounds a left shift (2^24 bits is a 2 MiB integer).
const maxShift = 1 << 24

// arithmeticShift implements arithmetic-shift.
func arithmeticShift(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, ok := a[1].(scheme.Fixnum)
	if !ok || s > maxShift {
		return nil, scheme.RangeError("arithmetic-shift", 2, "shift too large", a[1])
	}
	z := scheme.BigInt(a[0])
	if s >= 0 {
		z.Lsh(z, uint(s))
	} else if -s > 1<<30 {
		if z.Sign() < 0 {
			return scheme.Fixnum(-1), nil
		}
		return scheme.Fixnum(0), nil
	} else {
		z.Rsh(z, uint(-s))
	}
	return scheme.NormBig(z), nil
}

// bitToBoolean implements bit->boolean.
func bitToBoolean(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	i := int(a[1].(scheme.Fixnum))
	z := scheme.BigInt(a[0])
	if z.Sign() < 0 {
		z.Not(z) // bit i of n is the complement of bit i of -n-1
		return scheme.MakeBool(z.Bit(i) == 0), nil
	}
	return scheme.MakeBool(z.Bit(i) == 1), nil
}

// integerLength implements integer-length.
func integerLength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	z := scheme.BigInt(a[0])
	if z.Sign() < 0 {
		z.Not(z)
	}
	return scheme.Fixnum(z.BitLen()), nil
}
