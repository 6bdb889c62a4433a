// CHICKEN's (chicken pretty-print): pp and pretty-print, breaking lines at pretty-print-width.

// Package chickenprettyprint is the (chicken pretty-print) library: pp,
// pretty-print and the pretty-print-width parameter.
package chickenprettyprint

import (
	"strings"

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
	{Name: "pretty-print", Spec: spec, Args: scheme.Lambda(scheme.Req("exp", nil), scheme.Opt("port", typePort, nil)),
		Doc: "Writes exp to port (default the current output port) as write does, followed by a newline, breaking lines and indenting so that they fit in pretty-print-width where possible.",
		Fn:  prettyPrint},
	{Name: "pp", Spec: spec, Args: scheme.Lambda(scheme.Req("exp", nil), scheme.Opt("port", typePort, nil)),
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

// bodyForms are the special forms whose body is indented by two columns
// after the given number of leading operands kept on the first line.
var bodyForms = map[string]int{"define": 1, "lambda": 1, "let": 1, "let*": 1, "letrec": 1, "letrec*": 1,
	"let-values": 1, "let*-values": 1, "when": 1, "unless": 1, "do": 2, "case": 1, "define-syntax": 1,
	"syntax-rules": 1, "parameterize": 1, "fluid-let": 1, "receive": 2, "define-record-type": 2,
	"with-exception-handler": 0, "begin": 0, "module": 2, "define-library": 1, "cond": 0, "guard": 1,
	"dynamic-wind": 0, "handle-exceptions": 2, "condition-case": 1}

// Format writes v to b as pretty-print does (without the final newline),
// fitting lines in width columns where possible. write renders a datum on
// one line as write does (nil: [scheme.WriteString]); a caller with a
// thread passes one that calls record printers ([scheme.Thread.AppendValue]).
func Format(b *strings.Builder, v scheme.Value, width int, write func(scheme.Value) string) {
	if write == nil {
		write = scheme.WriteString
	}
	f := formatter{b: b, width: width, flat: write}
	f.pp(v, 0)
}

// formatter is one pretty-printing run.
type formatter struct {
	b     *strings.Builder
	width int
	flat  func(scheme.Value) string
}

// oneLine renders v on one line as write does, but abbreviating (quote x)
// to 'x and its kin as CHICKEN's pp does; a cyclic v is left to write (its
// datum labels).
func (f formatter) oneLine(v scheme.Value) string {
	if cyclic(v, map[scheme.Value]bool{}) {
		return f.flat(v)
	}
	var b strings.Builder
	f.abbrev(&b, v)
	return b.String()
}

// abbrev writes the acyclic v to b for oneLine.
func (f formatter) abbrev(b *strings.Builder, v scheme.Value) {
	switch x := v.(type) {
	case *scheme.Pair:
		if items, proper := scheme.ListToSlice(x); proper {
			if q := quoteAbbrev(items); q != "" {
				b.WriteString(q)
				f.abbrev(b, items[1])
				return
			}
		}
		b.WriteByte('(')
		for {
			f.abbrev(b, x.Car)
			next, ok := x.Cdr.(*scheme.Pair)
			if !ok {
				break
			}
			b.WriteByte(' ')
			x = next
		}
		if x.Cdr != scheme.Null {
			b.WriteString(" . ")
			f.abbrev(b, x.Cdr)
		}
		b.WriteByte(')')
	case *scheme.Vector:
		b.WriteString("#(")
		for i, it := range x.Items {
			if i > 0 {
				b.WriteByte(' ')
			}
			f.abbrev(b, it)
		}
		b.WriteByte(')')
	default:
		b.WriteString(f.flat(v))
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

// pp writes v starting at column col.
func (f formatter) pp(v scheme.Value, col int) {
	b, width := f.b, f.width
	s := f.oneLine(v)
	if col+len([]rune(s)) <= width {
		b.WriteString(s)
		return
	}
	switch x := v.(type) {
	case *scheme.Pair:
		items, proper := scheme.ListToSlice(x)
		if !proper || len(items) == 0 {
			b.WriteString(s)
			return
		}
		if q := quoteAbbrev(items); q != "" {
			b.WriteString(q)
			f.pp(items[1], col+len(q))
			return
		}
		f.list(items, col, "(", ")")
	case *scheme.Vector:
		f.list(x.Items, col, "#(", ")")
	default:
		b.WriteString(s)
	}
}

func quoteAbbrev(items []scheme.Value) string {
	if len(items) != 2 {
		return ""
	}
	sym, ok := items[0].(*scheme.Symbol)
	if !ok {
		return ""
	}
	return map[string]string{"quote": "'", "quasiquote": "`", "unquote": ",", "unquote-splicing": ",@"}[sym.Name]
}

// list writes items broken over lines: a body form keeps its leading
// operands on the first line and indents its body by two; a call with a
// symbol head aligns its arguments under the first; other lists align
// every element under the first.
func (f formatter) list(items []scheme.Value, col int, open, close string) {
	b, width := f.b, f.width
	b.WriteString(open)
	inner := col + len(open)
	head, isSym := items[0].(*scheme.Symbol)
	nkeep, body := 0, false
	if isSym && open == "(" {
		nkeep, body = bodyForms[head.Name]
		if _, named := items[min(1, len(items)-1)].(*scheme.Symbol); named && head.Name == "let" {
			nkeep = 2 // named let
		}
	}
	switch {
	case body:
		b.WriteString(head.Name)
		c := inner + len(head.Name)
		i := 1
		for ; i <= nkeep && i < len(items); i++ {
			b.WriteByte(' ')
			f.pp(items[i], c+1)
			c = lastCol(b)
		}
		for ; i < len(items); i++ {
			newline(b, col+2)
			f.pp(items[i], col+2)
		}
	case isSym && open == "(" && len(items) > 1 && inner+len(head.Name)+1 < width/2+col/2:
		b.WriteString(head.Name + " ")
		argCol := inner + len(head.Name) + 1
		for i, it := range items[1:] {
			if i > 0 {
				newline(b, argCol)
			}
			f.pp(it, argCol)
		}
	default:
		for i, it := range items {
			if i > 0 {
				newline(b, inner)
			}
			f.pp(it, inner)
		}
	}
	b.WriteString(close)
}

func newline(b *strings.Builder, col int) {
	b.WriteByte('\n')
	b.WriteString(strings.Repeat(" ", col))
}

// lastCol is the column after the text of b's last line.
func lastCol(b *strings.Builder) int {
	s := b.String()
	return len([]rune(s[strings.LastIndexByte(s, '\n')+1:]))
}
