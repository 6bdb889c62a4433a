// String, symbol and keyword procedures: R7RS §6.7/§6.5 plus CHICKEN's (chicken string) helpers.

package scheme

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

const r7str = "r7rs §6.7"

// CompareStrings compares two strings by characters, case-folded when ci
// (the order of string<? and string-ci<?, full folding: "Straße" and
// "STRASSE" are string-ci=?): -1, 0 or 1.
func CompareStrings(a, b *String, ci bool) int {
	if !a.wide && !b.wide {
		if !ci {
			return bytes.Compare(a.b, b.b)
		}
	} else if ci {
		return CompareStrings(NewString(FoldString(a.String())), NewString(FoldString(b.String())), false)
	}
	na, nb := a.Len(), b.Len()
	for i := 0; i < na && i < nb; i++ {
		x, y := a.Ref(i), b.Ref(i)
		if ci {
			x, y = FoldRune(x), FoldRune(y)
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	switch {
	case na < nb:
		return -1
	case na > nb:
		return 1
	}
	return 0
}

func strCompare(th *Thread, args []Value, ci bool, test func(c int) bool) (Value, error) {
	res := true
	for i := range args {
		s, err := argString(i+1, args[i])
		if err != nil {
			return nil, err
		}
		if i > 0 && res {
			res = test(CompareStrings(args[i-1].(*String), s, ci))
		}
	}
	return MakeBool(res), nil
}

// stringEqual reports whether two strings hold the same characters (a
// wide string may hold only ASCII ones, after string-set!).
func stringEqual(a, b *String) bool {
	switch {
	case a == b:
		return true
	case !a.wide && !b.wide:
		return bytes.Equal(a.b, b.b)
	case a.wide && b.wide:
		return slices.Equal(a.r, b.r)
	}
	return a.Len() == b.Len() && CompareStrings(a, b, false) == 0
}

func strMapCase(th *Thread, args []Value, f func(string) string) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	return NewString(f(s.String())), nil
}

func stringCopyBang(th *Thread, a []Value) (Value, error) {
	if err := CheckMutable(a[0]); err != nil {
		return nil, err
	}
	return strSeq.copyBangFn(th, a, func(to *String, at int, from *String, start, end int) {
		if !to.wide && !from.wide {
			copy(to.b[at:], from.b[start:end])
			return
		}
		for i, c := range from.Runes()[start:end] {
			to.Set(at+i, c)
		}
	})
}

func stringProc(th *Thread, args []Value) (Value, error) {
	var sb StringBuilder
	for i, a := range args {
		c, err := argChar(i+1, a)
		if err != nil {
			return nil, err
		}
		sb.Add(rune(c))
	}
	return sb.Result(), nil
}

var stringProcs = []Proc{
	{Name: "string?", Spec: r7str, Doc: "Is obj a string?", Args: req("obj"),
		Fn: stringP},
	{Name: "make-string", Spec: r7str, Sig: "(make-string k [char])", Doc: "A new string of k chars (default space).",
		Args: Params{Required: []string{"k"}, Optional: []string{"char"}}, Fn: makeString},
	{Name: "string", Spec: r7str, Sig: "(string char ...)", Doc: "A new string of the given characters.", Args: Params{Rest: "char", Spread: true}, Fn: stringProc},
	{Name: "string-length", Spec: r7str, Doc: "Number of characters.", Args: req("string"),
		Fn: stringLength},
	{Name: "string-ref", Spec: r7str, Doc: "Character k (0-based).", Args: req("string", "k"),
		Fn: stringRef},
	{Name: "string-set!", Spec: r7str, Doc: "Stores char at index k.", Args: req("string", "k", "char"),
		Fn: stringSetBang},
	{Name: "string=?", Spec: r7str, Sig: "(string=? s1 s2 ...)", Doc: "Same characters?", Args: Params{Rest: "s", Spread: true},
		Fn: stringEqP},
	{Name: "string<?", Spec: r7str, Sig: "(string<? s1 s2 ...)", Doc: "Lexicographically increasing?", Args: Params{Rest: "s", Spread: true},
		Fn: stringLtP},
	{Name: "string>?", Spec: r7str, Sig: "(string>? s1 s2 ...)", Doc: "Lexicographically decreasing?", Args: Params{Rest: "s", Spread: true},
		Fn: stringGtP},
	{Name: "string<=?", Spec: r7str, Sig: "(string<=? s1 s2 ...)", Doc: "Lexicographically non-decreasing?", Args: Params{Rest: "s", Spread: true},
		Fn: stringLeP},
	{Name: "string>=?", Spec: r7str, Sig: "(string>=? s1 s2 ...)", Doc: "Lexicographically non-increasing?", Args: Params{Rest: "s", Spread: true},
		Fn: stringGeP},
	{Name: "string-ci=?", Spec: r7str, Sig: "(string-ci=? s1 s2 ...)", Doc: "Same after full case folding? (\"Straße\" and \"STRASSE\" are)", Args: Params{Rest: "s", Spread: true},
		Fn: stringCiEqP},
	{Name: "string-ci<?", Spec: r7str, Sig: "(string-ci<? s1 s2 ...)", Doc: "Increasing after folding?", Args: Params{Rest: "s", Spread: true},
		Fn: stringCiLtP},
	{Name: "string-ci>?", Spec: r7str, Sig: "(string-ci>? s1 s2 ...)", Doc: "Decreasing after folding?", Args: Params{Rest: "s", Spread: true},
		Fn: stringCiGtP},
	{Name: "string-ci<=?", Spec: r7str, Sig: "(string-ci<=? s1 s2 ...)", Doc: "Non-decreasing after folding?", Args: Params{Rest: "s", Spread: true},
		Fn: stringCiLeP},
	{Name: "string-ci>=?", Spec: r7str, Sig: "(string-ci>=? s1 s2 ...)", Doc: "Non-increasing after folding?", Args: Params{Rest: "s", Spread: true},
		Fn: stringCiGeP},
	{Name: "string-upcase", Spec: r7str, Doc: "Upper-cased copy, with the full Unicode mappings (\"straße\" → \"STRASSE\").", Args: req("string"), Fn: stringUpcase},
	{Name: "string-downcase", Spec: r7str, Doc: "Lower-cased copy, with the full Unicode mappings and final sigma (\"ΧΑΟΣ\" → \"χαος\").", Args: req("string"), Fn: stringDowncase},
	{Name: "string-foldcase", Spec: r7str, Doc: "Copy with Unicode full case folding (\"Straße\" → \"strasse\").", Args: req("string"), Fn: stringFoldcase},
	{Name: "substring", Spec: r7str, Sig: "(substring string start [end])", Doc: "New string of the characters from start to end.",
		Args: Params{Required: []string{"string", "start"}, Optional: []string{"end"}}, Fn: substring},
	{Name: "string-copy", Spec: r7str, Sig: "(string-copy string [start [end]])", Doc: "New string of the characters from start to end.",
		Args: Params{Required: []string{"string"}, Optional: []string{"start", "end"}}, Fn: stringCopy},
	{Name: "string-append", Spec: r7str, Sig: "(string-append string ...)", Doc: "Concatenation of the strings.", Args: Params{Rest: "string", Spread: true},
		Fn: stringAppend},
	{Name: "string->list", Spec: r7str, Sig: "(string->list string [start [end]])", Doc: "List of the characters.",
		Args: Params{Required: []string{"string"}, Optional: []string{"start", "end"}}, Fn: stringToList},
	{Name: "list->string", Spec: r7str, Doc: "New string of the characters in list.", Args: req("list"),
		Fn: listToString},
	{Name: "string->vector", Spec: r7str, Sig: "(string->vector string [start [end]])", Doc: "Vector of the characters.",
		Args: Params{Required: []string{"string"}, Optional: []string{"start", "end"}}, Fn: stringToVector},
	{Name: "string-copy!", Spec: r7str, Sig: "(string-copy! to at from [start [end]])", Doc: "Copies characters of from into to starting at at.",
		Args: Params{Required: []string{"to", "at", "from"}, Optional: []string{"start", "end"}}, Fn: stringCopyBang},
	{Name: "string-fill!", Spec: r7str, Sig: "(string-fill! string char [start [end]])", Doc: "Stores char in every position from start to end.",
		Args: Params{Required: []string{"string", "char"}, Optional: []string{"start", "end"}}, Fn: stringFillBang},
	// Symbols and keywords.
	{Name: "symbol?", Spec: "r7rs §6.5", Doc: "Is obj a symbol?", Args: req("obj"),
		Fn: symbolP},
	{Name: "symbol=?", Spec: "r7rs §6.5", Sig: "(symbol=? s1 s2 ...)", Doc: "Are the symbols the same?", Args: Params{Rest: "s", Spread: true},
		Fn: symbolEqP},
	{Name: "symbol->string", Spec: "r7rs §6.5", Doc: "Name of symbol as a new string.", Args: req("symbol"),
		Fn: symbolToString},
	{Name: "string->symbol", Spec: "r7rs §6.5", Doc: "The symbol named string.", Args: req("string"),
		Fn: stringToSymbol},
}

func substringRange(s *String, start, end int) (Value, error) { return s.Substring(start, end), nil }

// stringLibrary is the (scheme base strings) table.
var stringLibrary = &Library{Name: "(scheme base strings)", Doc: "R7RS string and symbol procedures (r7rs §6.5, §6.7) and (chicken string).", Procs: stringProcs}

// makeString implements make-string.
func makeString(th *Thread, args []Value) (Value, error) {
	c := Char(' ')
	if !IsDefault(args[1]) {
		var err error
		if c, err = argChar(2, args[1]); err != nil {
			return nil, err
		}
	}
	size := 1
	if c >= utf8.RuneSelf {
		size = 4
	}
	k, err := ArgSize(1, args[0], size)
	if err != nil {
		return nil, err
	}
	if c < utf8.RuneSelf {
		return stringFromASCII([]byte(strings.Repeat(string(rune(c)), k))), nil
	}
	r := make([]rune, k)
	for i := range r {
		r[i] = rune(c)
	}
	return &String{r: r, wide: true}, nil
}

// stringLength implements string-length.
func stringLength(th *Thread, args []Value) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	return Fixnum(s.Len()), nil
}

