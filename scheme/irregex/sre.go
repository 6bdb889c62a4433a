// SRE and PCRE-string regular expressions: the PCRE parser (string → SRE) and the SRE compiler (SRE → Go regexp syntax).

package irregex

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

// sreError is a malformed or unsupported regular expression.
type sreError struct {
	msg      string
	irritant scheme.Value
}

func (e *sreError) Error() string { return "irregex: " + e.msg }

func fail(msg string, irritant scheme.Value) { panic(&sreError{msg, irritant}) }

// catch turns a panic of fail into an error.
func catch(err *error) {
	if r := recover(); r != nil {
		e, ok := r.(*sreError)
		if !ok {
			panic(r)
		}
		*err = e
	}
}

func sym(name string) scheme.Value { return scheme.Intern(name) }

func symName(v scheme.Value) string {
	if s, ok := v.(*scheme.Symbol); ok {
		return s.Name
	}
	return ""
}

// ---- PCRE strings → SRE ----

type pcreParser struct {
	src       []rune
	i         int
	multiLine bool // ^ and $ are bol and eol
	dotAll    bool // . is any
	extended  bool // whitespace and # comments are ignored
}

// parsePCRE parses a POSIX/PCRE-style pattern into an SRE.
func parsePCRE(src string, multiLine, dotAll, extended bool) (v scheme.Value, err error) {
	defer catch(&err)
	p := &pcreParser{src: []rune(src), multiLine: multiLine, dotAll: dotAll, extended: extended}
	v = p.alt()
	if p.i < len(p.src) {
		fail("unmatched ) in pattern", scheme.NewString(src))
	}
	return v, nil
}

func (p *pcreParser) more() bool { return p.i < len(p.src) }

func (p *pcreParser) peek() rune { return p.src[p.i] }

func (p *pcreParser) has(s string) bool {
	rs := []rune(s)
	return p.i+len(rs) <= len(p.src) && slices.Equal(p.src[p.i:p.i+len(rs)], rs)
}

func (p *pcreParser) pattern() scheme.Value { return scheme.NewString(string(p.src)) }

// alt parses alternatives up to an unmatched ) or the end.
func (p *pcreParser) alt() scheme.Value {
	var alts []scheme.Value
	for {
		alts = append(alts, p.seq())
		if p.more() && p.peek() == '|' {
			p.i++
			continue
		}
		break
	}
	if len(alts) == 1 {
		return alts[0]
	}
	return scheme.List(append([]scheme.Value{sym("or")}, alts...)...)
}

// seq parses a sequence up to |, ) or the end.
func (p *pcreParser) seq() scheme.Value {
	var items []scheme.Value
	for p.more() {
		c := p.peek()
		if c == '|' || c == ')' {
			break
		}
		if p.extended && (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			p.i++
			continue
		}
		if p.extended && c == '#' {
			for p.more() && p.peek() != '\n' {
				p.i++
			}
			continue
		}
		if c == '(' && p.flagsOnly() {
			// (?i) and friends: the flags apply to the rest of the group
			wrap := p.flags()
			rest := p.alt()
			items = append(items, wrap(rest))
			break
		}
		atom := p.atom()
		if atom == nil {
			continue
		}
		items = append(items, p.quantifier(atom))
	}
	return seqOf(mergeChars(items))
}

// mergeChars joins runs of literal characters into strings.
func mergeChars(items []scheme.Value) []scheme.Value {
	var out []scheme.Value
	var run []rune
	flush := func() {
		switch len(run) {
		case 0:
		case 1:
			out = append(out, scheme.Char(run[0]))
		default:
			out = append(out, scheme.NewStringRunes(run))
		}
		run = nil
	}
	for _, it := range items {
		if c, ok := it.(scheme.Char); ok {
			run = append(run, rune(c))
			continue
		}
		flush()
		out = append(out, it)
	}
	flush()
	return out
}

