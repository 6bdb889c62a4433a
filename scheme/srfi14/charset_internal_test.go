package srfi14

import (
	"slices"
	"testing"
	"unicode"
)

// TestFromTable checks the one-pass construction of a set from a Unicode
// table against the union of its ranges, one span per character run.
func TestFromTable(t *testing.T) {
	for name, tab := range map[string]*unicode.RangeTable{"Lower": unicode.Lower, "Upper": unicode.Upper, "Title": unicode.Title,
		"Letter": unicode.Letter, "Nd": unicode.Nd, "P": unicode.P, "S": unicode.S, "White_Space": unicode.White_Space,
		"Zs": unicode.Zs, "M": unicode.M, "N": unicode.N, "Cs": unicode.Cs} {
		var spans []span
		add := func(lo, hi, stride rune) {
			for c := lo; c <= hi; c += stride {
				spans = append(spans, span{c, c + 1})
			}
		}
		for _, r := range tab.R16 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range tab.R32 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		if got, want := fromTable(tab).b, fromSpans(spans).b; !slices.Equal(got, want) {
			t.Errorf("%s: fromTable = %v…, want %v…", name, got[:min(len(got), 8)], want[:min(len(want), 8)])
		}
	}
	if got, want := graphic.runes(), fromTables(unicode.L, unicode.M, unicode.N, unicode.P, unicode.S).b; !slices.Equal(got, want) {
		t.Error("char-set:graphic differs from L ∪ M ∪ N ∪ P ∪ S")
	}
}

// TestStandardConcurrent checks that the standard sets, built on first use,
// can be first used by several goroutines at once (run with -race).
func TestStandardConcurrent(t *testing.T) {
	done := make(chan bool)
	for _, cs := range []*CharSet{letter, digit, graphic, printing, letterDigit} {
		go func() { done <- cs.Contains('a') || cs.Contains('5') }()
	}
	for range 5 {
		if !<-done {
			t.Error("a standard set has neither a nor 5")
		}
	}
	if letter.Contains('5') || !digit.Contains('٣') || !whitespace.Contains('\u3000') {
		t.Error("standard sets: wrong members")
	}
}
