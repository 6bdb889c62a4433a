// Package srfi64 is SRFI-64, the Scheme API for test suites: test-begin,
// test-end, test-assert, test-equal, test-eqv, test-eq, test-approximate,
// test-error, test-group, specifiers (test-skip, test-expect-fail, test-match-…)
// and test runners. The default (simple) runner prints every failing test
// and the counts at the outermost test-end, and the script then exits
// with status 1 when a test failed or unexpectedly passed.
package srfi64

import (
	"math"
	"strings"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "srfi-64"

var (
	req  = scheme.Req
	opt  = scheme.Opt
	lam  = scheme.Lambda
	none = scheme.Lambda()
)

var typeRunner = &scheme.Type{Name: "test runner", Accept: func(v scheme.Value) bool { _, ok := v.(*Runner); return ok }}

// caught wraps what a protected test expression raised.
type caught struct{ v scheme.Value }

// TypeName implements scheme.Value.
func (*caught) TypeName() string { return "test-caught" }

// internalTestCaught implements %test-caught.
func internalTestCaught(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &caught{a[0]}, nil
}

// protected calls a thunk made by the test syntax: its value, or what it raised.
func protected(th *scheme.Thread, thunk scheme.Value) (v scheme.Value, exn *caught, err error) {
	res, err := th.Call(thunk)
	if err != nil {
		return nil, nil, err
	}
	if c, ok := res.(*caught); ok {
		return nil, c, nil
	}
	return res.(*scheme.Pair).Car, nil, nil
}

// startTest sets up the result of a test case; run is false when it is skipped.
func startTest(th *scheme.Thread, r *Runner, name, form scheme.Value) (run, xfail bool, err error) {
	r.result = nil
	if name == scheme.False {
		name = scheme.NewString("")
	}
	r.testName = name
	r.set("test-name", name)
	r.set("source-form", form)
	skip, err := toSkip(th, r)
	if err != nil {
		return false, false, err
	}
	xfail, err = matches(th, r, r.fails)
	if err != nil {
		return false, false, err
	}
	if err := callHook(th, r, r.onTestBegin); err != nil {
		return false, false, err
	}
	if len(r.groups) > 0 {
		r.groups[len(r.groups)-1].executed++
	}
	if skip {
		r.skip++
		r.set("result-kind", scheme.Intern("skip"))
		return false, false, callHook(th, r, r.onTestEnd)
	}
	return true, xfail, nil
}

// endTest records a test case's outcome and runs on-test-end.
func endTest(th *scheme.Thread, r *Runner, pass, xfail bool) error {
	kind := "pass"
	switch {
	case pass && xfail:
		kind, r.xpass = "xpass", r.xpass+1
	case pass:
		r.pass++
	case xfail:
		kind, r.xfail = "xfail", r.xfail+1
	default:
		kind, r.fail = "fail", r.fail+1
	}
	r.set("result-kind", scheme.Intern(kind))
	return callHook(th, r, r.onTestEnd)
}

// internalTestRun implements %test-run: (kind name form expected-thunk
// protected-thunk extra) for the test syntax; kind is assert, equal, eqv,
// eq, approximate or error; extra is the error bound or the error type.
func internalTestRun(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ks, ok := a[0].(*scheme.Symbol)
	if !ok {
		return nil, scheme.TypeError("", 1, "test kind symbol", a[0])
	}
	kind, name, form, expThunk, thunk, extra := ks.Name, a[1], a[2], a[3], a[4], a[5]
	r, err := current(th)
	if err != nil {
		return nil, err
	}
	run, xfail, err := startTest(th, r, name, form)
	if err != nil || !run {
		return scheme.Unspecified, err
	}
	var expected scheme.Value
	if kind != "assert" && kind != "error" {
		if expected, err = th.Call(expThunk); err != nil {
			return nil, err
		}
		r.set("expected-value", expected)
	}
	v, exn, err := protected(th, thunk)
	if err != nil {
		return nil, err
	}
	if exn != nil {
		r.set("actual-error", exn.v)
	} else {
		r.set("actual-value", v)
	}
	pass := false
	switch kind {
	case "assert":
		pass = exn == nil && v != scheme.False
	case "equal":
		pass = exn == nil && scheme.Equal(expected, v)
	case "eqv":
		pass = exn == nil && scheme.Eqv(expected, v)
	case "eq":
		pass = exn == nil && scheme.Eq(expected, v)
	case "approximate":
		if exn == nil && scheme.IsNumber(v) && scheme.IsNumber(expected) {
			pass = math.Abs(scheme.ToFloat(expected)-scheme.ToFloat(v)) <= scheme.ToFloat(extra)
		}
	case "error":
		if exn != nil {
			if pass, err = errorMatches(th, extra, exn.v); err != nil {
				return nil, err
			}
		}
	}
	return scheme.Unspecified, endTest(th, r, pass, xfail)
}

// errorMatches reports whether raised is of the error type: #t (any), a
// predicate, or a CHICKEN condition kind (symbol).
func errorMatches(th *scheme.Thread, etype, raised scheme.Value) (bool, error) {
	switch t := etype.(type) {
	case *scheme.Symbol:
		c, ok := raised.(*scheme.Condition)
		return ok && c.Has(t.Name), nil
	case *scheme.Boolean:
		return etype != scheme.False, nil
	}
	if scheme.IsProcedure(etype) {
		v, err := th.Call(etype, raised)
		return v != scheme.False, err
	}
	return true, nil
}

// testBegin implements test-begin.
func testBegin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r, err := current(th)
	if err != nil {
		return nil, err
	}
	if len(r.groups) > 0 {
		r.groups[len(r.groups)-1].executed++
	}
	count := scheme.Value(scheme.False)
	g := &group{name: a[0], expected: -1, nskip: len(r.skips), nfails: len(r.fails)}
	if n, ok := a[1].(scheme.Fixnum); ok {
		g.expected, count = int(n), n
	}
	r.testName = a[0]
	if err := callHook(th, r, r.onGroupBegin, a[0], count); err != nil {
		return nil, err
	}
	r.groups = append(r.groups, g)
	return scheme.Unspecified, nil
}

