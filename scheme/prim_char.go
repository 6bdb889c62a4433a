// Character procedures: (scheme base) and (scheme char) on chars.

package scheme

import (
	"unicode"
)

const r7char = "r7rs §6.6"

func charCompare(th *Thread, args []Value, ci bool, test func(a, b rune) bool) (Value, error) {
	res := true
	for i := range args {
		c, err := argChar(i+1, args[i])
		if err != nil {
			return nil, err
		}
		if i > 0 && res {
			a, b := rune(args[i-1].(Char)), rune(c)
			if ci {
				a, b = foldRune(a), foldRune(b)
			}
			res = test(a, b)
		}
	}
	return MakeBool(res), nil
}

// foldRune is the simple case folding used by char-foldcase and the -ci procedures.
func foldRune(c rune) rune {
	if c < 0x80 {
		if c >= 'A' && c <= 'Z' {
			return c + 32
		}
		return c
	}
	return unicode.ToLower(unicode.ToUpper(c))
}

func charPred(th *Thread, args []Value, f func(rune) bool) (Value, error) {
	c, err := argChar(1, args[0])
	if err != nil {
		return nil, err
	}
	return MakeBool(f(rune(c))), nil
}

func charMap(th *Thread, args []Value, f func(rune) rune) (Value, error) {
	c, err := argChar(1, args[0])
	if err != nil {
		return nil, err
	}
	return Char(f(rune(c))), nil
}

// digitValue returns the value of a decimal digit character, or -1.
func runeDigitValue(c rune) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	if !unicode.IsDigit(c) {
		return -1
	}
	// Unicode Nd digits come in contiguous runs of ten starting at a zero.
	for z := c; z > c-10; z-- {
		if !unicode.IsDigit(z - 1) {
			return int(c - z)
		}
	}
	return int(c-'0') % 10
}

var charProcs = []Proc{
	{Name: "char?", Spec: r7char, Sig: "(char? obj)", Doc: "Is obj a character?", Args: req("obj"),
		Fn: charP},
	{Name: "char->integer", Spec: r7char, Sig: "(char->integer char)", Doc: "Unicode scalar value of char.", Args: req("char"),
		Fn: charToInteger},
	{Name: "integer->char", Spec: r7char, Sig: "(integer->char n)", Doc: "Character whose scalar value is n.", Args: req("n"),
		Fn: integerToChar},
	{Name: "char=?", Spec: r7char, Sig: "(char=? c1 c2 ...)", Doc: "Are the characters equal?", Args: Params{Rest: "c", Spread: true},
		Fn: charEqP},
	{Name: "char<?", Spec: r7char, Sig: "(char<? c1 c2 ...)", Doc: "Increasing?", Args: Params{Rest: "c", Spread: true},
		Fn: charLtP},
	{Name: "char>?", Spec: r7char, Sig: "(char>? c1 c2 ...)", Doc: "Decreasing?", Args: Params{Rest: "c", Spread: true},
		Fn: charGtP},
	{Name: "char<=?", Spec: r7char, Sig: "(char<=? c1 c2 ...)", Doc: "Non-decreasing?", Args: Params{Rest: "c", Spread: true},
		Fn: charLeP},
	{Name: "char>=?", Spec: r7char, Sig: "(char>=? c1 c2 ...)", Doc: "Non-increasing?", Args: Params{Rest: "c", Spread: true},
		Fn: charGeP},
	{Name: "char-ci=?", Spec: r7char, Sig: "(char-ci=? c1 c2 ...)", Doc: "Equal after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCiEqP},
	{Name: "char-ci<?", Spec: r7char, Sig: "(char-ci<? c1 c2 ...)", Doc: "Increasing after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCiLtP},
	{Name: "char-ci>?", Spec: r7char, Sig: "(char-ci>? c1 c2 ...)", Doc: "Decreasing after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCiGtP},
	{Name: "char-ci<=?", Spec: r7char, Sig: "(char-ci<=? c1 c2 ...)", Doc: "Non-decreasing after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCiLeP},
	{Name: "char-ci>=?", Spec: r7char, Sig: "(char-ci>=? c1 c2 ...)", Doc: "Non-increasing after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCiGeP},
	{Name: "char-alphabetic?", Spec: r7char, Sig: "(char-alphabetic? char)", Doc: "Is char a letter?", Args: req("char"), Fn: charAlphabeticP},
	{Name: "char-numeric?", Spec: r7char, Sig: "(char-numeric? char)", Doc: "Is char a decimal digit?", Args: req("char"), Fn: charNumericP},
	{Name: "char-whitespace?", Spec: r7char, Sig: "(char-whitespace? char)", Doc: "Is char white space?", Args: req("char"), Fn: charWhitespaceP},
	{Name: "char-upper-case?", Spec: r7char, Sig: "(char-upper-case? char)", Doc: "Is char an upper-case letter?", Args: req("char"), Fn: charUpperCaseP},
	{Name: "char-lower-case?", Spec: r7char, Sig: "(char-lower-case? char)", Doc: "Is char a lower-case letter?", Args: req("char"), Fn: charLowerCaseP},
	{Name: "digit-value", Spec: r7char, Sig: "(digit-value char)", Doc: "Value of a decimal digit, or #f.", Args: req("char"),
		Fn: digitValue},
	{Name: "char-upcase", Spec: r7char, Sig: "(char-upcase char)", Doc: "Upper-case version of char.", Args: req("char"), Fn: charUpcase},
	{Name: "char-downcase", Spec: r7char, Sig: "(char-downcase char)", Doc: "Lower-case version of char.", Args: req("char"), Fn: charDowncase},
	{Name: "char-foldcase", Spec: r7char, Sig: "(char-foldcase char)", Doc: "Case-folded version of char.", Args: req("char"), Fn: charFoldcase},
}

// charLibrary is the (scheme char chars) table.
var charLibrary = &Library{Name: "(scheme char chars)", Doc: "R7RS character procedures (r7rs §6.6).", Procs: charProcs}

// charToInteger implements char->integer.
func charToInteger(th *Thread, args []Value) (Value, error) {
	c, err := argChar(1, args[0])
	if err != nil {
		return nil, err
	}
	return Fixnum(c), nil
}

// integerToChar implements integer->char.
func integerToChar(th *Thread, args []Value) (Value, error) {
	n, ok := args[0].(Fixnum)
	if !ok {
		return nil, TypeError("", 1, "exact integer", args[0])
	}
	if n < 0 || n > unicode.MaxRune || (n >= 0xD800 && n <= 0xDFFF) {
		return nil, RangeError("", 1, "not a Unicode scalar value", args[0])
	}
	return Char(n), nil
}

// digitValue implements digit-value.
func digitValue(th *Thread, args []Value) (Value, error) {
	c, err := argChar(1, args[0])
	if err != nil {
		return nil, err
	}
	if d := runeDigitValue(rune(c)); d >= 0 {
		return Fixnum(d), nil
	}
	return False, nil
}

// charEqP implements char=?.
func charEqP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a == b })
}

// charLtP implements char<?.
func charLtP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a < b })
}

