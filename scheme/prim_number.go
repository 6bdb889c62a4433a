// Numeric procedures: the (scheme base) arithmetic, (scheme inexact) and number->string.

package scheme

import (
	"math"
	"math/big"
	"strconv"
)

const r7num = "r7rs §6.2.6"

func numFold(th *Thread, args []Value, name string, identity Value, op func(a, b Value) Value) (Value, error) {
	if len(args) == 0 {
		return identity, nil
	}
	acc := args[0]
	if numRank(acc) == rankNone {
		return nil, TypeError("", 1, "number", acc)
	}
	for i := 1; i < len(args); i++ {
		if numRank(args[i]) == rankNone {
			return nil, TypeError("", i+1, "number", args[i])
		}
		acc = op(acc, args[i])
	}
	return acc, nil
}

// numCompare implements the chains < > <= >=: test says whether the
// comparison c of two neighbours holds. Like csi and Guile it answers #f at
// the first pair that fails, without looking at the arguments after it, so
// (<= 3 2 #f) is #f (R7RS §6.2.6 leaves a non-number there an error, which
// an implementation need not signal; S9's programp.scm relies on it). An
// R6RS program checks them all, as Chez does (R6RS §5.4, §11.7.4.3).
func numCompare(th *Thread, args []Value, test func(c int) bool) (Value, error) {
	checkAll := th != nil && th.interp.r6rsProgram.Load()
	res := true
	for i := range args {
		if !IsReal(args[i]) {
			return nil, TypeError("", i+1, "real number", args[i])
		}
		if i > 0 && res {
			c, ok := Compare(args[i-1], args[i])
			if !ok || !test(c) {
				res = false
				if !checkAll {
					break
				}
			}
		}
	}
	return MakeBool(res), nil
}

func transcendentalFn(th *Thread, args []Value, f complexFn) (Value, error) {
	if _, err := argNum(1, args[0]); err != nil {
		return nil, err
	}
	return f.apply(args[0]), nil
}

func intDivFn(th *Thread, args []Value, kind byte, which int) (Value, error) {
	if _, err := argInteger(1, args[0]); err != nil {
		return nil, err
	}
	if _, err := argInteger(2, args[1]); err != nil {
		return nil, err
	}
	if Sign(args[1]) == 0 {
		return nil, NewError("", "division by zero", nil, "arithmetic") // no irritants, as csi
	}
	q, r := intDiv(args[0], args[1], kind)
	switch which {
	case 0:
		return q, nil
	case 1:
		return r, nil
	}
	return Values(q, r), nil
}

func roundFn(th *Thread, args []Value, mode func(float64) float64, ratMode func(r *big.Rat) *big.Int) (Value, error) {
	switch x := args[0].(type) {
	case Fixnum, *Bignum:
		return x, nil
	case Flonum:
		return Flonum(mode(float64(x))), nil
	case *Ratnum:
		return NormBig(ratMode(&x.R)), nil
	}
	return nil, TypeError("", 1, "real number", args[0])
}

func ratFloor(r *big.Rat) *big.Int { return new(big.Int).Div(r.Num(), r.Denom()) }
func ratCeil(r *big.Rat) *big.Int {
	f := ratFloor(r)
	return f.Add(f, big.NewInt(1))
}
func ratTrunc(r *big.Rat) *big.Int { return new(big.Int).Quo(r.Num(), r.Denom()) }

func sqrt(th *Thread, args []Value) (Value, error) {
	if _, err := argNum(1, args[0]); err != nil {
		return nil, err
	}
	return Sqrt(args[0]), nil
}

func expt(th *Thread, args []Value) (Value, error) {
	b, e := args[0], args[1]
	if _, err := argNum(1, b); err != nil {
		return nil, err
	}
	if _, err := argNum(2, e); err != nil {
		return nil, err
	}
	if IsExact(b) && IsExactInteger(e) && IsReal(b) {
		v, ok := exptExact(b, toBig(e))
		if !ok {
			if Sign(b) == 0 {
				return nil, NewError("", "division by zero", []Value{b, e}, "arithmetic", "implementation-restriction")
			}
			return nil, RangeError("", 2, "result too large", e)
		}
		return v, nil
	}
	if r, ok := e.(*Ratnum); ok && IsReal(b) && IsExact(b) && Sign(b) >= 0 {
		if v, ok := exactRoot(b, r.R.Denom()); ok {
			if v, ok := exptExact(v, r.R.Num()); ok {
				return v, nil
			}
		}
	}
	fb, fe := ToFloat(b), ToFloat(e)
	if !IsReal(b) || !IsReal(e) || fb < 0 && fe != math.Trunc(fe) {
		v, ok := exptComplex(b, e)
		if !ok {
			return nil, NewError("", "division by zero", []Value{b, e}, "arithmetic", "implementation-restriction")
		}
		return v, nil
	}
	return Flonum(math.Pow(fb, fe)), nil
}

