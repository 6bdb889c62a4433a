// CHICKEN's (chicken pretty-print): pp and pretty-print, breaking lines at pretty-print-width.

// Package chickenprettyprint is the (chicken pretty-print) library: pp,
// pretty-print and the pretty-print-width parameter.
package chickenprettyprint

import (
	"strings"
	"unicode/utf8"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken pretty-print)"

// Width is the pretty-print-width parameter: the maximal line width.
var Width = &scheme.ParamDef{Name: "pretty-print-width", Spec: spec, Sig: "(pretty-print-width [width])",
	Doc: "The maximal line width of pretty-printed output (default 79), after which lines are wrapped.", Default: scheme.Fixnum(79),
	Convert: func(th *scheme.Thread, v scheme.Value) (scheme.Value, error) {
		if n, ok := v.(scheme.Fixnum); ok && n > 0 {
			return v, nil
		}
		return nil, scheme.TypeError("pretty-print-width", 1, "positive fixnum", v)
	}}

var typePort = scheme.TypeOutputPort

var procs = []scheme.Proc{
	{Name: "pretty-print", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("exp", nil), scheme.Opt("port", typePort, nil)) },
		Doc: "Writes exp to port (default the current output port) as write does, followed by a newline, breaking lines and indenting so that they fit in pretty-print-width where possible.",
		Fn:  prettyPrint},
	{Name: "pp", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("exp", nil), scheme.Opt("port", typePort, nil)) },
		Doc: "Same as pretty-print.",
		Fn:  prettyPrint},
}

// Library is the (chicken pretty-print) binding table.
var Library = &scheme.Library{Name: "(chicken pretty-print)", Doc: "CHICKEN 5's (chicken pretty-print): pp and pretty-print.", Procs: procs,
	Parameters: []*scheme.ParamDef{Width}}

// Print is the pretty-print procedure, for Go callers (the REPL's ,pp):
// it prints to the current output port.
var Print = scheme.NewPrimitive(Library, &procs[0])

// prettyPrint implements pretty-print and pp.
func prettyPrint(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	p, err := scheme.OutputPortArg(th, a, 1)
	if err != nil {
		return nil, err
	}
	width := 79
	if n, ok := th.Param(Width).(scheme.Fixnum); ok {
		width = int(n)
	}
	var perr error
	write := func(v scheme.Value) string {
		s, err := th.AppendValue(nil, v, scheme.ModeWrite)
		if perr == nil {
			perr = err
		}
		return string(s)
	}
	var b strings.Builder
	Format(&b, a[0], width, write)
	if perr != nil {
		return nil, perr
	}
	b.WriteByte('\n')
	return scheme.Unspecified, p.Write(th.Context(), []byte(b.String()))
}

// Format writes v to b as pretty-print does (without the final newline),
// fitting lines in width columns where possible. write renders a datum on
// one line as write does (nil: [scheme.WriteString]); a caller with a
// thread passes one that calls record printers ([scheme.Thread.AppendValue]).
//
// The layout is CHICKEN's, whose pp is Marc Feeley's generic-write: a list
// stays on one line when it fits (with the parentheses closing after it)
// or is shorter than maxExprWidth; else a
// form whose head is a known keyword keeps its leading operands on the
// first line and indents its body by indentGeneral, a call with a short
// head aligns its arguments after the head, and any other list puts one
// element per line under the first.
func Format(b *strings.Builder, v scheme.Value, width int, write func(scheme.Value) string) {
	if write == nil {
		write = scheme.WriteString
	}
	f := formatter{b: b, width: width, flat: write}
	if cyclic(v, map[scheme.Value]bool{}) { // generic-write would not end
		b.WriteString(write(v))
		return
	}
	f.pr(v, 0, 0, f.ppExpr)
}

// generic-write's style constants.
const (
	indentGeneral    = 2
	maxCallHeadWidth = 5
	maxExprWidth     = 50
	unlimited        = 1 << 30
)

// formatter is one pretty-printing run.
type formatter struct {
	b     *strings.Builder
	width int
	flat  func(scheme.Value) string
}

// ppItem lays out a pair starting at col, extra being the columns of
// closing parentheses that follow it; it returns the column after it.
type ppItem func(x *scheme.Pair, col, extra int) int