// charGtP implements char>?.
func charGtP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a > b })
}

// charLeP implements char<=?.
func charLeP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a <= b })
}

// charGeP implements char>=?.
func charGeP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a >= b })
}

// charCiEqP implements char-ci=?.
func charCiEqP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a == b })
}

// charCiLtP implements char-ci<?.
func charCiLtP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a < b })
}

// charCiGtP implements char-ci>?.
func charCiGtP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a > b })
}

// charCiLeP implements char-ci<=?.
func charCiLeP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a <= b })
}

// charCiGeP implements char-ci>=?.
func charCiGeP(th *Thread, a []Value) (Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a >= b })
}

// charAlphabeticP implements char-alphabetic?.
func charAlphabeticP(th *Thread, a []Value) (Value, error) { return charPred(th, a, unicode.IsLetter) }

// charNumericP implements char-numeric?.
func charNumericP(th *Thread, a []Value) (Value, error) { return charPred(th, a, unicode.IsDigit) }

// charWhitespaceP implements char-whitespace?.
func charWhitespaceP(th *Thread, a []Value) (Value, error) { return charPred(th, a, unicode.IsSpace) }

// charUpperCaseP implements char-upper-case?.
func charUpperCaseP(th *Thread, a []Value) (Value, error) { return charPred(th, a, unicode.IsUpper) }

// charLowerCaseP implements char-lower-case?.
func charLowerCaseP(th *Thread, a []Value) (Value, error) { return charPred(th, a, unicode.IsLower) }

// charUpcase implements char-upcase.
func charUpcase(th *Thread, a []Value) (Value, error) { return charMap(th, a, unicode.ToUpper) }

// charDowncase implements char-downcase.
func charDowncase(th *Thread, a []Value) (Value, error) { return charMap(th, a, unicode.ToLower) }

// charFoldcase implements char-foldcase.
func charFoldcase(th *Thread, a []Value) (Value, error) { return charMap(th, a, foldRune) }

// charP implements char?.
func charP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { _, ok := v.(Char); return ok })
}
