// print: writing results and uncaught errors.

package repl

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// writeResults writes v with write: several values one per line, nothing
// for an unspecified value or (values).
func writeResults(w io.Writer, v scheme.Value) {
	if v == nil || v == scheme.Unspecified {
		return
	}
	if mv, ok := v.(*scheme.MultipleValues); ok {
		for _, x := range mv.Vals {
			if x == scheme.Unspecified {
				continue
			}
			fmt.Fprintln(w, scheme.WriteString(x))
		}
		return
	}
	fmt.Fprintln(w, scheme.WriteString(v))
}

// FormatError formats an error returned by Eval, Load or [EvalPrint] as the
// REPL prints it. An uncaught condition is rendered by
// [scheme.FormatCondition]: an "Error:" line with location, message and
// irritants, then the kinds, the other kinds' properties (so the openssl
// status, reason …) and the call stack. A read error prints as
// "Error: read: FILE:LINE:COL: MESSAGE". The result ends with a newline.
func FormatError(err error) string {
	var se *scheme.Error
	var re *scheme.ReadError
	switch {
	case errors.As(err, &se):
		s := scheme.FormatCondition(se.Condition)
		if c, ok := se.Condition.(*scheme.Condition); (!ok || len(c.Stack) == 0) && len(se.Stack) > 0 {
			s += formatStack(se.Stack)
		}
		return s
	case errors.As(err, &re):
		return "Error: read: " + re.Error() + "\n"
	}
	return "Error: " + err.Error() + "\n"
}

// formatStack renders a call stack as scheme.FormatCondition does.
func formatStack(stack []scheme.StackFrame) string {
	var b strings.Builder
	b.WriteString("  call stack (innermost first):\n")
	for _, f := range stack {
		name := f.Name
		if name == "" {
			name = "<anonymous>"
		}
		b.WriteString("    " + f.Pos.String() + ": " + name + "\n")
	}
	return b.String()
}
