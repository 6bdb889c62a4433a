// The irregex API over Go's regexp: compiled regexps, match objects, search, match, fold, replace, split, extract.

// Package irregex is the (chicken irregex) library: Alex Shinn's irregex API
// as CHICKEN 5 ships it, over Go's regexp package. Patterns are SREs or
// POSIX/PCRE-style strings; both are translated to Go's RE2 syntax. Search
// follows irregex's leftmost-longest rule unless the pattern uses a
// non-greedy operator (then Perl's leftmost-first rule applies, as irregex's
// backtracking engine does). RE2 cannot express backreferences, look-ahead
// and look-behind, atomic groups, conditionals and commit: such a pattern is
// an error naming the construct. Named character sets (alpha, punct …) are
// ASCII, as in irregex; bow and eow are both RE2's \b (exact whenever the
// neighbouring pattern is a word character). Where irregex-fold (and
// replace/all, split, extract) resumes searching after a match, bos no
// longer matches and \b, nwb and bol see the character before, as in
// irregex (Go's regexp cannot start at an offset, so the search starts one
// character earlier with patterns built for it).
package irregex

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

// Irregex is a compiled regular expression.
type Irregex struct {
	sre       scheme.Value
	names     []nameIndex
	groups    int
	nonGreedy bool
	nocase    bool
	pat       string // Go syntax

	mu       sync.Mutex
	variants map[variant]*regexp.Regexp
}

// variant selects a compiled form: anchored at both ends (irregex-match),
// or for resuming a search inside the string (notBOS: bos unmatchable),
// where the text starts one character before the resume point, as
// context: lazy finds the leftmost match after that character, its span
// captured as group 1 (leftmost-first); atContext matches only right
// after it (leftmost-longest unless non-greedy).
type variant struct{ anchored, notBOS, lazy, atContext bool }

// TypeName implements scheme.Value.
func (*Irregex) TypeName() string { return "irregex" }

// Repr implements scheme.Repr.
func (*Irregex) Repr() string { return "#<regexp>" } // as CHICKEN prints it

// Pattern returns the Go regexp syntax the expression compiled to.
func (x *Irregex) Pattern() string { return x.pat }

func (x *Irregex) regexp(v variant) (*regexp.Regexp, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if re := x.variants[v]; re != nil {
		return re, nil
	}
	pat := x.pat
	if v.notBOS {
		c := &compiler{notBOS: true}
		var err error
		if pat, err = c.compile(x.sre, x.nocase); err != nil {
			return nil, err
		}
	}
	switch {
	case v.anchored:
		pat = `\A(?:` + pat + `)\z`
	case v.lazy:
		pat = `\A(?s:.)(?s:.*?)(` + pat + `)`
	case v.atContext:
		pat = `\A(?s:.)(?:` + pat + `)`
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return nil, scheme.NewError("irregex", "cannot compile: "+strings.TrimPrefix(err.Error(), "error parsing regexp: "), []scheme.Value{x.sre})
	}
	if !x.nonGreedy && !v.lazy {
		re.Longest()
	}
	x.variants[v] = re
	return re, nil
}

// Match is a match object: the positions (in characters) of the whole
// match and of each submatch in the searched string, -1 when a submatch
// took no part.
type Match struct {
	irx *Irregex
	src *scheme.String
	pos []int // start, end of match 0, 1, …
	// chunked matches: the chunks and their offsets in the joined text
	chunks  []chunk
	chunker *Chunker
}

// TypeName implements scheme.Value.
func (*Match) TypeName() string { return "irregex-match" }

// Repr implements scheme.Repr.
func (m *Match) Repr() string { // as CHICKEN prints it: (1 submatch), (0 submatches)
	n := len(m.pos)/2 - 1
	if n == 1 {
		return "#<regexp-match (1 submatch)>"
	}
	return "#<regexp-match (" + strconv.Itoa(n) + " submatches)>"
}

// compile builds an Irregex from an SRE or a pattern string; pattern
// strings without options are cached per interpreter.
func compile(th *scheme.Thread, v scheme.Value, opts []scheme.Value) (*Irregex, error) {
	if x, ok := v.(*Irregex); ok {
		return x, nil
	}
	var nocase, multi, dotAll, ext bool
	for _, o := range opts {
		switch symName(o) {
		case "i", "case-insensitive":
			nocase = true
		case "m", "multi-line":
			multi = true
		case "s", "single-line":
			dotAll = true
		case "x", "extended":
			ext = true
		}
	}
	sre := v
	if s, ok := v.(*scheme.String); ok {
		if len(opts) == 0 {
			if x := patterns(th).get(s.String()); x != nil {
				return x, nil
			}
		}
		var err error
		if sre, err = parsePCRE(s.String(), multi, dotAll, ext); err != nil {
			return nil, toSchemeError(err)
		}
	}
	x, err := compileSRE(sre, nocase)
	if err != nil {
		return nil, err
	}
	if s, ok := v.(*scheme.String); ok && len(opts) == 0 {
		patterns(th).put(s.String(), x)
	}
	return x, nil
}