func exactIntegerSqrt(th *Thread, args []Value) (Value, error) {
	if !IsExactInteger(args[0]) || Sign(args[0]) < 0 {
		return nil, TypeError("", 1, "exact non-negative integer", args[0])
	}
	n := toBig(args[0])
	s := new(big.Int).Sqrt(n)
	r := new(big.Int).Sub(n, new(big.Int).Mul(s, s))
	return Values(NormBig(s), NormBig(r)), nil
}

// argRadix decodes the optional radix argument 2 (default 10): 2, 8, 10
// or 16 in an R6RS program (R6RS §11.7.4.4: an assertion violation
// otherwise, as Chez), else any from 2 to most, as csi takes (R7RS makes
// another radix an error an implementation may extend): string->number
// reads radixes up to 36, number->string writes up to 16.
func argRadix(th *Thread, v Value, most Fixnum) (int, error) {
	if IsDefault(v) {
		return 10, nil
	}
	r, ok := v.(Fixnum)
	if th.interp.r6rsProgram.Load() {
		if !ok || (r != 2 && r != 8 && r != 10 && r != 16) {
			return 0, RangeError("", 2, "radix must be 2, 8, 10 or 16", v)
		}
		return int(r), nil
	}
	if !ok || r < 2 || r > most {
		return 0, RangeError("", 2, "radix must be from 2 to "+strconv.Itoa(int(most)), v)
	}
	return int(r), nil
}

func numberToString(th *Thread, args []Value) (Value, error) {
	if _, err := argNum(1, args[0]); err != nil {
		return nil, err
	}
	radix, err := argRadix(th, args[1], 16)
	if err != nil {
		return nil, err
	}
	switch x := args[0].(type) { // exact integers straight into the string's bytes
	case Fixnum:
		return stringFromASCII(strconv.AppendInt(nil, int64(x), radix)), nil
	case *Bignum:
		return stringFromASCII(x.I.Append(nil, radix)), nil
	}
	return NewString(th.FormatNumber(args[0], radix)), nil
}

func stringToNumber(th *Thread, args []Value) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	radix, err := argRadix(th, args[1], 36)
	if err != nil {
		return nil, err
	}
	text := s.String()
	if th.interp.r6rsProgram.Load() {
		body := text
		for len(body) >= 2 && body[0] == '#' {
			body = body[2:] // the prefixes #x #e …
		}
		for i := 0; i < len(body); i++ {
			if body[i] == '#' {
				return False, nil // R6RS §4.2.1 has no # digits (1#); Chez answers #f
			}
		}
	}
	v, ok := ParseNumber(text, radix)
	if !ok {
		return False, nil
	}
	return v, nil
}

func primMinMax(th *Thread, args []Value, isMax bool) (Value, error) {
	acc := args[0]
	if !IsReal(acc) {
		return nil, TypeError("", 1, "real number", acc)
	}
	inexact := numRank(acc) == rankFlo
	for i := 1; i < len(args); i++ {
		x := args[i]
		if !IsReal(x) {
			return nil, TypeError("", i+1, "real number", x)
		}
		if numRank(x) == rankFlo {
			inexact = true
			if math.IsNaN(float64(x.(Flonum))) {
				acc = x
				continue
			}
		}
		c, ok := Compare(x, acc)
		if ok && ((isMax && c > 0) || (!isMax && c < 0)) {
			acc = x
		}
	}
	if inexact {
		return ToInexact(acc), nil
	}
	return acc, nil
}

func primGcdLcm(th *Thread, args []Value, lcm bool) (Value, error) {
	var acc Value = Fixnum(0)
	if lcm {
		acc = Fixnum(1)
	}
	for i, x := range args {
		if _, err := argInteger(i+1, x); err != nil {
			return nil, err
		}
		if !lcm {
			acc = gcdV(acc, x)
			continue
		}
		if Sign(x) == 0 {
			acc = Mul(acc, Fixnum(0))
			continue
		}
		g := gcdV(acc, x)
		q, _ := intDiv(Mul(acc, x), g, 't')
		if Sign(q) < 0 {
			q = Negate(q)
		}
		acc = q
	}
	return acc, nil
}

