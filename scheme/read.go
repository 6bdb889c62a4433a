// Reader: R7RS lexical syntax to datums, with file:line:col for every pair.

package scheme

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lambda-list markers #!optional, #!rest and #!key.
var (
	optionalMarker Value = &Singleton{"marker", "#!optional"}
	restMarker     Value = &Singleton{"marker", "#!rest"}
	keyMarker      Value = &Singleton{"marker", "#!key"}
)

// reader reads datums from a rune source.
type reader struct {
	src      io.RuneScanner
	file     string
	line     int
	col      int
	foldCase bool
	// the settings of CHICKEN's reader parameters (readsyntax.go)
	kwPrefix, kwSuffix bool
	tokEscaped         bool // the last token had a \ or |…| escape (atom)
	// of an escaped token: the bytes before its first escape and after its
	// last (a keyword's colon counts only there)
	tokPlainHead, tokPlainTail int
	noBrackets, noSymbolEscape bool
	table                      *ReadTable    // nil: no read syntax procedures
	closer                     rune          // the character of the last closeTok
	pos                        map[*Pair]Pos // nil: positions not recorded
	labels                     map[int]*labelRef
	labelled                   bool                      // some datum had a #n= label
	history                    func(n int) (Value, bool) // the REPL's results: #n, # (n 0: the last); nil elsewhere
	depth                      int
	pushback                   []rune
	str                        string // source when src is nil
	off                        int
	cols                       [16]int // columns before the last runes read, for back
	ncols                      int
}

type labelRef struct {
	v    Value
	done bool
	ph   *placeholder
}

// placeholder stands for a #n# label not yet complete.
type placeholder struct{ n int }

func (*placeholder) TypeName() string { return "placeholder" }

// ReadError is a reader error with its position.
type ReadError struct {
	Pos Pos
	Msg string
}

// Error implements error.
func (e *ReadError) Error() string { return e.Pos.String() + ": " + e.Msg }

func newReader(src io.RuneScanner, file string, pos map[*Pair]Pos) *reader {
	r := &reader{src: src, file: file, line: 1, col: 1, pos: pos}
	r.settings(defaultReadSettings)
	return r
}

// ReadDatum reads one datum from src; it returns EOF at end of input. When
// src is a port's (read), the reader follows the reader parameters and
// read table of the reading thread; otherwise it reads with the defaults
// (all three keyword spellings, [ ] and { } as parentheses, |…| symbols).
func ReadDatum(src io.RuneScanner, file string) (Value, error) {
	r := newReader(src, file, nil)
	if s, ok := src.(*portRuneScanner); ok {
		r.settings(threadReadSettings(s.th))
	}
	return r.read()
}

// readAll reads every datum of src with the default reader settings.
func readAll(src, file string, pos map[*Pair]Pos) ([]Value, error) {
	out, _, err := readAllLabelled(src, file, pos, defaultReadSettings)
	return out, err
}

// readAllLabelled reads every datum of src with the settings s, also
// reporting whether a datum label (#n=) was read, i.e. whether the data may
// share structure or be circular.
func readAllLabelled(src, file string, pos map[*Pair]Pos, s readSettings) ([]Value, bool, error) {
	r := newReader(nil, file, pos)
	r.settings(s)
	r.str = src
	var out []Value
	for {
		v, err := r.read()
		if err != nil {
			return out, r.labelled, err
		}
		if v == EOF {
			return out, r.labelled, nil
		}
		out = append(out, v)
	}
}

type readPanic struct{ err error }

func (r *reader) here() Pos { return Pos{r.file, r.line, r.col} }

func (r *reader) errorf(p Pos, format string, a ...any) {
	panic(readPanic{&ReadError{p, fmt.Sprintf(format, a...)}})
}

func (r *reader) next() (rune, bool) {
	var c rune
	if n := len(r.pushback); n > 0 {
		c = r.pushback[n-1]
		r.pushback = r.pushback[:n-1]
	} else if r.src == nil {
		if r.off >= len(r.str) {
			return 0, false
		}
		if b := r.str[r.off]; b < utf8.RuneSelf {
			c = rune(b)
			r.off++
		} else {
			var n int
			c, n = utf8.DecodeRuneInString(r.str[r.off:])
			r.off += n
		}
	} else {
		var err error
		c, _, err = r.src.ReadRune()
		if err != nil {
			if err != io.EOF {
				panic(readPanic{err})
			}
			return 0, false
		}
	}
	r.cols[r.ncols&15] = r.col
	r.ncols++
	if c == '\n' {
		r.line++
		r.col = 1
	} else {
		r.col++
	}
	return c, true
}