func seqOf(items []scheme.Value) scheme.Value {
	if len(items) == 1 {
		return items[0]
	}
	return scheme.List(append([]scheme.Value{sym(":")}, items...)...)
}

// flagsOnly reports whether the input is at an inline flag group "(?i)".
func (p *pcreParser) flagsOnly() bool {
	if !p.has("(?") {
		return false
	}
	for j := p.i + 2; j < len(p.src); j++ {
		switch p.src[j] {
		case 'i', 'm', 's', 'x', '-':
		case ')':
			return j > p.i+2
		default:
			return false
		}
	}
	return false
}

// flags reads "(?flags)" or the "flags" of "(?flags:" (the input is at
// the flags, or at "(?" for the inline form), updates the parser state and
// returns how to wrap the SRE the flags govern.
func (p *pcreParser) flags() func(scheme.Value) scheme.Value {
	if p.has("(?") {
		p.i += 2
	}
	on := true
	nocase := 0 // 1 w/nocase, -1 w/case
	for p.more() && p.peek() != ')' && p.peek() != ':' {
		switch p.peek() {
		case '-':
			on = false
		case 'i':
			nocase = map[bool]int{true: 1, false: -1}[on]
		case 'm':
			p.multiLine = on
		case 's':
			p.dotAll = on
		case 'x':
			p.extended = on
		default:
			fail("unknown flag in (?…) group", p.pattern())
		}
		p.i++
	}
	if p.more() && p.peek() == ')' {
		p.i++
	}
	return func(v scheme.Value) scheme.Value {
		switch nocase {
		case 1:
			return scheme.List(sym("w/nocase"), v)
		case -1:
			return scheme.List(sym("w/case"), v)
		}
		return v
	}
}

// group parses a group; the input is just past "(".
func (p *pcreParser) group() scheme.Value {
	saved := *p
	restore := func() { p.multiLine, p.dotAll, p.extended = saved.multiLine, saved.dotAll, saved.extended }
	defer restore()
	var head []scheme.Value
	wrap := func(v scheme.Value) scheme.Value { return v }
	switch {
	case p.has("*"):
		fail("(*VERB) patterns are not supported", p.pattern())
	case !p.has("?"):
		head = []scheme.Value{sym("submatch")}
	case p.has("?:"):
		p.i += 2
		head = []scheme.Value{sym(":")}
	case p.has("?<="), p.has("?<!"), p.has("?="), p.has("?!"), p.has("?>"):
		kinds := map[string]string{"?<=": "look-behind", "?<!": "neg-look-behind", "?=": "look-ahead", "?!": "neg-look-ahead", "?>": "atomic"}
		for _, k := range []string{"?<=", "?<!", "?=", "?!", "?>"} {
			if p.has(k) {
				p.i += len(k)
				head = []scheme.Value{sym(kinds[k])}
				break
			}
		}
	case p.has("?("):
		fail("conditional patterns (?(test)pass|fail) are not supported: Go's RE2 engine has no backtracking", p.pattern())
	case p.has("?<"), p.has("?P<"), p.has("?'"):
		p.i += 2
		if p.src[p.i-1] == 'P' {
			p.i++
		}
		end := '>'
		if p.src[p.i-1] == '\'' {
			end = '\''
		}
		j := p.i
		for j < len(p.src) && p.src[j] != end {
			j++
		}
		if j >= len(p.src) || j == p.i {
			fail("bad named group", p.pattern())
		}
		head = []scheme.Value{sym("=>"), scheme.Intern(string(p.src[p.i:j]))}
		p.i = j + 1
	default: // (?flags:…)
		p.i++
		w := p.flags()
		if p.i == 0 || p.src[p.i-1] != ':' {
			if !p.more() || p.peek() != ':' {
				fail("bad (?…) group", p.pattern())
			}
			p.i++
		}
		wrap = w
		head = []scheme.Value{sym(":")}
	}
	body := p.alt()
	if !p.more() || p.peek() != ')' {
		fail("missing ) in pattern", p.pattern())
	}
	p.i++
	return wrap(scheme.List(append(head, body)...))
}

