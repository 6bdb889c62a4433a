// CHICKEN's (chicken string) procedures.

// Package chickenstring is the (chicken string) library: CHICKEN's string
// procedures (string-split, string-intersperse, conc, string-chop,
// string-translate, substring-index … every one of the CHICKEN 5 manual
// page); SRFI-13's string procedures are package srfi13's. Its rows declare
// typed parameters, so the functions assert their arguments.
package chickenstring

import (
	"strings"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

var (
	str   = scheme.TypeString
	space = scheme.NewString(" ") // read only: the default separator
)

func twoStrings(a, b string) scheme.Params {
	return scheme.Lambda(scheme.Req(a, str), scheme.Req(b, str))
}

var stringProcs = []scheme.Proc{
	{Name: "string-search", Spec: "chicken", Doc: "Index of the first occurrence of the literal pattern in string, or #f.",
		LazyArgs: func() scheme.Params { return twoStrings("pattern", "string") }, Fn: stringSearch},
	{Name: "string-split", Spec: "chicken string", Sig: "(string-split string [delimiters [keepempty]])",
		Doc: "Splits string at any of the delimiter characters (default whitespace); empty fields are dropped unless keepempty.",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("string", str), scheme.Opt("delimiters", str, scheme.NewString(" \t\n")), scheme.Opt("keepempty", nil, scheme.False))
		},
		Fn: stringSplit},
	{Name: "string-intersperse", Spec: "chicken string", Sig: "(string-intersperse list [separator])", Doc: "Joins the strings of list with separator (default \" \").",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("list", scheme.TypeList), scheme.Opt("separator", str, space))
		}, Fn: stringIntersperse},
	{Name: "->string", Spec: "chicken string", Doc: "obj as display shows it, as a string.",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("obj", nil)) }, Fn: toString},
	{Name: "conc", Spec: "chicken string", Sig: "(conc obj ...)", Doc: "Concatenation of the objects as display shows them.",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("obj", nil)) }, Fn: conc},
	{Name: "symbol-append", Spec: "chicken", Sig: "(symbol-append symbol ...)", Doc: "Symbol whose name is the concatenation of the names.",
		LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("symbol", scheme.TypeSymbol)) }, Fn: symbolAppend},
	// chicken.go's: chopping, chomping, translation, comparison and search
	{Name: "string-chop", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string", str), scheme.Req("length", index)) },
		Doc: "The list of substrings of string taken every length characters (the last may be shorter): (string-chop \"one two three\" 4) is (\"one \" \"two \" \"thre\" \"e\").",
		Fn:  stringChop},
	{Name: "string-chomp", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("string", str), scheme.Opt("suffix", str, scheme.NewString("\n")))
	},
		Doc: "string without suffix (default \"\\n\") when it ends with it, else string itself.",
		Fn:  stringChomp},
	{Name: "string-compare3", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string1", str), scheme.Req("string2", str)) },
		Doc: "-1, 0 or 1 as string1 is lexicographically less than, equal to or greater than string2.",
		Fn:  stringCompare3},
	{Name: "string-compare3-ci", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("string1", str), scheme.Req("string2", str)) },
		Doc: "string-compare3 ignoring case.",
		Fn:  stringCompare3Ci},
	{Name: "string-translate", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("string", str), scheme.Req("from", typeTranslation), scheme.Opt("to", typeTranslation, nil))
	},
		Doc: "A fresh copy of string with the characters found in from (a char, string or list of chars) replaced by the character at the same position of to, or by to when it is one char; without to they are removed. A character of from beyond the end of to is an error.",
		Fn:  stringTranslate},
	{Name: "string-translate*", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("string", str), scheme.Req("smap", scheme.TypeList))
	},
		Doc: "string with every occurrence of the match string of each (match . replacement) pair of smap replaced, scanning left to right and trying the pairs in order at each position.",
		Fn:  stringTranslateStar},
	{Name: "substring=?", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("string1", str), scheme.Req("string2", str), scheme.Opt("start1", index, scheme.Fixnum(0)), scheme.Opt("start2", index, scheme.Fixnum(0)), scheme.Opt("length", index, nil))
		},
		Doc: "Are the length characters (default: as many as both strings have left) of string1 from start1 and string2 from start2 equal?",
		Fn:  substringEqP},
	{Name: "substring-ci=?", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("string1", str), scheme.Req("string2", str), scheme.Opt("start1", index, scheme.Fixnum(0)), scheme.Opt("start2", index, scheme.Fixnum(0)), scheme.Opt("length", index, nil))
		},
		Doc: "substring=? ignoring case.",
		Fn:  substringCiEqP},
	{Name: "substring-index", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("maybe-substring", str), scheme.Req("string", str), scheme.Opt("start", index, scheme.Fixnum(0)))
	},
		Doc: "The first index of string, from start, where maybe-substring occurs, or #f.",
		Fn:  substringIndex},
	{Name: "substring-index-ci", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("maybe-substring", str), scheme.Req("string", str), scheme.Opt("start", index, scheme.Fixnum(0)))
	},
		Doc: "substring-index ignoring case.",
		Fn:  substringIndexCi},
	{Name: "reverse-list->string", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("list", scheme.TypeList)) },
		Doc: "A string of the characters of list in reverse order: (list->string (reverse list)).",
		Fn:  reverseListToString},
	{Name: "reverse-string-append", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("list", scheme.TypeList)) },
		Doc: "The strings of list appended in reverse order: (apply string-append (reverse list)).",
		Fn:  reverseStringAppend},
}

// Library is the (chicken string) binding table.
var Library = &scheme.Library{Name: "(chicken string)", Doc: "CHICKEN's (chicken string) procedures.", Procs: stringProcs}

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

// toString implements ->string: display's text, so record printers and
// flonum-print-precision apply as they do in CHICKEN.
func toString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if s, ok := a[0].(*scheme.String); ok {
		return s, nil
	}
	return conc(th, a)
}

// conc implements conc: the objects as display writes them.
func conc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var b []byte
	for _, x := range a {
		var err error
		if b, err = th.AppendValue(b, x, scheme.ModeDisplay); err != nil {
			return nil, err
		}
	}
	return scheme.NewString(string(b)), nil
}

// symbolAppend implements symbol-append.
func symbolAppend(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var b strings.Builder
	for _, x := range a {
		b.WriteString(x.(*scheme.Symbol).Name)
	}
	return scheme.Intern(b.String()), nil
}
