// SRFI-143 fixnums: the rows of (srfi 143). As in the reference
// implementation (chez-srfi's %3a143, over R6RS), most are R6RS's
// (rnrs arithmetic fixnums) procedures, called through that library's rows;
// the rest are Go.

// Package srfi143 is SRFI-143, (srfi 143), (srfi :143 fixnums) or
// srfi-143: fixnum operations, on tlsport's 64-bit fixnums. A result
// that is not a fixnum is an error (R6RS's &implementation-restriction),
// not a wrapped one as with CHICKEN's (chicken fixnum) fx+ & co.; the
// library is ImportOnly, so those keep their meaning where a program does
// not import it. Unlike the reference, which passes R6RS's procedures on,
// fxbit-set? and fxcopy-bit take the SRFI's argument order (the index
// first, and a boolean for fxcopy-bit), and fxbit-field-rotate takes any
// count.
package srfi143

import (
	"math"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-143"

// fixnums is the library most rows call into.
const fixnums = "(rnrs arithmetic fixnums)"

var (
	fixnumT = scheme.TypeFixnum
	ix      = scheme.TypeIndex
	req     = scheme.Req
	lam     = scheme.Lambda
	one     = scheme.Params{Required: []string{"i"}}
	two     = scheme.Params{Required: []string{"i", "j"}}
	many    = scheme.Params{Rest: "i", Spread: true}
)

// Library is the (srfi 143) binding table.
var Library = &scheme.Library{Name: "(srfi 143)", Doc: "SRFI-143: fixnum operations, on 64-bit fixnums.", ImportOnly: true, TypeKinds: []string{"assertion"},
	Values: []scheme.Binding{
		{Name: "fx-width", Spec: spec, Doc: "The number of bits of a fixnum: 64.", Value: scheme.Fixnum(64)},
		{Name: "fx-greatest", Spec: spec, Doc: "The greatest fixnum, 2^63-1.", Value: scheme.Fixnum(math.MaxInt64)},
		{Name: "fx-least", Spec: spec, Doc: "The least fixnum, -2^63.", Value: scheme.Fixnum(math.MinInt64)},
	},
	Reexports: []string{"fixnum?"},
	Procs: []scheme.Proc{
		{Name: "fx=?", Spec: spec, Args: many, Fn: fxEqP, Doc: "Are the fixnums equal?"},
		{Name: "fx<?", Spec: spec, Args: many, Fn: fxLtP, Doc: "Are the fixnums increasing?"},
		{Name: "fx>?", Spec: spec, Args: many, Fn: fxGtP, Doc: "Are the fixnums decreasing?"},
		{Name: "fx<=?", Spec: spec, Args: many, Fn: fxLeP, Doc: "Are the fixnums non-decreasing?"},
		{Name: "fx>=?", Spec: spec, Args: many, Fn: fxGeP, Doc: "Are the fixnums non-increasing?"},
		{Name: "fxzero?", Spec: spec, Args: one, Fn: fxzeroP, Doc: "Is i zero?"},
		{Name: "fxpositive?", Spec: spec, Args: one, Fn: fxpositiveP, Doc: "Is i positive?"},
		{Name: "fxnegative?", Spec: spec, Args: one, Fn: fxnegativeP, Doc: "Is i negative?"},
		{Name: "fxodd?", Spec: spec, Args: one, Fn: fxoddP, Doc: "Is i odd?"},
		{Name: "fxeven?", Spec: spec, Args: one, Fn: fxevenP, Doc: "Is i even?"},
		{Name: "fxmax", Spec: spec, Args: scheme.Params{Required: []string{"i"}, Rest: "j", Spread: true}, Fn: fxmax, Doc: "The greatest of the fixnums."},
		{Name: "fxmin", Spec: spec, Args: scheme.Params{Required: []string{"i"}, Rest: "j", Spread: true}, Fn: fxmin, Doc: "The least of the fixnums."},
		{Name: "fx+", Spec: spec, Args: two, Fn: fxPlus, Doc: "i + j; an error when it is not a fixnum."},
		{Name: "fx-", Spec: spec, Args: two, Fn: fx, Doc: "i - j; an error when it is not a fixnum."},
		{Name: "fx*", Spec: spec, Args: two, Fn: fxStar, Doc: "i × j; an error when it is not a fixnum."},
		{Name: "fxneg", Spec: spec, Args: one, Fn: fxneg, Doc: "-i; an error for fx-least."},
		{Name: "fxquotient", Spec: spec, Args: lam(req("i", fixnumT), req("j", fixnumT)), Fn: fxquotient, Doc: "i divided by j, truncated towards zero."},
		{Name: "fxremainder", Spec: spec, Args: lam(req("i", fixnumT), req("j", fixnumT)), Fn: fxremainder, Doc: "The remainder of i divided by j, with the sign of i."},
		{Name: "fxabs", Spec: spec, Args: lam(req("i", fixnumT)), Fn: fxabs, Doc: "The absolute value of i; an error for fx-least."},
		{Name: "fxsquare", Spec: spec, Args: one, Fn: fxsquare, Doc: "i × i; an error when it is not a fixnum."},
		{Name: "fxsqrt", Spec: spec, Args: lam(req("i", ix)), Fn: fxsqrt, Doc: "Two values: the greatest s with s × s ≤ i, and i - s × s (exact-integer-sqrt)."},
		{Name: "fx+/carry", Spec: spec, Args: scheme.Params{Required: []string{"i", "j", "k"}}, Fn: fxPlusWithCarry, Doc: "Two fixnums s0 and s1 with i + j + k = s0 + s1 × 2^fx-width."},
		{Name: "fx-/carry", Spec: spec, Args: scheme.Params{Required: []string{"i", "j", "k"}}, Fn: fxWithCarry, Doc: "Two fixnums s0 and s1 with i - j - k = s0 + s1 × 2^fx-width."},
		{Name: "fx*/carry", Spec: spec, Args: scheme.Params{Required: []string{"i", "j", "k"}}, Fn: fxStarWithCarry, Doc: "Two fixnums s0 and s1 with i × j + k = s0 + s1 × 2^fx-width."},
		{Name: "fxnot", Spec: spec, Args: one, Fn: fxnot, Doc: "The bitwise complement of i."},
		{Name: "fxand", Spec: spec, Args: many, Fn: fxand, Doc: "The bitwise and of the fixnums (-1 for none)."},
		{Name: "fxior", Spec: spec, Args: many, Fn: fxior, Doc: "The bitwise inclusive or of the fixnums (0 for none)."},
		{Name: "fxxor", Spec: spec, Args: many, Fn: fxxor, Doc: "The bitwise exclusive or of the fixnums (0 for none)."},
		{Name: "fxarithmetic-shift", Spec: spec, Args: scheme.Params{Required: []string{"i", "count"}}, Fn: fxarithmeticShift, Doc: "i shifted left by count bits, right when count is negative."},
		{Name: "fxarithmetic-shift-left", Spec: spec, Args: scheme.Params{Required: []string{"i", "count"}}, Fn: fxarithmeticShiftLeft, Doc: "i shifted left by count bits."},
		{Name: "fxarithmetic-shift-right", Spec: spec, Args: scheme.Params{Required: []string{"i", "count"}}, Fn: fxarithmeticShiftRight, Doc: "i shifted right (arithmetically) by count bits."},
		{Name: "fxbit-count", Spec: spec, Args: one, Fn: fxbitCount, Doc: "The number of bits set in i (of those clear, when i is negative)."},
		{Name: "fxlength", Spec: spec, Args: one, Fn: fxlength, Doc: "The number of bits needed to represent i, the sign aside."},
		{Name: "fxif", Spec: spec, Args: scheme.Params{Required: []string{"mask", "i", "j"}}, Fn: fxif, Doc: "The bits of i where mask has ones, of j where it has zeros."},
		{Name: "fxbit-set?", Spec: spec, Args: scheme.Params{Required: []string{"index", "i"}}, Fn: fxbitSetP, Doc: "Is bit index of i set?"},
		{Name: "fxcopy-bit", Spec: spec, Args: scheme.Params{Required: []string{"index", "i", "boolean"}}, Fn: fxcopyBit, Doc: "i with bit index set (boolean true) or cleared (#f)."},
		{Name: "fxfirst-set-bit", Spec: spec, Args: one, Fn: fxfirstSetBit, Doc: "The index of the lowest bit set in i, -1 for 0."},
		{Name: "fxbit-field", Spec: spec, Args: scheme.Params{Required: []string{"i", "start", "end"}}, Fn: fxbitField, Doc: "Bits start (included) to end (excluded) of i, shifted to the right."},
		{Name: "fxbit-field-rotate", Spec: spec, Args: lam(req("i", fixnumT), req("count", fixnumT), req("start", ix), req("end", ix)), Fn: fxbitFieldRotate,
			Doc: "i with bits start to end rotated left by count (right when negative)."},
		{Name: "fxbit-field-reverse", Spec: spec, Args: scheme.Params{Required: []string{"i", "start", "end"}}, Fn: fxbitFieldReverse, Doc: "i with bits start to end reversed."},
	}}

// call tail-calls (rnrs arithmetic fixnums)'s row r6 with the arguments
// a: the body of most rows, whose arguments that row checks.
func call(th *scheme.Thread, r6 string, a []scheme.Value) (scheme.Value, error) {
	return scheme.TailCallRow(th, fixnums, r6, a)
}

func fxEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx=?", a) }

func fxLtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx<?", a) }

func fxGtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx>?", a) }

func fxLeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx<=?", a) }

func fxGeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx>=?", a) }

func fxzeroP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxzero?", a)
}

