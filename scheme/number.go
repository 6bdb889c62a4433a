// Numeric tower: Fixnum, Bignum, Ratnum, Flonum and generic arithmetic.

package scheme

import (
	"math"
	"math/big"
	"math/bits"
)

// Fixnum is an exact integer fitting in int64.
type Fixnum int64

// Bignum is an exact integer outside the int64 range. Arithmetic results
// are normalised: a Bignum never holds a value that fits in a Fixnum.
type Bignum struct{ I big.Int }

// Ratnum is an exact non-integer rational (its denominator is never 1).
type Ratnum struct{ R big.Rat }

// Flonum is an inexact real.
type Flonum float64

// TypeName implements Value.
func (Fixnum) TypeName() string { return "fixnum" }

// TypeName implements Value.
func (*Bignum) TypeName() string { return "bignum" }

// TypeName implements Value.
func (*Ratnum) TypeName() string { return "ratnum" }

// TypeName implements Value.
func (Flonum) TypeName() string { return "flonum" }

// Number ranks, in order of contagion.
const (
	rankNone = iota
	rankFix
	rankBig
	rankRat
	rankFlo
	rankCpx
)

func numRank(v Value) int {
	switch v.(type) {
	case Fixnum:
		return rankFix
	case *Bignum:
		return rankBig
	case *Ratnum:
		return rankRat
	case Flonum:
		return rankFlo
	case *Compnum:
		return rankCpx
	}
	return rankNone
}

// IsNumber reports whether v is a Scheme number.
func IsNumber(v Value) bool { return numRank(v) != rankNone }

// IsExact reports whether v is an exact number.
func IsExact(v Value) bool {
	if c, ok := v.(*Compnum); ok {
		v = c.Re
	}
	r := numRank(v)
	return r >= rankFix && r <= rankRat
}

// IsExactInteger reports whether v is a Fixnum or Bignum.
func IsExactInteger(v Value) bool { r := numRank(v); return r == rankFix || r == rankBig }

// IsInteger reports whether v is an integer (exact, or an integral flonum).
func IsInteger(v Value) bool {
	switch x := v.(type) {
	case Fixnum, *Bignum:
		return true
	case Flonum:
		f := float64(x)
		return !math.IsInf(f, 0) && f == math.Trunc(f)
	}
	return false
}

// BigOf returns an exact integer (Fixnum or Bignum) as a new big.Int, and
// 0 for any other value.
func BigOf(v Value) *big.Int {
	if b := toBig(v); b != nil {
		return new(big.Int).Set(b)
	}
	return new(big.Int)
}

// NormBig returns b as a Fixnum when it fits, else as a *Bignum (b is kept).
func NormBig(b *big.Int) Value {
	if b.IsInt64() {
		return Fixnum(b.Int64())
	}
	return &Bignum{I: *b}
}

// NormRat returns r as an exact integer when its denominator is 1, else as a *Ratnum.
func NormRat(r *big.Rat) Value {
	if r.IsInt() {
		return NormBig(new(big.Int).Set(r.Num()))
	}
	return &Ratnum{R: *r}
}

// MakeInteger returns the exact integer n.
func MakeInteger(n int64) Value { return Fixnum(n) }

// BigInt returns the exact integer v as a new big.Int the caller may
// modify, or nil when v is not an exact integer.
func BigInt(v Value) *big.Int {
	if b := toBig(v); b != nil {
		return new(big.Int).Set(b)
	}
	return nil
}

func toBig(v Value) *big.Int {
	switch x := v.(type) {
	case Fixnum:
		return big.NewInt(int64(x))
	case *Bignum:
		return &x.I
	}
	return nil
}

func toRat(v Value) *big.Rat {
	switch x := v.(type) {
	case Fixnum:
		return new(big.Rat).SetInt64(int64(x))
	case *Bignum:
		return new(big.Rat).SetInt(&x.I)
	case *Ratnum:
		return &x.R
	case Flonum:
		if r := new(big.Rat).SetFloat64(float64(x)); r != nil {
			return r
		}
	}
	return nil
}

// ToFloat returns the number v as a float64 (0 for non-numbers).
func ToFloat(v Value) float64 {
	switch x := v.(type) {
	case Fixnum:
		return float64(x)
	case Flonum:
		return float64(x)
	case *Bignum:
		f, _ := new(big.Float).SetInt(&x.I).Float64()
		return f
	case *Ratnum:
		f, _ := x.R.Float64()
		return f
	}
	return 0
}

// Add returns a+b; both must be numbers.
func Add(a, b Value) Value {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			s := x + y
			if (x^s)&(y^s) >= 0 {
				return s
			}
		}
	}
	return arithSlow(a, b, '+', func(x, y float64) float64 { return x + y }, (*big.Rat).Add)
}

