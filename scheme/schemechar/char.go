// Character procedures: (scheme base) and (scheme char) on chars.

// Package schemechar is the R7RS (scheme char) library and the character
// procedures of (scheme base), declared with typed parameters.
package schemechar

import (
	"unicode"

	"github.com/tlsport/tlsport/scheme"
)

const r7char = "r7rs §6.6"

func charCompare(th *scheme.Thread, args []scheme.Value, ci bool, test func(a, b rune) bool) (scheme.Value, error) {
	res := true
	for i := range args {
		c := args[i].(scheme.Char)
		if i > 0 && res {
			a, b := rune(args[i-1].(scheme.Char)), rune(c)
			if ci {
				a, b = scheme.FoldRune(a), scheme.FoldRune(b)
			}
			res = test(a, b)
		}
	}
	return scheme.MakeBool(res), nil
}

func charPred(th *scheme.Thread, args []scheme.Value, f func(rune) bool) (scheme.Value, error) {
	c := args[0].(scheme.Char)
	return scheme.MakeBool(f(rune(c))), nil
}

func charMap(th *scheme.Thread, args []scheme.Value, f func(rune) rune) (scheme.Value, error) {
	c := args[0].(scheme.Char)
	return scheme.Char(f(rune(c))), nil
}

// runeDigitValue returns the value of a decimal digit character, or -1.
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

var charProcs = []scheme.Proc{
	{Name: "char?", Spec: r7char, Doc: "Is obj a character?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("obj", nil)) },
		Fn: charP},
	{Name: "char->integer", Spec: r7char, Doc: "Unicode scalar value of char.", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) },
		Fn: charToInteger},
	{Name: "integer->char", Spec: r7char, Doc: "Character whose scalar value is n.", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("n", nil)) },
		Fn: integerToChar},
	{Name: "char=?", Spec: r7char, Sig: "(char=? c1 c2 ...)", Doc: "Are the characters equal?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charEqP},
	{Name: "char<?", Spec: r7char, Sig: "(char<? c1 c2 ...)", Doc: "Increasing?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charLtP},
	{Name: "char>?", Spec: r7char, Sig: "(char>? c1 c2 ...)", Doc: "Decreasing?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charGtP},
	{Name: "char<=?", Spec: r7char, Sig: "(char<=? c1 c2 ...)", Doc: "Non-decreasing?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charLeP},
	{Name: "char>=?", Spec: r7char, Sig: "(char>=? c1 c2 ...)", Doc: "Non-increasing?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charGeP},
	{Name: "char-ci=?", Spec: r7char, Sig: "(char-ci=? c1 c2 ...)", Doc: "Equal after case folding?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charCiEqP},
	{Name: "char-ci<?", Spec: r7char, Sig: "(char-ci<? c1 c2 ...)", Doc: "Increasing after case folding?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charCiLtP},
	{Name: "char-ci>?", Spec: r7char, Sig: "(char-ci>? c1 c2 ...)", Doc: "Decreasing after case folding?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charCiGtP},
	{Name: "char-ci<=?", Spec: r7char, Sig: "(char-ci<=? c1 c2 ...)", Doc: "Non-decreasing after case folding?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charCiLeP},
	{Name: "char-ci>=?", Spec: r7char, Sig: "(char-ci>=? c1 c2 ...)", Doc: "Non-increasing after case folding?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("c", scheme.TypeChar)) },
		Fn: charCiGeP},
	{Name: "char-alphabetic?", Spec: r7char, Doc: "Is char a letter?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) }, Fn: charAlphabeticP},
	{Name: "char-numeric?", Spec: r7char, Doc: "Is char a decimal digit?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) }, Fn: charNumericP},
	{Name: "char-whitespace?", Spec: r7char, Doc: "Is char white space?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) }, Fn: charWhitespaceP},
	{Name: "char-upper-case?", Spec: r7char, Doc: "Is char an upper-case letter?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) }, Fn: charUpperCaseP},
	{Name: "char-lower-case?", Spec: r7char, Doc: "Is char a lower-case letter?", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) }, Fn: charLowerCaseP},
	{Name: "digit-value", Spec: r7char, Doc: "Value of a decimal digit, or #f.", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) },
		Fn: digitValue},
	{Name: "char-upcase", Spec: r7char, Doc: "Upper-case version of char.", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) }, Fn: charUpcase},
	{Name: "char-downcase", Spec: r7char, Doc: "Lower-case version of char.", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) }, Fn: charDowncase},
	{Name: "char-foldcase", Spec: r7char, Doc: "Unicode simple case folding of char (#\\Σ and #\\ς → #\\σ).", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("char", scheme.TypeChar)) }, Fn: charFoldcase},
}

// Library is the (scheme char) binding table, with the character procedures
// of (scheme base).
var Library = &scheme.Library{Name: "(scheme char)", Doc: "R7RS character procedures (r7rs §6.6).", Procs: charProcs}

// charToInteger implements char->integer.
func charToInteger(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c := args[0].(scheme.Char)
	return scheme.Fixnum(c), nil
}

// integerToChar implements integer->char.
func integerToChar(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	n, ok := args[0].(scheme.Fixnum)
	if !ok {
		return nil, scheme.TypeError("", 1, "exact integer", args[0])
	}
	if n < 0 || n > unicode.MaxRune || (n >= 0xD800 && n <= 0xDFFF) {
		return nil, scheme.RangeError("", 1, "not a Unicode scalar value", args[0])
	}
	return scheme.Char(n), nil
}

// digitValue implements digit-value.
func digitValue(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c := args[0].(scheme.Char)
	if d := runeDigitValue(rune(c)); d >= 0 {
		return scheme.Fixnum(d), nil
	}
	return scheme.False, nil
}

// charEqP implements char=?.
func charEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a == b })
}