// internalTestEnd implements %test-end, the body of test-end: #t when the
// script should exit with status 1 (the outermost group of an automatic
// simple runner ended with failures).
func internalTestEnd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st := stateOf(th)
	r := st.current
	if r == nil || len(r.groups) == 0 {
		return nil, scheme.Errorf("test-end without test-begin")
	}
	g := r.groups[len(r.groups)-1]
	if !scheme.IsDefault(a[0]) && !scheme.Equal(a[0], g.name) {
		if err := callHook(th, r, r.onBadEndName, g.name, a[0]); err != nil {
			return nil, err
		}
	}
	if g.expected >= 0 && g.expected != g.executed {
		actual, expected := scheme.Fixnum(g.executed), scheme.Fixnum(g.expected)
		if err := callHook(th, r, r.onBadCount, actual, expected); err != nil {
			return nil, err
		}
	}
	r.skips, r.fails = r.skips[:g.nskip], r.fails[:g.nfails]
	if err := callHook(th, r, r.onGroupEnd); err != nil {
		return nil, err
	}
	r.groups = r.groups[:len(r.groups)-1]
	if len(r.groups) > 0 {
		r.testName = r.groups[len(r.groups)-1].name
		return scheme.False, nil
	}
	if err := callHook(th, r, r.onFinal); err != nil {
		return nil, err
	}
	if !r.auto {
		return scheme.False, nil
	}
	st.current = nil
	return scheme.MakeBool(r.onFinal == simpleProcs().final && r.fail+r.xpass > 0), nil
}

