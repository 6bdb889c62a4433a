// describe: ,describe — what a value is and what it holds.

package repl

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickencsi"
	"github.com/tlsport/tlsport/scheme/srfi69"
)

// Describer is implemented by host values (contexts, connections …) that
// can say what they hold; ,describe prints each pair as "  label: text".
// A package implements it without importing repl.
type Describer interface {
	Describe() [][2]string
}

// queries says, for host values recognised by a Scheme predicate, which
// Scheme procedures of one argument ,describe calls on them (those that
// are bound; an error from one is shown in place of its value).
var queries = []struct {
	pred  string
	procs []string
}{
	{"ssl-port?", []string{"ssl-port-state", "ssl-status", "ssl-connection-info"}},
	{"ssl-listener?", []string{"ssl-listener-port", "ssl-listener-certificate"}},
	{"ssl-certificate?", []string{"ssl-certificate-info"}},
	{"tls-socket?", []string{"tls-socket-info", "tls-socket-peer", "tls-socket-selected-alpn"}},
	{"tcp-listener?", []string{"tcp-listener-port"}},
}

func (s *session) cmdDescribe(ctx context.Context, arg string) error {
	v, err := s.evalArg(ctx, arg)
	if err != nil {
		return err
	}
	s.describe(ctx, s.out, v)
	return nil
}

// describer returns the describer set by (chicken csi)'s set-describer!
// for r's type, if any.
func (s *session) describer(r *scheme.Record) (scheme.Value, bool) {
	if proc, ok := chickencsi.Describer(s.interp, strings.Trim(r.Type.Name, "<>")); ok {
		return proc, true
	}
	return chickencsi.Describer(s.interp, r.Type.Name)
}

// describeWith writes what the describer proc writes of r.
func (s *session) describeWith(ctx context.Context, w io.Writer, proc scheme.Value, r *scheme.Record) {
	port := scheme.NewMemOutputPort("(describe)", true)
	err := s.withInterrupt(ctx, func(ctx context.Context) error {
		_, err := s.interp.Apply(ctx, proc, r, port)
		return err
	})
	text, _ := port.TakeOutput()
	w.Write(text)
	if err != nil {
		fmt.Fprintf(w, "  (the describer failed: %v)\n", err)
	}
}

// describe prints what v is, then what it holds. The parts walked in Go
// are read under the interpreter's lock (locked), since a thread may be
// changing v meanwhile; describers and queries are Scheme calls, which
// take it themselves.
func (s *session) describe(ctx context.Context, w io.Writer, v scheme.Value) {
	if r, ok := v.(*scheme.Record); ok {
		if proc, ok := s.describer(r); ok {
			s.locked(ctx, func() { s.describeHeader(w, v) })
			s.describeWith(ctx, w, proc, r)
			return
		}
	}
	var ti *scheme.ThreadInfo
	if t, ok := v.(*scheme.Thread); ok {
		ti = s.threadInfo(t) // before the lock: it lists every goroutine's stack
	}
	s.locked(ctx, func() { s.describeHeld(w, v, ti) })
	s.describeByQueries(ctx, w, v)
}

// threadInfo returns what the interpreter knows of thread t: a live
// thread's state and wait, or the state of one not started or ended.
func (s *session) threadInfo(t *scheme.Thread) *scheme.ThreadInfo {
	for _, i := range s.interp.Threads() {
		if i.Thread == t {
			return &i
		}
	}
	return &scheme.ThreadInfo{Thread: t, State: t.State()}
}

// describeHeader prints what v is; the caller holds the interpreter's lock.
func (s *session) describeHeader(w io.Writer, v scheme.Value) {
	fmt.Fprintf(w, "%s is %s\n", clip(scheme.WriteString(v), 60), s.kindOf(v))
}

// describeHeld prints what v is and what it holds, as far as Go code can
// tell (ti: a thread's state, read before the lock; nil for other
// values); the caller holds the interpreter's lock.
func (s *session) describeHeld(w io.Writer, v scheme.Value, ti *scheme.ThreadInfo) {
	line := func(label, text string) { fmt.Fprintf(w, "  %s: %s\n", label, clip(text, 100)) }
	s.describeHeader(w, v)
	switch x := v.(type) {
	case *scheme.Condition:
		for _, k := range x.Kinds {
			for i := 0; i+1 < len(k.Props); i += 2 {
				line(k.Kind.Name+"."+scheme.DisplayString(k.Props[i]), scheme.WriteString(k.Props[i+1]))
			}
		}
	case *scheme.Record:
		for i, f := range x.Type.Fields {
			if i < len(x.Fields) {
				line(f.Name, scheme.WriteString(x.Fields[i]))
			}
		}
	case *srfi69.HashTable:
		keys, vals := x.Entries()
		for i := range keys {
			if i == 20 {
				fmt.Fprintf(w, "  … %d more\n", len(keys)-20)
				break
			}
			line(scheme.WriteString(keys[i]), scheme.WriteString(vals[i]))
		}
	case *scheme.Port:
		state := "closed"
		if x.IsOpen() {
			state = "open"
		}
		line("name", x.Name())
		line("state", state)
	case *scheme.Thread:
		line("state", ti.State)
		if ti.Blocked != "" {
			line("blocked in", ti.Blocked)
		}
	case *scheme.Primitive:
		if sig := x.Proc.Signature(); sig != "" {
			line("signature", sig)
		}
		if x.Proc.Doc != "" {
			line("doc", firstLine(x.Proc.Doc))
		}
	case Describer:
		for _, d := range x.Describe() {
			line(d[0], d[1])
		}
	}
}

