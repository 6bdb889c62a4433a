// The SRFI-64 test runner: counts, groups, specifiers, results and the simple runner's report.

package srfi64

import (
	"strconv"
	"strings"
	"sync"

	"github.com/tlsport/tlsport/scheme"
)

// Runner is a SRFI-64 test runner.
type Runner struct {
	pass, fail, xpass, xfail, skip int

	groups   []*group // innermost last
	skips    []scheme.Value
	fails    []scheme.Value
	testName scheme.Value
	result   []resultEntry
	aux      scheme.Value
	auto     bool // installed by test-begin: uninstalled by the outermost test-end

	// runs holds test-apply's specifiers: while applying, only the tests
	// (and groups) matching one of them run; the others are skipped
	runs     []scheme.Value
	applying bool

	// callbacks: scheme.False for none, or procedures (the simple runner's
	// are simpleProcs')
	onTestBegin, onTestEnd, onGroupBegin, onGroupEnd, onFinal, onBadCount, onBadEndName scheme.Value
}

type group struct {
	name          scheme.Value
	expected      int // -1: no count
	executed      int
	nskip, nfails int // lengths of skips and fails on entry
}

type resultEntry struct {
	key *scheme.Symbol
	val scheme.Value
}

// TypeName implements scheme.Value.
func (*Runner) TypeName() string { return "test-runner" }

// Repr implements scheme.Repr.
func (r *Runner) Repr() string { return "#<test-runner>" }

// simpleProcs are the procedures test-runner-simple and the simple
// runner's callbacks are bound to ([scheme.Proc.Shared]): a simple
// runner's accessors return them, eq? to the bound names (SRFI-64's
// meta-test suite checks it).
var simpleProcs = sync.OnceValue(func() (p struct {
	runner, testBegin, testEnd, groupBegin, groupEnd, final, badCount, badEndName scheme.Value
}) {
	get := func(name string) scheme.Value { return scheme.SharedPrimitive(built, built.Lookup(name)) }
	p.runner, p.testBegin, p.testEnd = get("test-runner-simple"), get("test-on-test-begin-simple"), get("test-on-test-end-simple")
	p.groupBegin, p.groupEnd, p.final = get("test-on-group-begin-simple"), get("test-on-group-end-simple"), get("test-on-final-simple")
	p.badCount, p.badEndName = get("test-on-bad-count-simple"), get("test-on-bad-end-name-simple")
	return p
})

func newRunner(simple bool) *Runner {
	r := &Runner{testName: scheme.NewString(""), aux: scheme.False}
	f := scheme.Value(scheme.False)
	r.onTestBegin, r.onTestEnd, r.onGroupBegin, r.onGroupEnd = f, f, f, f
	r.onFinal, r.onBadCount, r.onBadEndName = f, f, f
	if simple {
		p := simpleProcs()
		r.onTestBegin, r.onTestEnd, r.onGroupBegin, r.onGroupEnd = p.testBegin, p.testEnd, p.groupBegin, p.groupEnd
		r.onFinal, r.onBadCount, r.onBadEndName = p.final, p.badCount, p.badEndName
	}
	return r
}

func (r *Runner) reset() {
	*r = Runner{testName: scheme.NewString(""), aux: r.aux, onTestBegin: r.onTestBegin, onTestEnd: r.onTestEnd,
		onGroupBegin: r.onGroupBegin, onGroupEnd: r.onGroupEnd, onFinal: r.onFinal, onBadCount: r.onBadCount, onBadEndName: r.onBadEndName}
}

func (r *Runner) set(key string, v scheme.Value) {
	k := scheme.Intern(key)
	for i := range r.result {
		if r.result[i].key == k {
			r.result[i].val = v
			return
		}
	}
	r.result = append(r.result, resultEntry{k, v})
}

func (r *Runner) get(key string) (scheme.Value, bool) {
	k := scheme.Intern(key)
	for _, e := range r.result {
		if e.key == k {
			return e.val, true
		}
	}
	return nil, false
}

func (r *Runner) alist() scheme.Value {
	out := make([]scheme.Value, len(r.result))
	for i, e := range r.result {
		out[i] = scheme.Cons(e.key, e.val)
	}
	return scheme.List(out...)
}

func (r *Runner) groupPath() scheme.Value {
	out := make([]scheme.Value, len(r.groups))
	for i, g := range r.groups {
		out[i] = g.name
	}
	return scheme.List(out...)
}

// state is the per-interpreter SRFI-64 state: the current runner and the factory.
type state struct {
	current *Runner
	factory scheme.Value // a procedure, or nil for test-runner-simple
}

type stateKey struct{}

func stateOf(th *scheme.Thread) *state {
	return th.Interp().HostData(stateKey{}, func() any { return &state{} }).(*state)
}