func rationalize(th *Thread, args []Value) (Value, error) {
	x, y := args[0], args[1]
	if _, err := argReal(1, x); err != nil {
		return nil, err
	}
	if _, err := argReal(2, y); err != nil {
		return nil, err
	}
	inexact := numRank(x) == rankFlo || numRank(y) == rankFlo
	fx, fy := ToFloat(x), ToFloat(y)
	if inexact && (math.IsNaN(fx) || math.IsNaN(fy) || math.IsInf(fx, 0) || math.IsInf(fy, 0)) {
		switch {
		case math.IsInf(fy, 0) && !math.IsInf(fx, 0) && !math.IsNaN(fx):
			return Flonum(0), nil
		case math.IsNaN(fx) || math.IsNaN(fy):
			return Flonum(math.NaN()), nil
		}
		return Flonum(fx), nil
	}
	ex, _ := ToExact(x)
	ey, _ := ToExact(y)
	ry := new(big.Rat).Abs(toRat(ey))
	lo := new(big.Rat).Sub(toRat(ex), ry)
	hi := new(big.Rat).Add(toRat(ex), ry)
	r := NormRat(simplest(lo, hi))
	if inexact {
		return ToInexact(r), nil
	}
	return r, nil
}

func numPred(th *Thread, args []Value, f func(Value) bool) (Value, error) {
	if numRank(args[0]) == rankNone {
		return nil, TypeError("", 1, "number", args[0])
	}
	return MakeBool(f(args[0])), nil
}

func realPred(th *Thread, args []Value, f func(Value) bool) (Value, error) {
	if _, err := argReal(1, args[0]); err != nil {
		return nil, err
	}
	return MakeBool(f(args[0])), nil
}

// anyPart reports whether f holds for the real part or the imaginary part of z.
func anyPart(z Value, f func(float64) bool) bool {
	return numRank(RealPart(z)) == rankFlo && f(ToFloat(RealPart(z))) || numRank(ImagPart(z)) == rankFlo && f(ToFloat(ImagPart(z)))
}

func intPred(th *Thread, args []Value, f func(Value) bool) (Value, error) {
	if !IsInteger(args[0]) {
		return nil, TypeError("", 1, "integer", args[0])
	}
	return MakeBool(f(args[0])), nil
}

func isOdd(v Value) bool {
	switch x := v.(type) {
	case Fixnum:
		return x&1 == 1
	case *Bignum:
		return x.I.Bit(0) == 1
	}
	return math.Mod(ToFloat(v), 2) != 0
}

