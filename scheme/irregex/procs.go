// The (chicken irregex) binding table and the procedures behind it.

package irregex

import (
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken irregex)"

var (
	typeIrx = &scheme.Type{Name: "irregex, SRE or pattern string", Accept: func(scheme.Value) bool { return true }}
	typeM   = &scheme.Type{Name: "irregex match", Accept: func(v scheme.Value) bool { _, ok := v.(*Match); return ok }}
	str     = scheme.TypeString
	idx     = scheme.TypeIndex
	optIdx  = scheme.OrFalse(scheme.TypeIndex)
	which   = &scheme.Type{Name: "submatch index or name", Accept: func(v scheme.Value) bool {
		switch v.(type) {
		case scheme.Fixnum, *scheme.Symbol:
			return true
		}
		return false
	}}
	typeChunker = &scheme.Type{Name: "irregex chunker", Accept: func(v scheme.Value) bool { _, ok := v.(*Chunker); return ok }}
)

func irxStrRange() scheme.Params {
	return scheme.Lambda(scheme.Req("irx", typeIrx), scheme.Req("str", str), scheme.Opt("start", idx, nil), scheme.Opt("end", idx, nil))
}

func matchWhich() scheme.Params {
	return scheme.Lambda(scheme.Req("match", typeM), scheme.Opt("index-or-name", which, nil))
}