// internalTestGroup implements %test-group: (name thunk) runs thunk inside
// the group, ending it also when thunk raises; the group is skipped when a
// skip specifier matches its name.
func internalTestGroup(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r, err := current(th)
	if err != nil {
		return nil, err
	}
	saved := r.testName
	r.testName = a[0]
	skip, err := toSkip(th, r)
	if err != nil {
		return nil, err
	}
	if skip { // #f: test-group's (if … (exit 1)) must not exit
		r.testName = saved
		r.skip++
		return scheme.False, nil
	}
	if _, err := testBegin(th, []scheme.Value{a[0], scheme.Default}); err != nil {
		return nil, err
	}
	_, bodyErr := th.Call(a[1])
	if len(a) > 2 && !scheme.IsDefault(a[2]) && a[2] != scheme.False {
		if _, err := th.Call(a[2]); err != nil && bodyErr == nil {
			bodyErr = err
		}
	}
	exit, err := internalTestEnd(th, []scheme.Value{a[0]})
	if bodyErr != nil {
		return nil, bodyErr
	}
	return exit, err
}

// specifier turns a test-skip / test-expect-fail argument into a match procedure.
func specifier(v scheme.Value) scheme.Value {
	switch s := v.(type) {
	case *scheme.String:
		return matchName(s)
	case scheme.Fixnum:
		return matchNth(1, int(s))
	}
	return v
}

// addSpecifiers appends the specifiers of the list a[0] to the list of the
// current runner that field selects.
func addSpecifiers(th *scheme.Thread, a []scheme.Value, field func(*Runner) *[]scheme.Value) (scheme.Value, error) {
	r, err := current(th)
	if err != nil {
		return nil, err
	}
	l := field(r)
	for _, s := range listOf(a[0]) {
		*l = append(*l, specifier(s))
	}
	return scheme.Unspecified, nil
}

// testSkip implements test-skip.
func testSkip(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return addSpecifiers(th, a, func(r *Runner) *[]scheme.Value { return &r.skips })
}

// testExpectFail implements test-expect-fail.
func testExpectFail(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return addSpecifiers(th, a, func(r *Runner) *[]scheme.Value { return &r.fails })
}

func listOf(v scheme.Value) []scheme.Value {
	l, _ := scheme.ListToSlice(v)
	return l
}

func matcher(name string, f func(th *scheme.Thread, r *Runner) (bool, error)) scheme.Value {
	return scheme.NewPrimitive(nil, &scheme.Proc{Name: name, Spec: spec, Doc: "A test specifier.", Args: lam(req("runner", typeRunner)),
		Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			ok, err := f(th, a[0].(*Runner))
			return scheme.MakeBool(ok), err
		}})
}

func matchName(name scheme.Value) scheme.Value {
	return matcher("test-match-name", func(th *scheme.Thread, r *Runner) (bool, error) { return scheme.Equal(r.testName, name), nil })
}

func matchNth(n, count int) scheme.Value {
	i := 0
	return matcher("test-match-nth", func(th *scheme.Thread, r *Runner) (bool, error) {
		i++
		return i >= n && i < n+count, nil
	})
}

// testMatchName implements test-match-name.
func testMatchName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return matchName(a[0]), nil
}

// testMatchNth implements test-match-nth.
func testMatchNth(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	count := 1
	if c, ok := a[1].(scheme.Fixnum); ok {
		count = int(c)
	}
	return matchNth(int(a[0].(scheme.Fixnum)), count), nil
}

// testMatchAny implements test-match-any.
func testMatchAny(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	specs := make([]scheme.Value, len(a))
	for i, s := range a {
		specs[i] = specifier(s)
	}
	return matcher("test-match-any", func(th *scheme.Thread, r *Runner) (bool, error) { return matches(th, r, specs) }), nil
}

// testMatchAll implements test-match-all.
func testMatchAll(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	specs := make([]scheme.Value, len(a))
	for i, s := range a {
		specs[i] = specifier(s)
	}
	return matcher("test-match-all", func(th *scheme.Thread, r *Runner) (bool, error) {
		all := true
		for _, s := range specs {
			v, err := th.Call(s, r)
			if err != nil {
				return false, err
			}
			all = all && v != scheme.False
		}
		return all, nil
	}), nil
}