var numberProcs = []Proc{
	{Name: "+", Spec: r7num, Sig: "(+ z ...)", Doc: "Returns the sum of the arguments.", Args: Params{Rest: "z", Spread: true},
		Fn: add},
	{Name: "*", Spec: r7num, Sig: "(* z ...)", Doc: "Returns the product of the arguments.", Args: Params{Rest: "z", Spread: true},
		Fn: mul},
	{Name: "-", Spec: r7num, Sig: "(- z1 z2 ...)", Doc: "With one argument returns its negation, else subtracts the others from z1.",
		Args: Params{Required: []string{"z1"}, Rest: "z", Spread: true}, Fn: sub},
	{Name: "/", Spec: r7num, Sig: "(/ z1 z2 ...)", Doc: "With one argument returns its reciprocal, else divides z1 by the others.",
		Args: Params{Required: []string{"z1"}, Rest: "z", Spread: true}, Fn: div},
	{Name: "=", Spec: r7num, Sig: "(= z1 z2 ...)", Doc: "Numeric equality.", Args: Params{Rest: "z", Spread: true},
		Fn: numEq},
	{Name: "<", Spec: r7num, Sig: "(< x1 x2 ...)", Doc: "Monotonically increasing.", Args: Params{Rest: "x", Spread: true},
		Fn: lt},
	{Name: ">", Spec: r7num, Sig: "(> x1 x2 ...)", Doc: "Monotonically decreasing.", Args: Params{Rest: "x", Spread: true},
		Fn: gt},
	{Name: "<=", Spec: r7num, Sig: "(<= x1 x2 ...)", Doc: "Monotonically non-decreasing.", Args: Params{Rest: "x", Spread: true},
		Fn: le},
	{Name: ">=", Spec: r7num, Sig: "(>= x1 x2 ...)", Doc: "Monotonically non-increasing.", Args: Params{Rest: "x", Spread: true},
		Fn: ge},
	{Name: "number?", Spec: r7num, Doc: "Is obj a number?", Args: req("obj"), Fn: numberP},
	{Name: "complex?", Spec: r7num, Doc: "Is obj a number? (every number is complex)", Args: req("obj"), Fn: complexP},
	{Name: "real?", Spec: r7num, Doc: "Is obj a real number?", Args: req("obj"), Fn: realP},
	{Name: "rational?", Spec: r7num, Doc: "Is obj a rational number (exact, or a finite flonum)?", Args: req("obj"),
		Fn: rationalP},
	{Name: "integer?", Spec: r7num, Doc: "Is obj an integer?", Args: req("obj"), Fn: integerP},
	{Name: "exact?", Spec: r7num, Doc: "Is z exact?", Args: req("z"), Fn: exactP},
	{Name: "inexact?", Spec: r7num, Doc: "Is z inexact?", Args: req("z"),
		Fn: inexactP},
	{Name: "exact-integer?", Spec: r7num, Doc: "Is z an exact integer?", Args: req("z"), Fn: exactIntegerP},
	{Name: "nan?", Spec: "r7rs §6.2.6", Doc: "Is z a NaN?", Args: req("z"),
		Fn: nanP},
	{Name: "infinite?", Spec: r7num, Doc: "Is z an infinity?", Args: req("z"),
		Fn: infiniteP},
	{Name: "finite?", Spec: r7num, Doc: "Is z neither infinite nor NaN?", Args: req("z"),
		Fn: finiteP},
	{Name: "zero?", Spec: r7num, Doc: "Is z zero?", Args: req("z"),
		Fn: zeroP},
	{Name: "positive?", Spec: r7num, Doc: "Is x > 0?", Args: req("x"), Fn: positiveP},
	{Name: "negative?", Spec: r7num, Doc: "Is x < 0?", Args: req("x"), Fn: negativeP},
	{Name: "odd?", Spec: r7num, Doc: "Is n odd?", Args: req("n"), Fn: oddP},
	{Name: "even?", Spec: r7num, Doc: "Is n even?", Args: req("n"), Fn: evenP},
	{Name: "max", Spec: r7num, Sig: "(max x1 x2 ...)", Doc: "Returns the maximum (inexact if any argument is).",
		Args: Params{Required: []string{"x1"}, Rest: "x", Spread: true}, Fn: maxProc},
	{Name: "min", Spec: r7num, Sig: "(min x1 x2 ...)", Doc: "Returns the minimum (inexact if any argument is).",
		Args: Params{Required: []string{"x1"}, Rest: "x", Spread: true}, Fn: minProc},
	{Name: "abs", Spec: r7num, Doc: "Absolute value.", Args: req("x"), Fn: abs},
	{Name: "quotient", Spec: r7num, Doc: "truncate-quotient.", Args: req("n1", "n2"), Fn: quotient},
	{Name: "remainder", Spec: r7num, Doc: "truncate-remainder.", Args: req("n1", "n2"), Fn: remainder},
	{Name: "modulo", Spec: r7num, Doc: "floor-remainder.", Args: req("n1", "n2"), Fn: modulo},
	{Name: "truncate-quotient", Spec: r7num, Doc: "Quotient rounded toward zero.", Args: req("n1", "n2"), Fn: truncateQuotient},
	{Name: "truncate-remainder", Spec: r7num, Doc: "Remainder with the sign of n1.", Args: req("n1", "n2"), Fn: truncateRemainder},
	{Name: "truncate/", Spec: r7num, Doc: "Returns truncate-quotient and truncate-remainder.", Args: req("n1", "n2"), Fn: truncateWith},
	{Name: "floor-quotient", Spec: r7num, Doc: "Quotient rounded toward negative infinity.", Args: req("n1", "n2"), Fn: floorQuotient},
	{Name: "floor-remainder", Spec: r7num, Doc: "Remainder with the sign of n2.", Args: req("n1", "n2"), Fn: floorRemainder},
	{Name: "floor/", Spec: r7num, Doc: "Returns floor-quotient and floor-remainder.", Args: req("n1", "n2"), Fn: floorWith},
	{Name: "gcd", Spec: r7num, Sig: "(gcd n ...)", Doc: "Greatest common divisor (non-negative).", Args: Params{Rest: "n", Spread: true}, Fn: gcd},
	{Name: "lcm", Spec: r7num, Sig: "(lcm n ...)", Doc: "Least common multiple (non-negative).", Args: Params{Rest: "n", Spread: true}, Fn: lcm},
	{Name: "numerator", Spec: r7num, Doc: "Numerator of q in lowest terms.", Args: req("q"), Fn: numerator},
	{Name: "denominator", Spec: r7num, Doc: "Denominator of q in lowest terms.", Args: req("q"), Fn: denominator},
	{Name: "floor", Spec: r7num, Doc: "Largest integer not larger than x.", Args: req("x"), Fn: floor},
	{Name: "ceiling", Spec: r7num, Doc: "Smallest integer not smaller than x.", Args: req("x"), Fn: ceiling},
	{Name: "truncate", Spec: r7num, Doc: "Integer closest to x whose absolute value is not larger.", Args: req("x"), Fn: truncate},
	{Name: "round", Spec: r7num, Doc: "Closest integer to x, rounding to even on ties.", Args: req("x"), Fn: round},
	{Name: "rationalize", Spec: r7num, Doc: "Simplest rational differing from x by no more than y.", Args: req("x", "y"), Fn: rationalize},
	{Name: "exp", Spec: r7num, Doc: "e to the power z.", Args: req("z"), Fn: exp},
	{Name: "log", Spec: r7num, Sig: "(log z1 [z2])", Doc: "Natural logarithm of z1, or logarithm base z2; non-real for negative or non-real arguments ((log -1) is +3.141592653589793i); an exact 0 (either argument) is an error, as R6RS and CHICKEN say ((log 0.) is -inf.0).", Args: Params{Required: []string{"z1"}, Optional: []string{"z2"}},
		Fn: log},
	{Name: "sin", Spec: r7num, Doc: "Sine.", Args: req("z"), Fn: sin},
	{Name: "cos", Spec: r7num, Doc: "Cosine.", Args: req("z"), Fn: cos},
	{Name: "tan", Spec: r7num, Doc: "Tangent.", Args: req("z"), Fn: tan},
	{Name: "asin", Spec: r7num, Doc: "Arcsine; non-real outside [-1, 1] (r7rs: -i log(iz + sqrt(1 - z²))).", Args: req("z"), Fn: asin},
	{Name: "acos", Spec: r7num, Doc: "Arccosine; non-real outside [-1, 1] (pi/2 - asin z).", Args: req("z"), Fn: acos},
	{Name: "atan", Spec: r7num, Sig: "(atan z [x])", Doc: "Arctangent (of a complex z too); with two real arguments the angle of the point (x, z).",
		Args: Params{Required: []string{"z"}, Optional: []string{"x"}}, Fn: atan},
	{Name: "square", Spec: r7num, Doc: "z times z.", Args: req("z"), Fn: square},
	{Name: "sqrt", Spec: r7num, Doc: "Principal square root, non-real for negative z ((sqrt -4) is +2i); exact for exact perfect squares.", Args: req("z"), Fn: sqrt},
	{Name: "exact-integer-sqrt", Spec: r7num, Doc: "Returns s and r with s*s + r = k.", Args: req("k"), Fn: exactIntegerSqrt},
	{Name: "expt", Spec: r7num, Doc: "z1 raised to the power z2 (e^(z2 log z1), non-real for a negative z1 and a fractional z2); exact for exact z1 and exact integer z2, and for exact rational powers with a rational result ((expt 8 1/3) is 2).", Args: req("z1", "z2"), Fn: expt},
	{Name: "exact", Spec: r7num, Doc: "The exact number closest to z.", Args: req("z"), Fn: exact},
	{Name: "inexact->exact", Spec: r7num, Doc: "Same as exact.", Args: req("z"), Fn: exact},
	{Name: "inexact", Spec: r7num, Doc: "The flonum closest to z.", Args: req("z"), Fn: inexact},
	{Name: "exact->inexact", Spec: r7num, Doc: "Same as inexact.", Args: req("z"), Fn: inexact},
	{Name: "number->string", Spec: "r7rs §6.2.7", Sig: "(number->string z [radix])", Doc: "External representation of z in radix 2 to 16, as csi takes (2, 8, 10 or 16 in an R6RS program): inexact numbers in radix 10 as CHICKEN prints them, with flonum-print-precision significant digits (15 by default) and integral ones below 2^64 in full; in an even radix exactly, e.g. \"0.1\" for 0.5 in radix 2; in an odd one, where a fraction never ends, with the digits that read back as z.",
		Args: Params{Required: []string{"z"}, Optional: []string{"radix"}}, Fn: numberToString},
	{Name: "string->number", Spec: "r7rs §6.2.7", Sig: "(string->number string [radix])", Doc: "Parses a number in the syntax of r7rs §7.1.1 (prefixes, ratios, decimals, ±inf.0, ±nan.0, a+bi, a@b), or returns #f; radix from 2 to 36, as csi takes (2, 8, 10 or 16 in an R6RS program).",
		Args: Params{Required: []string{"string"}, Optional: []string{"radix"}}, Fn: stringToNumber},
}