// arithSlow applies a binary operation at the common rank of a and b (the
// path past fixnum overflow): op over the parts for non-real numbers, flo for
// flonums, rat for ratios, op ('+', '-' or '*') on exact integers.
func arithSlow(a, b Value, op byte, flo func(x, y float64) float64, rat func(z, x, y *big.Rat) *big.Rat) Value {
	switch max(numRank(a), numRank(b)) {
	case rankCpx:
		return complexArith(a, b, op)
	case rankFlo:
		return Flonum(flo(ToFloat(a), ToFloat(b)))
	case rankRat:
		return NormRat(rat(new(big.Rat), toRat(a), toRat(b)))
	}
	return bigArith(a, b, op)
}

// fixWords is the number of big.Words a fixnum's magnitude takes.
const fixWords = 64 / bits.UintSize

// bigArith returns a op b ('+', '-' or '*') of two exact integers, one at
// least a Bignum or the result overflowing a fixnum, in two allocations:
// the new Bignum and, at once, room for its words (what math/big uses for
// the result: Add's and Sub's longer operand and a carry, Mul's lengths
// added) and for a fixnum operand's.
func bigArith(a, b Value, op byte) Value {
	la, lb := intWords(a), intWords(b)
	need := la + lb
	if op != '*' {
		need = max(la, lb) + 1
	}
	fix := 0
	if _, ok := a.(Fixnum); ok {
		fix += fixWords
	}
	if _, ok := b.(Fixnum); ok {
		fix += fixWords
	}
	w := make([]big.Word, fix+need)
	var ka, kb big.Int
	x, w := intOperand(a, &ka, w)
	y, w := intOperand(b, &kb, w)
	r := new(Bignum)
	r.I.SetBits(w[:0])
	switch op {
	case '+':
		r.I.Add(x, y)
	case '-':
		r.I.Sub(x, y)
	default:
		r.I.Mul(x, y)
	}
	return normBignum(r)
}

// intWords returns the number of words of the exact integer v.
func intWords(v Value) int {
	if x, ok := v.(*Bignum); ok {
		return len(x.I.Bits())
	}
	return fixWords
}

// intOperand returns the exact integer v as a *big.Int to be read: a
// Bignum's own, or a Fixnum's, made in k with its magnitude in the first
// fixWords of w (capped there, so that math/big does not take them for
// the result's room); rest is w without the words used.
func intOperand(v Value, k *big.Int, w []big.Word) (x *big.Int, rest []big.Word) {
	f, ok := v.(Fixnum)
	if !ok {
		return &v.(*Bignum).I, w
	}
	u := uint64(f)
	if f < 0 {
		u = -u
	}
	w[0] = big.Word(u)
	if fixWords == 2 {
		w[1] = big.Word(u >> 32)
	}
	k.SetBits(w[:fixWords:fixWords])
	if f < 0 {
		k.Neg(k)
	}
	return k, w[fixWords:]
}

// normBignum returns r as a Fixnum when it fits, else r.
func normBignum(r *Bignum) Value {
	if r.I.IsInt64() {
		return Fixnum(r.I.Int64())
	}
	return r
}

// Sub returns a-b; both must be numbers.
func Sub(a, b Value) Value {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			s := x - y
			if (x^y)&(x^s) >= 0 {
				return s
			}
		}
	}
	return arithSlow(a, b, '-', func(x, y float64) float64 { return x - y }, (*big.Rat).Sub)
}

// Mul returns a*b; both must be numbers.
func Mul(a, b Value) Value {
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok {
			hi, lo := bits.Mul64(uint64(absI(x)), uint64(absI(y)))
			if hi == 0 && lo <= math.MaxInt64 && x != math.MinInt64 && y != math.MinInt64 {
				if (x < 0) != (y < 0) {
					return -Fixnum(lo)
				}
				return Fixnum(lo)
			}
		}
	}
	return arithSlow(a, b, '*', func(x, y float64) float64 { return x * y }, (*big.Rat).Mul)
}

func absI(x Fixnum) Fixnum {
	if x < 0 {
		return -x
	}
	return x
}

// Div returns a/b; both must be numbers. ok is false for an exact division by zero.
func Div(a, b Value) (Value, bool) {
	switch max(numRank(a), numRank(b)) {
	case rankCpx:
		return complexDiv(a, b)
	case rankFlo:
		return Flonum(ToFloat(a) / ToFloat(b)), true
	}
	if Sign(b) == 0 {
		return nil, false
	}
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok && y != -1 && x%y == 0 {
			return x / y, true
		}
	}
	return NormRat(new(big.Rat).Quo(toRat(a), toRat(b))), true
}

