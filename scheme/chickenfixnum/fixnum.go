// CHICKEN's (chicken fixnum): fixnum arithmetic, comparison, overflow-aware operations and limits.

// Package chickenfixnum is the (chicken fixnum) library. tlsport's fixnums
// are 64-bit: fx+ and friends wrap around on overflow (as CHICKEN's do,
// unchecked), fx+? and friends return #f instead.
package chickenfixnum

import (
	"math"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken fixnum)"

var fixnum = scheme.TypeFixnum

// two, one and checked make the rows of the table; being calls with
// constants that return a literal, the compiler makes the table static
// data (with LazyArgs: nothing built at start-up).
func two(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, LazyArgs: twoArgs, Fn: fn}
}

func one(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, LazyArgs: oneArg, Fn: fn}
}

func checked(name, doc string, fn scheme.PrimFn) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Doc: doc, LazyArgs: checkedArgs, Fn: fn}
}

func twoArgs() scheme.Params {
	return scheme.Lambda(scheme.Req("n1", fixnum), scheme.Req("n2", fixnum))
}

func oneArg() scheme.Params { return scheme.Lambda(scheme.Req("n", fixnum)) }

func checkedArgs() scheme.Params { return scheme.Lambda(scheme.Req("n1", nil), scheme.Req("n2", nil)) }

var procs = []scheme.Proc{
	two("fx+", "n1 + n2, wrapping around on overflow.", fxPlus),
	two("fx-", "n1 - n2, wrapping around on overflow.", fx),
	two("fx*", "n1 × n2, wrapping around on overflow.", fxStar),
	two("fx/", "n1 / n2 truncated; an (exn arithmetic) error when n2 is 0.", fxWith),
	two("fxmod", "n1 modulo n2 (the sign of n2); an (exn arithmetic) error when n2 is 0.", fxmod),
	two("fxrem", "The remainder of n1 / n2 (the sign of n1); an (exn arithmetic) error when n2 is 0.", fxrem),
	one("fxneg", "-n.", fxneg),
	two("fxmin", "The smaller of n1 and n2.", fxmin),
	two("fxmax", "The larger of n1 and n2.", fxmax),
	two("fxand", "Bitwise and.", fxand),
	two("fxior", "Bitwise inclusive or.", fxior),
	two("fxxor", "Bitwise exclusive or.", fxxor),
	one("fxnot", "Bitwise complement.", fxnot),
	two("fxshl", "n1 shifted left arithmetically by n2 bits.", fxshl),
	two("fxshr", "n1 shifted right arithmetically by n2 bits.", fxshr),
	two("fxgcd", "The greatest common divisor of n1 and n2.", fxgcd),
	checked("fx+?", "n1 + n2, or #f when an argument is not a fixnum or the sum overflows.", fxPlusP),
	checked("fx-?", "n1 - n2, or #f when an argument is not a fixnum or the difference overflows.", fxP),
	checked("fx*?", "n1 × n2, or #f when an argument is not a fixnum or the product overflows.", fxStarP),
	checked("fx/?", "n1 / n2 truncated, or #f when an argument is not a fixnum, n2 is 0 or the quotient overflows.", fxWithP),
	one("fxodd?", "Is n odd?", fxoddP),
	one("fxeven?", "Is n even?", fxevenP),
	two("fx=", "Is n1 = n2?", fxEq),
	two("fx>", "Is n1 > n2?", fxGt),
	two("fx<", "Is n1 < n2?", fxLt),
	two("fx>=", "Is n1 ≥ n2?", fxGe),
	two("fx<=", "Is n1 ≤ n2?", fxLe),
}

// Library is the (chicken fixnum) binding table.
var Library = &scheme.Library{Name: "(chicken fixnum)", Doc: "CHICKEN 5's (chicken fixnum): operations on 64-bit fixnums.", Procs: procs,
	Values: []scheme.Binding{
		{Name: "most-positive-fixnum", Spec: spec, Doc: "The largest fixnum, 2^63-1.", Value: scheme.Fixnum(math.MaxInt64)},
		{Name: "most-negative-fixnum", Spec: spec, Doc: "The smallest fixnum, -2^63.", Value: scheme.Fixnum(math.MinInt64)},
		{Name: "fixnum-bits", Spec: spec, Doc: "The number of bits of a fixnum, 64.", Value: scheme.Fixnum(64)},
		{Name: "fixnum-precision", Spec: spec, Doc: "The number of bits of a fixnum's magnitude, 63.", Value: scheme.Fixnum(63)},
	}}

