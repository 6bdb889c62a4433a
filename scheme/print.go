// Printer: write, display, write-shared and write-simple representations.

package scheme

import (
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PrintMode selects how values are printed.
type PrintMode int

// The print modes.
const (
	// ModeDisplay prints strings and characters raw (display).
	ModeDisplay PrintMode = iota
	// ModeWrite prints external representations, labelling cycles (write).
	ModeWrite
	// ModeWriteShared labels every shared pair and vector (write-shared).
	ModeWriteShared
	// ModeWriteSimple is write without datum labels; circular data still
	// terminates (it is printed as write prints it).
	ModeWriteSimple
)

// WriteString returns the external representation of v as write shows it.
func WriteString(v Value) string { return string(AppendValue(nil, v, ModeWrite)) }

// DisplayString returns v as display shows it.
func DisplayString(v Value) string { return string(AppendValue(nil, v, ModeDisplay)) }

// AppendValue appends the printed form of v in the given mode to dst
// (flonums with [DefaultFlonumPrintPrecision] digits).
func AppendValue(dst []byte, v Value, mode PrintMode) []byte {
	return appendValue(dst, v, mode, nil, printStyle{prec: DefaultFlonumPrintPrecision})
}

// printStyle is how an interpreter prints what depends on its dialect.
type printStyle struct {
	prec     int  // significant digits of a flonum (-1: the fewest that read back)
	r6rs     bool // an R6RS program's: #vu8(…) bytevectors, symbols with \x<hex>; escapes
	r7rs     bool // an R7RS program's: strings and |symbols| with R7RS's escapes only
	foldCase bool // case-sensitive is #f: symbols with upper-case letters in bars
}

// appendValue is AppendValue with rec, when not nil, printing the records
// it accepts (the record printers of set-record-printer!), in style st.
func appendValue(dst []byte, v Value, mode PrintMode, rec func(Value) ([]byte, bool), st printStyle) []byte {
	switch x := v.(type) {
	case *String:
		if mode == ModeDisplay {
			return x.AppendUTF8(dst, 0, x.Len())
		}
	case *Pair, *Vector:
	default:
		p := printer{mode: mode, rec: rec, printStyle: st}
		return p.atom(dst, v)
	}
	p := printer{mode: mode, rec: rec, printStyle: st}
	p.findShared(v)
	return p.value(dst, v)
}

type printer struct {
	mode   PrintMode
	labels map[Value]int // shared object → label (-1 until printed)
	next   int
	rec    func(Value) ([]byte, bool) // record printers, given a *Record or ExtRecord (nil: none)
	printStyle
}

// findShared marks the pairs and vectors that need datum labels: those on a
// cycle (write, display) or reached twice (write-shared).
func (p *printer) findShared(v Value) {
	if p.mode != ModeWriteShared {
		var path [smallPath]Value
		budget := smallPath
		if acyclicWithin(v, path[:0], &budget) {
			return // no cycle: no label
		}
	}
	const (
		inProgress = 1
		done       = 2
	)
	state := map[Value]int{}
	shared := p.mode == ModeWriteShared
	mark := func(x Value) {
		if p.labels == nil {
			p.labels = map[Value]int{}
		}
		p.labels[x] = -1
	}
	// enter reports whether x is met for the first time (and marks it in
	// progress); meeting it again marks it for a label when it is on a cycle
	// or, for write-shared, reached twice.
	enter := func(x Value) bool {
		switch state[x] {
		case inProgress:
			mark(x)
		case done:
			if shared {
				mark(x)
			}
		default:
			state[x] = inProgress
			return true
		}
		return false
	}
	// a work list instead of recursion on the cars and items (a structure
	// nested millions deep): a task visits x, goes on along a list after
	// the car of pair (spine: the list's pairs entered so far, marked done
	// when the list ends), or visits vec's items from i
	type task struct {
		x     Value
		pair  *Pair
		spine *[]Value
		vec   *Vector
		i     int
		end   bool // mark spine done
	}
	var work []task
	endSpine := func(spine *[]Value) {
		if spine != nil {
			for _, s := range *spine {
				state[s] = done
			}
		}
	}
	// at takes x, met as the next element of spine (nil: a new value)
	at := func(x Value, spine *[]Value) {
		switch y := x.(type) {
		case *Pair:
			if enter(y) {
				if spine == nil {
					spine = new([]Value)
				}
				*spine = append(*spine, y)
				work = append(work, task{pair: y, spine: spine}, task{x: y.Car})
				return
			}
		case *Vector:
			if enter(y) {
				work = append(work, task{spine: spine, end: true}, task{vec: y})
				return
			}
		}
		endSpine(spine)
	}
	visit := func(v Value) {
		work = append(work[:0], task{x: v})
		for len(work) > 0 {
			t := work[len(work)-1]
			work = work[:len(work)-1]
			switch {
			case t.end:
				endSpine(t.spine)
			case t.pair != nil:
				at(t.pair.Cdr, t.spine)
			case t.vec != nil:
				if t.i == len(t.vec.Items) {
					state[t.vec] = done
				} else {
					work = append(work, task{vec: t.vec, i: t.i + 1}, task{x: t.vec.Items[t.i]})
				}
			default:
				at(t.x, nil)
			}
		}
	}
	visit(v)
	if !shared && len(p.labels) > 0 {
		p.labelSharedOnCycles(v)
	}
}

// smallPath bounds the pairs and vectors acyclicWithin looks at.
const smallPath = 48

// acyclicWithin reports whether x has no cycle, walking at most *budget
// pairs and vectors, path holding those x is inside (a cycle comes back
// to one of them): a small value is written without findShared's maps.
// It reports false when the budget runs out.
func acyclicWithin(x Value, path []Value, budget *int) bool {
	for {
		var inner []Value // the items, or the car, inside x
		switch y := x.(type) {
		case *Pair:
			inner = []Value{y.Car}
		case *Vector:
			inner = y.Items
		default:
			return true
		}
		if *budget--; *budget < 0 || len(path) == cap(path) {
			return false
		}
		for _, a := range path {
			if a == x {
				return false
			}
		}
		path = append(path, x)
		for _, it := range inner {
			if !acyclicWithin(it, path, budget) {
				return false
			}
		}
		p, ok := x.(*Pair)
		if !ok {
			return true
		}
		x = p.Cdr // along the list: its pairs stay on the path
	}
}

// labelSharedOnCycles marks, besides the cycles' entry points, the objects
// on a cycle that are reached more than once, so that write shows every
// object of a cycle once: #0=(#1=(1 . #0#) #1#), not #0=((1 . #0#) (1 . #0#)).
// It runs only when v has a cycle (Tarjan's strongly connected components).
func (p *printer) labelSharedOnCycles(v Value) {
	indeg := map[Value]int{}
	index := map[Value]int{}
	low := map[Value]int{}
	onStack := map[Value]bool{}
	cyclic := map[Value]bool{}
	var stack []Value
	visit := func(x Value) {
		index[x], low[x] = len(index), len(index)
		stack = append(stack, x)
		onStack[x] = true
	}
	// child returns x's i-th outgoing edge
	child := func(x Value, i int) (Value, bool) {
		switch y := x.(type) {
		case *Pair:
			switch i {
			case 0:
				return y.Car, true
			case 1:
				return y.Cdr, true
			}
		case *Vector:
			if i < len(y.Items) {
				return y.Items[i], true
			}
		}
		return nil, false
	}
	// Tarjan's algorithm with its call stack as a work list (a structure
	// nested millions deep): each entry is a node and its next edge
	type call struct {
		x Value
		i int
	}
	calls := []call{{x: v}}
	visit(v)
	for len(calls) > 0 {
		top := &calls[len(calls)-1]
		if c, ok := child(top.x, top.i); ok {
			top.i++
			switch c.(type) {
			case *Pair, *Vector:
			default:
				continue
			}
			indeg[c]++
			if _, seen := index[c]; !seen {
				visit(c)
				calls = append(calls, call{x: c})
			} else if onStack[c] {
				low[top.x] = min(low[top.x], index[c])
			}
			continue
		}
		x := top.x
		calls = calls[:len(calls)-1]
		if low[x] == index[x] {
			top := len(stack) - 1
			for stack[top] != x {
				top--
			}
			for _, y := range stack[top:] {
				onStack[y] = false
				cyclic[y] = len(stack)-top > 1
			}
			stack = stack[:top]
		}
		if len(calls) > 0 {
			up := calls[len(calls)-1].x
			low[up] = min(low[up], low[x])
		}
	}
	for x, d := range indeg {
		if d > 1 && cyclic[x] {
			if _, ok := p.labels[x]; !ok {
				p.labels[x] = -1
			}
		}
	}
}

// label handles datum labels: it returns true when x was already printed
// (and appends #n#), else appends #n= when x needs a label.
func (p *printer) label(dst []byte, x Value) ([]byte, bool) {
	if p.labels == nil {
		return dst, false
	}
	n, ok := p.labels[x]
	if !ok {
		return dst, false
	}
	if n >= 0 {
		dst = append(dst, '#')
		dst = strconv.AppendInt(dst, int64(n), 10)
		return append(dst, '#'), true
	}
	n = p.next
	p.next++
	p.labels[x] = n
	dst = append(dst, '#')
	dst = strconv.AppendInt(dst, int64(n), 10)
	return append(dst, '='), false
}

// printTask is a step of value's work list: print v (rest nil, vec nil),
// go on with the list after the pair rest's car, or with the vector vec
// from its item i.
type printTask struct {
	v    Value
	rest *Pair
	vec  *Vector
	i    int
}

// value prints v, pairs and vectors included. Its work list stands for
// recursion on the cars and items, so a structure nested millions deep
// prints without overflowing the Go stack.
func (p *printer) value(dst []byte, v Value) []byte {
	work := []printTask{{v: v}}
	for len(work) > 0 {
		t := work[len(work)-1]
		work = work[:len(work)-1]
		switch {
		case t.rest != nil:
			x := t.rest
			switch next, ok := x.Cdr.(*Pair); {
			case x.Cdr == Null:
				dst = append(dst, ')')
			case ok && !p.hasLabel(next):
				dst = append(dst, ' ')
				work = append(work, printTask{rest: next}, printTask{v: next.Car})
			default:
				dst = append(dst, " . "...)
				work = append(work, printTask{v: closeParen}, printTask{v: x.Cdr})
			}
			continue
		case t.vec != nil:
			if t.i == len(t.vec.Items) {
				dst = append(dst, ')')
				continue
			}
			if t.i > 0 {
				dst = append(dst, ' ')
			}
			work = append(work, printTask{vec: t.vec, i: t.i + 1}, printTask{v: t.vec.Items[t.i]})
			continue
		}
		switch x := t.v.(type) {
		case *Pair: // (quote x) and its kin print in full, as CHICKEN prints them
			var seen bool
			if dst, seen = p.label(dst, x); !seen {
				dst = append(dst, '(')
				work = append(work, printTask{rest: x}, printTask{v: x.Car})
			}
		case *Vector:
			var seen bool
			if dst, seen = p.label(dst, x); !seen {
				dst = append(dst, "#("...)
				work = append(work, printTask{vec: x})
			}
		case closeParenT:
			dst = append(dst, ')')
		default:
			dst = p.atom(dst, x)
		}
	}
	return dst
}

// closeParen is the work list's mark for the ")" after a dotted tail.
type closeParenT struct{}

// TypeName implements Value (closeParen never leaves value).
func (closeParenT) TypeName() string { return "" }

var closeParen Value = closeParenT{}

func (p *printer) hasLabel(x Value) bool {
	if p.labels == nil {
		return false
	}
	_, ok := p.labels[x]
	return ok
}

// charWriteName is the name write gives character c: R7RS's, and
// CHICKEN's vtab and page for the two R7RS leaves unnamed (csi writes them so).
func charWriteName(c rune) (string, bool) {
	switch c {
	case 7:
		return "alarm", true
	case 8:
		return "backspace", true
	case 127:
		return "delete", true
	case 27:
		return "escape", true
	case '\n':
		return "newline", true
	case 0:
		return "null", true
	case '\r':
		return "return", true
	case ' ':
		return "space", true
	case '\t':
		return "tab", true
	case 11:
		return "vtab", true
	case 12:
		return "page", true
	}
	return "", false
}

func (p *printer) atom(dst []byte, v Value) []byte {
	write := p.mode != ModeDisplay
	if p.rec != nil && isRecord(v) {
		if b, ok := p.rec(v); ok {
			return append(dst, b...)
		}
	}
	switch x := v.(type) {
	case nil:
		return append(dst, "#<nil>"...)
	case Fixnum:
		return strconv.AppendInt(dst, int64(x), 10)
	case Flonum, *Bignum, *Ratnum, *Compnum:
		return append(dst, formatNumber(x, 10, p.prec, p.r7rs)...)
	case *Boolean:
		if x == True {
			return append(dst, "#t"...)
		}
		return append(dst, "#f"...)
	case *String:
		if !write {
			return x.AppendUTF8(dst, 0, x.Len())
		}
		return appendStringLit(dst, x, p.printStyle)
	case Char:
		if !write {
			return utf8.AppendRune(dst, rune(x))
		}
		dst = append(dst, "#\\"...)
		if x == 0 && p.r6rs {
			return append(dst, "nul"...) // R6RS's name (R7RS: null)
		}
		if x == 27 && p.r6rs {
			return append(dst, "esc"...) // R6RS's name (R7RS: escape)
		}
		if n, ok := charWriteName(rune(x)); ok && !(p.r7rs && (x == 11 || x == 12)) { // R7RS has no vtab, page
			return append(dst, n...)
		}
		if unicode.IsGraphic(rune(x)) {
			return utf8.AppendRune(dst, rune(x))
		}
		return append(dst, "x"+strconv.FormatInt(int64(x), 16)...)
	case *Symbol:
		if write && p.r6rs && x.Name != "" {
			return appendR6RSSymbol(dst, x.Name)
		}
		if !write || !symbolNeedsBars(x.Name) && !(p.foldCase && hasUpper(x.Name)) {
			return append(dst, x.Name...)
		}
		return appendBarred(dst, x.Name, p.r7rs)
	case *Keyword: // as CHICKEN: display foo:, write #:foo
		if !write {
			return append(append(dst, x.Name...), ':')
		}
		if symbolNeedsBars(x.Name) || len(x.Name) > 1 && strings.Trim(x.Name, ":") == "" { // #:|::| as csi
			return appendBarred(append(dst, "#:"...), x.Name, false)
		}
		return append(append(dst, "#:"...), x.Name...)
	case *Bytevector:
		if p.r6rs {
			dst = append(dst, "#vu8("...)
		} else {
			dst = append(dst, "#u8("...)
		}
		for i, c := range x.B {
			if i > 0 {
				dst = append(dst, ' ')
			}
			dst = strconv.AppendInt(dst, int64(c), 10)
		}
		return append(dst, ')')
	case *Blob: // as CHICKEN, written and displayed alike
		return append(hex.AppendEncode(append(dst, "#${"...), x.B), '}')
	case *NumVector:
		dst = append(append(append(dst, '#'), x.Kind.Tag...), '(')
		for i := range x.Len() {
			if i > 0 {
				dst = append(dst, ' ')
			}
			dst = AppendValue(dst, x.Ref(nil, i), ModeWrite)
		}
		return append(dst, ')')
	case *MultipleValues:
		for i, e := range x.Vals {
			if i > 0 {
				dst = append(dst, ' ')
			}
			dst = p.value(dst, e)
		}
		return dst
	case *Pair, *Vector:
		return p.value(dst, x)
	case Repr:
		return append(dst, x.Repr()...)
	}
	return append(dst, fmt.Sprintf("#<%s>", v.TypeName())...)
}

// appendStringLit writes s as write does in style st: in R6RS printing, a
// control or non-graphic character as R6RS's \x<hex>; (r6rs §4.2.7); in
// R7RS printing, one R7RS has no escape for (\v and \f among them) as
// R7RS's \x<hex>; (r7rs §6.7); else as appendHexEscape does.
func appendStringLit(dst []byte, s *String, st printStyle) []byte {
	dst = append(dst, '"')
	n := s.Len()
	for i := 0; i < n; i++ {
		c := s.Ref(i)
		switch c {
		case '"':
			dst = append(dst, `\"`...)
		case '\\':
			dst = append(dst, `\\`...)
		case '\n':
			dst = append(dst, `\n`...)
		case '\t':
			dst = append(dst, `\t`...)
		case '\r':
			dst = append(dst, `\r`...)
		case 7:
			dst = append(dst, `\a`...)
		case 8:
			dst = append(dst, `\b`...)
		case 11, 12:
			if st.r7rs {
				dst = appendR7RSHexEscape(dst, c)
			} else if c == 11 {
				dst = append(dst, `\v`...)
			} else {
				dst = append(dst, `\f`...)
			}
		default:
			if st.r7rs && (c < 0x20 || c == 0x7f || (c >= 0x80 && !unicode.IsGraphic(c))) {
				dst = appendR7RSHexEscape(dst, c)
			} else if st.r6rs && (c < 0x20 || c == 0x7f || (c >= 0x80 && !unicode.IsGraphic(c))) {
				dst = appendR6RSHexEscape(dst, c)
			} else if c < 0x20 || c == 0x7f || (c >= 0x80 && !unicode.IsGraphic(c)) {
				dst = appendHexEscape(dst, c, func(j int) (rune, bool) {
					if i+j >= n {
						return 0, false
					}
					return s.Ref(i + j), true
				})
			} else {
				dst = utf8.AppendRune(dst, c)
			}
		}
	}
	return append(dst, '"')
}

// appendHexEscape writes the escape of c, a control or non-graphic
// character of a string or |symbol|, as CHICKEN's writer does for 8-bit
// codes (\xNN, two digits, which csi and our reader both read), unless the
// characters after it, next(1), next(2), …, would make our reader take a
// longer R7RS \x<hex>; escape (hex digits up to a ;): then, and for codes
// above 0xff, it writes the R7RS form \x<hex>;.
func appendHexEscape(dst []byte, c rune, next func(int) (rune, bool)) []byte {
	dst = append(dst, `\x`...)
	if c <= 0xff && !hexRunThenSemicolon(next) {
		return append(dst, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
	}
	dst = strconv.AppendInt(dst, int64(c), 16)
	return append(dst, ';')
}

// hexRunThenSemicolon reports whether the characters next(1), next(2), …
// are at most six hex digits followed by a semicolon.
func hexRunThenSemicolon(next func(int) (rune, bool)) bool {
	for j := 1; j <= 7; j++ {
		d, ok := next(j)
		switch {
		case !ok:
			return false
		case d == ';':
			return true
		case j == 7 || d > 0x7f || digitVal(byte(d)) >= 16:
			return false
		}
	}
	return false
}

// appendBarred writes name in bars, |…|, escaping | and \ and a control
// character: as R7RS's \x<hex>; when r7rs, else as csi does.
func appendBarred(dst []byte, name string, r7rs bool) []byte {
	dst = append(dst, '|')
	rs := []rune(name)
	for i, c := range rs {
		switch {
		case c == '|' || c == '\\':
			dst = append(dst, '\\', byte(c))
		case r7rs && (c < 0x20 || c == 0x7f):
			dst = appendR7RSHexEscape(dst, c)
		case c < 0x20 || c == 0x7f: // as csi: \x0a for a newline too
			dst = appendHexEscape(dst, c, func(j int) (rune, bool) {
				if i+j >= len(rs) {
					return 0, false
				}
				return rs[i+j], true
			})
		default:
			dst = utf8.AppendRune(dst, c)
		}
	}
	return append(dst, '|')
}

// symbolNeedsBars reports whether a symbol name would not read back as the
// same symbol without |…|.
// appendR6RSSymbol writes a symbol R6RS has no plain spelling for with
// inline hex escapes (R6RS §4.2.4: hello\x20;world), as an R6RS system
// writes it.
func appendR6RSSymbol(dst []byte, name string) []byte {
	if name == "+" || name == "-" || name == "..." || strings.HasPrefix(name, "->") { // peculiar identifiers
		return append(dst, name...)
	}
	for i, c := range name {
		switch {
		case unicode.IsLetter(c) || strings.ContainsRune("!$%&*/:<=>?^_~", c),
			i > 0 && (unicode.IsDigit(c) || strings.ContainsRune("+-.@", c)):
			dst = utf8.AppendRune(dst, c)
		default:
			dst = appendR6RSHexEscape(dst, c)
		}
	}
	return dst
}

// appendR6RSHexEscape writes c as R6RS's \x<hex>; escape, in upper case
// as Chez Scheme writes it.
func appendR6RSHexEscape(dst []byte, c rune) []byte {
	dst = append(dst, `\x`...)
	dst = append(dst, strings.ToUpper(strconv.FormatInt(int64(c), 16))...)
	return append(dst, ';')
}

// appendR7RSHexEscape writes c as R7RS's \x<hex>; escape, in lower case.
func appendR7RSHexEscape(dst []byte, c rune) []byte {
	dst = append(dst, `\x`...)
	dst = strconv.AppendInt(dst, int64(c), 16)
	return append(dst, ';')
}

// hasUpper reports whether name has a letter a case-folding read would
// change.
func hasUpper(name string) bool {
	for _, c := range name {
		if unicode.ToLower(c) != c {
			return true
		}
	}
	return false
}

func symbolNeedsBars(name string) bool {
	if name == "" || name == "." {
		return true
	}
	if _, ok := ParseNumber(name, 10); ok {
		return true
	}
	if (name[0] == '#' && (len(name) < 3 || name[1] != '#')) || (len(name) > 1 && (name[0] == ':' || name[len(name)-1] == ':') && strings.Trim(name, ":") != "") {
		return true
	}
	for _, c := range name {
		if unicode.IsSpace(c) || !unicode.IsGraphic(c) || strings.ContainsRune("()[]{}\"';`,|", c) {
			return true
		}
	}
	return false
}