// back undoes the next that returned c. Reading a string, c is the rune
// before r.off whenever nothing is pushed back (every back is of the rune
// read last), so the offset steps back instead: token's fast path then
// applies to the token after the one character datum and skip look at.
func (r *reader) back(c rune) {
	if d, n := utf8.DecodeLastRuneInString(r.str[:r.off]); r.src == nil && len(r.pushback) == 0 && d == c && n > 0 {
		r.off -= n
	} else {
		r.pushback = append(r.pushback, c)
	}
	if c == '\n' {
		r.line--
	}
	if r.ncols > 0 {
		r.ncols--
		r.col = r.cols[r.ncols&15]
	}
}

func (r *reader) peek() (rune, bool) {
	c, ok := r.next()
	if ok {
		r.back(c)
	}
	return c, ok
}

func (r *reader) read() (v Value, err error) {
	defer func() {
		if len(r.pushback) == 1 && r.src != nil {
			if r.src.UnreadRune() == nil {
				r.pushback = r.pushback[:0]
			}
		}
		if x := recover(); x != nil {
			if rp, ok := x.(readPanic); ok {
				err = rp.err
				return
			}
			panic(x)
		}
	}()
	d, ok := r.datum()
	if !ok {
		return EOF, nil
	}
	if d == closeTok || d == dotTok {
		r.errorf(r.here(), "unexpected %s", tokName(d))
	}
	if r.labels != nil {
		d = r.patch(d)
		r.labels = nil
	}
	return d, nil
}

var (
	closeTok Value = &Singleton{"token", ")"}
	dotTok   Value = &Singleton{"token", "."}
)

func tokName(v Value) string {
	if v == closeTok {
		return "')'"
	}
	return "'.'"
}

// skip skips whitespace and comments; false at EOF.
func (r *reader) skip() bool {
	for {
		c, ok := r.next()
		if !ok {
			return false
		}
		switch {
		case c == ';':
			for {
				c, ok = r.next()
				if !ok || c == '\n' {
					break
				}
			}
		case c == '#':
			d, ok := r.peek()
			if ok && d == '|' {
				r.next()
				r.blockComment()
				continue
			}
			if ok && d == ';' {
				r.next()
				if _, ok := r.datum(); !ok {
					r.errorf(r.here(), "expected a datum after #;")
				}
				continue
			}
			r.back(c)
			return true
		case unicode.IsSpace(c):
		default:
			r.back(c)
			return true
		}
	}
}

func (r *reader) blockComment() {
	start := r.here()
	depth := 1
	for depth > 0 {
		c, ok := r.next()
		if !ok {
			r.errorf(start, "expected |# to close block comment")
		}
		if c == '|' {
			if d, ok := r.peek(); ok && d == '#' {
				r.next()
				depth--
			}
		} else if c == '#' {
			if d, ok := r.peek(); ok && d == '|' {
				r.next()
				depth++
			}
		}
	}
}

func isDelimiter(c rune) bool {
	if c < utf8.RuneSelf {
		return asciiDelimiter[c]
	}
	return unicode.IsSpace(c)
}

// asciiDelimiter holds isDelimiter of the ASCII characters.
var asciiDelimiter = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = unicode.IsSpace(rune(c)) || strings.ContainsRune("()\";'`,", rune(c))
	}
	return t
}()

// isBracket reports whether c is one of the parentheses synonyms [ ] { }.
func isBracket(c rune) bool { return c == '[' || c == ']' || c == '{' || c == '}' }