// testRunnerP implements test-runner?.
func testRunnerP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.IsA[*Runner](a[0]), nil
}

// testRunnerCurrent implements test-runner-current.
func testRunnerCurrent(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st := stateOf(th)
	if !scheme.IsDefault(a[0]) {
		r, _ := a[0].(*Runner)
		st.current = r
		return scheme.Unspecified, nil
	}
	if st.current == nil {
		return scheme.False, nil
	}
	return st.current, nil
}

// testRunnerGet implements test-runner-get.
func testRunnerGet(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if r := stateOf(th).current; r != nil {
		return r, nil
	}
	return nil, scheme.Errorf("no current test runner")
}

// testRunnerSimple implements test-runner-simple.
func testRunnerSimple(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return newRunner(true), nil
}

// testRunnerNull implements test-runner-null.
func testRunnerNull(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return newRunner(false), nil
}

// testRunnerCreate implements test-runner-create.
func testRunnerCreate(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if f := stateOf(th).factory; f != nil {
		return th.TailCall(f, nil)
	}
	return newRunner(true), nil
}

// testRunnerFactory implements test-runner-factory.
func testRunnerFactory(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st := stateOf(th)
	if !scheme.IsDefault(a[0]) {
		st.factory = a[0]
		return scheme.Unspecified, nil
	}
	if st.factory == nil {
		return simpleProcs().runner, nil
	}
	return st.factory, nil
}

// testApply implements test-apply: ([runner] specifier ... procedure) calls
// procedure with runner (default the current one, or a new one from the
// factory, whose on-final then runs) as the current runner, running only
// the tests that match one of the specifiers (all when there is none).
func testApply(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st := stateOf(th)
	saved := st.current
	r, explicit := (*Runner)(nil), false
	if len(a) > 0 {
		r, explicit = a[0].(*Runner)
	}
	if explicit {
		a = a[1:]
	}
	if len(a) == 0 {
		return nil, scheme.NewError("test-apply", "no procedure to call", nil)
	}
	created := !explicit && saved == nil
	if !explicit {
		var err error
		if r, err = current(th); err != nil {
			return nil, err
		}
	}
	specs, proc := a[:len(a)-1], a[len(a)-1]
	runs, applying := r.runs, r.applying
	for _, s := range specs {
		r.runs = append(r.runs[:len(r.runs):len(r.runs)], specifier(s))
		r.applying = true
	}
	st.current = r
	v, err := th.Call(proc)
	// an outermost test-end in proc already reported on a runner made here
	// (and uninstalled it, as test-begin's automatic runner)
	reported := st.current != r
	r.runs, r.applying = runs, applying
	st.current = saved
	if created && err == nil && !reported {
		err = callHook(th, r, r.onFinal)
	}
	return v, err
}

// internalTestWithRunner implements %test-with-runner, the body of test-with-runner.
func internalTestWithRunner(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	st := stateOf(th)
	saved := st.current
	st.current = a[0].(*Runner)
	v, err := th.Call(a[1])
	st.current = saved
	return v, err
}

func runnerOf(th *scheme.Thread, a []scheme.Value, i int) (*Runner, error) {
	if i < len(a) && !scheme.IsDefault(a[i]) {
		return a[i].(*Runner), nil
	}
	if r := stateOf(th).current; r != nil {
		return r, nil
	}
	return nil, scheme.Errorf("no current test runner")
}

// testResultKind implements test-result-kind.
func testResultKind(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r, err := runnerOf(th, a, 0)
	if err != nil {
		return nil, err
	}
	if v, ok := r.get("result-kind"); ok {
		return v, nil
	}
	return scheme.False, nil
}

// testPassedP implements test-passed?.
func testPassedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	v, err := testResultKind(th, a)
	if err != nil {
		return nil, err
	}
	s, _ := v.(*scheme.Symbol)
	return scheme.MakeBool(s != nil && (s.Name == "pass" || s.Name == "xpass")), nil
}

