// The (tlsport test) library: test, test-error, test-assert, test-group.

package scheme

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
)

// TestEvent is one result reported by the Scheme test library.
type TestEvent struct {
	Pos  string // file:line:col of the test form
	Name string // test name or source of the tested expression
	OK   bool
	Msg  string // why it failed
}

// SetTestHook installs the receiver of (test …) results; nil prints failures
// to the interp's Stderr.
func (in *Interp) SetTestHook(h func(TestEvent)) {
	in.mu.Lock()
	in.testHook = h
	in.mu.Unlock()
}

// EvalSource evaluates src as if read from file (used for positions).
func (in *Interp) EvalSource(ctx context.Context, src, file string) (Value, error) {
	return in.evalSource(ctx, src, file)
}

func (in *Interp) initTestLib() {
	_ = in.Register(&Library{Name: "(tlsport test)"})
	posStr := func(x *expander, f *Pair) Value {
		x.in.ensureTestLib()
		return NewString(x.posOf(f).String())
	}
	thunk := func(e Value) Value { return L(kw("lambda"), Null, e) }
	q := func(v Value) Value { return L(kw("quote"), v) }
	in.defRewrite("test", func(x *expander, f *Pair, sc *scope) Value {
		it := x.items(f, 3, "test")
		var name Value = False
		if len(it) == 4 {
			name = it[1]
			it = []Value{it[0], it[2], it[3]}
		}
		return L(kw("%test-run"), posStr(x, f), name, q(it[2]), thunk(it[1]), thunk(it[2]))
	})
	in.defRewrite("test-values", func(x *expander, f *Pair, sc *scope) Value {
		it := x.items(f, 3, "test-values")
		cwv := func(e Value) Value { return L(kw("call-with-values"), thunk(e), kw("list")) }
		var name Value = False
		if len(it) == 4 {
			name = it[1]
			it = []Value{it[0], it[2], it[3]}
		}
		return L(kw("%test-run"), posStr(x, f), name, q(it[2]), thunk(cwv(it[1])), thunk(cwv(it[2])))
	})
	in.defRewrite("test-assert", func(x *expander, f *Pair, sc *scope) Value {
		it := x.items(f, 2, "test-assert")
		e := it[len(it)-1]
		return L(kw("%test-run"), posStr(x, f), False, q(e), thunk(True), thunk(L(kw("if"), e, True, False)))
	})
	in.defRewrite("test-error", func(x *expander, f *Pair, sc *scope) Value {
		it := x.items(f, 2, "test-error")
		var kinds Value = Null
		e := it[len(it)-1]
		if len(it) >= 3 {
			if l, ok := ListToSlice(it[1]); ok && isKindList(it[1]) && len(l) > 0 {
				kinds = it[1]
			}
		}
		return L(kw("%test-error"), posStr(x, f), q(kinds), q(e), thunk(e))
	})
	in.defRewrite("test-group", func(x *expander, f *Pair, sc *scope) Value {
		it := x.items(f, 2, "test-group")
		return L(kw("begin"), L(kw("%test-group"), it[1]), &Pair{kw("let"), &Pair{Null, listFrom(append(it[2:], L(kw("%test-group"), False)))}})
	})
	in.Define("%test-report", NewPrimitive(nil, &Proc{Name: "%test-report", Args: Params{Required: []string{"pos", "name", "src", "ok", "msg"}},
		Fn: func(th *Thread, a []Value) (Value, error) {
			name := DisplayString(a[1])
			if a[1] == Value(False) {
				name = WriteString(a[2])
			}
			ev := TestEvent{Pos: DisplayString(a[0]), Name: name, OK: a[3] != Value(False), Msg: DisplayString(a[4])}
			th.interp.mu.RLock()
			h := th.interp.testHook
			th.interp.mu.RUnlock()
			if h != nil {
				h(ev)
			} else if !ev.OK {
				_, _ = io.WriteString(th.interp.Stderr, fmt.Sprintf("%s: FAIL %s: %s\n", ev.Pos, ev.Name, ev.Msg))
			}
			return Unspecified, nil
		}}))
	in.Define("%test-group", simpleProc("%test-group", 1, false, func(th *Thread, a []Value) (Value, error) {
		return Unspecified, nil
	}))
	in.Define("%condition-string", simpleProc("%condition-string", 1, false, func(th *Thread, a []Value) (Value, error) {
		return NewString(conditionSummary(a[0])), nil
	}))
	in.Define("condition/report-string", simpleProc("condition/report-string", 1, false, func(th *Thread, a []Value) (Value, error) {
		return NewString(strings.TrimPrefix(conditionSummary(a[0]), "uncaught exception: ")), nil
	}))
	in.Define("%test-approx", simpleProc("%test-approx", 2, false, func(th *Thread, a []Value) (Value, error) {
		x, ok1 := a[0].(Flonum)
		y, ok2 := a[1].(Flonum)
		if !ok1 || !ok2 {
			return False, nil
		}
		if math.IsNaN(float64(x)) && math.IsNaN(float64(y)) {
			return True, nil
		}
		d := math.Abs(float64(x - y))
		return MakeBool(d <= 1e-9*math.Max(1, math.Abs(float64(x)))), nil
	}))
}

// ensureTestLib defines the Scheme half of the test library on first use.
func (in *Interp) ensureTestLib() {
	in.testOnce.Do(func() {
		if _, err := in.evalSource(context.Background(), testBoot, "testlib"); err != nil {
			panic("scheme: test library: " + err.Error())
		}
	})
}

const testBoot = `
(define (%test-run pos name src expected-thunk thunk)
  (let ((expected (expected-thunk)))
    (call/cc
     (lambda (k)
       (with-exception-handler
        (lambda (e) (k (%test-report pos name src #f (string-append "raised " (%condition-string e)))))
        (lambda ()
          (let ((actual (thunk)))
            (if (or (equal? expected actual) (%test-approx expected actual))
                (%test-report pos name src #t "")
                (%test-report pos name src #f
                              (string-append "expected " (%write-string expected) ", got " (%write-string actual)))))))))))
(define (%test-error pos kinds src thunk)
  (call/cc
   (lambda (k)
     (with-exception-handler
      (lambda (e)
        (k (if (or (null? kinds) (%has-kinds? e kinds))
               (%test-report pos #f src #t "")
               (%test-report pos #f src #f (string-append "wrong condition: " (%condition-string e))))))
      (lambda ()
        (let ((v (thunk)))
          (%test-report pos #f src #f (string-append "no error raised, got " (%write-string v)))))))))
`
