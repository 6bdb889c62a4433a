// Error values crossing between Go and Scheme: Error, ExitError and the primitive error helpers.

package scheme

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
)

// Pos is a source position; Line and Col are 1-based, 0 means unknown.
type Pos struct {
	File      string
	Line, Col int
}

// String formats the position as file:line:col.
func (p Pos) String() string {
	if p.Line == 0 {
		if p.File == "" {
			return "?"
		}
		return p.File
	}
	f := p.File
	if f == "" {
		f = "<input>"
	}
	return f + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// StackFrame is one entry of a Scheme call stack.
type StackFrame struct {
	Name string // name of the procedure called, "" if unknown
	In   string // name of the procedure containing the call site, "" at top level
	Pos  Pos    // call site
}

// String renders the frame as "file:line:col: name (in caller)".
func (f StackFrame) String() string {
	name := f.Name
	if name == "" {
		name = "<anonymous>"
	}
	s := f.Pos.String() + ": " + name
	if f.In != "" {
		s += " (in " + f.In + ")"
	}
	return s
}

// Error is what Eval, EvalString and Load return when Scheme code raises
// an object nobody catches. Condition is the raised object (usually a
// *Condition). Unwrap reaches the Go cause, if any.
type Error struct {
	Condition Value
	Stack     []StackFrame // innermost first
	Cause     error
}

// Error implements error.
func (e *Error) Error() string {
	s := "scheme: "
	if len(e.Stack) > 0 && e.Stack[0].Pos.Line > 0 {
		s += e.Stack[0].Pos.String() + ": "
	}
	return s + ConditionSummary(e.Condition)
}

// Unwrap returns the Go cause.
func (e *Error) Unwrap() error { return e.Cause }

// ExitError is returned by Eval when Scheme code calls (exit code).
type ExitError struct{ Code int }

// Error implements error.
func (e *ExitError) Error() string { return "scheme: exit " + strconv.Itoa(e.Code) }

// primError is the error made by the helpers below; the runtime turns it
// into a condition, filling in the location from the procedure called.
type primError struct {
	who       string
	msg       string
	irritants []Value
	kinds     []string
}

func (e *primError) Error() string {
	s := e.msg
	if e.who != "" {
		s = e.who + ": " + s
	}
	for _, v := range e.irritants {
		s += " " + WriteString(v)
	}
	return "scheme: " + s
}

// TypeError reports an argument of the wrong type: an (exn type) condition
// naming the procedure (who; "" means the procedure being called), the
// 1-based argument position (0 when unknown) and the expected type. Rows
// declared with [Lambda] get this error from the runtime, naming the
// parameter.
func TypeError(who string, argPos int, expected string, got Value) error {
	return argTypeError(who, argPos, "", expected, got)
}

// RangeError reports an argument out of range: an (exn bounds) condition.
func RangeError(who string, argPos int, msg string, got Value) error {
	m := "out of range"
	if argPos > 0 {
		m += " in argument " + strconv.Itoa(argPos)
	}
	if msg != "" {
		m += " (" + msg + ")"
	}
	return &primError{who: who, msg: m, irritants: []Value{got}, kinds: []string{"bounds"}}
}

// Errorf returns a plain (exn) error whose message is formatted with
// fmt.Sprintf; the location is the procedure being called.
func Errorf(format string, args ...any) error {
	return &primError{msg: fmt.Sprintf(format, args...)}
}

// NewError returns an (exn kinds…) error with message and irritants, like
// Scheme's (error who msg irritant …).
func NewError(who, msg string, irritants []Value, kinds ...string) error {
	return &primError{who: who, msg: msg, irritants: irritants, kinds: kinds}
}

// raised carries an arbitrary Scheme object raised by a primitive.
type raised struct {
	v           Value
	continuable bool
}

func (r *raised) Error() string { return "scheme: raise " + ConditionSummary(r.v) }

// Unwrap returns the Go error behind a raised condition (its Cause), so
// that errors.Is sees through it, e.g. the cancellation of a wait that a
// wake-up ended (Thread.woken).
func (r *raised) Unwrap() error {
	if c, ok := r.v.(*Condition); ok {
		return c.Cause
	}
	return nil
}

// Raise returns an error that, returned from a primitive, raises v (any
// Scheme object, usually a *Condition) as raise does.
func Raise(v Value) error { return &raised{v: v} }

// toCondition converts an error returned by a primitive to the object to raise.
func (in *Interp) toCondition(err error, who string) Value {
	var pe *primError
	var r *raised
	var se *Error
	var rd *ReadError
	var path *fs.PathError
	switch {
	case errors.As(err, &r):
		return r.v
	case errors.As(err, &se):
		return se.Condition
	case errors.As(err, &pe):
		loc := pe.who
		if loc == "" {
			loc = who
		}
		return MakeError(loc, pe.msg, pe.irritants, pe.kinds...)
	case errors.As(err, &rd): // read on a port: R7RS read-error? must hold
		return readErrorCondition(err)
	}
	in.mu.RLock()
	convs := in.converters
	in.mu.RUnlock()
	for i := len(convs) - 1; i >= 0; i-- {
		if v, ok := convs[i](err); ok {
			return v
		}
	}
	if errors.As(err, &path) { // a file's read or write failed (a directory, a full disk): (exn i/o file), as CHICKEN's
		c := MakeError(who, err.Error(), nil, "i/o", "file")
		c.Set("file", "filename", NewString(path.Path))
		c.Cause = err
		return c
	}
	c := MakeError(who, err.Error(), nil)
	c.Cause = err
	return c
}

// ConditionSummary is the one-line description of a raised object that
// error messages and condition/report-string print: "(location) message:
// irritant …".
func ConditionSummary(v Value) string {
	c, ok := v.(*Condition)
	if !ok {
		return "uncaught exception: " + WriteString(v)
	}
	var b strings.Builder
	if loc, ok := c.Get("exn", "location"); ok && loc != Value(False) {
		b.WriteString("(" + DisplayString(loc) + ") ")
	}
	if c.Has("exn") {
		b.WriteString(c.Message())
	} else {
		b.WriteString(c.Repr())
	}
	if args, ok := c.Get("exn", "arguments"); ok {
		if l, ok := ListToSlice(args); ok && len(l) > 0 {
			b.WriteString(":")
			for _, a := range l {
				b.WriteString(" " + WriteString(a))
			}
		}
	}
	return b.String()
}
