// trace: ,time and ,trace / ,untrace.

package repl

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

func (s *session) cmdTime(ctx context.Context, arg string) error {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	u0, s0 := cpuTime()
	start := time.Now()
	v, err := s.evalArg(ctx, arg)
	real := time.Since(start)
	u1, s1 := cpuTime()
	runtime.ReadMemStats(&after)
	fmt.Fprintf(s.out, "real %s, cpu %s (user %s, sys %s), allocated %s in %d objects, %d GCs\n",
		seconds(real), seconds(u1-u0+s1-s0), seconds(u1-u0), seconds(s1-s0),
		byteSize(after.TotalAlloc-before.TotalAlloc), after.Mallocs-before.Mallocs, after.NumGC-before.NumGC)
	if err != nil {
		return err
	}
	return s.withInterrupt(ctx, func(ctx context.Context) error { return writeResults(ctx, s.interp, s.out, v) })
}

// seconds formats a duration in seconds with millisecond precision.
func seconds(d time.Duration) string { return fmt.Sprintf("%.3fs", d.Seconds()) }

// byteSize formats a byte count with a binary unit.
func byteSize(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// traceLib is the library the trace wrappers report as theirs.
var traceLib = &scheme.Library{Name: "(repl trace)", Doc: "procedures wrapped by ,trace"}

// cmdTrace replaces each global procedure NAME by a wrapper that prints
// the call, with its nesting depth, and the values it returns, on the
// current output port of the calling thread.
func (s *session) cmdTrace(_ context.Context, arg string) error {
	for _, name := range strings.Fields(arg) {
		if _, done := s.traced[name]; done {
			continue
		}
		orig, ok := s.interp.Lookup(name)
		if !ok || !isProcedure(orig) {
			fmt.Fprintf(s.errw, "Error: ,trace: %s is not a procedure%s\n", name, s.didYouMean(name))
			continue
		}
		s.traced[name] = orig
		s.interp.Define(name, s.tracer(name, orig))
		fmt.Fprintf(s.out, "tracing %s\n", name)
	}
	return nil
}

// isProcedure reports whether v can be applied.
func isProcedure(v scheme.Value) bool { return v.TypeName() == "procedure" }

// tracer returns the traced version of the procedure orig.
func (s *session) tracer(name string, orig scheme.Value) *scheme.Primitive {
	var depth atomic.Int32 // nesting of the calls in progress (all threads)
	row := &scheme.Proc{Name: name, Sig: "(" + name + " arg ...)", Doc: "Traced by ,trace; ,untrace restores it.",
		Args: scheme.Params{Rest: "args", Spread: true},
		Fn: func(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
			args = append([]scheme.Value(nil), args...)
			d := depth.Add(1) - 1
			defer depth.Add(-1)
			indent := strings.Repeat(" ", int(min(d, 30)))
			call := scheme.WriteString(scheme.Cons(scheme.Intern(name), scheme.List(args...)))
			traceOut(th, fmt.Sprintf("%s[%d] %s\n", indent, d, call))
			v, err := th.Call(orig, args...)
			if err != nil {
				traceOut(th, fmt.Sprintf("%s[%d] %s raised\n", indent, d, name))
				return nil, err
			}
			vals := valuesOf(v)
			res := make([]string, len(vals))
			for i, x := range vals {
				res[i] = scheme.WriteString(x)
			}
			traceOut(th, fmt.Sprintf("%s[%d] %s -> %s\n", indent, d, name, strings.Join(res, " ")))
			return v, nil
		}}
	return scheme.NewPrimitive(traceLib, row)
}

// traceOut writes a trace line on the thread's current output port.
func traceOut(th *scheme.Thread, line string) {
	if p, ok := th.Param(scheme.CurrentOutputPort).(*scheme.Port); ok {
		_ = p.Write(th.Context(), []byte(line))
	}
}

func (s *session) cmdUntrace(_ context.Context, arg string) error {
	names := strings.Fields(arg)
	if len(names) == 0 {
		for n := range s.traced {
			names = append(names, n)
		}
		sort.Strings(names)
	}
	for _, name := range names {
		orig, ok := s.traced[name]
		if !ok {
			fmt.Fprintf(s.errw, "Error: ,untrace: %s is not traced\n", name)
			continue
		}
		s.interp.Define(name, orig)
		delete(s.traced, name)
		fmt.Fprintf(s.out, "untraced %s\n", name)
	}
	return nil
}