// datum reads the next datum or token; false at EOF.
func (r *reader) datum() (Value, bool) {
	if !r.skip() {
		return nil, false
	}
	p := r.here()
	c, _ := r.next()
	if h := lookupIn(r.table, charsOf, c); h != nil {
		return r.orNext(r.handler(p, h)), true
	}
	switch c {
	case '[', ']', '{', '}':
		if r.noBrackets {
			r.errorf(p, "reserved character %c (parentheses-synonyms is #f)", c)
		}
		if c == '[' || c == '{' {
			return r.list(p, c), true
		}
		r.closer = c
		return closeTok, true
	case '(':
		return r.list(p, c), true
	case ')':
		r.closer = c
		return closeTok, true
	case '\'':
		return r.abbrev(p, "quote"), true
	case '`':
		return r.abbrev(p, "quasiquote"), true
	case ',':
		if d, ok := r.peek(); ok && d == '@' {
			r.next()
			return r.abbrev(p, "unquote-splicing"), true
		}
		return r.abbrev(p, "unquote"), true
	case '"':
		return NewString(r.stringLit(p, '"')), true
	case '#':
		return r.hash(p), true
	}
	r.back(c)
	tok := r.token()
	if tok == "." && !r.tokEscaped { // |.| and \. are the symbol .
		return dotTok, true
	}
	return r.atom(p, tok), true
}

func (r *reader) token() string {
	r.tokEscaped = false
	if r.src == nil && len(r.pushback) == 0 {
		start := r.off
		i := start
		for i < len(r.str) {
			c := r.str[i]
			if c >= utf8.RuneSelf || c == '|' || c == '\\' {
				break
			}
			if isDelimiter(rune(c)) || isBracket(rune(c)) {
				r.col += i - start
				r.off = i
				r.ncols = 0
				return r.str[start:i]
			}
			i++
		}
		if i == len(r.str) {
			r.col += i - start
			r.off = i
			r.ncols = 0
			return r.str[start:i]
		}
	}
	var b strings.Builder
	for {
		c, ok := r.next()
		if !ok {
			break
		}
		if isDelimiter(c) || isBracket(c) {
			r.back(c)
			break
		}
		if c == '|' && !r.noSymbolEscape {
			r.escaped(b.Len())
			b.WriteString(r.stringLit(r.here(), '|'))
			r.tokPlainTail = b.Len()
			continue
		}
		if c == '\\' {
			r.escaped(b.Len())
			r.symbolEscape(&b)
			r.tokPlainTail = b.Len()
			continue
		}
		b.WriteRune(c)
	}
	if r.tokEscaped {
		r.tokPlainTail = b.Len() - r.tokPlainTail
	}
	return b.String()
}

// escaped notes an escape in the token being read, at byte n of it.
func (r *reader) escaped(n int) {
	if !r.tokEscaped {
		r.tokEscaped, r.tokPlainHead = true, n
	}
}

// symbolEscape writes to b the character a backslash in a symbol stands
// for: R6RS's \x<hex>; escape, or (CHICKEN) the next character itself,
// so that a\ b is the symbol |a b|.
func (r *reader) symbolEscape(b *strings.Builder) {
	c, ok := r.next()
	if !ok {
		r.errorf(r.here(), "expected a character after \\ in a symbol")
	}
	if c != 'x' && c != 'X' {
		b.WriteRune(c)
		return
	}
	var hex []rune
	for {
		d, ok := r.next()
		if ok && d == ';' && len(hex) > 0 {
			if n, err := strconv.ParseUint(string(hex), 16, 32); err == nil && n <= unicode.MaxRune {
				b.WriteRune(rune(n))
				return
			}
			r.errorf(r.here(), "expected a character code in \\x%s;", string(hex))
		}
		if !ok || !strings.ContainsRune("0123456789abcdefABCDEF", d) {
			if ok {
				r.back(d)
			}
			b.WriteRune(c) // not a hex escape: the x and digits as they are
			b.WriteString(string(hex))
			return
		}
		hex = append(hex, d)
	}
}