func exact(th *Thread, args []Value) (Value, error) {
	if _, err := argNum(1, args[0]); err != nil {
		return nil, err
	}
	v, ok := ToExact(args[0])
	if !ok {
		return nil, RangeError("", 1, "no exact equivalent", args[0])
	}
	return v, nil
}

func inexact(th *Thread, args []Value) (Value, error) {
	if _, err := argNum(1, args[0]); err != nil {
		return nil, err
	}
	return ToInexact(args[0]), nil
}

// numberLibrary is the (scheme base numbers) table.
var numberLibrary = &Library{Name: "(scheme base numbers)", Doc: "R7RS numeric procedures (r7rs §6.2).", Procs: numberProcs}

// sub implements -.
func sub(th *Thread, args []Value) (Value, error) {
	if len(args) == 1 {
		if _, err := argNum(1, args[0]); err != nil {
			return nil, err
		}
		return Negate(args[0]), nil
	}
	return numFold(th, args, "-", nil, Sub)
}

// div implements /. Division by an exact zero is an error (CHICKEN signals
// it whatever the dividend, as R7RS allows), except that an R6RS program
// divides an inexact number by it as by 0.0 (r6rs §11.7.4.3: (/ 0.0 0) is
// +nan.0).
func div(th *Thread, args []Value) (Value, error) {
	acc := args[0]
	if _, err := argNum(1, acc); err != nil {
		return nil, err
	}
	if len(args) == 1 {
		args = []Value{Fixnum(1), acc}
		acc = Fixnum(1)
	}
	for i := 1; i < len(args); i++ {
		if _, err := argNum(i+1, args[i]); err != nil {
			return nil, err
		}
		r, ok := Div(acc, args[i])
		if !ok || IsExact(args[i]) && Sign(args[i]) == 0 && !th.interp.r6rsProgram.Load() {
			return nil, NewError("", "division by zero", []Value{acc, args[i]}, "arithmetic")
		}
		acc = r
	}
	return acc, nil
}