// locked runs f, Go code reading Scheme data, under the interpreter's
// lock ([scheme.Interp.WithLock]).
func (s *session) locked(ctx context.Context, f func()) {
	s.interp.WithLock(ctx, func(*scheme.Thread) error {
		f()
		return nil
	})
}

// kindOf is the phrase naming what v is.
func (s *session) kindOf(v scheme.Value) string {
	switch x := v.(type) {
	case *scheme.Condition:
		names := make([]string, len(x.Kinds))
		for i, k := range x.Kinds {
			names[i] = k.Kind.Name
		}
		return "a condition of kinds (" + strings.Join(names, " ") + ")"
	case *scheme.Record:
		return "a record of type " + x.Type.Name
	case *srfi69.HashTable:
		return plural(x.Len(), "a hash table with %d entry", "a hash table with %d entries")
	case *scheme.Port:
		dir := "an output port"
		switch {
		case x.IsInput() && x.IsOutput():
			dir = "an input/output port"
		case x.IsInput():
			dir = "an input port"
		}
		return dir
	case *scheme.Primitive:
		return "a procedure from " + x.Lib
	case *scheme.Closure:
		if x.Name() != "" {
			return "a Scheme procedure named " + x.Name()
		}
		return "a Scheme procedure"
	case *scheme.Pair:
		if l, ok := scheme.ListToSlice(x); ok {
			return plural(len(l), "a list of %d element", "a list of %d elements")
		}
		return "a pair"
	case *scheme.String:
		if x.Immutable() {
			return plural(x.Len(), "an immutable string of %d character", "an immutable string of %d characters")
		}
		return plural(x.Len(), "a string of %d character", "a string of %d characters")
	case *scheme.Vector:
		return plural(len(x.Items), "a vector of %d element", "a vector of %d elements")
	case *scheme.Bytevector:
		return plural(len(x.B), "a bytevector of %d byte", "a bytevector of %d bytes")
	case *scheme.Blob:
		return plural(len(x.B), "a blob of %d byte", "a blob of %d bytes")
	}
	return "a value of type " + v.TypeName()
}

// plural formats n with the singular or the plural format.
func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf(one, n)
	}
	return fmt.Sprintf(many, n)
}

// describeByQueries prints what the Scheme introspection procedures of
// the queries table say of v.
func (s *session) describeByQueries(ctx context.Context, w io.Writer, v scheme.Value) {
	for _, q := range queries {
		if ok, err := s.call(ctx, q.pred, v); err != nil || ok == scheme.Value(scheme.False) {
			continue
		}
		for _, p := range q.procs {
			if _, bound := s.interp.Lookup(p); !bound {
				continue
			}
			r, err := s.call(ctx, p, v)
			if err != nil {
				s.locked(ctx, func() {
					fmt.Fprintf(w, "  %s: error: %s\n", p, strings.TrimSpace(strings.TrimPrefix(firstLine(FormatError(err)), "Error: ")))
				})
				continue
			}
			s.locked(ctx, func() { describeResult(w, p, r) })
		}
	}
}

// describeResult prints a query's result: an association list one entry
// per line (leaving out the entries that are #f or empty), anything else
// on one line.
func describeResult(w io.Writer, label string, r scheme.Value) {
	if l, ok := scheme.ListToSlice(r); ok && len(l) > 0 {
		alist := true
		for _, e := range l {
			if _, ok := e.(*scheme.Pair); !ok {
				alist = false
			}
		}
		if alist {
			fmt.Fprintf(w, "  %s:\n", label)
			for _, e := range l {
				p := e.(*scheme.Pair)
				val := p.Cdr
				if one, ok := val.(*scheme.Pair); ok && one.Cdr == scheme.Null {
					val = one.Car // (key value) rows
				}
				if val == scheme.Value(scheme.False) || val == scheme.Null {
					continue // not set: say what it holds, not what it lacks
				}
				fmt.Fprintf(w, "    %s: %s\n", scheme.DisplayString(p.Car), clip(scheme.WriteString(val), 100))
			}
			return
		}
	}
	fmt.Fprintf(w, "  %s: %s\n", label, clip(scheme.WriteString(r), 100))
}

// call applies the global procedure name to v, as the REPL evaluates.
func (s *session) call(ctx context.Context, name string, v scheme.Value) (scheme.Value, error) {
	if _, ok := s.interp.Lookup(name); !ok {
		return scheme.False, nil
	}
	var r scheme.Value
	err := s.withInterrupt(ctx, func(ctx context.Context) error {
		var err error
		r, err = s.interp.Eval(ctx, scheme.List(scheme.Intern(name), scheme.List(scheme.Intern("quote"), v)))
		return err
	})
	return r, err
}

// clip shortens text to at most n runes, marking the cut with "…".
func clip(text string, n int) string {
	r := []rune(text)
	if len(r) <= n {
		return text
	}
	return string(r[:n-1]) + "…"
}