func (r *reader) atom(p Pos, tok string) Value {
	if r.tokEscaped { // an escaped character makes a symbol, never a number; a keyword only by an unescaped colon
		if r.kwSuffix && r.tokPlainTail > 0 && tok[len(tok)-1] == ':' {
			return InternKeyword(tok[:len(tok)-1])
		}
		if r.kwPrefix && r.tokPlainHead > 0 && tok[0] == ':' {
			return InternKeyword(tok[1:])
		}
		return Intern(tok)
	}
	if c := tok[0]; (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == '#' {
		if v, ok := ParseNumber(tok, 10); ok {
			return v
		}
	}
	if r.foldCase {
		tok = FoldString(tok)
	}
	if strings.Trim(tok, ":") == "" { // :, ::, ::: are symbols in every style (R7RS's ellipsis example uses :::)
		return Intern(tok)
	}
	if r.kwSuffix && len(tok) > 1 && tok[len(tok)-1] == ':' {
		return InternKeyword(tok[:len(tok)-1])
	}
	if r.kwPrefix && len(tok) > 1 && tok[0] == ':' {
		return InternKeyword(tok[1:])
	}
	return Intern(tok)
}

func (r *reader) abbrev(p Pos, name string) Value {
	d, ok := r.datum()
	if !ok || d == closeTok || d == dotTok {
		r.errorf(p, "expected a datum after %s", name)
	}
	inner := &Pair{d, Null}
	pr := &Pair{Intern(name), inner}
	if r.pos != nil {
		r.pos[pr], r.pos[inner] = p, p
	}
	return pr
}

func (r *reader) list(p Pos, open rune) Value {
	r.depth++
	if r.depth > 10000 {
		r.errorf(p, "expected less deeply nested data (limit 10000)")
	}
	defer func() { r.depth-- }()
	var head, tail *Pair
	for {
		if !r.skip() {
			r.errorf(p, "expected ')' to close list")
		}
		ip := r.here()
		d, ok := r.datum()
		if !ok {
			r.errorf(p, "expected ')' to close list")
		}
		if d == closeTok {
			r.checkCloser(p, open)
			if head == nil {
				return Null
			}
			return head
		}
		if d == dotTok {
			if head == nil {
				r.errorf(ip, "expected a datum before '.'")
			}
			last, ok := r.datum()
			if !ok || last == closeTok || last == dotTok {
				r.errorf(ip, "expected a datum after '.'")
			}
			tail.Cdr = last
			end, ok := r.datum()
			if !ok || end != closeTok {
				r.errorf(ip, "expected '%c' after dotted tail", closerOf(open))
			}
			r.checkCloser(p, open)
			return head
		}
		np := &Pair{d, Null}
		if r.pos != nil {
			if head == nil {
				r.pos[np] = p
			} else {
				r.pos[np] = ip
			}
		}
		if head == nil {
			head = np
		} else {
			tail.Cdr = np
		}
		tail = np
	}
}

// closerOf returns the character closing a list opened by open.
func closerOf(open rune) rune {
	switch open {
	case '[':
		return ']'
	case '{':
		return '}'
	}
	return ')'
}

// checkCloser checks that the list opened by open at p was closed by the
// matching character (R6RS §4.3.1: [ ] pair as ( ) do).
func (r *reader) checkCloser(p Pos, open rune) {
	if want := closerOf(open); r.closer != want {
		r.errorf(p, "expected '%c' to close '%c', got '%c'", want, open, r.closer)
	}
}

var charNames = map[string]rune{
	"alarm": 7, "backspace": 8, "delete": 127, "escape": 27, "newline": '\n', "null": 0,
	"return": '\r', "space": ' ', "tab": '\t', "nul": 0, "linefeed": '\n', "altmode": 27,
	"page": 12, "rubout": 127, "vtab": 11, "esc": 27, // esc: R6RS
}

func (r *reader) hash(p Pos) Value {
	c, ok := r.next()
	if r.history != nil && (!ok || unicode.IsSpace(c) || c == ')' || c == ']') {
		if ok {
			r.back(c)
		}
		return r.historyRef(p, 0)
	}
	if !ok {
		r.errorf(p, "expected a character after #")
	}
	if h := lookupIn(r.table, sharpOf, c); h != nil {
		return r.orNext(r.handler(p, h))
	}
	switch c {
	case 'c', 'C': // CHICKEN: #cs / #ci read the next datum case-sensitively or not
		m, _ := r.next()
		if m != 's' && m != 'i' && m != 'S' && m != 'I' {
			r.errorf(p, "expected #cs or #ci, got #%c%c", c, m)
		}
		saved := r.foldCase
		r.foldCase = m == 'i' || m == 'I'
		d, ok := r.datum()
		r.foldCase = saved
		if !ok || d == closeTok || d == dotTok {
			r.errorf(p, "expected a datum after #%c%c", c, m)
		}
		return d
	case '#': // CHICKEN's internal names: ##sys#slot, ##core#inline
		return Intern("##" + r.token())
	case '(':
		l := r.list(p, '(')
		items, ok := ListToSlice(l)
		if !ok { // #(1 . 2): csi's "invalid vector syntax", not #(1)
			r.errorf(p, "expected a proper list after #, got %s", WriteString(l))
		}
		return &Vector{Items: items}
	case '\'':
		return r.abbrev(p, "syntax")
	case '`':
		return r.abbrev(p, "quasisyntax")
	case ',':
		if d, ok := r.peek(); ok && d == '@' {
			r.next()
			return r.abbrev(p, "unsyntax-splicing")
		}
		u := r.abbrev(p, "unsyntax")
		if r.table != nil { // SRFI 10: #,(constructor datum ...)
			if v, ok := r.readerCtor(p, u.(*Pair).Cdr.(*Pair).Car); ok {
				return v
			}
		}
		return u
	case '\\':
		c2, ok := r.next()
		if !ok {
			r.errorf(p, "expected a character after #\\")
		}
		var b strings.Builder
		b.WriteRune(c2)
		for {
			d, ok := r.next()
			if !ok {
				break
			}
			if isDelimiter(d) || isBracket(d) {
				r.back(d)
				break
			}
			b.WriteRune(d)
		}
		s := b.String()
		if len([]rune(s)) == 1 {
			return Char(c2)
		}
		if r.foldCase {
			s = FoldString(s) // #!fold-case folds character names too (r7rs §2.1)
		}
		if ch, ok := charNames[strings.ToLower(s)]; ok {
			return Char(ch)
		}
		if (s[0] == 'x' || s[0] == 'U' || s[0] == 'u') && len(s) > 1 {
			var n int64
			if _, err := fmt.Sscanf(s[1:], "%x", &n); err == nil && n <= unicode.MaxRune {
				return Char(rune(n))
			}
		}
		r.errorf(p, "expected a character name, got #\\%s", s)
	case 's', 'S':
		tok := r.token()
		if k := NumKindOf("s" + tok); k != nil {
			return r.readNumVector(p, k)
		}
		r.errorf(p, "expected #s8(, #s16(, #s32( or #s64(, got #%c%s", c, tok)
	case 'u', 'U':
		tok := r.token()
		if k := NumKindOf("u" + tok); k != nil {
			return r.readNumVector(p, k)
		}
		if tok != "8" {
			r.errorf(p, "expected #u8( for a bytevector")
		}
		return r.readBytevector(p, "u8")
	case 'v', 'V': // R6RS's #vu8(…), one token (CHICKEN's #u8 may be followed by a space)
		if tok := r.token(); !strings.EqualFold(tok, "u8") {
			r.errorf(p, "expected #vu8( for a bytevector, got #%c%s", c, tok)
		}
		if d, ok := r.peek(); !ok || d != '(' {
			r.errorf(p, "expected #vu8( for a bytevector")
		}
		return r.readBytevector(p, "vu8")
	case '!':
		tok := r.token()
		switch tok {
		case "eof":
			return EOF
		case "default":
			return Default
		case "optional":
			return optionalMarker
		case "rest":
			return restMarker
		case "key":
			return keyMarker
		case "unspecified", "unspecific":
			return Unspecified
		case "fold-case", "no-fold-case", "r6rs", "r7rs", "chicken":
			// R6RS §4.2.3: #!r6rs is a comment, after which the source is
			// in R6RS's lexical syntax: :foo and foo: are symbols, not
			// keywords, as after Sagittarius's #!r6rs and #!r7rs.
			switch tok {
			case "r6rs", "r7rs":
				r.kwPrefix, r.kwSuffix = false, false
			case "fold-case", "no-fold-case":
				r.foldCase = tok == "fold-case"
			}
			return r.orNext(nil, false)
		}
		if h := lookupIn(r.table, marksOf, tok); h != nil { // a read mark
			return r.orNext(r.handler(p, h))
		}
		next, _ := r.peek()
		if (p.Line == 1 && p.Col == 1) || (tok == "" && unicode.IsSpace(next)) || strings.HasPrefix(tok, "/") {
			// the #! script line; CHICKEN: #! then a space or / is a line comment
			for {
				c, ok := r.next()
				if !ok || c == '\n' {
					break
				}
			}
			return r.orNext(nil, false)
		}
		r.errorf(p, "expected #!eof, #!default, #!unspecific, #!optional, #!key, #!rest, #!r6rs or #!fold-case, got #!%s", tok)
	case ':':
		tok := r.token()
		if r.foldCase {
			tok = FoldString(tok)
		}
		return InternKeyword(tok)
	case '<': // CHICKEN: #<<TAG and #<#TAG multiline strings
		return r.hereString(p)
	case '$': // CHICKEN: #${ hex ... } blob literal
		return r.blobLiteral(p)
	case '+': // CHICKEN: #+FEATURE EXPR is (cond-expand (FEATURE EXPR) (else))
		feature, ok := r.datum()
		if !ok || feature == closeTok || feature == dotTok {
			r.errorf(p, "expected a feature after #+")
		}
		expr, ok := r.datum()
		if !ok || expr == closeTok || expr == dotTok {
			r.errorf(p, "expected an expression after #+%s", WriteString(feature))
		}
		return L(Intern("cond-expand"), L(feature, expr), L(Intern("else")))
	case 't', 'f', 'T', 'F':
		tok := string(c) + r.token()
		switch tok {
		case "t", "true", "T": // #T and #F: R6RS §4.2.1, and csi's reader
			return True
		case "f", "false", "F":
			return False
		case "f32", "f64":
			return r.readNumVector(p, NumKindOf(tok))
		}
		r.errorf(p, "expected #t or #f, got #%s", tok)
	case 'x', 'X', 'b', 'B', 'o', 'O', 'd', 'D', 'e', 'E', 'i', 'I':
		tok := "#" + string(c) + r.token()
		if v, ok := ParseNumber(tok, 10); ok {
			return v
		}
		r.errorf(p, "bad number syntax %q", tok)
	}
	if c >= '0' && c <= '9' {
		n := int(c - '0')
		for {
			d, ok := r.next()
			if r.history != nil && (!ok || unicode.IsSpace(d) || d == ')' || d == ']') {
				if ok {
					r.back(d)
				}
				return r.historyRef(p, n)
			}
			if !ok {
				r.errorf(p, "expected = or # after label")
			}
			if d >= '0' && d <= '9' {
				n = n*10 + int(d-'0')
				if n > 1<<20 {
					r.errorf(p, "label too large")
				}
				continue
			}
			if h := lookupIn(r.table, paramOf, d); h != nil { // #NUMBERchar
				return r.orNext(r.handler(p, h, MakeInteger(int64(n))))
			}
			if r.labels == nil {
				r.labels = map[int]*labelRef{}
				r.labelled = true
			}
			if d == '=' {
				lr := &labelRef{ph: &placeholder{n}}
				r.labels[n] = lr
				v, ok := r.datum()
				if !ok || v == closeTok || v == dotTok {
					r.errorf(p, "expected a datum after #%d=", n)
				}
				lr.v, lr.done = v, true
				return v
			}
			if d == '#' {
				lr := r.labels[n]
				if lr == nil {
					r.errorf(p, "expected a defined label, #%d# is undefined", n)
				}
				if lr.done {
					return lr.v
				}
				return lr.ph
			}
			r.errorf(p, "expected = or # after label")
		}
	}
	r.back(c)
	r.errorf(p, "expected a valid # syntax, got #%c", c)
	return nil
}

// historyRef is the REPL's #n (# for n 0): (quote v) of result n.
func (r *reader) historyRef(p Pos, n int) Value {
	v, ok := r.history(n)
	switch {
	case ok:
		return L(Intern("quote"), v)
	case n == 0:
		r.errorf(p, "no result yet for #")
	default:
		r.errorf(p, "history entry index out of range: %d", n)
	}
	return nil
}

// patch replaces label placeholders by their datums (cycles allowed).
func (r *reader) patch(v Value) Value {
	seen := map[Value]bool{}
	var walk func(v Value) Value
	walk = func(v Value) Value {
		switch x := v.(type) {
		case *placeholder:
			return r.labels[x.n].v
		case *Pair:
			if seen[x] {
				return x
			}
			seen[x] = true
			x.Car = walk(x.Car)
			x.Cdr = walk(x.Cdr)
		case *Vector:
			if seen[x] {
				return x
			}
			seen[x] = true
			for i := range x.Items {
				x.Items[i] = walk(x.Items[i])
			}
		}
		return v
	}
	return walk(v)
}

func (r *reader) stringLit(p Pos, q rune) string {
	var b strings.Builder
	for {
		c, ok := r.next()
		if !ok {
			r.errorf(p, "expected closing %c", q)
		}
		if c == q {
			return b.String()
		}
		if c != '\\' {
			b.WriteRune(c)
			continue
		}
		c, ok = r.next()
		if !ok {
			r.errorf(p, "expected closing %c", q)
		}
		switch c {
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'v':
			b.WriteByte(11)
		case 'f':
			b.WriteByte(12)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			// CHICKEN: \OOO, an octal 8-bit code; \0 alone is NUL
			digits := r.digits(8, 2)
			switch {
			case len(digits) == 2:
				b.WriteRune(rune(int(c-'0')*64 + digitVal(digits[0])*8 + digitVal(digits[1])))
			case c == '0':
				r.unread(digits)
				b.WriteByte(0)
			default:
				r.unread(digits)
				b.WriteRune(c)
			}
		case 'x', 'X':
			// R7RS \x<hex>; and CHICKEN's \xXX (two digits, no ;)
			digits := r.digits(16, 8)
			if d, ok := r.peek(); ok && d == ';' {
				r.next()
			} else if len(digits) > 2 {
				r.unread(digits[2:])
				digits = digits[:2]
			}
			b.WriteRune(r.scalar(p, digits, "\\x"))
		case 'u', 'U': // CHICKEN: \uXXXX and \UXXXXXXXX
			size := 4
			if c == 'U' {
				size = 8
			}
			digits := r.digits(16, size)
			if len(digits) != size {
				r.errorf(p, "expected %d hex digits in \\%c escape, got %q", size, c, digits)
			}
			b.WriteRune(r.scalar(p, digits, "\\"+string(c)))
		case ' ', '\t', '\n', '\r':
			// \<intraline ws>*<newline><intraline ws>*
			sawNL := c == '\n'
			for {
				d, ok := r.next()
				if !ok {
					break
				}
				if d == '\n' && !sawNL {
					sawNL = true
					continue
				}
				if d != ' ' && d != '\t' && d != '\r' {
					r.back(d)
					break
				}
			}
		default:
			b.WriteRune(c)
		}
	}
}

// digits reads up to max digits of base (8 or 16).
func (r *reader) digits(base, max int) string {
	var b strings.Builder
	for b.Len() < max {
		d, ok := r.next()
		if !ok {
			break
		}
		if digitIn(d, base) < 0 {
			r.back(d)
			break
		}
		b.WriteRune(d)
	}
	return b.String()
}

// unread pushes back the ASCII characters of s, read last.
func (r *reader) unread(s string) {
	for i := len(s) - 1; i >= 0; i-- {
		r.back(rune(s[i]))
	}
}

// digitIn returns the value of d as a digit of base, -1 when it is not one.
func digitIn(d rune, base int) int {
	if d >= utf8.RuneSelf {
		return -1
	}
	if v := digitVal(byte(d)); v < base {
		return v
	}
	return -1
}

// scalar is the character of the hex digits of a string escape esc.
func (r *reader) scalar(p Pos, digits, esc string) rune {
	var n int64
	if _, err := fmt.Sscanf(digits, "%x", &n); err != nil || n > unicode.MaxRune {
		r.errorf(p, "expected a hex scalar value in %s escape, got %q", esc, digits)
	}
	return rune(n)
}

// restOfLine reads up to the end of the line (not included, consumed); false
// at the end of input with nothing read.
func (r *reader) restOfLine() (string, bool) {
	var b strings.Builder
	for {
		c, ok := r.next()
		if !ok {
			return b.String(), b.Len() > 0
		}
		if c == '\n' {
			return b.String(), true
		}
		b.WriteRune(c)
	}
}

// hereString reads CHICKEN's #<<TAG (the lines up to one equal to TAG, or
// the end of input, as a string) and #<#TAG (the same, with #expr and
// #{expr} replaced by the value of expr, ## by #), after the #<.
func (r *reader) hereString(p Pos) Value {
	c, _ := r.next()
	if c != '<' && c != '#' {
		r.errorf(p, "expected #<< or #<# (multiline string), got #<%c", c)
	}
	tag, _ := r.restOfLine()
	if tag == "" {
		r.errorf(p, "expected a tag after #<%c", c)
	}
	var lines []string
	for {
		l, ok := r.restOfLine()
		if !ok || l == tag {
			break
		}
		lines = append(lines, l)
	}
	text := strings.Join(lines, "\n")
	if c == '<' {
		return NewString(text)
	}
	return r.interpolate(p, text)
}

// interpolate is the form of a #<# string: (%string-interpolate part ...),
// the parts the literal texts and the expressions.
func (r *reader) interpolate(p Pos, text string) Value {
	parts := []Value{Intern("%string-interpolate")}
	var lit strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] != '#' {
			lit.WriteByte(text[i])
			continue
		}
		if i+1 < len(text) && text[i+1] == '#' {
			lit.WriteByte('#')
			i++
			continue
		}
		if lit.Len() > 0 {
			parts = append(parts, NewString(lit.String()))
			lit.Reset()
		}
		sub := newReader(nil, r.file, nil)
		sub.str = text[i+1:]
		sub.settings(readSettings{kwPrefix: r.kwPrefix, kwSuffix: r.kwSuffix, foldCase: r.foldCase})
		if strings.HasPrefix(sub.str, "{") {
			sub.off = 1
		}
		expr, err := sub.read()
		if err != nil || expr == EOF {
			r.errorf(p, "expected an expression after # in #<# string")
		}
		if sub.off > 0 && strings.HasPrefix(sub.str, "{") {
			if !sub.skip() {
				r.errorf(p, "expected } after #{ in #<# string")
			}
			if d, _ := sub.next(); d != '}' {
				r.errorf(p, "expected } after #{ in #<# string")
			}
		}
		parts = append(parts, expr)
		i += sub.off
		for _, c := range sub.pushback { // read ahead, not consumed
			i -= utf8.RuneLen(c)
		}
	}
	if lit.Len() > 0 {
		parts = append(parts, NewString(lit.String()))
	}
	return List(parts...)
}