// atom parses one atom; nil for something that produced nothing (\E).
func (p *pcreParser) atom() scheme.Value {
	c := p.peek()
	p.i++
	switch c {
	case '(':
		return p.group()
	case '[':
		return p.class()
	case '.':
		if p.dotAll {
			return sym("any")
		}
		return sym("nonl")
	case '^':
		if p.multiLine {
			return sym("bol")
		}
		return sym("bos")
	case '$':
		if p.multiLine {
			return sym("eol")
		}
		return sym("eos")
	case '\\':
		return p.escape(false)
	case '*', '+', '?':
		fail("quantifier "+string(c)+" follows nothing", p.pattern())
	case '{':
		if _, _, ok := p.braces(); ok {
			fail("quantifier follows nothing", p.pattern())
		}
	}
	return scheme.Char(c)
}

// escape parses the escape after a backslash (inClass: inside [...]).
func (p *pcreParser) escape(inClass bool) scheme.Value {
	if !p.more() {
		fail("pattern ends in a backslash", p.pattern())
	}
	c := p.peek()
	p.i++
	wordc := scheme.List(sym("or"), sym("alnum"), scheme.Char('_'))
	switch c {
	case 'd':
		return sym("numeric")
	case 'D':
		return scheme.List(sym("~"), sym("numeric"))
	case 'w':
		return wordc
	case 'W':
		return scheme.List(sym("~"), wordc)
	case 's':
		return sym("space")
	case 'S':
		return scheme.List(sym("~"), sym("space"))
	case 'n':
		return scheme.Char('\n')
	case 't':
		return scheme.Char('\t')
	case 'r':
		return scheme.Char('\r')
	case 'f':
		return scheme.Char('\f')
	case 'v':
		return scheme.Char('\v')
	case 'e':
		return scheme.Char(27)
	case 'a':
		return scheme.Char(7)
	case 'x', 'u':
		return scheme.Char(p.hex(c))
	}
	if inClass {
		return scheme.Char(c)
	}
	switch c {
	case 'b':
		return scheme.List(sym("or"), sym("bow"), sym("eow"))
	case 'B':
		return sym("nwb")
	case 'A':
		return sym("bos")
	case 'z', 'Z':
		return sym("eos")
	case '<':
		return sym("bow")
	case '>':
		return sym("eow")
	case 'Q':
		var lit []rune
		for p.more() && !p.has(`\E`) {
			lit = append(lit, p.peek())
			p.i++
		}
		if p.has(`\E`) {
			p.i += 2
		}
		if len(lit) == 0 {
			return nil
		}
		return scheme.NewStringRunes(lit)
	case 'E':
		return nil
	case 'k':
		if p.more() && (p.peek() == '<' || p.peek() == '{' || p.peek() == '\'') {
			j := strings.IndexAny(string(p.src[p.i+1:]), ">}'")
			if j > 0 {
				name := string(p.src[p.i+1 : p.i+1+j])
				p.i += j + 2
				return scheme.List(sym("backref"), scheme.Intern(name))
			}
		}
	case 'G', 'K', 'C', 'P', 'p', 'X', 'R':
		fail(`\`+string(c)+` is not supported`, p.pattern())
	}
	if c >= '1' && c <= '9' {
		n := int(c - '0')
		for p.more() && p.peek() >= '0' && p.peek() <= '9' {
			n = n*10 + int(p.peek()-'0')
			p.i++
		}
		return scheme.List(sym("backref"), scheme.Fixnum(n))
	}
	return scheme.Char(c)
}

// hex parses the digits of \xHH, \x{H…} or \uHHHH.
func (p *pcreParser) hex(kind rune) rune {
	var digits string
	switch {
	case p.more() && p.peek() == '{':
		j := p.i + 1
		for j < len(p.src) && p.src[j] != '}' {
			j++
		}
		if j >= len(p.src) {
			fail("unterminated \\x{…}", p.pattern())
		}
		digits, p.i = string(p.src[p.i+1:j]), j+1
	default:
		n := 2
		if kind == 'u' {
			n = 4
		}
		j := p.i
		for j < len(p.src) && j < p.i+n && strings.ContainsRune("0123456789abcdefABCDEF", p.src[j]) {
			j++
		}
		digits, p.i = string(p.src[p.i:j]), j
	}
	n, err := strconv.ParseUint(digits, 16, 32)
	if err != nil || n > utf8.MaxRune {
		fail("bad hex escape", p.pattern())
	}
	return rune(n)
}

// braces parses a {n}, {n,} or {n,m} quantifier at the input (after the
// "{"); ok is false (and nothing consumed) when it is not one.
func (p *pcreParser) braces() (lo, hi int, ok bool) {
	j := p.i
	num := func() (int, bool) {
		k := j
		for j < len(p.src) && p.src[j] >= '0' && p.src[j] <= '9' {
			j++
		}
		if k == j {
			return 0, false
		}
		n, err := strconv.Atoi(string(p.src[k:j]))
		return n, err == nil
	}
	lo, ok = num()
	if !ok {
		return 0, 0, false
	}
	hi = lo
	if j < len(p.src) && p.src[j] == ',' {
		j++
		if j < len(p.src) && p.src[j] == '}' {
			hi = -1
		} else if hi, ok = num(); !ok {
			return 0, 0, false
		}
	}
	if j >= len(p.src) || p.src[j] != '}' {
		return 0, 0, false
	}
	p.i = j + 1
	return lo, hi, true
}

// quantifier applies any quantifiers following atom.
func (p *pcreParser) quantifier(atom scheme.Value) scheme.Value {
	for p.more() {
		var op string
		var args []scheme.Value
		switch p.peek() {
		case '?':
			op = "?"
		case '*':
			op = "*"
		case '+':
			op = "+"
		case '{':
			p.i++
			lo, hi, ok := p.braces()
			if !ok {
				p.i--
				return atom
			}
			p.i--
			switch {
			case hi < 0:
				op, args = ">=", []scheme.Value{scheme.Fixnum(lo)}
			case hi == lo:
				op, args = "=", []scheme.Value{scheme.Fixnum(lo)}
			default:
				op, args = "**", []scheme.Value{scheme.Fixnum(lo), scheme.Fixnum(hi)}
			}
		default:
			return atom
		}
		p.i++
		if p.more() && p.peek() == '?' {
			p.i++
			switch op {
			case ">=":
				op, args = "**?", append(args, False)
			case "=":
			default:
				op += "?"
			}
		} else if p.more() && p.peek() == '+' {
			fail("possessive quantifiers are not supported", p.pattern())
		}
		atom = scheme.List(append(append([]scheme.Value{sym(op)}, args...), atom)...)
	}
	return atom
}

// False is #f in an SRE (the open upper bound of **).
var False scheme.Value = scheme.False

// posixClasses are the [:name:] classes and the SRE names they stand for.
var posixClasses = map[string]string{"alpha": "alpha", "digit": "numeric", "alnum": "alnum", "upper": "upper",
	"lower": "lower", "space": "space", "punct": "punct", "xdigit": "xdigit", "cntrl": "cntrl", "print": "print",
	"graph": "graph", "blank": "blank", "word": "word-char", "ascii": "ascii"}

// class parses a bracket expression; the input is just past "[".
func (p *pcreParser) class() scheme.Value {
	neg := false
	if p.more() && p.peek() == '^' {
		neg = true
		p.i++
	}
	var chars []rune
	var parts []scheme.Value
	first := true
	for {
		if !p.more() {
			fail("missing ] in pattern", p.pattern())
		}
		c := p.peek()
		if c == ']' && !first {
			p.i++
			break
		}
		first = false
		if p.has("[:") {
			j := strings.Index(string(p.src[p.i+2:]), ":]")
			if j < 0 {
				fail("bad [:class:]", p.pattern())
			}
			name := string(p.src[p.i+2 : p.i+2+j])
			sre, ok := posixClasses[name]
			if !ok {
				fail("unknown character class [:"+name+":]", p.pattern())
			}
			parts = append(parts, sym(sre))
			p.i += j + 4
			continue
		}
		p.i++
		var lo scheme.Value = scheme.Char(c)
		if c == '\\' {
			lo = p.escape(true)
		}
		lc, single := lo.(scheme.Char)
		if single && p.has("-") && p.i+1 < len(p.src) && p.src[p.i+1] != ']' {
			p.i++
			hc := p.peek()
			p.i++
			if hc == '\\' {
				h, ok := p.escape(true).(scheme.Char)
				if !ok {
					fail("bad range in class", p.pattern())
				}
				hc = rune(h)
			}
			if hc < rune(lc) {
				fail("bad range in class", p.pattern())
			}
			parts = append(parts, scheme.List(sym("/"), lc, scheme.Char(hc)))
			continue
		}
		if single {
			chars = append(chars, rune(lc))
		} else {
			parts = append(parts, lo)
		}
	}
	if len(chars) > 0 {
		parts = append([]scheme.Value{scheme.List(scheme.NewStringRunes(chars))}, parts...)
	}
	var set scheme.Value
	if len(parts) == 1 {
		set = parts[0]
	} else {
		set = scheme.List(append([]scheme.Value{sym("or")}, parts...)...)
	}
	if neg {
		return scheme.List(sym("~"), set)
	}
	return set
}

// ---- character sets ----

// cset is a set of characters as sorted, disjoint, non-adjacent ranges.
type cset [][2]rune

func rangeSet(pairs ...rune) cset {
	var s cset
	for i := 0; i+1 < len(pairs); i += 2 {
		s = s.union(cset{{pairs[i], pairs[i+1]}})
	}
	return s
}

func charsSet(rs []rune) cset {
	var s cset
	for _, r := range rs {
		s = s.union(cset{{r, r}})
	}
	return s
}

func (s cset) union(t cset) cset {
	all := append(append(cset{}, s...), t...)
	slices.SortFunc(all, func(a, b [2]rune) int { return int(a[0]) - int(b[0]) })
	var out cset
	for _, r := range all {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

func (s cset) complement() cset {
	var out cset
	next := rune(0)
	for _, r := range s {
		if r[0] > next {
			out = append(out, [2]rune{next, r[0] - 1})
		}
		next = r[1] + 1
	}
	if next <= utf8.MaxRune {
		out = append(out, [2]rune{next, utf8.MaxRune})
	}
	return out
}

func (s cset) intersect(t cset) cset { return s.complement().union(t.complement()).complement() }

func (s cset) minus(t cset) cset { return s.intersect(t.complement()) }

// pattern returns the Go regexp class for s.
func (s cset) pattern() string {
	if len(s) == 0 {
		return `[^\x00-\x{10FFFF}]`
	}
	if len(s) == 1 && s[0] == [2]rune{0, utf8.MaxRune} {
		return `(?s:.)`
	}
	var b strings.Builder
	b.WriteString("[")
	for _, r := range s {
		fmt.Fprintf(&b, `\x{%x}`, r[0])
		if r[1] != r[0] {
			fmt.Fprintf(&b, `-\x{%x}`, r[1])
		}
	}
	b.WriteString("]")
	return b.String()
}

// namedSets returns the SRE character-set names (ASCII, as irregex
// defines them), made on first use.
var namedSets = sync.OnceValue(func() map[string]cset {
	lower, upper, num := rangeSet('a', 'z'), rangeSet('A', 'Z'), rangeSet('0', '9')
	alpha := lower.union(upper)
	alnum := alpha.union(num)
	punct := rangeSet('!', '/', ':', '@', '[', '`', '{', '~')
	space := rangeSet('\t', '\r', ' ', ' ')
	m := map[string]cset{
		"any": rangeSet(0, utf8.MaxRune), "nonl": rangeSet('\n', '\n').complement(), "ascii": rangeSet(0, 127),
		"lower-case": lower, "lower": lower, "upper-case": upper, "upper": upper,
		"alphabetic": alpha, "alpha": alpha, "numeric": num, "num": num, "digit": num,
		"alphanumeric": alnum, "alphanum": alnum, "alnum": alnum,
		"punctuation": punct, "punct": punct, "graphic": rangeSet('!', '~'), "graph": rangeSet('!', '~'),
		"whitespace": space, "white": space, "space": space, "blank": rangeSet(' ', ' ', '\t', '\t'),
		"printing": rangeSet(' ', '~'), "print": rangeSet(' ', '~'),
		"control": rangeSet(0, 31, 127, 127), "cntrl": rangeSet(0, 31, 127, 127),
		"hex-digit": num.union(rangeSet('a', 'f', 'A', 'F')), "xdigit": num.union(rangeSet('a', 'f', 'A', 'F')),
		"word-char": alnum.union(rangeSet('_', '_')),
	}
	return m
})

// utilityPatterns are irregex's common patterns, as SRE in PCRE syntax.
var utilityPatterns = map[string]string{
	"newline":      `(?:\r\n|\r|\n)`,
	"integer":      `[-+]?[0-9]+`,
	"real":         `[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?`,
	"string":       `"(?:[^"\\]|\\(?s:.))*"`,
	"symbol":       `[a-zA-Z!$%&*/:<=>?^_~+\-.@][a-zA-Z0-9!$%&*/:<=>?^_~+\-.@]*`,
	"ipv4-address": `(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}`,
	"ipv6-address": `(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:)*:(?::?[0-9a-fA-F]{1,4})*`,
	"domain":       `(?:[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}`,
	"email":        `[-a-zA-Z0-9!#$%&'*+/=?^_{|}~.]+@(?:[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}`,
	"http-url":     `https?://(?:[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?\.)*[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?::[0-9]+)?(?:/[-a-zA-Z0-9_.~!$&'()*+,;=:@%/]*)?(?:\?[-a-zA-Z0-9_.~!$&'()*+,;=:@%/?]*)?(?:#[-a-zA-Z0-9_.~!$&'()*+,;=:@%/?]*)?`,
	"word":         `\b[a-zA-Z0-9_]+\b`,
}

// ---- SRE → Go regexp ----

// compiler translates an SRE to Go regexp syntax, numbering submatches.
type compiler struct {
	names     []nameIndex // named submatches in order
	groups    int
	nonGreedy bool // uses a non-greedy operator: Perl (leftmost-first) semantics
	notBOS    bool // bos never matches (searching from inside the string)
}

type nameIndex struct {
	name string
	idx  int
}

// compileSRE translates sre; nocase starts case-insensitive.
func (c *compiler) compile(sre scheme.Value, nocase bool) (pat string, err error) {
	defer catch(&err)
	var b strings.Builder
	if nocase {
		b.WriteString("(?i:")
	}
	c.emit(&b, sre)
	if nocase {
		b.WriteString(")")
	}
	return b.String(), nil
}

// toCset interprets sre as a character set when it is one.
func toCset(sre scheme.Value) (cset, bool) {
	switch x := sre.(type) {
	case scheme.Char:
		return cset{{rune(x), rune(x)}}, true
	case *scheme.String:
		if x.Len() == 1 {
			return charsSet(x.Runes()), true
		}
		return nil, false
	case *scheme.Symbol:
		s, ok := namedSets()[x.Name]
		return s, ok
	case *scheme.Pair:
		items, ok := scheme.ListToSlice(x)
		if !ok {
			return nil, false
		}
		if s, ok := items[0].(*scheme.String); ok && len(items) == 1 {
			return charsSet(s.Runes()), true
		}
		args := items[1:]
		sets := make([]cset, len(args))
		switch symName(items[0]) {
		case "/":
			var rs []rune
			for _, a := range args {
				switch y := a.(type) {
				case scheme.Char:
					rs = append(rs, rune(y))
				case *scheme.String:
					rs = append(rs, y.Runes()...)
				default:
					return nil, false
				}
			}
			if len(rs)%2 != 0 {
				fail("odd number of characters in (/ …) range", sre)
			}
			var s cset
			for i := 0; i < len(rs); i += 2 {
				lo, hi := min(rs[i], rs[i+1]), max(rs[i], rs[i+1])
				s = s.union(cset{{lo, hi}})
			}
			return s, true
		case "or", "~", "-", "&", "char-set":
			if symName(items[0]) == "char-set" {
				if len(args) == 1 {
					if s, ok := args[0].(*scheme.String); ok {
						return charsSet(s.Runes()), true
					}
				}
				return nil, false
			}
			for i, a := range args {
				s, ok := toCset(a)
				if !ok {
					return nil, false
				}
				sets[i] = s
			}
		default:
			return nil, false
		}
		var s cset
		switch symName(items[0]) {
		case "or":
			for _, t := range sets {
				s = s.union(t)
			}
		case "~":
			for _, t := range sets {
				s = s.union(t)
			}
			s = s.complement()
		case "-":
			if len(sets) > 0 {
				s = sets[0]
				for _, t := range sets[1:] {
					s = s.minus(t)
				}
			}
		case "&":
			s = rangeSet(0, utf8.MaxRune)
			for _, t := range sets {
				s = s.intersect(t)
			}
		}
		return s, true
	}
	return nil, false
}

// emitSeq emits the SREs as a sequence in a non-capturing group.
func (c *compiler) emitSeq(b *strings.Builder, items []scheme.Value) {
	b.WriteString("(?:")
	for _, it := range items {
		c.emit(b, it)
	}
	b.WriteString(")")
}

func fixnumArg(v scheme.Value, sre scheme.Value) int {
	n, ok := v.(scheme.Fixnum)
	if !ok || n < 0 {
		fail("repetition count must be a non-negative integer", sre)
	}
	return int(n)
}

func (c *compiler) emit(b *strings.Builder, sre scheme.Value) {
	if s, ok := toCset(sre); ok {
		if _, isChar := sre.(scheme.Char); isChar {
			b.WriteString(quote(string(rune(sre.(scheme.Char)))))
			return
		}
		b.WriteString(s.pattern())
		return
	}
	switch x := sre.(type) {
	case *scheme.String:
		b.WriteString("(?:" + quote(x.String()) + ")")
		return
	case *scheme.Symbol:
		switch x.Name {
		case "bos":
			if c.notBOS {
				b.WriteString(`[^\x00-\x{10FFFF}]`)
			} else {
				b.WriteString(`\A`)
			}
		case "eos":
			b.WriteString(`\z`)
		case "bol":
			b.WriteString(`(?m:^)`)
		case "eol":
			b.WriteString(`(?m:$)`)
		case "bow", "eow":
			b.WriteString(`\b`)
		case "nwb":
			b.WriteString(`\B`)
		case "epsilon":
			b.WriteString(`(?:)`)
		case "commit":
			fail("commit is not supported: Go's RE2 engine has no backtracking", sre)
		default:
			if p, ok := utilityPatterns[x.Name]; ok {
				b.WriteString("(?:" + p + ")")
				return
			}
			fail("unknown SRE symbol "+x.Name, sre)
		}
		return
	case *scheme.Pair:
	default:
		fail("bad SRE "+scheme.WriteString(sre), sre)
	}
	items, ok := scheme.ListToSlice(sre)
	if !ok || len(items) == 0 {
		fail("bad SRE "+scheme.WriteString(sre), sre)
	}
	op, args := symName(items[0]), items[1:]
	rep := func(suffix string, body []scheme.Value) {
		if len(body) == 0 {
			b.WriteString("(?:)")
			return
		}
		c.emitSeq(b, body)
		b.WriteString(suffix)
	}
	switch op {
	case "seq", ":":
		c.emitSeq(b, args)
	case "or", "|":
		if len(args) == 0 {
			b.WriteString(`[^\x00-\x{10FFFF}]`)
			return
		}
		b.WriteString("(?:")
		for i, a := range args {
			if i > 0 {
				b.WriteString("|")
			}
			c.emit(b, a)
		}
		b.WriteString(")")
	case "?", "*", "+":
		rep(op, args)
	case "??", "*?", "+?":
		c.nonGreedy = true
		rep(op, args)
	case "=", ">=":
		if len(args) < 1 {
			fail("missing count in "+op, sre)
		}
		n := fixnumArg(args[0], sre)
		if op == "=" {
			rep(fmt.Sprintf("{%d}", n), args[1:])
		} else {
			rep(fmt.Sprintf("{%d,}", n), args[1:])
		}
	case "**", "**?":
		if len(args) < 2 {
			fail("missing counts in "+op, sre)
		}
		lo := fixnumArg(args[0], sre)
		suffix := fmt.Sprintf("{%d,}", lo)
		if args[1] != scheme.Value(scheme.False) {
			hi := fixnumArg(args[1], sre)
			if hi < lo {
				fail("bad range in "+op, sre)
			}
			suffix = fmt.Sprintf("{%d,%d}", lo, hi)
		}
		if op == "**?" {
			c.nonGreedy = true
			suffix += "?"
		}
		rep(suffix, args[2:])
	case "submatch", "$":
		c.groups++
		b.WriteString("(")
		for _, a := range args {
			c.emit(b, a)
		}
		b.WriteString(")")
	case "submatch-named", "=>":
		if len(args) < 1 || symName(args[0]) == "" {
			fail(""+op+" needs a name", sre)
		}
		c.groups++
		c.names = append(c.names, nameIndex{symName(args[0]), c.groups})
		b.WriteString("(")
		for _, a := range args[1:] {
			c.emit(b, a)
		}
		b.WriteString(")")
	case "w/nocase":
		b.WriteString("(?i:")
		c.emitSeq(b, args)
		b.WriteString(")")
	case "w/case":
		b.WriteString("(?-i:")
		c.emitSeq(b, args)
		b.WriteString(")")
	case "w/ascii", "w/unicode", "w/nocapture":
		c.emitSeq(b, args)
	case "posix-string":
		if len(args) != 1 {
			fail("posix-string takes one string", sre)
		}
		s, ok := args[0].(*scheme.String)
		if !ok {
			fail("posix-string takes one string", sre)
		}
		v, err := parsePCRE(s.String(), false, false, false)
		if err != nil {
			panic(err)
		}
		c.emit(b, v)
	case "backref":
		fail("backreferences are not supported: Go's RE2 engine cannot match them", sre)
	case "look-ahead", "look-behind", "neg-look-ahead", "neg-look-behind":
		fail(""+op+" assertions are not supported: Go's RE2 engine has no look-around", sre)
	case "atomic", "if":
		fail(""+op+" patterns are not supported: Go's RE2 engine has no backtracking", sre)
	default:
		fail("unknown SRE operator "+scheme.WriteString(items[0]), sre)
	}
}

// quote escapes the regexp metacharacters of s for Go syntax.
func quote(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case strings.ContainsRune(`\.+*?()|[]{}^$`, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x{%x}`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
