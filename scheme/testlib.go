// The (tlsport test) library: test, test-error, test-assert, test-group.

package scheme

import (
	"context"
	"fmt"
	"io"
	"math"
	"time"
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

// testLibrary is (tlsport test), the test library of the Scheme scripts:
// its syntax rewrites to procedures defined in Scheme (testBoot) on first
// use, which report to the Interp's test hook.
var testLibrary = &Library{Name: "(tlsport test)", Doc: "The test library of the Scheme test scripts: test, test-values, test-assert, test-error, test-group, await-state.", Procs: []Proc{
	{Name: "test", Spec: "(tlsport test)", Sig: "(test [name] expected expr)",
		Doc:     "Checks expr equals expected (equal?, or approximately for flonums).",
		rewrite: expandTest},
	{Name: "test-values", Spec: "(tlsport test)", Sig: "(test-values [name] expected expr)",
		Doc:     "Checks the values of expr.",
		rewrite: expandTestValues},
	{Name: "test-assert", Spec: "(tlsport test)", Sig: "(test-assert [name] expr)",
		Doc:     "Checks expr is true.",
		rewrite: expandTestAssert},
	{Name: "test-error", Spec: "(tlsport test)", Sig: "(test-error [name] [(kind ...)] expr)",
		Doc:     "Checks expr raises (a condition of the kinds).",
		rewrite: expandTestError},
	{Name: "test-group", Spec: "(tlsport test)", Sig: "(test-group name body ...)",
		Doc:     "Groups tests.",
		rewrite: expandTestGroup},
	{Name: "await-state", Spec: "(tlsport test)", Sig: "(await-state thread state)",
		Doc:  "Waits until (thread-state thread) is state, up to 30 s (a hang guard); returns the state it has then.",
		Args: Params{Required: []string{"thread", "state"}}, Fn: awaitState},
	{Name: "%test-report", Args: Params{Required: []string{"pos", "name", "src", "ok", "msg"}}, Fn: internalTestReport},
	{Name: "%test-group", Args: Params{Required: []string{"obj"}}, Fn: internalTestGroup},
	{Name: "%condition-string", Args: Params{Required: []string{"obj"}}, Fn: internalConditionString},
	{Name: "%test-approx", Args: Params{Required: []string{"x", "y"}}, Fn: internalTestApprox},
}}

// testPos is the position of a test form as a string; using the test
// syntax loads the Scheme half of the library.
func testPos(x *expander, f *Pair) Value {
	if err := x.in.ensureTestLib(); err != nil {
		x.syntaxErr(f, symName(f.Car), "the (tlsport test) library could not be set up (were lambda, let or define redefined?): %v", err)
	}
	return NewString(x.posOf(f).String())
}

func testThunk(e Value) Value { return L(kw("lambda"), Null, e) }

func quoteForm(v Value) Value { return L(kw("quote"), v) }

// expandTest rewrites (test …) to a call of the Scheme half of the library.
func expandTest(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "test")
	var name Value = False
	if len(it) == 4 {
		name = it[1]
		it = []Value{it[0], it[2], it[3]}
	}
	return L(kw("%test-run"), testPos(x, f), name, quoteForm(it[2]), testThunk(it[1]), testThunk(it[2]))
}

// expandTestValues rewrites (test-values …) to a call of the Scheme half of the library.
func expandTestValues(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 3, "test-values")
	cwv := func(e Value) Value { return L(kw("call-with-values"), testThunk(e), kw("list")) }
	var name Value = False
	if len(it) == 4 {
		name = it[1]
		it = []Value{it[0], it[2], it[3]}
	}
	return L(kw("%test-run"), testPos(x, f), name, quoteForm(it[2]), testThunk(cwv(it[1])), testThunk(cwv(it[2])))
}

// expandTestAssert rewrites (test-assert …) to a call of the Scheme half of the library.
func expandTestAssert(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "test-assert")
	e := it[len(it)-1]
	return L(kw("%test-run"), testPos(x, f), False, quoteForm(e), testThunk(True), testThunk(L(kw("if"), e, True, False)))
}

// expandTestError rewrites (test-error …) to a call of the Scheme half of the library.
func expandTestError(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "test-error")
	var kinds Value = Null
	e := it[len(it)-1]
	if len(it) >= 3 {
		if l, ok := ListToSlice(it[1]); ok && isKindList(it[1]) && len(l) > 0 {
			kinds = it[1]
		}
	}
	return L(kw("%test-error"), testPos(x, f), quoteForm(kinds), quoteForm(e), testThunk(e))
}

// expandTestGroup rewrites (test-group …) to a call of the Scheme half of the library.
func expandTestGroup(x *expander, f *Pair, sc *scope) Value {
	it := x.items(f, 2, "test-group")
	return L(kw("begin"), L(kw("%test-group"), it[1]), &Pair{kw("let"), &Pair{Null, listFrom(append(it[2:], L(kw("%test-group"), False)))}})
}

// internalTestGroup implements %test-group.
func internalTestGroup(th *Thread, a []Value) (Value, error) {
	return Unspecified, nil
}

// internalConditionString implements %condition-string.
func internalConditionString(th *Thread, a []Value) (Value, error) {
	return NewString(ConditionSummary(a[0])), nil
}

// awaitState implements await-state: thread-state of a[0] looked at every
// 10 ms until it is a[1] or 30 s have passed.
func awaitState(th *Thread, a []Value) (Value, error) {
	end := time.Now().Add(30 * time.Second)
	for {
		st, err := threadState(th, a[:1])
		if err != nil || st == a[1] || time.Now().After(end) {
			return st, err
		}
		select {
		case <-time.After(10 * time.Millisecond):
		case <-th.Context().Done():
			return nil, th.Context().Err()
		}
	}
}

// internalTestApprox implements %test-approx.
func internalTestApprox(th *Thread, a []Value) (Value, error) {
	if c, ok := a[0].(*Compnum); ok {
		d, ok := a[1].(*Compnum)
		if !ok {
			return False, nil
		}
		re, _ := internalTestApprox(th, []Value{c.Re, d.Re})
		if re == False {
			return False, nil
		}
		return internalTestApprox(th, []Value{c.Im, d.Im})
	}
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
}

// internalTestReport implements %test-report: it hands one result to the
// test hook, or prints a failure on Stderr.
func internalTestReport(th *Thread, a []Value) (Value, error) {
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
}

// ensureTestLib defines the Scheme half of the test library on first use;
// the error of that first use is returned every time.
func (in *Interp) ensureTestLib() error {
	in.testOnce.Do(func() {
		_, in.testErr = in.evalSource(context.Background(), testBoot, "testlib")
	})
	return in.testErr
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