var procs = []scheme.Proc{
	{Name: "irregex", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("posix-string-or-sre", nil), scheme.Rest("options", scheme.TypeSymbol))
	},
		Doc: "Compiles a POSIX/PCRE-style string or an SRE (an irregex is returned as is); options: i (case-insensitive), m (multi-line: ^ $ at lines), s (single-line: . matches newline), x (extended), utf8, fast, small, backtrack.",
		Fn:  irregex},
	{Name: "string->irregex", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("posix-string", str), scheme.Rest("options", scheme.TypeSymbol))
	},
		Doc: "Compiles a POSIX/PCRE-style pattern string (see irregex for the options).",
		Fn:  stringToIrregex},
	{Name: "sre->irregex", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("sre", nil), scheme.Rest("options", scheme.TypeSymbol))
	},
		Doc: "Compiles an SRE; a string is a literal here (see irregex for the options).",
		Fn:  sreToIrregex},
	{Name: "string->sre", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("str", str)) },
		Doc: "The SRE of a POSIX/PCRE-style pattern string.",
		Fn:  stringToSre},
	{Name: "maybe-string->sre", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("obj", nil)) },
		Doc: "(string->sre obj) when obj is a string, else obj (taken to be an SRE).",
		Fn:  maybeStringToSre},
	{Name: "glob->sre", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("str", str)) },
		Doc: "An SRE matching what the shell glob str matches, as CHICKEN's: * any run of characters but / and \\ (not starting with a dot at the start of a path component), ? any character, [...] a class of characters and ranges; no escapes.",
		Fn:  globToSre},
	{Name: "irregex?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("obj", nil)) },
		Doc: "Is obj a compiled regular expression?",
		Fn:  irregexP},
	{Name: "irregex-search", Spec: spec, LazyArgs: func() scheme.Params { return irxStrRange() },
		Doc: "The first match of irx (an irregex, SRE or pattern string) in str between start and end (leftmost, then longest), or #f.",
		Fn:  irregexSearch},
	{Name: "irregex-match", Spec: spec, LazyArgs: func() scheme.Params { return irxStrRange() },
		Doc: "A match of irx spanning all of str between start and end, or #f.",
		Fn:  irregexMatch},
	{Name: "irregex-match?", Spec: spec, LazyArgs: func() scheme.Params { return irxStrRange() },
		Doc: "Does irx match all of str between start and end?",
		Fn:  irregexMatchP},
	{Name: "irregex-match-data?", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("obj", nil)) },
		Doc: "Is obj a match object returned by irregex-search or irregex-match?",
		Fn:  irregexMatchDataP},
	{Name: "irregex-num-submatches", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("irx", typeIrx)) },
		Doc: "The number of numbered submatches of irx.",
		Fn:  irregexNumSubmatches},
	{Name: "irregex-match-num-submatches", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("match", typeM)) },
		Doc: "The number of numbered submatches of the match's regular expression.",
		Fn:  irregexMatchNumSubmatches},
	{Name: "irregex-names", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("irx", typeIrx)) },
		Doc: "The named submatches of irx: an alist of (name . index), a name occurring as often as it is defined.",
		Fn:  irregexNames},
	{Name: "irregex-match-names", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("match", typeM)) },
		Doc: "The named submatches of the match's regular expression, as irregex-names.",
		Fn:  irregexMatchNames},
	{Name: "irregex-match-valid-index?", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("match", typeM), scheme.Req("index-or-name", nil))
	},
		Doc: "Is index-or-name a submatch index or name of the match?",
		Fn:  irregexMatchValidIndexP},
	{Name: "irregex-match-substring", Spec: spec, LazyArgs: func() scheme.Params { return matchWhich() },
		Doc: "The text of submatch index-or-name (default 0, the whole match), or #f when it took no part in the match.",
		Fn:  irregexMatchSubstring},
	{Name: "irregex-match-start-index", Spec: spec, LazyArgs: func() scheme.Params { return matchWhich() },
		Doc: "The start index of submatch index-or-name (default 0), or #f when it took no part in the match.",
		Fn:  irregexMatchStartIndex},
	{Name: "irregex-match-end-index", Spec: spec, LazyArgs: func() scheme.Params { return matchWhich() },
		Doc: "The end index of submatch index-or-name (default 0), or #f when it took no part in the match.",
		Fn:  irregexMatchEndIndex},
	{Name: "irregex-match-subchunk", Spec: spec, LazyArgs: func() scheme.Params { return matchWhich() },
		Doc: "The submatch as a chunk of the chunker's type (made by its get-subchunk; a string for string matches), or #f.",
		Fn:  irregexMatchSubchunk},
	{Name: "irregex-match-start-chunk", Spec: spec, LazyArgs: func() scheme.Params { return matchWhich() },
		Doc: "The chunk where submatch index-or-name starts (the string for string matches), or #f.",
		Fn:  irregexMatchStartChunk},
	{Name: "irregex-match-end-chunk", Spec: spec, LazyArgs: func() scheme.Params { return matchWhich() },
		Doc: "The chunk where submatch index-or-name ends (the string for string matches), or #f.",
		Fn:  irregexMatchEndChunk},
	{Name: "irregex-replace", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("irx", typeIrx), scheme.Req("str", str), scheme.Rest("replacements", nil))
	},
		Doc: "str with the first match of irx replaced by the replacements concatenated: strings, submatch indexes, submatch names, pre, post, or procedures of the match returning a string; str itself when nothing matches.",
		Fn:  irregexReplace},
	{Name: "irregex-replace/all", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("irx", typeIrx), scheme.Req("str", str), scheme.Rest("replacements", nil))
	},
		Doc: "str with every non-overlapping match of irx replaced as irregex-replace does.",
		Fn:  irregexReplaceWithAll},
	{Name: "irregex-split", Spec: spec, LazyArgs: func() scheme.Params { return irxStrRange() },
		Doc: "The substrings of str between start and end separated by matches of irx; an empty match splits off single characters.",
		Fn:  irregexSplit},
	{Name: "irregex-extract", Spec: spec, LazyArgs: func() scheme.Params { return irxStrRange() },
		Doc: "The list of the texts of every non-overlapping match of irx in str between start and end.",
		Fn:  irregexExtract},
	{Name: "irregex-fold", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("irx", typeIrx), scheme.Req("kons", scheme.TypeProcedure), scheme.Req("knil", nil), scheme.Req("str", str),
				scheme.Opt("finish", scheme.OrFalse(scheme.TypeProcedure), nil), scheme.Opt("start", idx, nil), scheme.Opt("end", idx, nil))
		},
		Doc: "Folds (kons from-index match seed) over every non-overlapping match of irx in str, from-index being where the search started (the end of the previous match); after an empty match the search resumes one character further. The result is (finish from-index seed), default the seed.",
		Fn:  irregexFold},
	{Name: "make-irregex-chunker", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("get-next", scheme.TypeProcedure), scheme.Req("get-string", scheme.TypeProcedure),
				scheme.Opt("get-start", scheme.OrFalse(scheme.TypeProcedure), nil), scheme.Opt("get-end", scheme.OrFalse(scheme.TypeProcedure), nil),
				scheme.Opt("get-substring", scheme.OrFalse(scheme.TypeProcedure), nil), scheme.Opt("get-subchunk", scheme.OrFalse(scheme.TypeProcedure), nil))
		},
		Doc: "A chunker for matching over chunked text: (get-next chunk) is the next chunk or #f, (get-string chunk) its string, (get-start chunk) and (get-end chunk) the range used (default the whole string), (get-subchunk c1 i c2 j) a chunk for a range.",
		Fn:  makeIrregexChunker},
	{Name: "irregex-search/chunked", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("irx", typeIrx), scheme.Req("chunker", typeChunker), scheme.Req("chunk", nil), scheme.Opt("start", idx, nil))
		},
		Doc: "irregex-search over the chunks from chunk on, starting at index start of the first.",
		Fn:  irregexSearchWithChunked},
	{Name: "irregex-match/chunked", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("irx", typeIrx), scheme.Req("chunker", typeChunker), scheme.Req("chunk", nil), scheme.Opt("start", idx, nil))
		},
		Doc: "irregex-match over the chunks from chunk on, starting at index start of the first.",
		Fn:  irregexMatchWithChunked},
	{Name: "irregex-fold/chunked", Spec: spec,
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("irx", typeIrx), scheme.Req("kons", scheme.TypeProcedure), scheme.Req("knil", nil), scheme.Req("chunker", typeChunker),
				scheme.Req("chunk", nil), scheme.Opt("finish", scheme.OrFalse(scheme.TypeProcedure), nil), scheme.Opt("start-index", idx, nil))
		},
		Doc: "irregex-fold over the chunks from chunk on; the indexes given to kons and finish are offsets in the text of all the chunks joined.",
		Fn:  irregexFoldWithChunked},
	{Name: "irregex-quote", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("str", str)) },
		Doc: "str with the regular-expression special characters escaped by backslashes, to match it literally as a pattern string.",
		Fn:  irregexQuote},
	{Name: "irregex-opt", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("list-of-strings", scheme.TypeList)) },
		Doc: "An SRE matching any of the strings (an (or …) of them, longest first, duplicates removed; \"\" for none, as irregex's).",
		Fn:  irregexOpt},
	{Name: "sre->string", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("sre", nil)) },
		Doc: "The SRE as a pattern string (in Go's RE2 syntax, a PCRE-style string).",
		Fn:  sreToString},
}