// testResultRef implements test-result-ref.
func testResultRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if v, ok := a[0].(*Runner).get(a[1].(*scheme.Symbol).Name); ok {
		return v, nil
	}
	if scheme.IsDefault(a[2]) {
		return scheme.False, nil
	}
	return a[2], nil
}

// testResultSetBang implements test-result-set!.
func testResultSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*Runner).set(a[1].(*scheme.Symbol).Name, a[2])
	return scheme.Unspecified, nil
}

// testResultRemove implements test-result-remove.
func testResultRemove(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	r, k := a[0].(*Runner), a[1].(*scheme.Symbol)
	for i, e := range r.result {
		if e.key == k {
			r.result = append(r.result[:i], r.result[i+1:]...)
			break
		}
	}
	return scheme.Unspecified, nil
}

// testResultClear implements test-result-clear.
func testResultClear(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*Runner).result = nil
	return scheme.Unspecified, nil
}

// testResultAlist implements test-result-alist.
func testResultAlist(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*Runner).alist(), nil
}

func count(f func(r *Runner) int) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		return scheme.Fixnum(f(a[0].(*Runner))), nil
	}
}

// testRunnerPassCount implements test-runner-pass-count.
func testRunnerPassCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return count(func(r *Runner) int { return r.pass })(th, a)
}

// testRunnerFailCount implements test-runner-fail-count.
func testRunnerFailCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return count(func(r *Runner) int { return r.fail })(th, a)
}

// testRunnerXpassCount implements test-runner-xpass-count.
func testRunnerXpassCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return count(func(r *Runner) int { return r.xpass })(th, a)
}

// testRunnerXfailCount implements test-runner-xfail-count.
func testRunnerXfailCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return count(func(r *Runner) int { return r.xfail })(th, a)
}

// testRunnerSkipCount implements test-runner-skip-count.
func testRunnerSkipCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return count(func(r *Runner) int { return r.skip })(th, a)
}

// testRunnerTestName implements test-runner-test-name.
func testRunnerTestName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*Runner).testName, nil
}

// testRunnerGroupPath implements test-runner-group-path.
func testRunnerGroupPath(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*Runner).groupPath(), nil
}

// testRunnerGroupStack implements test-runner-group-stack.
func testRunnerGroupStack(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	l := listOf(a[0].(*Runner).groupPath())
	for i, j := 0, len(l)-1; i < j; i, j = i+1, j-1 {
		l[i], l[j] = l[j], l[i]
	}
	return scheme.List(l...), nil
}

// testRunnerAuxValue implements test-runner-aux-value.
func testRunnerAuxValue(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return a[0].(*Runner).aux, nil
}

// testRunnerAuxValueBang implements test-runner-aux-value!.
func testRunnerAuxValueBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*Runner).aux = a[1]
	return scheme.Unspecified, nil
}

// testRunnerReset implements test-runner-reset.
func testRunnerReset(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	a[0].(*Runner).reset()
	return scheme.Unspecified, nil
}

// hookField returns the callback field of r an accessor row names.
func hookField(r *Runner, event string) *scheme.Value {
	switch event {
	case "test-begin":
		return &r.onTestBegin
	case "test-end":
		return &r.onTestEnd
	case "group-begin":
		return &r.onGroupBegin
	case "group-end":
		return &r.onGroupEnd
	case "final":
		return &r.onFinal
	case "bad-count":
		return &r.onBadCount
	}
	return &r.onBadEndName
}

func getHook(a []scheme.Value, event string) (scheme.Value, error) {
	return *hookField(a[0].(*Runner), event), nil
}

func setHook(a []scheme.Value, event string) (scheme.Value, error) {
	*hookField(a[0].(*Runner), event) = a[1]
	return scheme.Unspecified, nil
}

// testRunnerOnTestBegin implements test-runner-on-test-begin.
func testRunnerOnTestBegin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getHook(a, "test-begin")
}