// abs implements abs.
func abs(th *Thread, args []Value) (Value, error) {
	if _, err := argReal(1, args[0]); err != nil {
		return nil, err
	}
	if f, ok := args[0].(Flonum); ok {
		return Flonum(math.Abs(float64(f))), nil
	}
	if Sign(args[0]) < 0 {
		return Negate(args[0]), nil
	}
	return args[0], nil
}

// numerator implements numerator.
func numerator(th *Thread, args []Value) (Value, error) {
	switch x := args[0].(type) {
	case Fixnum, *Bignum:
		return x, nil
	case *Ratnum:
		return NormBig(new(big.Int).Set(x.R.Num())), nil
	case Flonum:
		if ex, ok := ToExact(x); ok {
			return ToInexact(NormBig(new(big.Int).Set(toRat(ex).Num()))), nil
		}
	}
	return nil, TypeError("", 1, "rational number", args[0])
}

// denominator implements denominator.
func denominator(th *Thread, args []Value) (Value, error) {
	switch x := args[0].(type) {
	case Fixnum, *Bignum:
		return Fixnum(1), nil
	case *Ratnum:
		return NormBig(new(big.Int).Set(x.R.Denom())), nil
	case Flonum:
		if ex, ok := ToExact(x); ok {
			return ToInexact(NormBig(new(big.Int).Set(toRat(ex).Denom()))), nil
		}
	}
	return nil, TypeError("", 1, "rational number", args[0])
}