// blobLiteral reads CHICKEN's #${ hex ... } after the #$: a blob. As the
// manual says, whitespace between the digits is ignored (#${deadbee f} is
// de ad be ef); an odd last digit is a byte of its own (#${abc} is ab 0c,
// as csi reads it).
func (r *reader) blobLiteral(p Pos) Value {
	if c, ok := r.next(); !ok || c != '{' {
		r.errorf(p, "expected #${ for a blob literal")
	}
	var b []byte
	half := false // the last byte has one digit so far
	for {
		c, ok := r.next()
		if !ok {
			r.errorf(p, "expected } to close #${")
		}
		if c == '}' {
			break
		}
		if unicode.IsSpace(c) {
			continue
		}
		v := digitIn(c, 16)
		if v < 0 {
			r.errorf(p, "expected hex digits in #${…}, got %q", c)
		}
		if half {
			b[len(b)-1] = b[len(b)-1]<<4 | byte(v)
		} else {
			b = append(b, byte(v))
		}
		half = !half
	}
	if b == nil {
		b = []byte{}
	}
	return &Blob{B: b}
}

// readBytevector reads the bytes of a bytevector after its prefix, #tag
// (#u8 or #vu8).
func (r *reader) readBytevector(p Pos, tag string) Value {
	items := r.numVectorItems(p, tag)
	b := make([]byte, len(items))
	for i, it := range items {
		n, ok := it.(Fixnum)
		if !ok || n < 0 || n > 255 {
			r.errorf(p, "expected a byte (0-255) in bytevector, got %s", WriteString(it))
		}
		b[i] = byte(n)
	}
	return &Bytevector{B: b}
}
