// CHICKEN's (chicken string) procedures and the SRFI-13 subset tlsport provides.

// Package chickenstring is the (chicken string) library: CHICKEN's string
// procedures (string-split, string-intersperse, conc …) and the SRFI-13
// subset tlsport provides (string-index, string-trim, string-join …). Its
// rows declare typed parameters, so the functions assert their arguments.
package chickenstring

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

var (
	str    = scheme.TypeString
	space  = scheme.NewString(" ") // read only: the default separator
	charOr = &scheme.Type{Name: "char or procedure", Accept: func(v scheme.Value) bool {
		_, ok := v.(scheme.Char)
		return ok || scheme.IsProcedure(v)
	}}
)

func twoStrings(a, b string) scheme.Params {
	return scheme.Lambda(scheme.Req(a, str), scheme.Req(b, str))
}

var stringProcs = []scheme.Proc{
	{Name: "string-null?", Spec: "srfi-13", Doc: "Is string empty?",
		Args: scheme.Lambda(scheme.Req("string", str)), Fn: stringNullP},
	{Name: "string-prefix?", Spec: "srfi-13", Doc: "Does string start with prefix?",
		Args: twoStrings("prefix", "string"), Fn: stringPrefixP},
	{Name: "string-suffix?", Spec: "srfi-13", Doc: "Does string end with suffix?",
		Args: twoStrings("suffix", "string"), Fn: stringSuffixP},
	{Name: "string-contains", Spec: "srfi-13", Doc: "Index of the first occurrence of pattern in string, or #f.",
		Args: twoStrings("string", "pattern"), Fn: stringContains},
	{Name: "string-search", Spec: "chicken", Doc: "Index of the first occurrence of the literal pattern in string, or #f.",
		Args: twoStrings("pattern", "string"), Fn: stringSearch},
	{Name: "string-index", Spec: "srfi-13", Sig: "(string-index string char/pred [start [end]])", Doc: "Index of the first matching character, or #f.",
		Args: scheme.Lambda(scheme.Req("string", str), scheme.Req("pred", charOr), scheme.Opt("start", nil, nil), scheme.Opt("end", nil, nil)),
		Fn:   stringIndex},
	{Name: "string-split", Spec: "chicken string", Sig: "(string-split string [delimiters [keepempty]])",
		Doc:  "Splits string at any of the delimiter characters (default whitespace); empty fields are dropped unless keepempty.",
		Args: scheme.Lambda(scheme.Req("string", str), scheme.Opt("delimiters", str, scheme.NewString(" \t\n")), scheme.Opt("keepempty", nil, scheme.False)),
		Fn:   stringSplit},
	{Name: "string-intersperse", Spec: "chicken string", Sig: "(string-intersperse list [separator])", Doc: "Joins the strings of list with separator (default \" \").",
		Args: scheme.Lambda(scheme.Req("list", scheme.TypeList), scheme.Opt("separator", str, space)), Fn: stringIntersperse},
	{Name: "string-join", Spec: "srfi-13", Sig: "(string-join list [delimiter])", Doc: "Same as string-intersperse: joins the strings of list with delimiter (default \" \").",
		Args: scheme.Lambda(scheme.Req("list", scheme.TypeList), scheme.Opt("delimiter", str, space)), Fn: stringIntersperse},
	{Name: "string-trim", Spec: "srfi-13", Doc: "Copy without leading white space.",
		Args: scheme.Lambda(scheme.Req("string", str)), Fn: stringTrim},
	{Name: "string-trim-right", Spec: "srfi-13", Doc: "Copy without trailing white space.",
		Args: scheme.Lambda(scheme.Req("string", str)), Fn: stringTrimRight},
	{Name: "string-trim-both", Spec: "srfi-13", Doc: "Copy without leading and trailing white space.",
		Args: scheme.Lambda(scheme.Req("string", str)), Fn: stringTrimBoth},
	{Name: "string-reverse", Spec: "srfi-13", Doc: "Reversed copy.",
		Args: scheme.Lambda(scheme.Req("string", str)), Fn: stringReverse},
	{Name: "->string", Spec: "chicken string", Doc: "obj as display shows it, as a string.",
		Args: scheme.Lambda(scheme.Req("obj", nil)), Fn: toString},
	{Name: "conc", Spec: "chicken string", Sig: "(conc obj ...)", Doc: "Concatenation of the objects as display shows them.",
		Args: scheme.Lambda(scheme.SpreadRest("obj", nil)), Fn: conc},
	{Name: "symbol-append", Spec: "chicken", Sig: "(symbol-append symbol ...)", Doc: "Symbol whose name is the concatenation of the names.",
		Args: scheme.Lambda(scheme.SpreadRest("symbol", scheme.TypeSymbol)), Fn: symbolAppend},
}

