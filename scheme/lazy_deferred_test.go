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

// TestReexportOfDeferredName checks a library whose source lists, without
// defining it, a name another library binds to a Go procedure not made
// yet: the interpreter is made without making it, and importing the
// library after the program redefined the name binds the Go procedure,
// as with the source evaluated eagerly.
func TestReexportOfDeferredName(t *testing.T) {
	core := &Library{Name: "(reex core)", Procs: []Proc{
		{Name: "reex-foo", Spec: "test", Doc: "foo", Fn: func(*Thread, []Value) (Value, error) { return Fixnum(1), nil }},
	}}
	src := &Library{Name: "(reex src)", Source: LibrarySource("reex.scm", "(define (reex-bar) 'bar)"), Procs: []Proc{
		{Name: "reex-foo", Spec: "test", Doc: "core's foo, re-exported"},
		{Name: "reex-bar", Spec: "test", Doc: "bar"},
	}}
	for _, eager := range []bool{false, true} {
		opts := []Option{WithLibraries(core, src)}
		if eager {
			opts = append(opts, WithEagerLoading())
		}
		in := New(opts...)
		in.mu.Lock()
		_, deferred := in.deferred["reex-foo"]
		in.mu.Unlock()
		if !eager && !deferred {
			t.Errorf("reex-foo's procedure was made with the interpreter")
		}
		v, err := in.EvalString(context.Background(), "(define (reex-foo) 'mine) (define a (reex-foo)) (import (prefix (reex src) s:)) (list a (s:reex-foo) (s:reex-bar))")
		if err != nil || WriteString(v) != "(mine 1 bar)" {
			t.Errorf("eager %v: %v (%v), want (mine 1 bar)", eager, v, err)
		}
	}
}

// TestReexportKeepsOriginal checks what a library's rows without Fn
// re-export once a program has changed the names: the value the name had
// before the program first defined or assigned it, also for a library
// registered afterwards; and that a program's own globals are not kept
// (a large value assigned away is not held by the interpreter).
func TestReexportKeepsOriginal(t *testing.T) {
	core := &Library{Name: "(orig core)", Procs: []Proc{
		{Name: "orig-foo", Spec: "test", Doc: "foo", Fn: func(*Thread, []Value) (Value, error) { return Fixnum(1), nil }},
		{Name: "orig-baz", Spec: "test", Doc: "baz", Fn: func(*Thread, []Value) (Value, error) { return Fixnum(2), nil }},
	}}
	reex := &Library{Name: "(orig reex)", ImportOnly: true, Procs: []Proc{
		{Name: "orig-foo", Spec: "test", Doc: "core's foo, re-exported"},
		{Name: "orig-baz", Spec: "test", Doc: "core's baz, re-exported"},
	}}
	later := &Library{Name: "(orig later)", ImportOnly: true, Procs: []Proc{
		{Name: "orig-foo", Spec: "test", Doc: "core's foo, re-exported"},
	}}
	in := New(WithLibraries(core, reex))
	ctx := context.Background()
	if _, err := in.EvalString(ctx, "(define (orig-foo) 'mine) (set! orig-baz (lambda () 'set)) (define mine (make-vector 100000 0)) (set! mine 1)"); err != nil {
		t.Fatal(err)
	}
	if err := in.Register(later); err != nil {
		t.Fatal(err)
	}
	v, err := in.EvalString(ctx, "(import (prefix (orig reex) r:) (prefix (orig later) l:)) (list (orig-foo) (orig-baz) (r:orig-foo) (r:orig-baz) (l:orig-foo))")
	if err != nil || WriteString(v) != "(mine set 1 2 1)" {
		t.Errorf("got %v (%v), want (mine set 1 2 1)", v, err)
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if _, kept := in.originals[Intern("mine")]; kept {
		t.Errorf("the program's own global mine has an original kept: %d originals", len(in.originals))
	}
	if len(in.originals) != 2 {
		t.Errorf("%d originals kept, want 2 (orig-foo, orig-baz)", len(in.originals))
	}
}

// TestOnImportRow checks a row marked OnImport of a library bound without
// an import: the core's binding of the name stays until the library is
// imported, the import binds the row, and a library re-exporting the name
// still gives the core's binding (kept as the original although the name
// was never looked up before the import).
func TestOnImportRow(t *testing.T) {
	core := &Library{Name: "(onimp core)", Procs: []Proc{
		{Name: "onimp-feat", Spec: "test", Doc: "core's", Fn: func(*Thread, []Value) (Value, error) { return Intern("sym"), nil }},
	}}
	plat := &Library{Name: "(onimp plat)", Procs: []Proc{
		{Name: "onimp-feat", Spec: "test", Doc: "plat's", OnImport: true, Fn: func(*Thread, []Value) (Value, error) { return InternKeyword("kw"), nil }},
		{Name: "onimp-other", Spec: "test", Doc: "bound at start", Fn: func(*Thread, []Value) (Value, error) { return Fixnum(3), nil }},
	}}
	reex := &Library{Name: "(onimp reex)", ImportOnly: true, Procs: []Proc{{Name: "onimp-feat", Spec: "test", Doc: "core's, re-exported"}}}
	ctx := context.Background()
	for _, c := range []struct{ src, want string }{
		{"(list (onimp-feat) (onimp-other))", "(sym 3)"},
		{"(import (onimp plat)) (onimp-feat)", "#:kw"},
		{"(import (onimp plat) (prefix (onimp reex) r:)) (list (onimp-feat) (r:onimp-feat))", "(#:kw sym)"},
	} {
		in := New(WithLibraries(core, plat, reex))
		v, err := in.EvalString(ctx, c.src)
		if err != nil || WriteString(v) != c.want {
			t.Errorf("%s: got %s (%v), want %s", c.src, WriteString(v), err, c.want)
		}
	}
}