// stringRef implements string-ref.
func stringRef(th *Thread, args []Value) (Value, error) {
	s, k, err := strSeq.withIndex(args)
	if err != nil {
		return nil, err
	}
	return Char(s.Ref(k)), nil
}

// stringSetBang implements string-set!.
func stringSetBang(th *Thread, args []Value) (Value, error) {
	s, k, err := strSeq.withIndex(args)
	if err != nil {
		return nil, err
	}
	c, err := argChar(3, args[2])
	if err != nil {
		return nil, err
	}
	if s.immutable {
		return nil, ImmutableError("", s)
	}
	s.Set(k, rune(c))
	return Unspecified, nil
}

// stringAppend implements string-append.
func stringAppend(th *Thread, args []Value) (Value, error) {
	var sb StringBuilder
	for i, a := range args {
		s, err := argString(i+1, a)
		if err != nil {
			return nil, err
		}
		sb.AddString(s, 0, s.Len())
	}
	return sb.Result(), nil
}

// listToString implements list->string.
func listToString(th *Thread, args []Value) (Value, error) {
	l, err := argList(1, args[0])
	if err != nil {
		return nil, err
	}
	var sb StringBuilder
	for _, x := range l {
		c, ok := x.(Char)
		if !ok {
			return nil, TypeError("", 1, "list of chars", args[0])
		}
		sb.Add(rune(c))
	}
	return sb.Result(), nil
}

