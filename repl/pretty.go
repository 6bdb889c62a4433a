// pretty: the pretty printer of ,pp.

package repl

import (
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// ppWidth is the line width ,pp fills.
const ppWidth = 72

// bodyForms are the forms whose body ,pp indents by two columns after
// their first n subforms, as Scheme code is usually laid out.
var bodyForms = map[string]int{
	"define": 1, "lambda": 1, "let": 1, "let*": 1, "letrec": 1, "letrec*": 1, "when": 1, "unless": 1,
	"do": 2, "case": 1, "let-values": 1, "let*-values": 1, "parameterize": 1, "guard": 1,
	"define-record-type": 2, "define-syntax": 1, "syntax-rules": 1, "named-lambda": 1, "fluid-let": 1,
	"handle-exceptions": 2, "receive": 2, "dynamic-wind": 0, "begin": 0,
}

// pretty writes v as write does, breaking lists and vectors that do not
// fit in the line over several lines.
func pretty(v scheme.Value) string {
	var b strings.Builder
	ppValue(&b, v, 0)
	b.WriteString("\n")
	return b.String()
}

// ppValue writes v starting at column col.
func ppValue(b *strings.Builder, v scheme.Value, col int) {
	flat := scheme.WriteString(v)
	if col+len([]rune(flat)) <= ppWidth {
		b.WriteString(flat)
		return
	}
	var items []scheme.Value
	open, close := "(", ")"
	switch x := v.(type) {
	case *scheme.Pair:
		l, ok := scheme.ListToSlice(x)
		if !ok {
			b.WriteString(flat) // improper lists print flat
			return
		}
		items = l
	case *scheme.Vector:
		items, open = x.Items, "#("
	default:
		b.WriteString(flat)
		return
	}
	if len(items) == 0 {
		b.WriteString(flat)
		return
	}
	b.WriteString(open)
	col += len(open)
	head, isSym := items[0].(*scheme.Symbol)
	n, isBody := 0, false
	if isSym && open == "(" {
		n, isBody = bodyForms[head.Name]
		if _, named := items[min(1, len(items)-1)].(*scheme.Symbol); named && head.Name == "let" && len(items) > 2 {
			n = 2 // (let name ((var init) …) body …)
		}
	}
	switch {
	case isBody:
		// (define (f x)
		//   body)
		b.WriteString(head.Name)
		for i := 1; i <= n && i < len(items); i++ {
			b.WriteString(" ")
			ppValue(b, items[i], col+len(head.Name)+1)
		}
		for _, it := range items[min(n+1, len(items)):] {
			b.WriteString("\n" + strings.Repeat(" ", col+1))
			ppValue(b, it, col+1)
		}
	case isSym:
		// (f a
		//    b)
		b.WriteString(head.Name + " ")
		inner := col + len(head.Name) + 1
		for i, it := range items[1:] {
			if i > 0 {
				b.WriteString("\n" + strings.Repeat(" ", inner))
			}
			ppValue(b, it, inner)
		}
	default:
		for i, it := range items {
			if i > 0 {
				b.WriteString("\n" + strings.Repeat(" ", col))
			}
			ppValue(b, it, col)
		}
	}
	b.WriteString(close)
}
