// print: writing results and uncaught errors (the short report, the full one of ,exn, the stack of ,bt).

package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

// writeResults writes v with write as in prints it (record printers
// included): several values one per line, nothing for an unspecified value
// or (values). The error is a record printer's.
func writeResults(ctx context.Context, in *scheme.Interp, w io.Writer, v scheme.Value) error {
	for _, x := range valuesOf(v) {
		if x == nil || x == scheme.Unspecified {
			continue
		}
		s, err := in.WriteValue(ctx, x, scheme.ModeWrite)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, s)
	}
	return nil
}

// valuesOf returns the values of an evaluation's result: those of several
// values, else the result alone.
func valuesOf(v scheme.Value) []scheme.Value {
	if mv, ok := v.(*scheme.MultipleValues); ok {
		return mv.Vals
	}
	return []scheme.Value{v}
}

// FormatError formats an error returned by Eval, Load or [EvalPrint] as the
// REPL prints it; the result ends with a newline.
//
// A TLS condition (kind openssl) reads at a glance, in 2 to 4 lines: what
// failed and why; the status with the verification error in words or the
// alert; the peer; where in the program. Any other condition is rendered
// by [scheme.FormatCondition]: an "Error:" line with location, message and
// irritants, then its kinds, the other kinds' properties and the call
// stack. A read error prints as "Error: read: FILE:LINE:COL: MESSAGE".
// [FormatErrorFull] gives every property of any condition.
func FormatError(err error) string {
	var se *scheme.Error
	var re *scheme.ReadError
	switch {
	case errors.As(err, &se):
		if c, ok := se.Condition.(*scheme.Condition); ok && c.Has("openssl") {
			return formatTLS(c, stackOf(se))
		}
		return formatCondition(se)
	case errors.As(err, &re):
		return "Error: read: " + re.Error() + "\n"
	}
	return "Error: " + err.Error() + "\n"
}

// FormatErrorFull formats an error in full, as ,exn shows it: for a
// condition the "Error:" line, every kind and every property of every
// kind, the Scheme call stack and the Go error behind it.
func FormatErrorFull(err error) string {
	var se *scheme.Error
	if !errors.As(err, &se) {
		return FormatError(err)
	}
	s := formatCondition(se)
	c, isCond := se.Condition.(*scheme.Condition)
	if isCond && c.Has("exn") {
		s += formatExnProps(c)
	}
	if isCond && c.Cause != nil {
		s += "  go error: " + c.Cause.Error() + "\n"
	}
	return s
}

// formatCondition renders an uncaught object with scheme.FormatCondition,
// adding the stack Eval recorded when the condition has none.
func formatCondition(se *scheme.Error) string {
	s := scheme.FormatCondition(se.Condition)
	if c, ok := se.Condition.(*scheme.Condition); (!ok || len(c.Stack) == 0) && len(se.Stack) > 0 {
		s += formatStack(se.Stack)
	}
	return s
}

// formatExnProps lists the exn kind's properties, which the "Error:" line
// shows only in part.
func formatExnProps(c *scheme.Condition) string {
	var b strings.Builder
	for _, k := range c.Kinds {
		if k.Kind.Name != "exn" {
			continue
		}
		for i := 0; i+1 < len(k.Props); i += 2 {
			b.WriteString("  exn." + scheme.DisplayString(k.Props[i]) + ": " + scheme.WriteString(k.Props[i+1]) + "\n")
		}
	}
	return b.String()
}

// stackOf returns the call stack of an uncaught error: the condition's
// own, else the one Eval recorded.
func stackOf(se *scheme.Error) []scheme.StackFrame {
	if c, ok := se.Condition.(*scheme.Condition); ok && len(c.Stack) > 0 {
		return c.Stack
	}
	return se.Stack
}

// formatStack renders a call stack as scheme.FormatCondition does.
func formatStack(stack []scheme.StackFrame) string {
	var b strings.Builder
	b.WriteString("  call stack (innermost first):\n")
	for _, f := range stack {
		b.WriteString("    " + f.String() + "\n")
	}
	return b.String()
}