// stringFillBang implements string-fill!.
func stringFillBang(th *Thread, args []Value) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	c, err := argChar(2, args[1])
	if err != nil {
		return nil, err
	}
	start, end, err := ArgRange(s.Len(), args, 2)
	if err != nil {
		return nil, err
	}
	if s.immutable {
		return nil, ImmutableError("", s)
	}
	for i := start; i < end; i++ {
		s.Set(i, rune(c))
	}
	return Unspecified, nil
}

// symbolEqP implements symbol=?.
func symbolEqP(th *Thread, args []Value) (Value, error) {
	res := true
	for i, a := range args {
		if _, err := argSymbol(i+1, a); err != nil {
			return nil, err
		}
		if i > 0 && a != args[i-1] {
			res = false
		}
	}
	return MakeBool(res), nil
}

// symbolToString implements symbol->string.
func symbolToString(th *Thread, args []Value) (Value, error) {
	s, err := argSymbol(1, args[0])
	if err != nil {
		return nil, err
	}
	return NewString(s.Name), nil
}

// stringToSymbol implements string->symbol.
func stringToSymbol(th *Thread, args []Value) (Value, error) {
	s, err := argString(1, args[0])
	if err != nil {
		return nil, err
	}
	return Intern(s.String()), nil
}

// stringEqP implements string=?.
func stringEqP(th *Thread, a []Value) (Value, error) {
	if len(a) == 2 { // the usual case, without the three-way comparison
		if x, ok := a[0].(*String); ok {
			if y, ok := a[1].(*String); ok {
				return MakeBool(stringEqual(x, y)), nil
			}
		}
	}
	return strCompare(th, a, false, func(c int) bool { return c == 0 })
}