func compileSRE(sre scheme.Value, nocase bool) (*Irregex, error) {
	c := &compiler{}
	pat, err := c.compile(sre, nocase)
	if err != nil {
		return nil, toSchemeError(err)
	}
	x := &Irregex{sre: sre, names: c.names, groups: c.groups, nonGreedy: c.nonGreedy, nocase: nocase, pat: pat, variants: map[variant]*regexp.Regexp{}}
	if _, err := x.regexp(variant{}); err != nil {
		return nil, err
	}
	return x, nil
}

func toSchemeError(err error) error {
	if e, ok := err.(*sreError); ok {
		return scheme.NewError("irregex", e.msg, []scheme.Value{e.irritant})
	}
	return err
}

// patternCache holds an interpreter's compiled pattern strings, so that a
// loop calling (irregex-search "pat" line) compiles "pat" once.
type patternCache struct {
	mu sync.Mutex
	m  map[string]*Irregex
}

type patternKey struct{}

const cacheMax = 256

func patterns(th *scheme.Thread) *patternCache {
	return th.Interp().HostData(patternKey{}, func() any { return &patternCache{m: map[string]*Irregex{}} }).(*patternCache)
}

func (c *patternCache) get(s string) *Irregex {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[s]
}

func (c *patternCache) put(s string, x *Irregex) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= cacheMax {
		clear(c.m)
	}
	c.m[s] = x
}

// text is a Scheme string as Go UTF-8 with character ↔ byte offsets.
type text struct {
	s      string
	ascii  bool
	byteOf []int // byteOf[i] is the byte offset of character i (non-ASCII only)
}

func newText(str *scheme.String) *text {
	s := str.String()
	t := &text{s: s, ascii: len(s) == str.Len()}
	if !t.ascii {
		t.byteOf = make([]int, 0, str.Len()+1)
		for i := range s {
			t.byteOf = append(t.byteOf, i)
		}
		t.byteOf = append(t.byteOf, len(s))
	}
	return t
}

func (t *text) byteAt(i int) int {
	if t.ascii {
		return i
	}
	return t.byteOf[i]
}

