// (rnrs base) beyond the core (r6rs §11): error and assertion-violation with a who, and (rnrs unicode) title case.

package rnrs

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/tlsport/tlsport/scheme"
)

// violation raises an (exn kinds…) condition from R6RS's (who message
// irritant …): who (a symbol, a string or #f) becomes the location, and a
// string who is also kept as it is in a who kind, which condition-who reads
// (r6rs §11.14). A message that is not a string, or a who of another
// type, is an &assertion.
func violation(a []scheme.Value, kinds ...string) error {
	who := ""
	switch w := a[0].(type) {
	case *scheme.Symbol:
		who = w.Name
	case *scheme.String:
		who = w.String()
	default:
		if w != scheme.False {
			return scheme.TypeError("", 1, "symbol, string or #f", w)
		}
	}
	msg, ok := a[1].(*scheme.String)
	if !ok {
		return scheme.TypeError("", 2, "string", a[1])
	}
	l, _ := scheme.ListToSlice(a[2])
	c := scheme.MakeError(who, msg.String(), l, kinds...)
	if _, ok := a[0].(*scheme.String); ok {
		c.Set("who", "who", a[0])
	}
	return scheme.Raise(c)
}

// errorProc implements error (R6RS: who, message, irritants).
func errorProc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, violation(a)
}

// internalAssertionFailed implements %assertion-failed.
func internalAssertionFailed(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, scheme.Raise(scheme.MakeError("", "assertion failed", a, "assertion"))
}

// assertionViolation implements assertion-violation.
func assertionViolation(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, violation(a, "assertion")
}

// charTitlecase implements char-titlecase.
func charTitlecase(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Char(unicode.ToTitle(rune(a[0].(scheme.Char)))), nil
}

// charTitleCaseP implements char-title-case?.
func charTitleCaseP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(unicode.IsTitle(rune(a[0].(scheme.Char)))), nil
}

// stringTitlecase implements string-titlecase: in each word, the first
// cased character title case and the other cased ones lower case, with the
// full mappings (ß → Ss, Σ at a word's end → ς). Words are those of UAX #29
// in short: runs of letters, marks, digits and connectors such as _, with
// an apostrophe, period or colon inside between letters or digits (r6rs,
// who's and 3.14 are each one word).
func stringTitlecase(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	rs := a[0].(*scheme.String).Runes()
	var b strings.Builder
	inWord, titled := false, false
	for i, c := range rs {
		if !wordRune(c) && !(inWord && midWord(c) && i+1 < len(rs) && wordRune(rs[i+1]) && !unicode.Is(unicode.Pc, rs[i+1])) {
			inWord, titled = false, false
			b.WriteRune(c)
			continue
		}
		inWord = true
		switch {
		case !titled && (unicode.IsUpper(c) || unicode.IsLower(c) || unicode.IsTitle(c)):
			titled = true
			b.WriteString(scheme.TitleRune(c))
		default:
			scheme.WriteLowerAt(&b, rs, i)
		}
	}
	return scheme.NewString(b.String()), nil
}

// wordRune reports whether c belongs to a word (ALetter, Numeric, Extend
// and ExtendNumLet of UAX #29).
func wordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsMark(c) || unicode.IsDigit(c) || unicode.Is(unicode.Pc, c)
}

// midWord reports whether c stays inside a word between two word characters
// (MidLetter, MidNumLet and MidNum of UAX #29).
func midWord(c rune) bool {
	switch c {
	case '\'', '.', ':', ',', ';', 0x00B7, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A:
		return true
	}
	return false
}

// charNumericP implements char-numeric?: the Unicode Numeric property
// (r6rs-lib §1.1), the characters with a numeric value — the number
// categories and the CJK compatibility ideographs that have one.
func charNumericP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := rune(a[0].(scheme.Char))
	switch c {
	case 0xF96B, 0xF973, 0xF978, 0xF9B2, 0xF9D1, 0xF9D3, 0xF9FD, 0x2F890:
		return scheme.True, nil
	}
	return scheme.MakeBool(unicode.In(c, unicode.Nd, unicode.Nl, unicode.No)), nil
}

// categories are the Unicode general categories char-general-category reports.
var categories = []string{"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Ps", "Pe", "Pi", "Pf", "Pd", "Pc", "Po",
	"Sc", "Sm", "Sk", "So", "Zs", "Zp", "Zl", "Cc", "Cf", "Cs", "Co"}

// charGeneralCategory implements char-general-category.
func charGeneralCategory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := rune(a[0].(scheme.Char))
	for _, cat := range categories {
		if t := unicode.Categories[cat]; t != nil && unicode.Is(t, c) {
			return scheme.Intern(cat), nil
		}
	}
	return scheme.Intern("Cn"), nil
}