func fxpositiveP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxpositive?", a)
}

func fxnegativeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxnegative?", a)
}

func fxoddP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fxodd?", a) }

func fxevenP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxeven?", a)
}

func fxmax(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fxmax", a) }

func fxmin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fxmin", a) }

func fxPlus(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx+", a) }

func fx(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx-", a) }

func fxStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx*", a) }

func fxPlusWithCarry(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fx+/carry", a)
}

func fxWithCarry(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fx-/carry", a)
}

func fxStarWithCarry(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fx*/carry", a)
}

func fxnot(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fxnot", a) }

func fxand(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fxand", a) }

func fxior(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fxior", a) }

func fxxor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fxxor", a) }

func fxarithmeticShift(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxarithmetic-shift", a)
}

func fxarithmeticShiftLeft(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxarithmetic-shift-left", a)
}

func fxarithmeticShiftRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxarithmetic-shift-right", a)
}

func fxbitCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxbit-count", a)
}

func fxlength(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxlength", a)
}

func fxif(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fxif", a) }

func fxbitField(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxbit-field", a)
}

func fxneg(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) { return call(th, "fx-", a) }

func fxsquare(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fx*", []scheme.Value{a[0], a[0]})
}

// fxbitSetP is fxbit-set?: R6RS's takes i first, the SRFI index.
func fxbitSetP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxbit-set?", []scheme.Value{a[1], a[0]})
}

// fxcopyBit is fxcopy-bit: R6RS's takes i first, the SRFI index, and a
// bit (0 or 1) where the SRFI takes a boolean.
func fxcopyBit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	bit := scheme.Fixnum(0)
	if a[2] != scheme.False {
		bit = 1
	}
	return call(th, "fxcopy-bit", []scheme.Value{a[1], a[0], bit})
}

func fxfirstSetBit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxfirst-bit-set", a)
}

func fxbitFieldReverse(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return call(th, "fxreverse-bit-field", a)
}

func fixnum(v scheme.Value) int64 { return int64(v.(scheme.Fixnum)) }

// divide checks the operands of fxquotient and fxremainder.
func divide(a []scheme.Value) (int64, int64, error) {
	i, j := fixnum(a[0]), fixnum(a[1])
	if j == 0 {
		return 0, 0, scheme.RangeError("", 2, "division by zero", a[1])
	}
	return i, j, nil
}

func fxquotient(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	i, j, err := divide(a)
	if err != nil {
		return nil, err
	}
	if i == math.MinInt64 && j == -1 {
		return nil, notFixnum(a)
	}
	return scheme.Fixnum(i / j), nil
}

func fxremainder(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	i, j, err := divide(a)
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(i % j), nil
}

func fxabs(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	i := fixnum(a[0])
	switch {
	case i == math.MinInt64:
		return nil, notFixnum(a)
	case i < 0:
		return scheme.Fixnum(-i), nil
	}
	return a[0], nil
}

// notFixnum is the error of an operation on a whose result is not a
// fixnum, as R6RS's fixnum procedures raise it.
func notFixnum(a []scheme.Value) error {
	return scheme.NewError("", "result is not a fixnum", a, "implementation-restriction")
}

func fxsqrt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	i := fixnum(a[0])
	s := int64(math.Sqrt(float64(i)))
	for s > 0 && s > i/s { // s × s > i, without overflow
		s--
	}
	for s+1 <= i/(s+1) {
		s++
	}
	return scheme.Values(scheme.Fixnum(s), scheme.Fixnum(i-s*s)), nil
}

// fxbitFieldRotate is fxbit-field-rotate: R6RS's fxrotate-bit-field, whose
// count must be below the field's width, with count taken modulo it.
func fxbitFieldRotate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	count, start, end := fixnum(a[1]), fixnum(a[2]), fixnum(a[3])
	if start > end {
		return nil, scheme.RangeError("", 3, "start after end", a[2])
	}
	if w := end - start; w > 0 {
		count %= w
		if count < 0 {
			count += w
		}
	} else {
		count = 0
	}
	return call(th, "fxrotate-bit-field", []scheme.Value{a[0], a[2], a[3], scheme.Fixnum(count)})
}