// charLtP implements char<?.
func charLtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a < b })
}

// charGtP implements char>?.
func charGtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a > b })
}

// charLeP implements char<=?.
func charLeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a <= b })
}

// charGeP implements char>=?.
func charGeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, false, func(a, b rune) bool { return a >= b })
}

// charCiEqP implements char-ci=?.
func charCiEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a == b })
}

// charCiLtP implements char-ci<?.
func charCiLtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a < b })
}

// charCiGtP implements char-ci>?.
func charCiGtP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a > b })
}

// charCiLeP implements char-ci<=?.
func charCiLeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a <= b })
}

// charCiGeP implements char-ci>=?.
func charCiGeP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charCompare(th, a, true, func(a, b rune) bool { return a >= b })
}

// charAlphabeticP implements char-alphabetic?.
func charAlphabeticP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charPred(th, a, alphabetic)
}

// alphabetic, upperCase and lowerCase are Unicode's Alphabetic, Uppercase
// and Lowercase properties, as R7RS §6.6 and r6rs-lib §1.1 name them:
// the letters with the Nl numbers and the marks of Other_Alphabetic (Ⅻ,
// the Hebrew points), and the Other_Uppercase and Other_Lowercase
// letters (Ⅻ, ª, ʰ).
func alphabetic(c rune) bool {
	return unicode.IsLetter(c) || c >= 0x80 && unicode.In(c, unicode.Nl, unicode.Other_Alphabetic)
}

func upperCase(c rune) bool {
	return unicode.IsUpper(c) || c >= 0x80 && unicode.Is(unicode.Other_Uppercase, c)
}

func lowerCase(c rune) bool {
	return unicode.IsLower(c) || c >= 0x80 && unicode.Is(unicode.Other_Lowercase, c)
}

// charNumericP implements char-numeric?.
func charNumericP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charPred(th, a, unicode.IsDigit)
}

// charWhitespaceP implements char-whitespace?.
func charWhitespaceP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charPred(th, a, unicode.IsSpace)
}

// charUpperCaseP implements char-upper-case?.
func charUpperCaseP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charPred(th, a, upperCase)
}

// charLowerCaseP implements char-lower-case?.
func charLowerCaseP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charPred(th, a, lowerCase)
}

// charUpcase implements char-upcase.
func charUpcase(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charMap(th, a, unicode.ToUpper)
}

// charDowncase implements char-downcase.
func charDowncase(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charMap(th, a, unicode.ToLower)
}

// charFoldcase implements char-foldcase.
func charFoldcase(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return charMap(th, a, scheme.FoldRune)
}

// charP implements char?.
func charP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[scheme.Char](a[0]), nil
}
