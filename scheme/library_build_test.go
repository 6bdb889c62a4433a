package scheme

import (
	"sync"
	"sync/atomic"
	"testing"
)

// TestLibraryBuild checks that a library with Build is built neither when
// its package is loaded nor when an interpreter registering it is made,
// but once, on its first import (from any number of goroutines), and that
// ,doc's view of the registered libraries sees its rows.
func TestLibraryBuild(t *testing.T) {
	var builds atomic.Int32
	lib := &Library{Name: "(built later)", ImportOnly: true, Build: func(l *Library) {
		builds.Add(1)
		l.Procs = []Proc{{Name: "built-twice", Args: Params{Required: []string{"x"}},
			Fn: func(th *Thread, a []Value) (Value, error) { return Fixnum(2 * int64(a[0].(Fixnum))), nil }}}
		l.Reexports = []string{"car"}
	}}
	ins := []*Interp{New(WithLibraries(lib)), New(WithLibraries(lib))}
	if n := builds.Load(); n != 0 {
		t.Fatalf("built %d times by New, want 0", n)
	}
	if _, ok := ins[0].Lookup("built-twice"); ok {
		t.Fatal("an ImportOnly library's row is bound without an import")
	}
	var wg sync.WaitGroup
	for _, in := range ins {
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if v, err := in.EvalString(t.Context(), "(import (built later)) (built-twice (car '(21)))"); err != nil || v != Fixnum(42) {
					t.Errorf("import and call: %v, %v", v, err)
				}
			}()
		}
	}
	wg.Wait()
	if n := builds.Load(); n != 1 {
		t.Errorf("built %d times, want 1", n)
	}
	if ins[1].Library("(built later)").Lookup("built-twice") == nil || len(ins[1].LookupProc("built-twice")) != 1 {
		t.Error("the built rows are not found by Lookup and LookupProc")
	}
}