// log implements log.
func log(th *Thread, args []Value) (Value, error) {
	if _, err := argNum(1, args[0]); err != nil {
		return nil, err
	}
	if !IsDefault(args[1]) {
		if _, err := argNum(2, args[1]); err != nil {
			return nil, err
		}
	}
	for i, z := range args { // R6RS: &assertion; CHICKEN: an error
		if z == Value(Fixnum(0)) {
			return nil, RangeError("log", i+1, "log of exact 0 is undefined", z)
		}
	}
	if !IsReal(args[0]) || Sign(args[0]) < 0 || !IsDefault(args[1]) && (!IsReal(args[1]) || Sign(args[1]) < 0) {
		l := fnLog.apply(args[0])
		if IsDefault(args[1]) {
			return l, nil
		}
		q, _ := Div(l, fnLog.apply(args[1]))
		return q, nil
	}
	x := ToFloat(args[0])
	if b, ok := args[0].(*Bignum); ok && b.I.Sign() > 0 {
		// log of a huge exact integer: scale to avoid +inf.0.
		n := b.I.BitLen() - 60
		f, _ := new(big.Float).SetInt(new(big.Int).Rsh(&b.I, uint(n))).Float64()
		x = 0
		lx := math.Log(f) + float64(n)*math.Ln2
		if IsDefault(args[1]) {
			return Flonum(lx), nil
		}
		return Flonum(lx / math.Log(ToFloat(args[1]))), nil
	}
	if IsDefault(args[1]) {
		return Flonum(math.Log(x)), nil
	}
	if _, err := argNum(2, args[1]); err != nil {
		return nil, err
	}
	return Flonum(math.Log(x) / math.Log(ToFloat(args[1]))), nil
}

// atan implements atan.
func atan(th *Thread, args []Value) (Value, error) {
	if _, err := argNum(1, args[0]); err != nil {
		return nil, err
	}
	if IsDefault(args[1]) {
		return fnAtan.apply(args[0]), nil
	}
	if _, err := argReal(1, args[0]); err != nil {
		return nil, err
	}
	if _, err := argReal(2, args[1]); err != nil {
		return nil, err
	}
	return Flonum(math.Atan2(ToFloat(args[0]), ToFloat(args[1]))), nil
}

// square implements square.
func square(th *Thread, args []Value) (Value, error) {
	if _, err := argNum(1, args[0]); err != nil {
		return nil, err
	}
	return Mul(args[0], args[0]), nil
}

// add implements +.
func add(th *Thread, a []Value) (Value, error) { return numFold(th, a, "+", Fixnum(0), Add) }

// mul implements *.
func mul(th *Thread, a []Value) (Value, error) { return numFold(th, a, "*", Fixnum(1), Mul) }

// numEq implements =. Like numCompare, it answers #f at the first unequal
// pair without looking further, except in an R6RS program.
func numEq(th *Thread, a []Value) (Value, error) {
	checkAll := th != nil && th.interp.r6rsProgram.Load()
	res := true
	for i := range a {
		if numRank(a[i]) == rankNone {
			return nil, TypeError("", i+1, "number", a[i])
		}
		if i > 0 && res {
			if res = NumEqual(a[i-1], a[i]); !res && !checkAll {
				break
			}
		}
	}
	return MakeBool(res), nil
}

// lt implements <.
func lt(th *Thread, a []Value) (Value, error) {
	return numCompare(th, a, func(c int) bool { return c < 0 })
}

// gt implements >.
func gt(th *Thread, a []Value) (Value, error) {
	return numCompare(th, a, func(c int) bool { return c > 0 })
}

// le implements <=.
func le(th *Thread, a []Value) (Value, error) {
	return numCompare(th, a, func(c int) bool { return c <= 0 })
}

// ge implements >=.
func ge(th *Thread, a []Value) (Value, error) {
	return numCompare(th, a, func(c int) bool { return c >= 0 })
}

// exactP implements exact?.
func exactP(th *Thread, a []Value) (Value, error) { return numPred(th, a, IsExact) }

// inexactP implements inexact?.
func inexactP(th *Thread, a []Value) (Value, error) {
	return numPred(th, a, func(v Value) bool { return !IsExact(v) })
}

// nanP implements nan?.
func nanP(th *Thread, a []Value) (Value, error) {
	return numPred(th, a, func(v Value) bool { return anyPart(v, math.IsNaN) })
}

// infiniteP implements infinite?.
func infiniteP(th *Thread, a []Value) (Value, error) {
	return numPred(th, a, func(v Value) bool { return anyPart(v, func(f float64) bool { return math.IsInf(f, 0) }) })
}

// finiteP implements finite?.
func finiteP(th *Thread, a []Value) (Value, error) {
	return numPred(th, a, func(v Value) bool {
		return !anyPart(v, func(f float64) bool { return math.IsInf(f, 0) || math.IsNaN(f) })
	})
}

