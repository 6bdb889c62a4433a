// suggest: the closest bound name to a misspelt one.

package repl

import (
	"errors"

	"github.com/tlsport/tlsport/scheme"
)

// didYouMean returns " — did you mean NAME?" for the bound name closest
// to name, or "" when none is close.
func (s *session) didYouMean(name string) string {
	if c := scheme.Closest(name, s.completions()); c != "" {
		return " — did you mean " + c + "?"
	}
	return ""
}

// unboundHint returns the suggestion for an unbound-variable error, or "".
func (s *session) unboundHint(err error) string {
	var se *scheme.Error
	if !errors.As(err, &se) {
		return ""
	}
	c, ok := se.Condition.(*scheme.Condition)
	if !ok || c.Message() != "unbound variable" {
		return ""
	}
	args, _ := c.Get("exn", "arguments")
	l, _ := scheme.ListToSlice(args)
	if len(l) != 1 {
		return ""
	}
	sym, ok := l[0].(*scheme.Symbol)
	if !ok {
		return ""
	}
	if c := scheme.Closest(sym.Name, s.completions()); c != "" {
		return "  did you mean " + c + "?\n"
	}
	return ""
}
