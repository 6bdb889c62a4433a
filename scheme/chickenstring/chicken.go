// CHICKEN's (chicken string) beyond the core's former string helpers: chopping, chomping, translation, comparison and search.

package chickenstring

import (
	"slices"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken string)"

var (
	index = scheme.TypeIndex
	// typeTranslation is what string-translate accepts for FROM and TO.
	typeTranslation = &scheme.Type{Name: "char, string or list of chars", Accept: func(v scheme.Value) bool {
		_, ok := translationRunes(v)
		return ok
	}}
)

// stringChop implements string-chop.
func stringChop(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, n := a[0].(*scheme.String), int(a[1].(scheme.Fixnum))
	if n == 0 {
		return nil, scheme.RangeError("string-chop", 2, "length must be positive", a[1])
	}
	var out []scheme.Value
	for i := 0; i < s.Len(); i += n {
		out = append(out, s.Substring(i, min(i+n, s.Len())))
	}
	return scheme.List(out...), nil
}

// stringChomp implements string-chomp.
func stringChomp(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, suf := a[0].(*scheme.String), a[1].(*scheme.String)
	if t, ok := strings.CutSuffix(s.String(), suf.String()); ok {
		return scheme.NewString(t), nil
	}
	return s, nil
}

func compare3(a, b []rune, ci bool) scheme.Value {
	for i := 0; i < len(a) && i < len(b); i++ {
		x, y := a[i], b[i]
		if ci {
			x, y = scheme.FoldRune(x), scheme.FoldRune(y)
		}
		if x != y {
			if x < y {
				return scheme.Fixnum(-1)
			}
			return scheme.Fixnum(1)
		}
	}
	switch {
	case len(a) < len(b):
		return scheme.Fixnum(-1)
	case len(a) > len(b):
		return scheme.Fixnum(1)
	}
	return scheme.Fixnum(0)
}

// stringCompare3 implements string-compare3.
func stringCompare3(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return compare3(a[0].(*scheme.String).Runes(), a[1].(*scheme.String).Runes(), false), nil
}

// stringCompare3Ci implements string-compare3-ci.
func stringCompare3Ci(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return compare3(a[0].(*scheme.String).Runes(), a[1].(*scheme.String).Runes(), true), nil
}

// translationRunes returns the characters of a string-translate argument.
func translationRunes(v scheme.Value) ([]rune, bool) {
	switch x := v.(type) {
	case scheme.Char:
		return []rune{rune(x)}, true
	case *scheme.String:
		return x.Runes(), true
	}
	items, ok := scheme.ListToSlice(v)
	if !ok {
		return nil, false
	}
	rs := make([]rune, len(items))
	for i, it := range items {
		c, ok := it.(scheme.Char)
		if !ok {
			return nil, false
		}
		rs[i] = rune(c)
	}
	return rs, true
}

// stringTranslate implements string-translate.
func stringTranslate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	from, _ := translationRunes(a[1])
	var to []rune
	toChar, del := false, scheme.IsDefault(a[2])
	if !del {
		to, _ = translationRunes(a[2])
		_, toChar = a[2].(scheme.Char)
	}
	s := a[0].(*scheme.String).Runes()
	out := make([]rune, 0, len(s))
	for _, c := range s {
		k := slices.Index(from, c)
		switch {
		case k < 0:
			out = append(out, c)
		case del:
		case toChar:
			out = append(out, to[0])
		default:
			if k >= len(to) {
				return nil, scheme.NewError("string-translate", "invalid translation: no character in to for", []scheme.Value{scheme.Char(c)})
			}
			out = append(out, to[k])
		}
	}
	return scheme.NewStringRunes(out), nil
}

// stringTranslateStar implements string-translate*.
func stringTranslateStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	subs, ok := scheme.StringPairs(a[1])
	if !ok {
		return nil, scheme.TypeError("string-translate*", 2, "list of (string . string) pairs", a[1])
	}
	s := a[0].(*scheme.String).String()
	var b strings.Builder
	for i := 0; i < len(s); {
		matched := false
		for _, sb := range subs {
			if from, to := sb[0], sb[1]; from != "" && strings.HasPrefix(s[i:], from) {
				b.WriteString(to)
				i += len(from)
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte(s[i])
			i++
		}
	}
	return scheme.NewString(b.String()), nil
}

func substringEq(a []scheme.Value, who string, ci bool) (scheme.Value, error) {
	s1, s2 := a[0].(*scheme.String).Runes(), a[1].(*scheme.String).Runes()
	st1, st2 := int(a[2].(scheme.Fixnum)), int(a[3].(scheme.Fixnum))
	if st1 > len(s1) {
		return nil, scheme.RangeError(who, 3, "start1 out of range", a[2])
	}
	if st2 > len(s2) {
		return nil, scheme.RangeError(who, 4, "start2 out of range", a[3])
	}
	n := min(len(s1)-st1, len(s2)-st2)
	if !scheme.IsDefault(a[4]) {
		n = int(a[4].(scheme.Fixnum))
		if st1+n > len(s1) || st2+n > len(s2) {
			return nil, scheme.RangeError(who, 5, "length out of range", a[4])
		}
	}
	return scheme.MakeBool(compare3(s1[st1:st1+n], s2[st2:st2+n], ci) == scheme.Value(scheme.Fixnum(0))), nil
}

// substringEqP implements substring=?.
func substringEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return substringEq(a, "substring=?", false)
}

// substringCiEqP implements substring-ci=?.
func substringCiEqP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return substringEq(a, "substring-ci=?", true)
}

func substringIdx(a []scheme.Value, who string, ci bool) (scheme.Value, error) {
	sub, s := a[0].(*scheme.String).Runes(), a[1].(*scheme.String).Runes()
	start := int(a[2].(scheme.Fixnum))
	if start > len(s) {
		return nil, scheme.RangeError(who, 3, "start out of range", a[2])
	}
	for i := start; i+len(sub) <= len(s); i++ {
		if compare3(s[i:i+len(sub)], sub, ci) == scheme.Value(scheme.Fixnum(0)) {
			return scheme.Fixnum(i), nil
		}
	}
	return scheme.False, nil
}

// substringIndex implements substring-index.
func substringIndex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return substringIdx(a, "substring-index", false)
}

// substringIndexCi implements substring-index-ci.
func substringIndexCi(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return substringIdx(a, "substring-index-ci", true)
}

// reverseListToString implements reverse-list->string.
func reverseListToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, _ := scheme.ListToSlice(a[0])
	rs := make([]rune, len(items))
	for i, it := range items {
		c, ok := it.(scheme.Char)
		if !ok {
			return nil, scheme.TypeError("reverse-list->string", 1, "list of chars", a[0])
		}
		rs[len(items)-1-i] = rune(c)
	}
	return scheme.NewStringRunes(rs), nil
}

// reverseStringAppend implements reverse-string-append.
func reverseStringAppend(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, _ := scheme.ListToSlice(a[0])
	var b strings.Builder
	for i := len(items) - 1; i >= 0; i-- {
		s, ok := items[i].(*scheme.String)
		if !ok {
			return nil, scheme.TypeError("reverse-string-append", 1, "list of strings", a[0])
		}
		b.WriteString(s.String())
	}
	return scheme.NewString(b.String()), nil
}