// Sign returns -1, 0 or 1 (0 also for NaN); for a non-real number it is 0
// when both parts are zero, else 1.
func Sign(v Value) int {
	switch x := v.(type) {
	case *Compnum:
		if Sign(x.Re) == 0 && Sign(x.Im) == 0 {
			return 0
		}
		return 1
	case Fixnum:
		return signOf(x)
	case *Bignum:
		return x.I.Sign()
	case *Ratnum:
		return x.R.Sign()
	case Flonum:
		return signOf(x)
	}
	return 0
}

// signOf returns -1, 0 or 1 (0 also for NaN).
func signOf[T Fixnum | Flonum](x T) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

// Compare compares two real numbers exactly; ok is false when either is NaN.
func Compare(a, b Value) (c int, ok bool) {
	if x, k := a.(Fixnum); k {
		if y, k := b.(Fixnum); k {
			switch {
			case x < y:
				return -1, true
			case x > y:
				return 1, true
			}
			return 0, true
		}
	}
	ra, rb := numRank(a), numRank(b)
	if ra == rankFlo || rb == rankFlo {
		fa, fb := ToFloat(a), ToFloat(b)
		if math.IsNaN(fa) || math.IsNaN(fb) {
			return 0, false
		}
		if ra == rankFlo && rb == rankFlo || math.IsInf(fa, 0) || math.IsInf(fb, 0) {
			switch {
			case fa < fb:
				return -1, true
			case fa > fb:
				return 1, true
			}
			return 0, true
		}
	}
	if max(ra, rb) <= rankBig {
		return compareIntegers(a, b), true
	}
	return toRat(a).Cmp(toRat(b)), true
}

// compareIntegers compares two exact integers, one at least a Bignum:
// against a fixnum, a Bignum's magnitude is larger (and its sign decides)
// unless it fits in 64 bits.
func compareIntegers(a, b Value) int {
	if y, ok := b.(Fixnum); ok {
		return compareBigFix(&a.(*Bignum).I, y)
	}
	if x, ok := a.(Fixnum); ok {
		return -compareBigFix(&b.(*Bignum).I, x)
	}
	return a.(*Bignum).I.Cmp(&b.(*Bignum).I)
}

// compareBigFix compares x with the fixnum y: -1, 0 or 1.
func compareBigFix(x *big.Int, y Fixnum) int {
	if !x.IsInt64() {
		return x.Sign()
	}
	switch v := Fixnum(x.Int64()); {
	case v < y:
		return -1
	case v > y:
		return 1
	}
	return 0
}

// NumEqual reports whether a = b numerically.
func NumEqual(a, b Value) bool {
	if numRank(a) == rankCpx || numRank(b) == rankCpx {
		return complexEqual(a, b)
	}
	c, ok := Compare(a, b)
	return ok && c == 0
}

// Negate returns -v.
func Negate(v Value) Value {
	if f, ok := v.(Flonum); ok {
		return -f
	}
	return Sub(Fixnum(0), v)
}

// ToExact converts v to an exact number; ok is false for NaN and infinities.
func ToExact(v Value) (Value, bool) {
	if c, ok := v.(*Compnum); ok {
		re, ok1 := ToExact(c.Re)
		im, ok2 := ToExact(c.Im)
		if !ok1 || !ok2 {
			return nil, false
		}
		return MakeRectangular(re, im), true
	}
	if f, isF := v.(Flonum); isF {
		if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
			return nil, false
		}
		if f == Flonum(math.Trunc(float64(f))) && math.Abs(float64(f)) < 1<<62 {
			return Fixnum(int64(f)), true
		}
		return NormRat(toRat(f)), true
	}
	return v, true
}

// ToInexact converts v to a Flonum, or a non-real v to an inexact Compnum.
func ToInexact(v Value) Value {
	if c, ok := v.(*Compnum); ok {
		return &Compnum{Re: ToInexact(c.Re), Im: ToInexact(c.Im)}
	}
	return Flonum(ToFloat(v))
}

// intDiv implements the integer divisions. kind is 't' (truncate) or 'f'
// (floor); a and b are integers (exact or integral flonums), b nonzero.
func intDiv(a, b Value, kind byte) (q, r Value) {
	if numRank(a) == rankFlo || numRank(b) == rankFlo {
		x, y := ToFloat(a), ToFloat(b)
		var qf float64
		if kind == 't' {
			qf = math.Trunc(x / y)
		} else {
			qf = math.Floor(x / y)
		}
		return Flonum(qf), Flonum(x - qf*y)
	}
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok && !(x == math.MinInt64 && y == -1) {
			qq, rr := x/y, x%y
			if kind == 'f' && rr != 0 && (rr < 0) != (y < 0) {
				qq--
				rr += y
			}
			return qq, rr
		}
	}
	bq, br := new(big.Int).QuoRem(toBig(a), toBig(b), new(big.Int))
	if kind == 'f' && br.Sign() != 0 && br.Sign() != toBig(b).Sign() {
		bq.Sub(bq, big.NewInt(1))
		br.Add(br, toBig(b))
	}
	return NormBig(bq), NormBig(br)
}