// Library is the (chicken irregex) binding table.
var Library = &scheme.Library{Name: "(chicken irregex)", Doc: "CHICKEN 5's (chicken irregex): regular expressions as SREs or PCRE-style strings, over Go's regexp.", Procs: procs}

func opts(v scheme.Value) []scheme.Value {
	l, _ := scheme.ListToSlice(v)
	return l
}

// irregex implements irregex.
func irregex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return irxArg(th, a[0], opts(a[1])...)
}

// stringToIrregex implements string->irregex.
func stringToIrregex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return irxArg(th, a[0], opts(a[1])...)
}

// sreToIrregex implements sre->irregex.
func sreToIrregex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	nocase := false
	for _, o := range opts(a[1]) {
		nocase = nocase || symName(o) == "i" || symName(o) == "case-insensitive"
	}
	return compileSRE(a[0], nocase)
}

// stringToSre implements string->sre.
func stringToSre(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, err := parsePCRE(a[0].(*scheme.String).String(), false, false, false)
	return v, toSchemeError(err)
}

// maybeStringToSre implements maybe-string->sre.
func maybeStringToSre(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if _, ok := a[0].(*scheme.String); ok {
		return stringToSre(th, a)
	}
	return a[0], nil
}

// globToSre implements glob->sre as CHICKEN 5's: literal characters, ?
// any character, [...] a class of characters and ranges a-z (no negation:
// a - before a character is its complement, as in CHICKEN), and * any run
// of characters but / and \, not starting with a dot where it starts the
// glob or follows a / or \. There is no escape character.
func globToSre(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	rs := a[0].(*scheme.String).Runes()
	notIn := func(cs string) scheme.Value { return scheme.List(sym("~"), scheme.List(scheme.NewString(cs))) }
	items := []scheme.Value{sym(":")}
	dir := true // at the start of a path component
	for i := 0; i < len(rs); i++ {
		switch c := rs[i]; c {
		case '*':
			if dir {
				items = append(items, scheme.List(sym("or"),
					scheme.List(sym(":"), notIn("./\\"), scheme.List(sym("*"), notIn("/\\"))),
					scheme.List(sym("*"), notIn("./\\"))))
			} else {
				items = append(items, scheme.List(sym("*"), notIn("/\\")))
			}
			dir = false
		case '?':
			items = append(items, sym("any"))
			dir = false
		case '[':
			var set []scheme.Value // in reverse, as CHICKEN's
			j := i + 1
			for ; ; j++ {
				switch {
				case j >= len(rs):
					return nil, scheme.NewError("glob->sre", "unexpected end of character class", []scheme.Value{a[0]})
				case rs[j] == ']':
				case j+2 < len(rs) && rs[j+1] == '-':
					set = append([]scheme.Value{scheme.List(sym("/"), scheme.Char(rs[j]), scheme.Char(rs[j+2]))}, set...)
					j += 2
					continue
				case j+1 < len(rs) && rs[j] == '-':
					set = append([]scheme.Value{scheme.List(sym("~"), scheme.Char(rs[j+1]))}, set...)
					j++
					continue
				default:
					set = append([]scheme.Value{scheme.Char(rs[j])}, set...)
					continue
				}
				break
			}
			switch len(set) {
			case 0:
				return nil, scheme.NewError("glob->sre", "empty character class", []scheme.Value{a[0]})
			case 1:
				items = append(items, set[0])
			default:
				items = append(items, scheme.List(append([]scheme.Value{sym("or")}, set...)...))
			}
			i = j
			dir = false
		default:
			items = append(items, scheme.Char(c))
			dir = c == '/' || c == '\\'
		}
	}
	return scheme.List(items...), nil
}

