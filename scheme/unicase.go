// Unicode full case conversion and case folding (r7rs §6.6, §6.7): the
// multi-character mappings Go's unicode package lacks.

package scheme

import (
	"strings"
	"sync"
	"unicode"
)

// specialUpper holds the unconditional multi-character upper-case mappings
// of Unicode 15.1 SpecialCasing.txt (ß → SS, ﬁ → FI, ŉ → ʼN …), the Greek
// letters with ypogegrammeni (U+1F80–U+1FAF) added to the literal; made
// when first needed, not at every start. Full case folding
// (CaseFolding.txt status F) is derived from it: the simple folding of
// each character of the upper-case form, which gives exactly the F
// entries except U+0130 and U+1E9E, handled in FoldString.
var specialUpper = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{
		0x00DF: "SS", 0x0149: "\u02BCN", 0x01F0: "J\u030C", 0x0390: "\u0399\u0308\u0301", 0x03B0: "\u03A5\u0308\u0301",
		0x0587: "\u0535\u0552", 0x1E96: "H\u0331", 0x1E97: "T\u0308", 0x1E98: "W\u030A", 0x1E99: "Y\u030A", 0x1E9A: "A\u02BE",
		0x1F50: "\u03A5\u0313", 0x1F52: "\u03A5\u0313\u0300", 0x1F54: "\u03A5\u0313\u0301", 0x1F56: "\u03A5\u0313\u0342",
		0x1FB2: "\u1FBA\u0399", 0x1FB3: "\u0391\u0399", 0x1FB4: "\u0386\u0399", 0x1FB6: "\u0391\u0342", 0x1FB7: "\u0391\u0342\u0399",
		0x1FBC: "\u0391\u0399", 0x1FC2: "\u1FCA\u0399", 0x1FC3: "\u0397\u0399", 0x1FC4: "\u0389\u0399", 0x1FC6: "\u0397\u0342",
		0x1FC7: "\u0397\u0342\u0399", 0x1FCC: "\u0397\u0399", 0x1FD2: "\u0399\u0308\u0300", 0x1FD3: "\u0399\u0308\u0301",
		0x1FD6: "\u0399\u0342", 0x1FD7: "\u0399\u0308\u0342", 0x1FE2: "\u03A5\u0308\u0300", 0x1FE3: "\u03A5\u0308\u0301",
		0x1FE4: "\u03A1\u0313", 0x1FE6: "\u03A5\u0342", 0x1FE7: "\u03A5\u0308\u0342", 0x1FF2: "\u1FFA\u0399", 0x1FF3: "\u03A9\u0399",
		0x1FF4: "\u038F\u0399", 0x1FF6: "\u03A9\u0342", 0x1FF7: "\u03A9\u0342\u0399", 0x1FFC: "\u03A9\u0399",
		0xFB00: "FF", 0xFB01: "FI", 0xFB02: "FL", 0xFB03: "FFI", 0xFB04: "FFL", 0xFB05: "ST", 0xFB06: "ST",
		0xFB13: "\u0544\u0546", 0xFB14: "\u0544\u0535", 0xFB15: "\u0544\u053B", 0xFB16: "\u054E\u0546", 0xFB17: "\u0544\u053D",
	}
	// U+1F80–U+1FAF: eight letters with ypogegrammeni, then their eight
	// prosgegrammeni title forms, for alpha, eta and omega; both upper-case
	// to the capital without iota followed by IOTA.
	for i, capital := range []rune{0x1F08, 0x1F28, 0x1F68} {
		for j := rune(0); j < 16; j++ {
			m[0x1F80+rune(i)*16+j] = string([]rune{capital + j%8, 0x0399})
		}
	}
	return m
})

// FoldRune is the Unicode simple case folding (CaseFolding.txt statuses C
// and S) of char-foldcase.
func FoldRune(c rune) rune {
	if c < 0x80 {
		if c >= 'A' && c <= 'Z' {
			return c + 32
		}
		return c
	}
	switch {
	case c == 0x0130 || c == 0x0131:
		return c // Turkic dotted and dotless i have no simple folding
	case c >= 0x13A0 && c <= 0x13F5, c >= 0x13F8 && c <= 0x13FD, c >= 0xAB70 && c <= 0xABBF:
		return unicode.ToUpper(c) // Cherokee folds to its upper case
	}
	return unicode.ToLower(unicode.ToUpper(c))
}

// FoldString is string-foldcase on a Go string: Unicode full case folding
// (ß → ss, ﬁ → fi, ẞ → ss).
func FoldString(s string) string {
	su := specialUpper()
	var b strings.Builder
	for _, c := range s {
		switch {
		case c < 0x80:
			b.WriteRune(FoldRune(c))
		case c == 0x0130:
			b.WriteString("i\u0307")
		case c == 0x1E9E:
			b.WriteString("ss")
		case su[c] != "":
			for _, u := range su[c] {
				b.WriteRune(FoldRune(u))
			}
		default:
			b.WriteRune(FoldRune(c))
		}
	}
	return b.String()
}

// UpcaseString is string-upcase on a Go string: full case conversion
// (straße → STRASSE).
func UpcaseString(s string) string {
	su := specialUpper()
	var b strings.Builder
	for _, c := range s {
		if u := su[c]; u != "" {
			b.WriteString(u)
			continue
		}
		b.WriteRune(unicode.ToUpper(c))
	}
	return b.String()
}

// DowncaseString is string-downcase on a Go string: full case conversion,
// with İ → i̇ and the final-sigma rule (ΧΑΟΣ → χαος: Σ at the end of a
// word becomes ς).
func DowncaseString(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i := range rs {
		WriteLowerAt(&b, rs, i)
	}
	return b.String()
}

// WriteLowerAt writes to b the full lower-case mapping of rs[i] in the
// context of rs (İ → i̇, a final Σ → ς).
func WriteLowerAt(b *strings.Builder, rs []rune, i int) {
	switch c := rs[i]; {
	case c == 0x0130:
		b.WriteString("i\u0307")
	case c == 0x03A3 && finalSigma(rs, i):
		b.WriteRune(0x03C2)
	default:
		b.WriteRune(unicode.ToLower(c))
	}
}

// TitleRune is the full title-case mapping of c (ß → Ss, ﬁ → Fi, ᾲ → Ὰͅ).
func TitleRune(c rune) string {
	u := specialUpper()[c]
	if t := unicode.ToTitle(c); t != c || u == "" {
		return string(t)
	}
	rs := []rune(u)
	for i, r := range rs[1:] {
		switch {
		case r == 0x0399:
			rs[i+1] = 0x0345 // the iota of a Greek letter is a ypogegrammeni
		case c != 0x0149: // ŉ title-cases to ʼN
			rs[i+1] = unicode.ToLower(r)
		}
	}
	return string(rs)
}

// finalSigma reports whether the capital sigma at rs[i] is preceded by a
// cased letter and not followed by one, skipping case-ignorable characters
// (the Final_Sigma condition of Unicode §3.13).
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	k := i + 1
	for k < len(rs) && caseIgnorable(rs[k]) {
		k++
	}
	return k == len(rs) || !cased(rs[k])
}

func cased(c rune) bool {
	return unicode.IsUpper(c) || unicode.IsLower(c) || unicode.IsTitle(c)
}

func caseIgnorable(c rune) bool {
	switch c {
	case '\'', '.', ':', '^', '`', 0x00B7, 0x2018, 0x2019, 0x2024, 0x2027:
		return true
	}
	return unicode.In(c, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