// current returns the current runner, installing one made by the factory
// (marked auto) when there is none.
func current(th *scheme.Thread) (*Runner, error) {
	st := stateOf(th)
	if st.current != nil {
		return st.current, nil
	}
	r := newRunner(true)
	if st.factory != nil {
		v, err := th.Call(st.factory)
		if err != nil {
			return nil, err
		}
		rr, ok := v.(*Runner)
		if !ok {
			return nil, scheme.Errorf("srfi64: test-runner-factory returned %s, not a test runner", scheme.WriteString(v))
		}
		r = rr
	}
	r.auto = true
	st.current = r
	return r, nil
}

// out writes s to the current output port.
func out(th *scheme.Thread, s string) error {
	p := th.Param(scheme.CurrentOutputPort).(*scheme.Port)
	return p.Write(th.Context(), []byte(s))
}

// callHook calls a callback with the runner and args (#f: none).
func callHook(th *scheme.Thread, r *Runner, hook scheme.Value, args ...scheme.Value) error {
	if hook == scheme.False {
		return nil
	}
	_, err := th.Call(hook, append([]scheme.Value{r}, args...)...)
	return err
}

func display(v scheme.Value) string { return scheme.DisplayString(v) }

// simpleGroupBegin announces the outermost group (called before test-begin
// enters it).
func simpleGroupBegin(th *scheme.Thread, r *Runner, name scheme.Value) error {
	if len(r.groups) == 0 {
		return out(th, "%%%% Starting test "+display(name)+"\n")
	}
	return nil
}

// simpleBadCount reports a group that ran another number of tests than its
// test-begin said.
func simpleBadCount(th *scheme.Thread, actual, expected scheme.Value) error {
	return out(th, "*** Total number of tests was "+display(actual)+" but should be "+display(expected)+". ***\n")
}

// simpleBadEndName is the error of a test-end whose suite name is not its
// test-begin's.
func simpleBadEndName(begin, end scheme.Value) error {
	return scheme.NewError("test-end", "suite name does not match test-begin's", []scheme.Value{end, begin})
}

// simpleTestEnd reports a failing or unexpectedly passing test.
func simpleTestEnd(th *scheme.Thread, r *Runner) error {
	kind, _ := r.get("result-kind")
	k, _ := kind.(*scheme.Symbol)
	if k == nil || (k.Name != "fail" && k.Name != "xpass") {
		return nil
	}
	var b strings.Builder
	b.WriteString(strings.ToUpper(k.Name) + " " + display(r.testName))
	if len(r.groups) > 0 {
		var path []string
		for _, g := range r.groups {
			path = append(path, display(g.name))
		}
		b.WriteString(" (in " + strings.Join(path, " / ") + ")")
	}
	b.WriteString("\n")
	for _, key := range []string{"source-form", "expected-value", "actual-value", "actual-error"} {
		if v, ok := r.get(key); ok {
			if key == "actual-error" {
				b.WriteString("  " + key + ": " + scheme.ConditionSummary(v) + "\n")
			} else {
				b.WriteString("  " + key + ": " + scheme.WriteString(v) + "\n")
			}
		}
	}
	return out(th, b.String())
}

// simpleFinal prints the counts of the test kinds, as the reference
// implementation's test-on-final-simple does.
func simpleFinal(th *scheme.Thread, r *Runner) error {
	var b strings.Builder
	for _, c := range []struct {
		label string
		n     int
	}{{"# of expected passes      ", r.pass}, {"# of expected failures    ", r.xfail}, {"# of unexpected successes ", r.xpass},
		{"# of unexpected failures  ", r.fail}, {"# of skipped tests        ", r.skip}} {
		if c.n > 0 {
			b.WriteString(c.label + strconv.Itoa(c.n) + "\n")
		}
	}
	return out(th, b.String())
}

// toSkip reports whether the test or group named r.testName is skipped: not
// matched by test-apply's specifiers while it applies some, or matched by
// an active test-skip (SRFI-64 test-apply: "executed if it matches any of
// the specifiers in the test-apply and does not match any active
// test-skip specifiers").
func toSkip(th *scheme.Thread, r *Runner) (bool, error) {
	if r.applying {
		run, err := matches(th, r, r.runs)
		if err != nil || !run {
			return !run, err
		}
	}
	return matches(th, r, r.skips)
}

// matches runs the specifiers against the runner (every one, so counting
// specifiers advance) and reports whether any matched.
func matches(th *scheme.Thread, r *Runner, specs []scheme.Value) (bool, error) {
	any := false
	for _, s := range specs {
		v, err := th.Call(s, r)
		if err != nil {
			return false, err
		}
		if v != scheme.False {
			any = true
		}
	}
	return any, nil
}