// irregexP implements irregex?.
func irregexP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*Irregex](a[0]), nil
}

// irxText resolves the arguments of a procedure over a string: the irx
// a[0], the string a[si] and the start and end that follow a[bi].
func irxText(th *scheme.Thread, who string, a []scheme.Value, si, bi int) (x *Irregex, s *scheme.String, start, end int, err error) {
	if x, err = irxArg(th, a[0]); err != nil {
		return nil, nil, 0, 0, err
	}
	s = a[si].(*scheme.String)
	if start, end, err = bounds(who, s, a, bi); err != nil {
		return nil, nil, 0, 0, err
	}
	return x, s, start, end, nil
}

func searchOrMatch(th *scheme.Thread, a []scheme.Value, who string, anchored bool) (*Match, error) {
	x, s, start, end, err := irxText(th, who, a, 1, 2)
	if err != nil {
		return nil, err
	}
	return x.search(s, newText(s), start, start, end, anchored)
}

func matchOrFalse(m *Match, err error) (scheme.Value, error) {
	if err != nil || m == nil {
		return scheme.False, err
	}
	return m, nil
}

// irregexSearch implements irregex-search.
func irregexSearch(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return matchOrFalse(searchOrMatch(th, a, "irregex-search", false))
}

// irregexMatch implements irregex-match.
func irregexMatch(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return matchOrFalse(searchOrMatch(th, a, "irregex-match", true))
}

// irregexMatchP implements irregex-match?.
func irregexMatchP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m, err := searchOrMatch(th, a, "irregex-match?", true)
	return scheme.MakeBool(m != nil), err
}

// irregexMatchDataP implements irregex-match-data?.
func irregexMatchDataP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*Match](a[0]), nil
}

