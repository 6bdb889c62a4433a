package scheme

import (
	"context"
	"testing"
)

// TestLazyDeferredName checks a name that a lazily loaded source defines
// and that an earlier library binds to a Go procedure whose procedure
// object is not made yet: the interpreter is made without making it, and
// what the name denotes after the source's load is what it does with the
// source evaluated eagerly (WithEagerLoading): the source's definition,
// also when the Go procedure was made in between, unless a later library
// or the program bound the name before the load.
func TestLazyDeferredName(t *testing.T) {
	goProc := func(v Value) PrimFn {
		return func(*Thread, []Value) (Value, error) { return v, nil }
	}
	core := &Library{Name: "(lazy core)", Procs: []Proc{
		{Name: "lazy-foo", Spec: "test", Doc: "foo", Fn: goProc(Fixnum(1))},
	}}
	src := &Library{Name: "(lazy src)", Source: LibrarySource("lazy.scm", "(define (lazy-foo) 'src) (define (lazy-bar) 'bar)"), Procs: []Proc{
		{Name: "lazy-foo", Spec: "test", Doc: "foo, in Scheme", Replaces: true},
		{Name: "lazy-bar", Spec: "test", Doc: "bar"},
	}}
	later := &Library{Name: "(lazy later)", ImportOnly: true, Procs: []Proc{
		{Name: "lazy-foo", Spec: "test", Doc: "foo again", Fn: goProc(Fixnum(2))},
	}}
	for _, tc := range []struct {
		name, before string // before: run before the load
		made         bool   // lazy-foo's cell made before the load
		want         Value
	}{
		{name: "untouched", want: Intern("src")},
		{name: "made in between", made: true, want: Intern("src")},
		{name: "later import", before: "(import (lazy later))", want: Fixnum(2)},
		{name: "program's definition", before: "(define (lazy-foo) 3)", want: Fixnum(3)},
	} {
		for _, eager := range []bool{false, true} {
			opts := []Option{WithLibraries(core, src, later)}
			if eager {
				opts = append(opts, WithEagerLoading())
			}
			in := New(opts...)
			in.mu.Lock()
			_, deferred := in.deferred["lazy-foo"]
			if !eager && !deferred {
				t.Errorf("%s: lazy-foo's procedure was made with the interpreter", tc.name)
			}
			if tc.made {
				in.cellLocked(Intern("lazy-foo"))
			}
			in.mu.Unlock()
			if tc.before != "" {
				if _, err := in.EvalString(context.Background(), tc.before); err != nil {
					t.Fatal(err)
				}
			}
			if v, err := in.EvalString(context.Background(), "(lazy-bar) (lazy-foo)"); err != nil || v != tc.want {
				t.Errorf("%s (eager %v): (lazy-foo) after the load = %v (%v), want %s", tc.name, eager, v, err, WriteString(tc.want))
			}
		}
	}
}