// testRunnerOnTestBeginBang implements test-runner-on-test-begin!.
func testRunnerOnTestBeginBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setHook(a, "test-begin")
}

// testRunnerOnTestEnd implements test-runner-on-test-end.
func testRunnerOnTestEnd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getHook(a, "test-end")
}

// testRunnerOnTestEndBang implements test-runner-on-test-end!.
func testRunnerOnTestEndBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setHook(a, "test-end")
}

// testRunnerOnGroupBegin implements test-runner-on-group-begin.
func testRunnerOnGroupBegin(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getHook(a, "group-begin")
}

// testRunnerOnGroupBeginBang implements test-runner-on-group-begin!.
func testRunnerOnGroupBeginBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setHook(a, "group-begin")
}

// testRunnerOnGroupEnd implements test-runner-on-group-end.
func testRunnerOnGroupEnd(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getHook(a, "group-end")
}

// testRunnerOnGroupEndBang implements test-runner-on-group-end!.
func testRunnerOnGroupEndBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setHook(a, "group-end")
}

// testRunnerOnFinal implements test-runner-on-final.
func testRunnerOnFinal(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getHook(a, "final")
}

// testRunnerOnFinalBang implements test-runner-on-final!.
func testRunnerOnFinalBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setHook(a, "final")
}

// testRunnerOnBadCount implements test-runner-on-bad-count.
func testRunnerOnBadCount(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getHook(a, "bad-count")
}

// testRunnerOnBadCountBang implements test-runner-on-bad-count!.
func testRunnerOnBadCountBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setHook(a, "bad-count")
}

// testRunnerOnBadEndName implements test-runner-on-bad-end-name.
func testRunnerOnBadEndName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return getHook(a, "bad-end-name")
}

// testRunnerOnBadEndNameBang implements test-runner-on-bad-end-name!.
func testRunnerOnBadEndNameBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setHook(a, "bad-end-name")
}

// testOnFinalSimple implements test-on-final-simple.
func testOnFinalSimple(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, simpleFinal(th, a[0].(*Runner))
}

// testOnTestBeginSimple implements test-on-test-begin-simple: the simple
// runner reports nothing when a test begins.
func testOnTestBeginSimple(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, nil
}

// testOnGroupBeginSimple implements test-on-group-begin-simple.
func testOnGroupBeginSimple(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, simpleGroupBegin(th, a[0].(*Runner), a[1])
}

// testOnGroupEndSimple implements test-on-group-end-simple: the simple
// runner reports nothing when a group ends.
func testOnGroupEndSimple(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, nil
}

// testOnBadCountSimple implements test-on-bad-count-simple.
func testOnBadCountSimple(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, simpleBadCount(th, a[1], a[2])
}

// testOnBadEndNameSimple implements test-on-bad-end-name-simple.
func testOnBadEndNameSimple(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return nil, simpleBadEndName(a[1], a[2])
}

// testOnTestEndSimple implements test-on-test-end-simple.
func testOnTestEndSimple(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, simpleTestEnd(th, a[0].(*Runner))
}

// testReadEvalString implements test-read-eval-string: reads one datum
// (anything after it but white space is an error) and evaluates it.
func testReadEvalString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	src := a[0].(*scheme.String).String()
	rd := strings.NewReader(src)
	v, err := scheme.ReadDatum(rd, "(string)")
	if err != nil {
		return nil, err
	}
	if v == scheme.EOF {
		return nil, scheme.Errorf("no datum in %q", src)
	}
	if rest, _ := scheme.ReadDatum(rd, "(string)"); rest != scheme.EOF {
		return nil, scheme.Errorf("extra text after the datum in %q", src)
	}
	env, _ := th.Interp().Lookup("interaction-environment")
	e, err := th.Call(env)
	if err != nil {
		return nil, err
	}
	eval, _ := th.Interp().Lookup("eval")
	return th.TailCall(eval, []scheme.Value{v, e})
}