// irregexNumSubmatches implements irregex-num-submatches.
func irregexNumSubmatches(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, err := irxArg(th, a[0])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(x.groups), nil
}

// irregexMatchNumSubmatches implements irregex-match-num-submatches.
func irregexMatchNumSubmatches(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Fixnum(a[0].(*Match).irx.groups), nil
}

// irregexNames implements irregex-names.
func irregexNames(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, err := irxArg(th, a[0])
	if err != nil {
		return nil, err
	}
	return namesAlist(x.names), nil
}

// irregexMatchNames implements irregex-match-names.
func irregexMatchNames(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return namesAlist(a[0].(*Match).irx.names), nil
}

// irregexMatchValidIndexP implements irregex-match-valid-index?.
func irregexMatchValidIndexP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*Match).index(a[1])
	return scheme.MakeBool(ok), nil
}

// submatch resolves the match and index arguments; ok is false when the
// submatch took no part in the match.
func submatch(who string, a []scheme.Value) (m *Match, i int, ok bool, err error) {
	m = a[0].(*Match)
	if i, err = m.indexArg(who, a[1]); err != nil {
		return nil, 0, false, err
	}
	return m, i, m.start(i) >= 0, nil
}

// irregexMatchSubstring implements irregex-match-substring.
func irregexMatchSubstring(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m, i, ok, err := submatch("irregex-match-substring", a)
	if err != nil || !ok {
		return scheme.False, err
	}
	return m.substring(i), nil
}

// boundary returns where submatch a[1] of match a[0] starts or ends: the
// index in its chunk, or the chunk; #f when it took no part.
func boundary(a []scheme.Value, who string, end, chunk bool) (scheme.Value, error) {
	m, i, ok, err := submatch(who, a)
	if err != nil || !ok {
		return scheme.False, err
	}
	pos := m.start(i)
	if end {
		pos = m.end(i)
	}
	c, local := m.chunkAt(pos, end)
	if chunk {
		return c, nil
	}
	return scheme.Fixnum(local), nil
}

// irregexMatchStartIndex implements irregex-match-start-index.
func irregexMatchStartIndex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return boundary(a, "irregex-match-start-index", false, false)
}

// irregexMatchEndIndex implements irregex-match-end-index.
func irregexMatchEndIndex(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return boundary(a, "irregex-match-end-index", true, false)
}

// irregexMatchSubchunk implements irregex-match-subchunk.
func irregexMatchSubchunk(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	m, i, ok, err := submatch("irregex-match-subchunk", a)
	if err != nil || !ok {
		return scheme.False, err
	}
	if m.chunks == nil {
		return m.substring(i), nil
	}
	if m.chunker.getSubchunk == nil {
		return nil, scheme.NewError("irregex-match-subchunk", "the chunker has no get-subchunk", nil)
	}
	c1, i1 := m.chunkAt(m.start(i), false)
	c2, i2 := m.chunkAt(m.end(i), true)
	return th.Call(m.chunker.getSubchunk, c1, scheme.Fixnum(i1), c2, scheme.Fixnum(i2))
}

// irregexMatchStartChunk implements irregex-match-start-chunk.
func irregexMatchStartChunk(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return boundary(a, "irregex-match-start-chunk", false, true)
}

// irregexMatchEndChunk implements irregex-match-end-chunk.
func irregexMatchEndChunk(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return boundary(a, "irregex-match-end-chunk", true, true)
}

// irregexReplace implements irregex-replace.
func irregexReplace(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, err := irxArg(th, a[0])
	if err != nil {
		return nil, err
	}
	s := a[1].(*scheme.String)
	m, err := x.search(s, newText(s), 0, 0, s.Len(), false)
	if err != nil || m == nil {
		return s, err
	}
	var b strings.Builder
	b.WriteString(s.Substring(0, m.start(0)).String())
	if err := applyMatch(th, "irregex-replace", &b, m, opts(a[2])); err != nil {
		return nil, err
	}
	b.WriteString(s.Substring(m.end(0), s.Len()).String())
	return scheme.NewString(b.String()), nil
}