// stringLtP implements string<?.
func stringLtP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, false, func(c int) bool { return c < 0 })
}

// stringGtP implements string>?.
func stringGtP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, false, func(c int) bool { return c > 0 })
}

// stringLeP implements string<=?.
func stringLeP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, false, func(c int) bool { return c <= 0 })
}

// stringGeP implements string>=?.
func stringGeP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, false, func(c int) bool { return c >= 0 })
}

// stringCiEqP implements string-ci=?.
func stringCiEqP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, true, func(c int) bool { return c == 0 })
}

// stringCiLtP implements string-ci<?.
func stringCiLtP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, true, func(c int) bool { return c < 0 })
}

// stringCiGtP implements string-ci>?.
func stringCiGtP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, true, func(c int) bool { return c > 0 })
}

// stringCiLeP implements string-ci<=?.
func stringCiLeP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, true, func(c int) bool { return c <= 0 })
}

// stringCiGeP implements string-ci>=?.
func stringCiGeP(th *Thread, a []Value) (Value, error) {
	return strCompare(th, a, true, func(c int) bool { return c >= 0 })
}

// stringUpcase implements string-upcase.
func stringUpcase(th *Thread, a []Value) (Value, error) { return strMapCase(th, a, UpcaseString) }

// stringDowncase implements string-downcase.
func stringDowncase(th *Thread, a []Value) (Value, error) { return strMapCase(th, a, DowncaseString) }

// stringFoldcase implements string-foldcase.
func stringFoldcase(th *Thread, a []Value) (Value, error) { return strMapCase(th, a, FoldString) }

// stringP implements string?.
func stringP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { _, ok := v.(*String); return ok })
}

// substring implements substring.
func substring(th *Thread, a []Value) (Value, error) { return strSeq.rangeFn(th, a, substringRange) }

// stringCopy implements string-copy.
func stringCopy(th *Thread, a []Value) (Value, error) { return strSeq.rangeFn(th, a, substringRange) }

// stringToList implements string->list.
func stringToList(th *Thread, a []Value) (Value, error) {
	return strSeq.rangeFn(th, a, func(s *String, start, end int) (Value, error) {
		var l Value = Null
		for i := end - 1; i >= start; i-- {
			l = &Pair{Char(s.Ref(i)), l}
		}
		return l, nil
	})
}

// stringToVector implements string->vector.
func stringToVector(th *Thread, a []Value) (Value, error) {
	return strSeq.rangeFn(th, a, func(s *String, start, end int) (Value, error) {
		items := make([]Value, end-start)
		for i := range items {
			items[i] = Char(s.Ref(start + i))
		}
		return &Vector{Items: items}, nil
	})
}

// symbolP implements symbol?.
func symbolP(th *Thread, a []Value) (Value, error) {
	return pred(th, a, func(v Value) bool { return isIdent(v) }) // a renamed identifier is a symbol (CHICKEN)
}
