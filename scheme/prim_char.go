// Character procedures: (scheme base) and (scheme char) on chars.

package scheme

import (
	"unicode"
)

const r7char = "r7rs §6.6"

func charCompare(ci bool, test func(a, b rune) bool) PrimFn {
	return func(th *Thread, args []Value) (Value, error) {
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

func charPred(f func(rune) bool) PrimFn {
	return func(th *Thread, args []Value) (Value, error) {
		c, err := argChar(1, args[0])
		if err != nil {
			return nil, err
		}
		return MakeBool(f(rune(c))), nil
	}
}

func charMap(f func(rune) rune) PrimFn {
	return func(th *Thread, args []Value) (Value, error) {
		c, err := argChar(1, args[0])
		if err != nil {
			return nil, err
		}
		return Char(f(rune(c))), nil
	}
}

// digitValue returns the value of a decimal digit character, or -1.
func digitValue(c rune) int {
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
		Fn: pred(func(v Value) bool { _, ok := v.(Char); return ok })},
	{Name: "char->integer", Spec: r7char, Sig: "(char->integer char)", Doc: "Unicode scalar value of char.", Args: req("char"),
		Fn: charToInteger},
	{Name: "integer->char", Spec: r7char, Sig: "(integer->char n)", Doc: "Character whose scalar value is n.", Args: req("n"),
		Fn: integerToChar},
	{Name: "char=?", Spec: r7char, Sig: "(char=? c1 c2 ...)", Doc: "Are the characters equal?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(false, func(a, b rune) bool { return a == b })},
	{Name: "char<?", Spec: r7char, Sig: "(char<? c1 c2 ...)", Doc: "Increasing?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(false, func(a, b rune) bool { return a < b })},
	{Name: "char>?", Spec: r7char, Sig: "(char>? c1 c2 ...)", Doc: "Decreasing?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(false, func(a, b rune) bool { return a > b })},
	{Name: "char<=?", Spec: r7char, Sig: "(char<=? c1 c2 ...)", Doc: "Non-decreasing?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(false, func(a, b rune) bool { return a <= b })},
	{Name: "char>=?", Spec: r7char, Sig: "(char>=? c1 c2 ...)", Doc: "Non-increasing?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(false, func(a, b rune) bool { return a >= b })},
	{Name: "char-ci=?", Spec: r7char, Sig: "(char-ci=? c1 c2 ...)", Doc: "Equal after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(true, func(a, b rune) bool { return a == b })},
	{Name: "char-ci<?", Spec: r7char, Sig: "(char-ci<? c1 c2 ...)", Doc: "Increasing after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(true, func(a, b rune) bool { return a < b })},
	{Name: "char-ci>?", Spec: r7char, Sig: "(char-ci>? c1 c2 ...)", Doc: "Decreasing after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(true, func(a, b rune) bool { return a > b })},
	{Name: "char-ci<=?", Spec: r7char, Sig: "(char-ci<=? c1 c2 ...)", Doc: "Non-decreasing after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(true, func(a, b rune) bool { return a <= b })},
	{Name: "char-ci>=?", Spec: r7char, Sig: "(char-ci>=? c1 c2 ...)", Doc: "Non-increasing after case folding?", Args: Params{Rest: "c", Spread: true},
		Fn: charCompare(true, func(a, b rune) bool { return a >= b })},
	{Name: "char-alphabetic?", Spec: r7char, Sig: "(char-alphabetic? char)", Doc: "Is char a letter?", Args: req("char"), Fn: charPred(unicode.IsLetter)},
	{Name: "char-numeric?", Spec: r7char, Sig: "(char-numeric? char)", Doc: "Is char a decimal digit?", Args: req("char"), Fn: charPred(unicode.IsDigit)},
	{Name: "char-whitespace?", Spec: r7char, Sig: "(char-whitespace? char)", Doc: "Is char white space?", Args: req("char"), Fn: charPred(unicode.IsSpace)},
	{Name: "char-upper-case?", Spec: r7char, Sig: "(char-upper-case? char)", Doc: "Is char an upper-case letter?", Args: req("char"), Fn: charPred(unicode.IsUpper)},
	{Name: "char-lower-case?", Spec: r7char, Sig: "(char-lower-case? char)", Doc: "Is char a lower-case letter?", Args: req("char"), Fn: charPred(unicode.IsLower)},
	{Name: "digit-value", Spec: r7char, Sig: "(digit-value char)", Doc: "Value of a decimal digit, or #f.", Args: req("char"),
		Fn: digitValue2},
	{Name: "char-upcase", Spec: r7char, Sig: "(char-upcase char)", Doc: "Upper-case version of char.", Args: req("char"), Fn: charMap(unicode.ToUpper)},
	{Name: "char-downcase", Spec: r7char, Sig: "(char-downcase char)", Doc: "Lower-case version of char.", Args: req("char"), Fn: charMap(unicode.ToLower)},
	{Name: "char-foldcase", Spec: r7char, Sig: "(char-foldcase char)", Doc: "Case-folded version of char.", Args: req("char"), Fn: charMap(foldRune)},
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

// digitValue2 implements digit-value.
func digitValue2(th *Thread, args []Value) (Value, error) {
	c, err := argChar(1, args[0])
	if err != nil {
		return nil, err
	}
	if d := digitValue(rune(c)); d >= 0 {
		return Fixnum(d), nil
	}
	return False, nil
}