func (f formatter) out(s string, col int) int {
	f.b.WriteString(s)
	return col + utf8.RuneCountInString(s)
}

// wr writes v on one line.
func (f formatter) wr(v scheme.Value, col int) int {
	s, _ := f.oneLine(v, unlimited)
	return f.out(s, col)
}

// indent moves to column to: on a new line if col is past it.
func (f formatter) indent(to, col int) int {
	if to < col {
		f.b.WriteByte('\n')
		col = 0
	}
	return f.out(strings.Repeat(" ", to-col), col)
}

// pr writes v at col: on one line if it fits, else a pair by pp and a
// vector as a list.
func (f formatter) pr(v scheme.Value, col, extra int, pp ppItem) int {
	switch x := v.(type) {
	case *scheme.Pair, *scheme.Vector:
		if s, ok := f.oneLine(v, max(f.width-col-extra, maxExprWidth-1)); ok {
			return f.out(s, col)
		}
		if p, ok := x.(*scheme.Pair); ok {
			return pp(p, col, extra)
		}
		return f.ppList(scheme.List(x.(*scheme.Vector).Items...), f.out("#", col), extra, f.ppExpr)
	}
	return f.wr(v, col)
}

func (f formatter) ppExpr(x *scheme.Pair, col, extra int) int {
	if prefix, body, ok := readMacro(x); ok {
		return f.pr(body, f.out(prefix, col), extra, f.ppExpr)
	}
	head, ok := x.Car.(*scheme.Symbol)
	if !ok {
		return f.ppList(x, col, extra, f.ppExpr)
	}
	switch head.Name {
	case "lambda", "let*", "letrec", "letrec*", "define":
		return f.ppGeneral(x, col, extra, false, f.ppExprList, nil, f.ppExpr)
	case "if", "set!":
		return f.ppGeneral(x, col, extra, false, f.ppExpr, nil, f.ppExpr)
	case "cond":
		return f.ppCall(x, col, extra, f.ppExprList)
	case "case":
		return f.ppGeneral(x, col, extra, false, f.ppExpr, nil, f.ppExprList)
	case "and", "or":
		return f.ppCall(x, col, extra, f.ppExpr)
	case "let":
		rest, named := x.Cdr.(*scheme.Pair)
		if named {
			_, named = rest.Car.(*scheme.Symbol)
		}
		return f.ppGeneral(x, col, extra, named, f.ppExprList, nil, f.ppExpr)
	case "begin":
		return f.ppGeneral(x, col, extra, false, nil, nil, f.ppExpr)
	case "do":
		return f.ppGeneral(x, col, extra, false, f.ppExprList, f.ppExprList, f.ppExpr)
	}
	if utf8.RuneCountInString(head.Name) > maxCallHeadWidth {
		return f.ppGeneral(x, col, extra, false, nil, nil, f.ppExpr)
	}
	return f.ppCall(x, col, extra, f.ppExpr)
}

func (f formatter) ppExprList(x *scheme.Pair, col, extra int) int {
	return f.ppList(x, col, extra, f.ppExpr)
}

// ppCall writes (head item1
//
//	item2)
func (f formatter) ppCall(x *scheme.Pair, col, extra int, pp ppItem) int {
	c := f.wr(x.Car, f.out("(", col))
	return f.ppDown(x.Cdr, c, c+1, extra, pp)
}

// ppList writes (item1
//
//	item2)
func (f formatter) ppList(l scheme.Value, col, extra int, pp ppItem) int {
	col = f.out("(", col)
	return f.ppDown(l, col, col, extra, pp)
}

// ppDown writes the elements of l one per line at col2 (the first where
// col1 is), then the closing parenthesis.
func (f formatter) ppDown(l scheme.Value, col1, col2, extra int, pp ppItem) int {
	col := col1
	for {
		switch x := l.(type) {
		case *scheme.Pair:
			ex := 0
			if x.Cdr == scheme.Null {
				ex = extra + 1
			}
			col = f.pr(x.Car, f.indent(col2, col), ex, pp)
			l = x.Cdr
		default:
			if l != scheme.Null {
				col = f.pr(l, f.indent(col2, f.out(".", f.indent(col2, col))), extra+1, pp)
			}
			return f.out(")", col)
		}
	}
}

