// Character sets: CharSet, an inversion list of code-point ranges, and the
// standard sets built from Go's Unicode tables.

// Package srfi14 is the SRFI-14 character-set library, (srfi 14) or
// srfi-14.
package srfi14

import (
	"sort"
	"sync"
	"unicode"

	"github.com/tlsport/tlsport/scheme"
)

// maxRune bounds the full set: every code point below it that is not a
// surrogate.
const maxRune = unicode.MaxRune + 1

// CharSet is a set of characters: the sorted boundaries of half-open
// ranges [b[0],b[1]) ∪ [b[2],b[3]) …. The linear-update procedures
// (char-set-adjoin! …) replace b in place.
type CharSet struct {
	b   []rune
	std bool // a standard set from the Unicode tables, built on first use (see runes)
}

// runes returns the set's boundaries, building the standard sets the first
// time one of them is used.
func (cs *CharSet) runes() []rune {
	if cs.std {
		buildStandard()
	}
	return cs.b
}

// TypeName implements Value.
func (*CharSet) TypeName() string { return "char-set" }

// Repr implements Repr.
func (*CharSet) Repr() string { return "#<char-set>" }

// TypeCharSet is the parameter type of character sets.
var TypeCharSet = &scheme.Type{Name: "char-set", Accept: func(v scheme.Value) bool { _, ok := v.(*CharSet); return ok }}

// Contains reports whether c is in the set.
func (cs *CharSet) Contains(c rune) bool {
	b := cs.runes()
	i := sort.Search(len(b), func(i int) bool { return b[i] > c })
	return i%2 == 1
}

// Size returns the number of characters in the set.
func (cs *CharSet) Size() int {
	n, b := 0, cs.runes()
	for i := 0; i < len(b); i += 2 {
		n += int(b[i+1] - b[i])
	}
	return n
}

// each calls f for every character of the set in increasing order until f
// returns false.
func (cs *CharSet) each(f func(rune) bool) {
	b := cs.runes()
	for i := 0; i < len(b); i += 2 {
		for c := b[i]; c < b[i+1]; c++ {
			if !f(c) {
				return
			}
		}
	}
}

// span is a half-open range of code points.
type span struct{ lo, hi rune }

// fromSpans builds the set of the union of spans, surrogates excluded.
func fromSpans(spans []span) *CharSet {
	sort.Slice(spans, func(i, j int) bool { return spans[i].lo < spans[j].lo })
	var b []rune
	for _, s := range spans {
		if s.lo >= s.hi {
			continue
		}
		if n := len(b); n > 0 && s.lo <= b[n-1] {
			if s.hi > b[n-1] {
				b[n-1] = s.hi
			}
			continue
		}
		b = append(b, s.lo, s.hi)
	}
	return combine(&CharSet{b: b}, surrogates, func(x, y bool) bool { return x && !y })
}

var surrogates = &CharSet{b: []rune{0xD800, 0xE000}}

// fromRunes builds the set of the characters rs.
func fromRunes(rs []rune) *CharSet {
	spans := make([]span, len(rs))
	for i, c := range rs {
		spans[i] = span{c, c + 1}
	}
	return fromSpans(spans)
}

// combine returns the set of the characters c with op(a has c, b has c).
func combine(x, y *CharSet, op func(x, y bool) bool) *CharSet {
	a, b := x.runes(), y.runes()
	var out []rune
	i, j := 0, 0
	in := op(false, false)
	if in {
		out = append(out, 0)
	}
	for i < len(a) || j < len(b) {
		var c rune
		switch {
		case j >= len(b) || (i < len(a) && a[i] <= b[j]):
			c = a[i]
		default:
			c = b[j]
		}
		for i < len(a) && a[i] == c {
			i++
		}
		for j < len(b) && b[j] == c {
			j++
		}
		if now := op(i%2 == 1, j%2 == 1); now != in {
			out = append(out, c)
			in = now
		}
	}
	if in {
		out = append(out, maxRune)
	}
	return &CharSet{b: out}
}

func union(a, b *CharSet) *CharSet     { return combine(a, b, func(x, y bool) bool { return x || y }) }
func intersect(a, b *CharSet) *CharSet { return combine(a, b, func(x, y bool) bool { return x && y }) }
func difference(a, b *CharSet) *CharSet {
	return combine(a, b, func(x, y bool) bool { return x && !y })
}
func xor(a, b *CharSet) *CharSet { return combine(a, b, func(x, y bool) bool { return x != y }) }

// full is every character.
var full = difference(&CharSet{b: []rune{0, maxRune}}, surrogates)

// fromTables builds the set of the characters in any of the tables.
func fromTables(tables ...*unicode.RangeTable) *CharSet {
	cs := fromTable(tables[0])
	for _, t := range tables[1:] {
		cs = union(cs, fromTable(t))
	}
	return cs
}