func baseRows() []scheme.Proc {
	return []scheme.Proc{
		{Name: "identifier-syntax", Spec: specBase + ".19", Sig: "(identifier-syntax template) (identifier-syntax (id template1) ((set! id pattern) template2))",
			Doc: "A transformer for identifier macros: the keyword alone expands to template (applied to arguments when called); the second form also handles set!.",
			Syntax: `(syntax-rules (set!)
  ((_ e) (lambda (stx) (syntax-case stx () (id (identifier? #'id) #'e) ((_ a (... ...)) #'(e a (... ...))))))
  ((_ (id exp1) ((set! var val) exp2))
   (make-variable-transformer
     (lambda (stx)
       (syntax-case stx (set!)
         ((set! var val) #'exp2)
         ((id a (... ...)) #'(exp1 a (... ...)))
         (id (identifier? #'id) #'exp1))))))`},
		{Name: "assert", Spec: specBase + ".14", Sig: "syntax (assert expression)",
			Doc:    "The value of expression when it is true, else raises an &assertion and &message condition (CHICKEN view (exn assertion)) whose irritant is the expression.",
			Syntax: "(syntax-rules () ((_ e) (or e (%assertion-failed 'e))))"},
		scheme.Row("%assertion-failed", specBase, "The failure of assert: raises the &assertion condition for expression.", lam(req("expression", nil)), internalAssertionFailed),
		scheme.Row("div", specBase, "R6RS div: x = (div x y)·y + (mod x y) with 0 ≤ (mod x y) < |y|.", lam(req("x", scheme.TypeReal), req("y", scheme.TypeReal)), div),
		scheme.Row("mod", specBase, "R6RS mod (see div).", lam(req("x", scheme.TypeReal), req("y", scheme.TypeReal)), mod),
		scheme.Row("div-and-mod", specBase, "Two values: div and mod.", lam(req("x", scheme.TypeReal), req("y", scheme.TypeReal)), divAndMod),
		scheme.Row("div0", specBase, "R6RS div0: the mod0 is in [-|y/2|, |y/2|).", lam(req("x", scheme.TypeReal), req("y", scheme.TypeReal)), div0),
		scheme.Row("mod0", specBase, "R6RS mod0 (see div0).", lam(req("x", scheme.TypeReal), req("y", scheme.TypeReal)), mod0),
		scheme.Row("div0-and-mod0", specBase, "Two values: div0 and mod0.", lam(req("x", scheme.TypeReal), req("y", scheme.TypeReal)), div0AndMod0),
		scheme.Row("real-valued?", specBase, "Is obj a number with a real value?", lam(req("obj", nil)), realValuedP),
		scheme.Row("rational-valued?", specBase, "Is obj a number with a rational value (not an infinity or NaN)?", lam(req("obj", nil)), rationalValuedP),
		scheme.Row("integer-valued?", specBase, "Is obj a number with an integer value?", lam(req("obj", nil)), integerValuedP),
		scheme.Row("error", specBase, "Raises an &error condition: who (symbol, string or #f), message, irritants; CHICKEN view (exn) with who as location.",
			lam(req("who", nil), req("message", nil), scheme.Rest("irritants", nil)), errorProc),
		scheme.Row("assertion-violation", specBase, "Raises an &assertion condition (CHICKEN view (exn assertion)) with who, message and irritants.",
			lam(req("who", nil), req("message", nil), scheme.Rest("irritants", nil)), assertionViolation),
	}
}

func unicodeRows() []scheme.Proc {
	return []scheme.Proc{
		scheme.Row("char-titlecase", specUnicode, "Title-case version of char.", lam(req("char", scheme.TypeChar)), charTitlecase),
		scheme.Row("char-title-case?", specUnicode, "Is char a title-case letter?", lam(req("char", scheme.TypeChar)), charTitleCaseP),
		scheme.Row("char-numeric?", specUnicode, "Has char the Unicode Numeric property (a digit, a letter number such as Ⅻ, another number such as ½ or ²)? R7RS's (scheme char) counts only the decimal digits.", lam(req("char", scheme.TypeChar)), charNumericP),
		scheme.Row("char-general-category", specUnicode, "The Unicode general category of char, as a symbol (Lu, Ll, … Cn).", lam(req("char", scheme.TypeChar)), charGeneralCategory),
		scheme.Row("string-titlecase", specUnicode, "string with each word's first letter title case and the rest lower case.", lam(req("string", str)), stringTitlecase),
		scheme.Row("string-normalize-nfd", specUnicode, "string in Unicode normalization form D (canonical decomposition): (string-normalize-nfd \"\\xE9;\") ⇒ \"e\\x301;\".", lam(req("string", str)), stringNormalizeNfd),
		scheme.Row("string-normalize-nfkd", specUnicode, "string in Unicode normalization form KD (compatibility decomposition).", lam(req("string", str)), stringNormalizeNfkd),
		scheme.Row("string-normalize-nfc", specUnicode, "string in Unicode normalization form C (canonical decomposition, then canonical composition): (string-normalize-nfc \"e\\x301;\") ⇒ \"\\xE9;\".", lam(req("string", str)), stringNormalizeNfc),
		scheme.Row("string-normalize-nfkc", specUnicode, "string in Unicode normalization form KC (compatibility decomposition, then canonical composition).", lam(req("string", str)), stringNormalizeNfkc),
	}
}

// normalize returns string a[0] in normalization form f: a newly
// allocated string, or the argument itself when it is already normalized
// (as r6rs-lib §1.3 allows).
func normalize(f norm.Form, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*scheme.String).String()
	if f.IsNormalString(s) {
		return a[0], nil
	}
	return scheme.NewString(f.String(s)), nil
}

// stringNormalizeNfd implements string-normalize-nfd.
func stringNormalizeNfd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return normalize(norm.NFD, a)
}

// stringNormalizeNfkd implements string-normalize-nfkd.
func stringNormalizeNfkd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return normalize(norm.NFKD, a)
}

// stringNormalizeNfc implements string-normalize-nfc.
func stringNormalizeNfc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return normalize(norm.NFC, a)
}

// stringNormalizeNfkc implements string-normalize-nfkc.
func stringNormalizeNfkc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return normalize(norm.NFKC, a)
}