// gcdV returns the gcd of two integers (non-negative).
// FlonumGCD is Euclid's greatest common divisor of two flonums; NaN when
// one is a NaN or an infinity (an infinite product of lcm), where the loop
// would never end.
func FlonumGCD(x, y float64) float64 {
	x, y = math.Abs(x), math.Abs(y)
	for y != 0 {
		if math.IsNaN(y) || math.IsInf(x, 0) {
			return math.NaN()
		}
		x, y = y, math.Mod(x, y)
	}
	return x
}

func gcdV(a, b Value) Value {
	if numRank(a) == rankFlo || numRank(b) == rankFlo {
		return Flonum(FlonumGCD(ToFloat(a), ToFloat(b)))
	}
	if x, ok := a.(Fixnum); ok {
		if y, ok := b.(Fixnum); ok && x != math.MinInt64 && y != math.MinInt64 {
			x, y = absI(x), absI(y)
			for y != 0 {
				x, y = y, x%y
			}
			return x
		}
	}
	x := new(big.Int).Abs(toBig(a))
	y := new(big.Int).Abs(toBig(b))
	return NormBig(new(big.Int).GCD(nil, nil, x, y))
}

// roundRat rounds r to the nearest integer, ties to even.
func roundRat(r *big.Rat) *big.Int {
	num, den := r.Num(), r.Denom()
	fl := new(big.Int).Div(num, den) // Euclidean: floor for den > 0
	rem := new(big.Rat).Sub(r, new(big.Rat).SetInt(fl))
	c := rem.Cmp(big.NewRat(1, 2))
	if c > 0 || (c == 0 && fl.Bit(0) == 1) {
		fl.Add(fl, big.NewInt(1))
	}
	return fl
}

// simplest returns the simplest rational in [lo, hi] (lo <= hi).
func simplest(lo, hi *big.Rat) *big.Rat {
	if lo.Sign() > 0 {
		return simplestPos(lo, hi)
	}
	if hi.Sign() < 0 {
		r := simplestPos(new(big.Rat).Neg(hi), new(big.Rat).Neg(lo))
		return r.Neg(r)
	}
	return new(big.Rat)
}

func simplestPos(lo, hi *big.Rat) *big.Rat {
	fl := new(big.Int).Div(lo.Num(), lo.Denom())
	flr := new(big.Rat).SetInt(fl)
	if flr.Cmp(lo) == 0 {
		return flr
	}
	if new(big.Rat).SetInt(new(big.Int).Div(hi.Num(), hi.Denom())).Cmp(flr) > 0 {
		return flr.Add(flr, big.NewRat(1, 1))
	}
	// lo and hi share the integer part: recurse on the reciprocals of the fractions.
	a := new(big.Rat).Sub(hi, flr)
	b := new(big.Rat).Sub(lo, flr)
	r := simplestPos(a.Inv(a), b.Inv(b))
	r.Inv(r)
	return r.Add(r, flr)
}

// exptExact computes base^e for exact base and exact integer e; ok is false
// for 0 to a negative power or a result too large to compute.
func exptExact(base Value, e *big.Int) (Value, bool) {
	if e.Sign() == 0 {
		return Fixnum(1), true
	}
	if Sign(base) == 0 {
		if e.Sign() < 0 {
			return nil, false
		}
		return Fixnum(0), true
	}
	if b, ok := base.(Fixnum); ok && (b == 1 || b == -1) {
		if b == -1 && e.Bit(0) == 1 {
			return Fixnum(-1), true
		}
		return Fixnum(1), true
	}
	if !e.IsInt64() {
		return nil, false
	}
	n := e.Int64()
	neg := n < 0
	if neg {
		if n == math.MinInt64 {
			return nil, false
		}
		n = -n
	}
	// The result has about bits·n bits: at most 2^27 (16 MiB) are computed,
	// the division keeping the estimate from overflowing.
	r := toRat(base)
	if bits := int64(r.Num().BitLen() + r.Denom().BitLen()); n > 1<<27/bits {
		return nil, false
	}
	num := new(big.Int).Exp(r.Num(), big.NewInt(n), nil)
	den := new(big.Int).Exp(r.Denom(), big.NewInt(n), nil)
	res := new(big.Rat).SetFrac(num, den)
	if neg {
		res.Inv(res)
	}
	return NormRat(res), true
}