// prop returns kind.prop of c, or nil when it is absent or #f.
func prop(c *scheme.Condition, kind, name string) scheme.Value {
	v, ok := c.Get(kind, name)
	if !ok || v == scheme.Value(scheme.False) {
		return nil
	}
	return v
}

// text renders a property for a sentence: strings and symbols as they
// are, other objects written.
func text(v scheme.Value) string {
	switch v.(type) {
	case *scheme.String, *scheme.Symbol:
		return scheme.DisplayString(v)
	}
	return scheme.WriteString(v)
}

// formatTLS is the short report of an openssl condition.
func formatTLS(c *scheme.Condition, stack []scheme.StackFrame) string {
	var b strings.Builder
	// 1: what failed, and why.
	b.WriteString("Error: ")
	loc := prop(c, "exn", "location")
	switch {
	case loc != nil:
		b.WriteString("(" + text(loc) + ") ")
	case len(stack) > 0 && stack[0].Name != "":
		b.WriteString("(" + stack[0].Name + ") ")
	}
	what := "TLS"
	if f := prop(c, "openssl", "function"); f != nil && text(f) != "" {
		what = "TLS " + text(f)
	}
	reason := ""
	if r := prop(c, "openssl", "reason"); r != nil {
		reason = strings.TrimPrefix(text(r), "tlsport: ")
	}
	if reason == "" {
		reason = c.Message()
	}
	b.WriteString(what + " failed: " + reason + "\n")

	// 2: status, then the verification error in words, or the alert.
	var st []string
	if s := prop(c, "openssl", "status"); s != nil {
		st = append(st, "status "+text(s))
	}
	if vm := prop(c, "openssl", "verify-message"); vm != nil {
		v := "verify error: " + text(vm)
		var more []string
		if ve := prop(c, "openssl", "verify-error"); ve != nil {
			more = append(more, text(ve))
		}
		if d := prop(c, "openssl", "depth"); d != nil {
			more = append(more, "depth "+text(d))
		}
		if len(more) > 0 {
			v += " (" + strings.Join(more, ", ") + ")"
		}
		st = append(st, v)
	} else if ad := prop(c, "openssl", "alert-description"); ad != nil {
		a := "alert " + text(ad)
		if o := prop(c, "openssl", "alert-origin"); o != nil {
			a += " (" + text(o) + ")"
		}
		st = append(st, a)
	}
	if e := prop(c, "openssl", "errno-name"); e != nil {
		st = append(st, "errno "+text(e))
	}
	if prop(c, "openssl", "eof") == scheme.Value(scheme.True) {
		st = append(st, "unexpected end of stream")
	}
	if ms := prop(c, "timeout", "ms"); ms != nil {
		st = append(st, "timed out after "+text(ms)+" ms")
	}
	if len(st) > 0 {
		b.WriteString("  " + strings.Join(st, "; ") + "\n")
	}

	// 3: the peer: the procedure's arguments (host, port) and certificate.
	var peer []string
	if args, ok := c.Get("exn", "arguments"); ok {
		if l, ok := scheme.ListToSlice(args); ok {
			for _, a := range l {
				peer = append(peer, text(a))
			}
		}
	}
	if cert := prop(c, "openssl", "certificate"); cert != nil {
		s := scheme.WriteString(cert)
		if in, ok := strings.CutPrefix(s, "#<ssl-certificate "); ok {
			s = "certificate " + strings.TrimSuffix(in, ">")
		}
		peer = append(peer, s)
	}
	if len(peer) > 0 {
		b.WriteString("  peer: " + strings.Join(peer, ", ") + "\n")
	}

	// 4: where in the program: the innermost call with a source position,
	// else the procedure the failing call was made in.
	where := ""
	for _, f := range stack {
		if f.Pos.Line > 0 {
			where = "at " + f.Pos.String()
			if f.In != "" {
				where += " in " + f.In
			}
			break
		}
	}
	if where == "" && len(stack) > 0 && stack[0].In != "" {
		where = "in " + stack[0].In
	}
	if where != "" {
		b.WriteString("  " + where + "\n")
	}
	return b.String()
}