func args2(a []scheme.Value) (int64, int64) {
	return int64(a[0].(scheme.Fixnum)), int64(a[1].(scheme.Fixnum))
}

func num(n int64) (scheme.Value, error) { return scheme.Fixnum(n), nil }

func divByZero(who string, a []scheme.Value) error {
	return scheme.NewError(who, "division by zero", a[:2], "arithmetic")
}

// fxPlus implements fx+.
func fxPlus(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return num(x + y)
}

// fx implements fx-.
func fx(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return num(x - y)
}

// fxStar implements fx*.
func fxStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return num(x * y)
}

// fxWith implements fx/.
func fxWith(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	if y == 0 {
		return nil, divByZero("fx/", a)
	}
	return num(x / y)
}

// fxmod implements fxmod.
func fxmod(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	if y == 0 {
		return nil, divByZero("fxmod", a)
	}
	m := x % y
	if m != 0 && (m < 0) != (y < 0) {
		m += y
	}
	return num(m)
}

// fxrem implements fxrem.
func fxrem(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	if y == 0 {
		return nil, divByZero("fxrem", a)
	}
	return num(x % y)
}

// fxneg implements fxneg.
func fxneg(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return num(-int64(a[0].(scheme.Fixnum)))
}

// fxmin implements fxmin.
func fxmin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return num(min(x, y))
}

// fxmax implements fxmax.
func fxmax(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return num(max(x, y))
}

// fxand implements fxand.
func fxand(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return num(x & y)
}

// fxior implements fxior.
func fxior(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return num(x | y)
}

// fxxor implements fxxor.
func fxxor(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return num(x ^ y)
}

// fxnot implements fxnot.
func fxnot(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return num(^int64(a[0].(scheme.Fixnum)))
}

// fxshl implements fxshl.
func fxshl(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	if y < 0 {
		return nil, scheme.RangeError("fxshl", 2, "negative shift", a[1])
	}
	return num(x << uint(y))
}

// fxshr implements fxshr.
func fxshr(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	if y < 0 {
		return nil, scheme.RangeError("fxshr", 2, "negative shift", a[1])
	}
	return num(x >> uint(y))
}

// fxgcd implements fxgcd.
func fxgcd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	for y != 0 {
		x, y = y, x%y
	}
	if x < 0 {
		x = -x
	}
	return num(x)
}

// fixArgs returns the two arguments when both are fixnums.
func fixArgs(a []scheme.Value) (x, y int64, ok bool) {
	p, ok1 := a[0].(scheme.Fixnum)
	q, ok2 := a[1].(scheme.Fixnum)
	return int64(p), int64(q), ok1 && ok2
}

// fxPlusP implements fx+?.
func fxPlusP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y, ok := fixArgs(a)
	s := x + y
	if !ok || (x >= 0) == (y >= 0) && (s >= 0) != (x >= 0) {
		return scheme.False, nil
	}
	return num(s)
}

// fxP implements fx-?.
func fxP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y, ok := fixArgs(a)
	d := x - y
	if !ok || (x >= 0) != (y >= 0) && (d >= 0) != (x >= 0) {
		return scheme.False, nil
	}
	return num(d)
}

// fxStarP implements fx*?.
func fxStarP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y, ok := fixArgs(a)
	p := x * y
	if !ok || x != 0 && (p/x != y || x == -1 && y == math.MinInt64) {
		return scheme.False, nil
	}
	return num(p)
}

// fxWithP implements fx/?.
func fxWithP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y, ok := fixArgs(a)
	if !ok || y == 0 || x == math.MinInt64 && y == -1 {
		return scheme.False, nil
	}
	return num(x / y)
}

// fxoddP implements fxodd?.
func fxoddP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0].(scheme.Fixnum)&1 == 1), nil
}

// fxevenP implements fxeven?.
func fxevenP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0].(scheme.Fixnum)&1 == 0), nil
}

// fxEq implements fx=.
func fxEq(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return scheme.MakeBool(x == y), nil
}

// fxGt implements fx>.
func fxGt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return scheme.MakeBool(x > y), nil
}

// fxLt implements fx<.
func fxLt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return scheme.MakeBool(x < y), nil
}

// fxGe implements fx>=.
func fxGe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return scheme.MakeBool(x >= y), nil
}

// fxLe implements fx<=.
func fxLe(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, y := args2(a)
	return scheme.MakeBool(x <= y), nil
}
