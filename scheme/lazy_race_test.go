package scheme

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestLazyNameMidLoad checks a goroutine meeting a name of a library
// source while another goroutine evaluates that source, stopped in the
// middle by a primitive: it waits for the load to end, and sees what it
// would see after it, whether the name is one the source replaces (met
// when it is compiled, bound to the core's procedure), one whose
// definition the source has compiled but not run (unbound, met when it
// is compiled or when a reference compiled before the load runs), or a
// procedure the source has defined that calls a helper defined after the
// stop. Each goroutine must be seen waiting (in lockLoad) before the
// source goes on: one that finishes first saw the source half evaluated.
func TestLazyNameMidLoad(t *testing.T) {
	for _, tc := range []struct {
		name, before, src string // before: evaluated before the load
		stop              string // the definition the source stops in
		want              Value
	}{
		{name: "replaced at compile time", stop: "upcase", src: "(mid-upcase 1)", want: Intern("src")},
		{name: "defined, not run yet", stop: "late", src: "(mid-late)", want: Intern("late")},
		{name: "defined, not run yet, met at run time", stop: "late", before: "(define (g) (mid-late))", src: "(g)", want: Intern("late")},
		{name: "calls a helper not defined yet", stop: "late", before: "(define (f) (mid-first))", src: "(f)", want: Intern("helper")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			paused, release := make(chan struct{}), make(chan struct{})
			core := &Library{Name: "(mid core)", Procs: []Proc{
				{Name: "mid-upcase", Spec: "test", Doc: "the core's", Fn: func(*Thread, []Value) (Value, error) { return Intern("core"), nil }},
				{Name: "mid-stop", Spec: "test", Doc: "stops the source's evaluation at tc.stop", Args: Lambda(Req("where", nil)), Fn: func(th *Thread, args []Value) (Value, error) {
					if args[0] != Intern(tc.stop) {
						return Unspecified, nil
					}
					th.Context() // lets the interpreter lock go
					paused <- struct{}{}
					<-release
					return Unspecified, nil
				}},
			}}
			src := &Library{Name: "(mid src)", Source: LibrarySource("mid.scm", `
(define (mid-trigger) 'loaded)
(define (mid-first) (%mid-helper))
(define mid-upcase (begin (mid-stop 'upcase) (lambda x 'src)))
(define mid-late (begin (mid-stop 'late) (lambda () 'late)))
(define (%mid-helper) 'helper)`), Procs: []Proc{
				{Name: "mid-trigger", Spec: "test", Doc: "loads the source"},
				{Name: "mid-first", Spec: "test", Doc: "calls a helper defined later"},
				{Name: "mid-upcase", Spec: "test", Doc: "the source's", Replaces: true},
				{Name: "mid-late", Spec: "test", Doc: "defined after the stop"},
			}}
			in := New(WithLibraries(core, src))
			// as once a thread has been started: mid-stop's wait lets the
			// interpreter lock go (see gil), not after stuckHolder
			in.gil.multi.Store(true)
			ctx := context.Background()
			if tc.before != "" {
				if _, err := in.EvalString(ctx, tc.before); err != nil {
					t.Fatal(err)
				}
			}
			type result struct {
				v   Value
				err error
			}
			loader, user := make(chan result, 1), make(chan result, 1)
			go func() {
				v, err := in.EvalString(ctx, "(mid-trigger)")
				loader <- result{v, err}
			}()
			select {
			case <-paused: // the source has compiled the definition of tc.stop, not run it
			case r := <-loader:
				t.Fatalf("(mid-trigger) = %v (%v), without stopping", r.v, r.err)
			}
			go func() {
				v, err := in.EvalString(ctx, tc.src)
				user <- result{v, err}
			}()
			for !waitingForLoad() {
				select {
				case r := <-user:
					close(release)
					t.Fatalf("%s = %v (%v) while the source was being evaluated, want it to wait", tc.src, r.v, r.err)
				default:
					time.Sleep(time.Millisecond)
				}
			}
			close(release)
			if r := <-loader; r.err != nil || r.v != Intern("loaded") {
				t.Errorf("(mid-trigger) = %v (%v)", r.v, r.err)
			}
			if r := <-user; r.err != nil || r.v != tc.want {
				t.Errorf("%s = %v (%v), want %s", tc.src, r.v, r.err, WriteString(tc.want))
			}
		})
	}
}

// waitingForLoad reports whether a goroutine waits in lockLoad.
func waitingForLoad() bool {
	buf := make([]byte, 1<<20)
	return strings.Contains(string(buf[:runtime.Stack(buf, true)]), "scheme.(*Interp).lockLoad")
}