// ppGeneral writes a form with its head (and name, when named) on the
// first line, then up to two operands laid out by pp1 and pp2 after them,
// then the rest by pp3 indented by indentGeneral.
func (f formatter) ppGeneral(x *scheme.Pair, col, extra int, named bool, pp1, pp2, pp3 ppItem) int {
	c := f.wr(x.Car, f.out("(", col))
	rest := x.Cdr
	if p, ok := rest.(*scheme.Pair); ok && named {
		c = f.wr(p.Car, f.out(" ", c))
		rest = p.Cdr
	}
	col1, col2, col3 := col+indentGeneral, c, c+1
	for _, pp := range []ppItem{pp1, pp2} {
		p, ok := rest.(*scheme.Pair)
		if pp == nil || !ok {
			continue
		}
		rest = p.Cdr
		ex := 0
		if rest == scheme.Null {
			ex = extra + 1
		}
		col2 = f.pr(p.Car, f.indent(col3, col2), ex, pp)
	}
	return f.ppDown(rest, col2, col1, extra, pp3)
}

// readMacro reports whether x is (quote d) or its kin, with the prefix
// that abbreviates it and d.
func readMacro(x *scheme.Pair) (prefix string, body scheme.Value, ok bool) {
	sym, isSym := x.Car.(*scheme.Symbol)
	rest, isPair := x.Cdr.(*scheme.Pair)
	if !isSym || !isPair || rest.Cdr != scheme.Null {
		return "", nil, false
	}
	prefix, ok = map[string]string{"quote": "'", "quasiquote": "`", "unquote": ",", "unquote-splicing": ",@"}[sym.Name]
	return prefix, rest.Car, ok
}

// oneLine renders the acyclic v on one line as write does, but
// abbreviating (quote x) to 'x and its kin as generic-write does; ok is
// false, and the rendering cut short, once it is longer than limit
// characters.
func (f formatter) oneLine(v scheme.Value, limit int) (string, bool) {
	o := oneLiner{f: f, left: limit}
	o.write(v)
	return o.b.String(), o.left >= 0
}

// oneLiner is one rendering of oneLine.
type oneLiner struct {
	f    formatter
	b    strings.Builder
	left int // characters still allowed; negative: over the limit
}

func (o *oneLiner) put(s string) {
	o.b.WriteString(s)
	o.left -= utf8.RuneCountInString(s)
}

func (o *oneLiner) write(v scheme.Value) {
	if o.left < 0 {
		return
	}
	switch x := v.(type) {
	case *scheme.Pair:
		if prefix, body, ok := readMacro(x); ok {
			o.put(prefix)
			o.write(body)
			return
		}
		o.put("(")
		for o.left >= 0 {
			o.write(x.Car)
			next, ok := x.Cdr.(*scheme.Pair)
			if !ok {
				break
			}
			o.put(" ")
			x = next
		}
		if x.Cdr != scheme.Null {
			o.put(" . ")
			o.write(x.Cdr)
		}
		o.put(")")
	case *scheme.Vector:
		o.put("#(")
		for i, it := range x.Items {
			if i > 0 {
				o.put(" ")
			}
			o.write(it)
		}
		o.put(")")
	default:
		o.put(o.f.flat(v))
	}
}

// cyclic reports whether v's pairs and vectors reach themselves; onPath
// holds those of the path walked so far.
func cyclic(v scheme.Value, onPath map[scheme.Value]bool) bool {
	switch x := v.(type) {
	case *scheme.Pair: // the spine iteratively: a long list is not a deep recursion
		var spine []*scheme.Pair
		defer func() {
			for _, p := range spine {
				delete(onPath, p)
			}
		}()
		for {
			if onPath[x] {
				return true
			}
			onPath[x] = true
			spine = append(spine, x)
			if cyclic(x.Car, onPath) {
				return true
			}
			next, ok := x.Cdr.(*scheme.Pair)
			if !ok {
				return cyclic(x.Cdr, onPath)
			}
			x = next
		}
	case *scheme.Vector:
		if onPath[x] {
			return true
		}
		onPath[x] = true
		defer delete(onPath, x)
		for _, it := range x.Items {
			if cyclic(it, onPath) {
				return true
			}
		}
	}
	return false
}