func (t *text) charAt(b int) int {
	if t.ascii || b < 0 {
		return b
	}
	lo, hi := 0, len(t.byteOf)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if t.byteOf[mid] < b {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// search finds the first match of x in str between the character offsets
// from and end, bos matching only at start; anchored requires the match
// to span [from, end).
func (x *Irregex) search(str *scheme.String, t *text, start, from, end int, anchored bool) (*Match, error) {
	if from > start && !anchored {
		return x.resume(str, t, from, end)
	}
	re, err := x.regexp(variant{anchored: anchored})
	if err != nil {
		return nil, err
	}
	fb, eb := t.byteAt(from), t.byteAt(end)
	return x.match(str, t, fb, re.FindStringSubmatchIndex(t.s[fb:eb])), nil
}

// match makes the match object of loc, byte offsets from base.
func (x *Irregex) match(str *scheme.String, t *text, base int, loc []int) *Match {
	if loc == nil {
		return nil
	}
	m := &Match{irx: x, src: str, pos: make([]int, len(loc))}
	for i, b := range loc {
		if b < 0 {
			m.pos[i] = -1
		} else {
			m.pos[i] = t.charAt(base + b)
		}
	}
	return m
}

// resume searches from inside the string with the character before from
// as context, so that \b, nwb and bol see it: the lazy variant finds
// where the leftmost match starts, and (unless the expression is
// non-greedy) the atContext variant takes the longest match there.
func (x *Irregex) resume(str *scheme.String, t *text, from, end int) (*Match, error) {
	lazy, err := x.regexp(variant{notBOS: true, lazy: true})
	if err != nil {
		return nil, err
	}
	cb, eb := t.byteAt(from-1), t.byteAt(end)
	loc := lazy.FindStringSubmatchIndex(t.s[cb:eb])
	if loc == nil {
		return nil, nil
	}
	if x.nonGreedy { // leftmost-first already: drop group 1, the whole match
		return x.match(str, t, cb, append(loc[2:4:4], loc[4:]...)), nil
	}
	at, err := x.regexp(variant{notBOS: true, atContext: true})
	if err != nil {
		return nil, err
	}
	j := cb + loc[2]
	cj := t.byteAt(t.charAt(j) - 1)
	loc = at.FindStringSubmatchIndex(t.s[cj:eb])
	if loc == nil { // cannot happen: the expression matches at j
		return nil, nil
	}
	loc[0] = j - cj
	return x.match(str, t, cj, loc), nil
}

// ---- arguments ----

func irxArg(th *scheme.Thread, v scheme.Value, opts ...scheme.Value) (*Irregex, error) {
	return compile(th, v, opts)
}

func bounds(who string, str *scheme.String, a []scheme.Value, si int) (int, int, error) {
	start, end := 0, str.Len()
	if len(a) > si && !scheme.IsDefault(a[si]) {
		n, ok := a[si].(scheme.Fixnum)
		if !ok || int(n) < 0 || int(n) > end {
			return 0, 0, scheme.RangeError(who, si+1, "start", a[si])
		}
		start = int(n)
	}
	if len(a) > si+1 && !scheme.IsDefault(a[si+1]) {
		n, ok := a[si+1].(scheme.Fixnum)
		if !ok || int(n) < start || int(n) > str.Len() {
			return 0, 0, scheme.RangeError(who, si+2, "end", a[si+1])
		}
		end = int(n)
	}
	return start, end, nil
}

// index resolves a submatch index or name of m; ok is false when there is
// no such submatch.
func (m *Match) index(v scheme.Value) (int, bool) {
	if scheme.IsDefault(v) {
		return 0, true
	}
	switch x := v.(type) {
	case scheme.Fixnum:
		return int(x), x >= 0 && int(x) <= m.irx.groups
	case *scheme.Symbol:
		first := -1
		for _, n := range m.irx.names {
			if n.name == x.Name {
				if m.pos[2*n.idx] >= 0 {
					return n.idx, true
				}
				if first < 0 {
					first = n.idx
				}
			}
		}
		return first, first >= 0
	}
	return 0, false
}

func (m *Match) indexArg(who string, v scheme.Value) (int, error) {
	i, ok := m.index(v)
	if !ok {
		return 0, scheme.RangeError(who, 2, "no such submatch", v)
	}
	return i, nil
}

// substring returns submatch i, or #f when it did not match.
func (m *Match) substring(i int) scheme.Value {
	s, e := m.pos[2*i], m.pos[2*i+1]
	if s < 0 {
		return scheme.False
	}
	return m.src.Substring(s, e)
}

func (m *Match) start(i int) int { return m.pos[2*i] }
func (m *Match) end(i int) int   { return m.pos[2*i+1] }

// namesAlist is the alist of the named submatches, the last first, as the
// reference irregex (CHICKEN's) gives it.
func namesAlist(names []nameIndex) scheme.Value {
	var out scheme.Value = scheme.Null
	for _, n := range names {
		out = scheme.Cons(scheme.Cons(scheme.Intern(n.name), scheme.Fixnum(n.idx)), out)
	}
	return out
}

// ---- fold, the engine of replace/all, split and extract ----

// fold calls kons(from, m) for every non-overlapping match in str[start:end]
// as irregex-fold does: after an empty match the search resumes one
// character further, from still being the end of the previous match.
func fold(x *Irregex, str *scheme.String, start, end int, kons func(from int, m *Match) error) (int, error) {
	t := newText(str)
	from, i := start, start
	for i < end {
		m, err := x.search(str, t, start, i, end, false)
		if err != nil {
			return 0, err
		}
		if m == nil {
			break
		}
		if err := kons(from, m); err != nil {
			return 0, err
		}
		j := m.end(0)
		if j == i {
			from, i = j, j+1
		} else {
			from, i = j, j
		}
	}
	return from, nil
}

// applyMatch appends the replacements for m to b, as irregex-apply-match.
func applyMatch(th *scheme.Thread, who string, b *strings.Builder, m *Match, reps []scheme.Value) error {
	for _, r := range reps {
		switch x := r.(type) {
		case *scheme.String:
			b.WriteString(x.String())
		case scheme.Fixnum:
			i, err := m.indexArg(who, x)
			if err != nil {
				return err
			}
			if s, ok := m.substring(i).(*scheme.String); ok {
				b.WriteString(s.String())
			}
		case *scheme.Symbol:
			switch x.Name {
			case "pre":
				b.WriteString(m.src.Substring(0, m.start(0)).String())
			case "post":
				b.WriteString(m.src.Substring(m.end(0), m.src.Len()).String())
			default:
				i, ok := m.index(x)
				if !ok {
					return scheme.NewError(who, "unknown match replacement", []scheme.Value{x})
				}
				if s, ok := m.substring(i).(*scheme.String); ok {
					b.WriteString(s.String())
				}
			}
		default:
			if !scheme.IsProcedure(r) {
				b.WriteString(scheme.DisplayString(r))
				continue
			}
			v, err := th.Call(r, m)
			if err != nil {
				return err
			}
			b.WriteString(scheme.DisplayString(v))
		}
	}
	return nil
}