// Library is the (chicken string) binding table.
var Library = &scheme.Library{Name: "(chicken string)", Doc: "CHICKEN's (chicken string) procedures and the SRFI-13 subset tlsport provides.", Procs: stringProcs}

// stringNullP implements string-null?.
func stringNullP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(a[0].(*scheme.String).Len() == 0), nil
}

// stringPrefixP implements string-prefix?.
func stringPrefixP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(strings.HasPrefix(a[1].(*scheme.String).String(), a[0].(*scheme.String).String())), nil
}

// stringSuffixP implements string-suffix?.
func stringSuffixP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(strings.HasSuffix(a[1].(*scheme.String).String(), a[0].(*scheme.String).String())), nil
}

// stringContains implements string-contains.
func stringContains(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return search(a[0].(*scheme.String), a[1].(*scheme.String)), nil
}

// stringSearch implements string-search.
func stringSearch(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return search(a[1].(*scheme.String), a[0].(*scheme.String)), nil
}

// search returns the character index of the first occurrence of p in s, or #f.
func search(s, p *scheme.String) scheme.Value {
	gs := s.String()
	i := strings.Index(gs, p.String())
	if i < 0 {
		return scheme.False
	}
	return scheme.Fixnum(utf8.RuneCountInString(gs[:i]))
}

// stringIndex implements string-index.
func stringIndex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s := a[0].(*scheme.String)
	start, end, err := scheme.ArgRange(s.Len(), a, 2)
	if err != nil {
		return nil, err
	}
	for i := start; i < end; i++ {
		c := s.Ref(i)
		if ch, ok := a[1].(scheme.Char); ok {
			if rune(ch) == c {
				return scheme.Fixnum(i), nil
			}
			continue
		}
		r, err := th.Call(a[1], scheme.Char(c))
		if err != nil {
			return nil, err
		}
		if scheme.Truthy(r) {
			return scheme.Fixnum(i), nil
		}
	}
	return scheme.False, nil
}

// stringSplit implements string-split.
func stringSplit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	s, delims, keep := a[0].(*scheme.String), a[1].(*scheme.String).String(), scheme.Truthy(a[2])
	var parts []scheme.Value
	var cur scheme.StringBuilder
	for i, n := 0, s.Len(); i < n; i++ {
		c := s.Ref(i)
		if strings.ContainsRune(delims, c) {
			if keep || cur.Len() > 0 {
				parts = append(parts, cur.Result())
			}
			cur = scheme.StringBuilder{}
			continue
		}
		cur.Add(c)
	}
	if keep || cur.Len() > 0 {
		parts = append(parts, cur.Result())
	}
	return scheme.List(parts...), nil
}

// stringIntersperse implements string-intersperse.
func stringIntersperse(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l, _ := scheme.ListToSlice(a[0])
	sep := a[1].(*scheme.String)
	var sb scheme.StringBuilder
	for i, x := range l {
		s, ok := x.(*scheme.String)
		if !ok {
			return nil, scheme.TypeError("", 1, "list of strings", a[0])
		}
		if i > 0 {
			sb.AddString(sep, 0, sep.Len())
		}
		sb.AddString(s, 0, s.Len())
	}
	return sb.Result(), nil
}

// stringTrim implements string-trim.
func stringTrim(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return trim(a[0].(*scheme.String), true, false), nil
}

// stringTrimRight implements string-trim-right.
func stringTrimRight(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return trim(a[0].(*scheme.String), false, true), nil
}

// stringTrimBoth implements string-trim-both.
func stringTrimBoth(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return trim(a[0].(*scheme.String), true, true), nil
}

// trim returns s without its leading (left) and trailing (right) white space.
func trim(s *scheme.String, left, right bool) scheme.Value {
	r := s.Runes()
	i, j := 0, len(r)
	for left && i < j && unicode.IsSpace(r[i]) {
		i++
	}
	for right && j > i && unicode.IsSpace(r[j-1]) {
		j--
	}
	return s.Substring(i, j)
}

// stringReverse implements string-reverse.
func stringReverse(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r := a[0].(*scheme.String).Runes()
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return scheme.NewStringRunes(r), nil
}

// toString implements ->string.
func toString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if s, ok := a[0].(*scheme.String); ok {
		return s, nil
	}
	return scheme.NewString(scheme.DisplayString(a[0])), nil
}

// conc implements conc.
func conc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var b strings.Builder
	for _, x := range a {
		b.WriteString(scheme.DisplayString(x))
	}
	return scheme.NewString(b.String()), nil
}

// symbolAppend implements symbol-append.
func symbolAppend(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var b strings.Builder
	for _, x := range a {
		b.WriteString(x.(*scheme.Symbol).Name)
	}
	return scheme.Intern(b.String()), nil
}