// zeroP implements zero?.
func zeroP(th *Thread, a []Value) (Value, error) {
	return numPred(th, a, func(v Value) bool { return Sign(v) == 0 && !anyPart(v, math.IsNaN) })
}

// positiveP implements positive?.
func positiveP(th *Thread, a []Value) (Value, error) {
	return realPred(th, a, func(v Value) bool { return Sign(v) > 0 })
}

// negativeP implements negative?.
func negativeP(th *Thread, a []Value) (Value, error) {
	return realPred(th, a, func(v Value) bool { return Sign(v) < 0 })
}

// oddP implements odd?.
func oddP(th *Thread, a []Value) (Value, error) { return intPred(th, a, isOdd) }

// evenP implements even?.
func evenP(th *Thread, a []Value) (Value, error) {
	return intPred(th, a, func(v Value) bool { return !isOdd(v) })
}

// maxProc implements max.
func maxProc(th *Thread, a []Value) (Value, error) { return primMinMax(th, a, true) }

// minProc implements min.
func minProc(th *Thread, a []Value) (Value, error) { return primMinMax(th, a, false) }

// quotient implements quotient.
func quotient(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 't', 0) }

// remainder implements remainder.
func remainder(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 't', 1) }

// modulo implements modulo.
func modulo(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 'f', 1) }

// truncateQuotient implements truncate-quotient.
func truncateQuotient(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 't', 0) }

// truncateRemainder implements truncate-remainder.
func truncateRemainder(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 't', 1) }

// truncateWith implements truncate/.
func truncateWith(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 't', 2) }

// floorQuotient implements floor-quotient.
func floorQuotient(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 'f', 0) }

// floorRemainder implements floor-remainder.
func floorRemainder(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 'f', 1) }

// floorWith implements floor/.
func floorWith(th *Thread, a []Value) (Value, error) { return intDivFn(th, a, 'f', 2) }

// gcd implements gcd.
func gcd(th *Thread, a []Value) (Value, error) { return primGcdLcm(th, a, false) }

// lcm implements lcm.
func lcm(th *Thread, a []Value) (Value, error) { return primGcdLcm(th, a, true) }

// floor implements floor.
func floor(th *Thread, a []Value) (Value, error) { return roundFn(th, a, math.Floor, ratFloor) }

// ceiling implements ceiling.
func ceiling(th *Thread, a []Value) (Value, error) { return roundFn(th, a, math.Ceil, ratCeil) }

// truncate implements truncate.
func truncate(th *Thread, a []Value) (Value, error) { return roundFn(th, a, math.Trunc, ratTrunc) }

// round implements round.
func round(th *Thread, a []Value) (Value, error) { return roundFn(th, a, math.RoundToEven, roundRat) }

// exp implements exp.
func exp(th *Thread, a []Value) (Value, error) { return transcendentalFn(th, a, fnExp) }

// sin implements sin.
func sin(th *Thread, a []Value) (Value, error) { return transcendentalFn(th, a, fnSin) }

// cos implements cos.
func cos(th *Thread, a []Value) (Value, error) { return transcendentalFn(th, a, fnCos) }

// tan implements tan.
func tan(th *Thread, a []Value) (Value, error) { return transcendentalFn(th, a, fnTan) }

// asin implements asin.
func asin(th *Thread, a []Value) (Value, error) { return transcendentalFn(th, a, fnAsin) }

// acos implements acos.
func acos(th *Thread, a []Value) (Value, error) { return transcendentalFn(th, a, fnAcos) }

// numberP implements number?.
func numberP(th *Thread, a []Value) (Value, error) { return pred(th, a, IsNumber) }

// complexP implements complex?.
func complexP(th *Thread, a []Value) (Value, error) { return pred(th, a, IsNumber) }

// realP implements real?.
func realP(th *Thread, a []Value) (Value, error) { return pred(th, a, IsReal) }

// rationalP implements rational?.
func rationalP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool {
		if f, ok := v.(Flonum); ok {
			return !math.IsInf(float64(f), 0) && !math.IsNaN(float64(f))
		}
		return IsReal(v)
	})
}

// integerP implements integer?.
func integerP(th *Thread, a []Value) (Value, error) { return pred(th, a, IsInteger) }

// exactIntegerP implements exact-integer?.
func exactIntegerP(th *Thread, a []Value) (Value, error) { return pred(th, a, IsExactInteger) }