// fromTable builds the set of the characters of t in one pass: a table's
// ranges are sorted and disjoint (R16 below R32).
func fromTable(t *unicode.RangeTable) *CharSet {
	var b []rune
	add := func(lo, hi rune) { // [lo, hi)
		if n := len(b); n > 0 && b[n-1] >= lo {
			b[n-1] = max(b[n-1], hi)
			return
		}
		b = append(b, lo, hi)
	}
	addRange := func(lo, hi, stride rune) {
		if stride == 1 {
			add(lo, hi+1)
			return
		}
		for c := lo; c <= hi; c += stride {
			add(c, c+1)
		}
	}
	for _, r := range t.R16 {
		addRange(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	for _, r := range t.R32 {
		addRange(rune(r.Lo), rune(r.Hi), rune(r.Stride))
	}
	return difference(&CharSet{b: b}, surrogates)
}

// The standard character sets (SRFI-14 "Standard character sets", over the
// Unicode categories), built the first time one is used (buildStandard).
var (
	lowerCase   = &CharSet{std: true}
	upperCase   = &CharSet{std: true}
	titleCase   = &CharSet{std: true}
	letter      = &CharSet{std: true}
	digit       = &CharSet{std: true}
	punctuation = &CharSet{std: true}
	symbol      = &CharSet{std: true}
	whitespace  = &CharSet{std: true}
	graphic     = &CharSet{std: true}
	letterDigit = &CharSet{std: true}
	printing    = &CharSet{std: true}
	standard    = []scheme.Binding{
		{Name: "char-set:lower-case", Doc: "Lower-case letters.", Value: lowerCase},
		{Name: "char-set:upper-case", Doc: "Upper-case letters.", Value: upperCase},
		{Name: "char-set:title-case", Doc: "Title-case letters.", Value: titleCase},
		{Name: "char-set:letter", Doc: "Letters.", Value: letter},
		{Name: "char-set:digit", Doc: "Decimal digits.", Value: digit},
		{Name: "char-set:letter+digit", Doc: "Letters and digits.", Value: letterDigit},
		{Name: "char-set:graphic", Doc: "Printing characters except spaces: letters, marks, numbers, punctuation, symbols.", Value: graphic},
		{Name: "char-set:printing", Doc: "Printing characters including spaces: graphic and whitespace.", Value: printing},
		{Name: "char-set:whitespace", Doc: "White-space characters: space, line and paragraph separators (Zs, Zl, Zp) and tab, newline, vertical tab, form feed and return.", Value: whitespace},
		{Name: "char-set:iso-control", Doc: "The ISO control characters: 0-31 and 127-159.", Value: fromSpans([]span{{0, 32}, {127, 160}})},
		{Name: "char-set:punctuation", Doc: "Punctuation characters.", Value: punctuation},
		{Name: "char-set:symbol", Doc: "Symbol characters.", Value: symbol},
		{Name: "char-set:hex-digit", Doc: "Hexadecimal digits: 0-9, A-F, a-f.", Value: fromSpans([]span{{'0', '9' + 1}, {'A', 'G'}, {'a', 'g'}})},
		{Name: "char-set:blank", Doc: "Blank characters: horizontal white space (space separators and tab).", Value: union(fromTables(unicode.Zs), fromRunes([]rune{'\t'}))},
		{Name: "char-set:ascii", Doc: "The ASCII characters, 0-127.", Value: fromSpans([]span{{0, 128}})},
		{Name: "char-set:empty", Doc: "The empty set.", Value: &CharSet{}},
		{Name: "char-set:full", Doc: "All characters.", Value: full},
	}
)

// buildStandard builds the standard sets from the Unicode tables, once per
// process: a program that uses none does not pay for them at start-up.
func buildStandard() { standardOnce.Do(makeStandard) }

var standardOnce sync.Once

func makeStandard() {
	lower, upper, title := fromTable(unicode.Lower), fromTable(unicode.Upper), fromTable(unicode.Title)
	l, d, p, s := fromTable(unicode.Letter), fromTable(unicode.Nd), fromTable(unicode.P), fromTable(unicode.S)
	// SRFI-14 char-set:whitespace: the categories Zs, Zl and Zp and the five
	// controls tab to return, not Unicode's White_Space (which adds U+0085)
	w := union(fromTables(unicode.Zs, unicode.Zl, unicode.Zp), fromSpans([]span{{'\t', '\r' + 1}}))
	g := union(union(fromTables(unicode.L, unicode.M, unicode.N), p), s)
	for _, x := range []struct{ to, from *CharSet }{{lowerCase, lower}, {upperCase, upper}, {titleCase, title}, {letter, l}, {digit, d},
		{punctuation, p}, {symbol, s}, {whitespace, w}, {graphic, g}, {letterDigit, union(l, d)}, {printing, union(g, w)}} {
		x.to.b = x.from.b
	}
}
