package scheme

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// paramInterp returns an interpreter with a library exporting the
// parameter demo-limit and (read-limit), which reads it from Go
// (Thread.Param, the port layer's path), and imports it.
func paramInterp(t *testing.T) *Interp {
	t.Helper()
	pd := &ParamDef{Name: "demo-limit", Default: Fixnum(5)}
	in := New()
	lib := &Library{Name: "(demo params)", Procs: []Proc{
		{Name: "read-limit", Fn: func(th *Thread, a []Value) (Value, error) { return th.Param(pd), nil }},
	}, Parameters: []*ParamDef{pd}}
	if err := in.Register(lib); err != nil {
		t.Fatal(err)
	}
	evalT(t, in, "(import (scheme base) (srfi 18) (demo params))")
	return in
}

// TestParamCache checks that repeated parameter reads, from Go and from
// Scheme, see every change: a global set, parameterize and its exit,
// continuations leaving and re-entering a parameterize, (p v) inside
// one, and a thread's own values.
func TestParamCache(t *testing.T) {
	in := paramInterp(t)
	tests := []struct{ src, want string }{
		{"(list (read-limit) (read-limit) (demo-limit))", "(5 5 5)"},
		{"(demo-limit 7) (list (read-limit) (demo-limit))", "(7 7)"},
		{"(list (read-limit) (parameterize ((demo-limit 9)) (list (read-limit) (demo-limit))) (read-limit))", "(7 (9 9) 7)"},
		{"(parameterize ((demo-limit 9)) (read-limit) (demo-limit 11) (read-limit))", "11"},
		{"(read-limit)", "7"},
		// leave a parameterize by a continuation, then re-enter it (one
		// body: a continuation of a top-level form goes on with the forms
		// read after the last one, as csi's load loop does)
		{`(define k #f)
		  (define seen '())
		  (let ()
		    (parameterize ((demo-limit 9))
		      (call/cc (lambda (c) (set! k c)))
		      (set! seen (cons (read-limit) seen)))
		    (set! seen (cons (read-limit) seen))
		    (if (< (length seen) 4) (k #f))
		    seen)`, "(7 9 7 9)"},
		// a thread starts with its creator's values; its (p v) is its own
		{`(define t (parameterize ((demo-limit 21))
		    (make-thread (lambda () (let ((a (read-limit))) (demo-limit 22) (list a (read-limit)))))))
		  (thread-start! t)
		  (list (thread-join! t) (read-limit))`, "((21 22) 7)"},
		{"(demo-limit 5) (read-limit)", "5"},
	}
	for _, tc := range tests {
		if got := WriteString(evalT(t, in, tc.src)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.src, got, tc.want)
		}
	}
}

// TestParamCacheOtherThread checks that a thread reading a parameter's
// global value in a loop sees another thread's (p v).
func TestParamCacheOtherThread(t *testing.T) {
	in := paramInterp(t)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := in.EvalString(ctx, "(let loop () (if (eqv? (read-limit) 13) 'seen (loop)))")
		done <- err
	}()
	time.Sleep(20 * time.Millisecond) // the loop has read the old value
	evalT(t, in, "(demo-limit 13)")
	if err := <-done; err != nil {
		t.Fatalf("the reading thread never saw the new value: %v", err)
	}
}

// BenchmarkThreadParam reads a parameter from Go the way the port layer
// does at each read and write, on parallel threads.
func BenchmarkThreadParam(b *testing.B) {
	pd := &ParamDef{Name: "demo-limit", Default: Fixnum(5)}
	in := New()
	if err := in.Register(&Library{Name: "(demo params)", Parameters: []*ParamDef{pd}}); err != nil {
		b.Fatal(err)
	}
	b.RunParallel(func(pb *testing.PB) {
		th := in.newThread(context.Background())
		for pb.Next() {
			if th.Param(pd) != Value(Fixnum(5)) {
				b.Fatal("wrong value")
			}
		}
	})
}

// TestParamCacheRotation reads more parameters in rotation than the cache
// has entries (every read then misses and replaces another entry) and
// then as many as it has (every read after the first round hits): the
// values stay right through sets and parameterize, and a rotation wider
// than a TLS connection's set-up (nine parameters) is served from the
// cache.
func TestParamCacheRotation(t *testing.T) {
	const wide = 12 // a rotation the cache must hold
	const n = max(paramCacheSize, wide) + 3
	pds := make([]*ParamDef, n)
	for i := range pds {
		pds[i] = &ParamDef{Name: fmt.Sprintf("rot-%d", i), Default: Fixnum(i)}
	}
	in := New()
	lib := &Library{Name: "(demo rotation)", Parameters: pds, Procs: []Proc{
		// (read-all k): k rounds over all n parameters; the last round's values
		{Name: "read-all", Args: Params{Required: []string{"k"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			var vs []Value
			for range int(a[0].(Fixnum)) {
				vs = vs[:0]
				for _, pd := range pds {
					vs = append(vs, th.Param(pd))
				}
			}
			return List(vs...), nil
		}},
		// (cache-hits): reads the first wide parameters twice and counts
		// the second round's reads served by the cache
		{Name: "cache-hits", Fn: func(th *Thread, a []Value) (Value, error) {
			for _, pd := range pds[:wide] {
				th.Param(pd)
			}
			hits := 0
			for _, pd := range pds[:wide] {
				if _, ok := th.cached(pd, nil); ok {
					hits++
				}
				th.Param(pd)
			}
			return Fixnum(hits), nil
		}},
	}}
	if err := in.Register(lib); err != nil {
		t.Fatal(err)
	}
	evalT(t, in, "(import (scheme base) (demo rotation))")
	want := func(f func(i int) int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprint(&b, f(i))
		}
		return "(" + b.String() + ")"
	}
	tests := []struct{ src, want string }{
		{"(read-all 3)", want(func(i int) int { return i })},
		{fmt.Sprintf("(rot-0 100) (rot-%d %d) (read-all 2)", n-1, 100+n-1), want(func(i int) int {
			if i == 0 || i == n-1 {
				return 100 + i
			}
			return i
		})},
		{fmt.Sprintf("(parameterize ((rot-1 201) (rot-%d %d)) (read-all 2))", n-2, 200+n-2), want(func(i int) int {
			switch i {
			case 0, n - 1:
				return 100 + i
			case 1, n - 2:
				return 200 + i
			}
			return i
		})},
		{fmt.Sprintf("(rot-0 0) (rot-%d %d) (read-all 2)", n-1, n-1), want(func(i int) int { return i })},
		{"(cache-hits)", fmt.Sprint(wide)},
	}
	for _, tc := range tests {
		if got := WriteString(evalT(t, in, tc.src)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.src, got, tc.want)
		}
	}
}