// irregexReplaceWithAll implements irregex-replace/all.
func irregexReplaceWithAll(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, err := irxArg(th, a[0])
	if err != nil {
		return nil, err
	}
	s := a[1].(*scheme.String)
	reps := opts(a[2])
	var b strings.Builder
	from, err := fold(x, s, 0, s.Len(), func(from int, m *Match) error {
		if from < m.start(0) {
			b.WriteString(s.Substring(from, m.start(0)).String())
		}
		return applyMatch(th, "irregex-replace/all", &b, m, reps)
	})
	if err != nil {
		return nil, err
	}
	b.WriteString(s.Substring(from, s.Len()).String())
	return scheme.NewString(b.String()), nil
}

// irregexSplit implements irregex-split.
func irregexSplit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, s, start, end, err := irxText(th, "irregex-split", a, 1, 2)
	if err != nil {
		return nil, err
	}
	var out []scheme.Value
	from, err := fold(x, s, start, end, func(from int, m *Match) error {
		if m.start(0) == from {
			return nil // no empty field: CHICKEN 5's irregex drops them ("a,,b" → ("a" "b"))
		}
		out = append(out, s.Substring(from, m.start(0)))
		return nil
	})
	if err != nil {
		return nil, err
	}
	if from < end {
		out = append(out, s.Substring(from, end))
	}
	return scheme.List(out...), nil
}

// irregexExtract implements irregex-extract.
func irregexExtract(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, s, start, end, err := irxText(th, "irregex-extract", a, 1, 2)
	if err != nil {
		return nil, err
	}
	var out []scheme.Value
	if _, err := fold(x, s, start, end, func(from int, m *Match) error {
		out = append(out, m.substring(0))
		return nil
	}); err != nil {
		return nil, err
	}
	return scheme.List(out...), nil
}

// irregexFold implements irregex-fold.
func irregexFold(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, s, start, end, err := irxText(th, "irregex-fold", a, 3, 5)
	if err != nil {
		return nil, err
	}
	acc := a[2]
	from, err := fold(x, s, start, end, func(from int, m *Match) error {
		v, err := th.Call(a[1], scheme.Fixnum(from), m, acc)
		acc = v
		return err
	})
	if err != nil {
		return nil, err
	}
	if scheme.IsDefault(a[4]) || a[4] == scheme.Value(scheme.False) {
		return acc, nil
	}
	return th.TailCall(a[4], []scheme.Value{scheme.Fixnum(from), acc})
}

// irregexQuote implements irregex-quote.
func irregexQuote(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var b strings.Builder
	for _, r := range a[0].(*scheme.String).String() {
		if strings.ContainsRune(`\^$.|?*+()[]{}`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return scheme.NewString(b.String()), nil
}

// irregexOpt implements irregex-opt.
func irregexOpt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	items, _ := scheme.ListToSlice(a[0])
	seen := map[string]bool{}
	var strs []*scheme.String
	for _, it := range items {
		s, ok := it.(*scheme.String)
		if !ok {
			return nil, scheme.TypeError("irregex-opt", 1, "list of strings", a[0])
		}
		if !seen[s.String()] {
			seen[s.String()] = true
			strs = append(strs, s)
		}
	}
	// longest first, so leftmost-first engines also prefer the longest
	for i := 1; i < len(strs); i++ {
		for j := i; j > 0 && strs[j].Len() > strs[j-1].Len(); j-- {
			strs[j], strs[j-1] = strs[j-1], strs[j]
		}
	}
	switch len(strs) {
	case 0: // irregex's: the empty string, which matches the empty string
		return scheme.NewString(""), nil
	case 1:
		return strs[0], nil
	}
	out := []scheme.Value{sym("or")}
	for _, s := range strs {
		out = append(out, s)
	}
	return scheme.List(out...), nil
}

// sreToString implements sre->string.
func sreToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := &compiler{}
	pat, err := c.compile(a[0], false)
	if err != nil {
		return nil, toSchemeError(err)
	}
	return scheme.NewString(pat), nil
}
