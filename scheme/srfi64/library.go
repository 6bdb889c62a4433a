// The (srfi 64) binding table: the test syntax as syntax-rules rows over the runner procedures.

package srfi64

import "github.com/tlsport/tlsport/scheme"

// protect is the template of a test expression evaluated with its errors caught.
const protect = "(lambda () (guard (e (#t (%test-caught e))) (list expr)))"

func check(kind string) string {
	return "(syntax-rules () ((_ name expected expr) (%test-run '" + kind + " name 'expr (lambda () expected) " + protect + " #f))" +
		" ((_ expected expr) (%test-run '" + kind + " #f 'expr (lambda () expected) " + protect + " #f)))"
}

func syn(name, sig, doc, src string) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec, Sig: sig, Doc: doc, Syntax: src}
}

func r(name, doc string, args scheme.Params, fn scheme.PrimFn) scheme.Proc {
	return scheme.Row(name, spec, doc, args, fn)
}

// shared makes a row's procedure one object everywhere (the simple
// runner's callbacks, which the runner's accessors return).
func shared(p scheme.Proc) scheme.Proc {
	p.Shared = true
	return p
}

var runner = req("runner", typeRunner)

// built is Library once its rows are made (Library itself, which the
// runner code cannot name: Library's rows refer to that code).
var built *scheme.Library

// Library is (srfi 64).
var Library = &scheme.Library{Name: "(srfi 64)", ImportOnly: true, Doc: "SRFI-64 test suites: the simple runner prints failures and counts, and a script whose tests failed exits with status 1 at the outermost test-end.",
	Build: func(l *scheme.Library) {
		built = l
		l.Procs = []scheme.Proc{
			r("test-begin", "Enters a test group (installing the simple runner if there is none); count is the number of tests expected.", lam(req("suite-name", nil), opt("count", nil, nil)), testBegin),
			syn("test-end", "(test-end [suite-name])", "Leaves the test group; the outermost end reports the counts, and exits with status 1 when a test failed.",
				"(syntax-rules () ((_) (if (%test-end) (exit 1))) ((_ name) (if (%test-end name) (exit 1))))"),
			syn("test-assert", "(test-assert [test-name] expression)", "Passes when expression is true (and raises nothing).",
				"(syntax-rules () ((_ name expr) (%test-run 'assert name 'expr #f "+protect+" #f)) ((_ expr) (%test-run 'assert #f 'expr #f "+protect+" #f)))"),
			syn("test-equal", "(test-equal [test-name] expected test-expr)", "Passes when test-expr is equal? to expected.", check("equal")),
			syn("test-eqv", "(test-eqv [test-name] expected test-expr)", "Passes when test-expr is eqv? to expected.", check("eqv")),
			syn("test-eq", "(test-eq [test-name] expected test-expr)", "Passes when test-expr is eq? to expected.", check("eq")),
			syn("test-approximate", "(test-approximate [test-name] expected test-expr error)", "Passes when test-expr is within error of expected.",
				"(syntax-rules () ((_ name expected expr error) (%test-run 'approximate name 'expr (lambda () expected) "+protect+" error))"+
					" ((_ expected expr error) (%test-run 'approximate #f 'expr (lambda () expected) "+protect+" error)))"),
			syn("test-error", "(test-error [[test-name] error-type] test-expr)", "Passes when test-expr raises; error-type #t is any, a predicate is applied to the raised object, a symbol is a CHICKEN condition kind.",
				"(syntax-rules () ((_ name etype expr) (%test-run 'error name 'expr #f "+protect+" etype))"+
					" ((_ etype expr) (%test-run 'error #f 'expr #f "+protect+" etype)) ((_ expr) (%test-run 'error #f 'expr #f "+protect+" #t)))"),
			syn("test-group", "(test-group suite-name decl-or-expr ...)", "Runs the body as a test group (skipped when a test-skip matches its name); the group ends also on an error.",
				"(syntax-rules () ((_ name body ...) (if (%test-group name (lambda () body ...)) (exit 1))))"),
			syn("test-group-with-cleanup", "(test-group-with-cleanup suite-name decl-or-expr ... cleanup-form)", "test-group, running cleanup-form at the end even on an error.",
				"(syntax-rules () ((_ name body ... cleanup) (if (%test-group name (lambda () body ...) (lambda () cleanup)) (exit 1))))"),
			syn("test-with-runner", "(test-with-runner runner decl-or-expr ...)", "Runs the body with runner as the current runner.",
				"(syntax-rules () ((_ runner body ...) (%test-with-runner runner (lambda () body ...))))"),
			r("test-apply", "(test-apply [runner] specifier ... procedure): calls procedure with runner (default the current one) as the current runner, running only the tests that match one of the specifiers (all when there is none) and no active test-skip.", lam(scheme.SpreadRest("arg", nil)), testApply),
			r("test-skip", "Skips the tests matching the specifier (a name, a count of next tests or a procedure) until the group ends.", lam(scheme.Rest("specifier", nil)), testSkip),
			r("test-expect-fail", "Expects the tests matching the specifier to fail.", lam(scheme.Rest("specifier", nil)), testExpectFail),
			r("test-match-name", "Specifier matching the tests named name.", lam(req("name", nil)), testMatchName),
			r("test-match-nth", "Specifier matching the n-th (1-based) through n+count-1-th tests from now.", lam(req("n", scheme.TypeIndex), opt("count", scheme.TypeIndex, nil)), testMatchNth),
			r("test-match-any", "Specifier matching when any specifier does.", lam(scheme.SpreadRest("specifier", nil)), testMatchAny),
			r("test-match-all", "Specifier matching when every specifier does.", lam(scheme.SpreadRest("specifier", nil)), testMatchAll),
			r("test-read-eval-string", "Reads one datum from string (nothing but white space may follow) and evaluates it.", lam(req("string", scheme.TypeString)), testReadEvalString),
			r("test-runner?", "Is obj a test runner?", lam(req("obj", nil)), testRunnerP),
			r("test-runner-current", "The current runner (#f if none), or with an argument sets it.", lam(opt("runner", nil, nil)), testRunnerCurrent),
			r("test-runner-get", "The current runner; an error if there is none.", none, testRunnerGet),
			shared(r("test-runner-simple", "A new simple runner: prints failures and the final counts.", none, testRunnerSimple)),
			r("test-runner-null", "A new runner that reports nothing.", none, testRunnerNull),
			r("test-runner-create", "A new runner made by the factory.", none, testRunnerCreate),
			r("test-runner-factory", "The runner factory, or with an argument sets it.", lam(opt("factory", nil, nil)), testRunnerFactory),
			r("test-result-kind", "The result of the last test: pass, fail, xpass, xfail or skip.", lam(opt("runner", typeRunner, nil)), testResultKind),
			r("test-passed?", "Did the last test pass (pass or xpass)?", lam(opt("runner", typeRunner, nil)), testPassedP),
			r("test-result-ref", "A property of the last test's result (test-name, source-form, expected-value, actual-value, actual-error, result-kind).",
				lam(runner, req("pname", scheme.TypeSymbol), opt("default", nil, nil)), testResultRef),
			r("test-result-set!", "Sets a property of the current test's result.", lam(runner, req("pname", scheme.TypeSymbol), req("value", nil)), testResultSetBang),
			r("test-result-remove", "Removes a property of the current test's result.", lam(runner, req("pname", scheme.TypeSymbol)), testResultRemove),
			r("test-result-clear", "Removes every property of the current test's result.", lam(runner), testResultClear),
			r("test-result-alist", "The properties of the current test's result.", lam(runner), testResultAlist),
			r("test-runner-pass-count", "Tests that passed and were expected to.", lam(runner), testRunnerPassCount),
			r("test-runner-fail-count", "Tests that failed and were expected to pass.", lam(runner), testRunnerFailCount),
			r("test-runner-xpass-count", "Tests that passed but were expected to fail.", lam(runner), testRunnerXpassCount),
			r("test-runner-xfail-count", "Tests that failed and were expected to.", lam(runner), testRunnerXfailCount),
			r("test-runner-skip-count", "Tests and groups skipped.", lam(runner), testRunnerSkipCount),
			r("test-runner-test-name", "The name of the current test or group.", lam(runner), testRunnerTestName),
			r("test-runner-group-path", "The names of the groups entered, outermost first.", lam(runner), testRunnerGroupPath),
			r("test-runner-group-stack", "The names of the groups entered, innermost first.", lam(runner), testRunnerGroupStack),
			r("test-runner-aux-value", "The runner's aux value.", lam(runner), testRunnerAuxValue),
			r("test-runner-aux-value!", "Sets the runner's aux value.", lam(runner, req("value", nil)), testRunnerAuxValueBang),
			r("test-runner-reset", "Resets the runner's counts and groups.", lam(runner), testRunnerReset),
			r("test-runner-on-test-begin", "The on-test-begin callback.", lam(runner), testRunnerOnTestBegin),
			r("test-runner-on-test-begin!", "Sets the on-test-begin callback (runner).", lam(runner, req("proc", nil)), testRunnerOnTestBeginBang),
			r("test-runner-on-test-end", "The on-test-end callback.", lam(runner), testRunnerOnTestEnd),
			r("test-runner-on-test-end!", "Sets the on-test-end callback (runner).", lam(runner, req("proc", nil)), testRunnerOnTestEndBang),
			r("test-runner-on-group-begin", "The on-group-begin callback.", lam(runner), testRunnerOnGroupBegin),
			r("test-runner-on-group-begin!", "Sets the on-group-begin callback (runner suite-name count).", lam(runner, req("proc", nil)), testRunnerOnGroupBeginBang),
			r("test-runner-on-group-end", "The on-group-end callback.", lam(runner), testRunnerOnGroupEnd),
			r("test-runner-on-group-end!", "Sets the on-group-end callback (runner).", lam(runner, req("proc", nil)), testRunnerOnGroupEndBang),
			r("test-runner-on-final", "The on-final callback.", lam(runner), testRunnerOnFinal),
			r("test-runner-on-final!", "Sets the on-final callback (runner).", lam(runner, req("proc", nil)), testRunnerOnFinalBang),
			r("test-runner-on-bad-count", "The on-bad-count callback.", lam(runner), testRunnerOnBadCount),
			r("test-runner-on-bad-count!", "Sets the on-bad-count callback (runner actual expected).", lam(runner, req("proc", nil)), testRunnerOnBadCountBang),
			r("test-runner-on-bad-end-name", "The on-bad-end-name callback.", lam(runner), testRunnerOnBadEndName),
			r("test-runner-on-bad-end-name!", "Sets the on-bad-end-name callback (runner begin-name end-name).", lam(runner, req("proc", nil)), testRunnerOnBadEndNameBang),
			shared(r("test-on-final-simple", "The simple runner's final report: the counts.", lam(runner), testOnFinalSimple)),
			shared(r("test-on-test-begin-simple", "The simple runner's on-test-begin: reports nothing.", lam(runner), testOnTestBeginSimple)),
			shared(r("test-on-group-begin-simple", "The simple runner's on-group-begin: prints %%%% Starting test suite-name for the outermost group.", lam(runner, req("suite-name", nil), req("count", nil)), testOnGroupBeginSimple)),
			shared(r("test-on-group-end-simple", "The simple runner's on-group-end: reports nothing.", lam(runner), testOnGroupEndSimple)),
			shared(r("test-on-bad-count-simple", "The simple runner's on-bad-count: prints both counts.", lam(runner, req("actual-count", nil), req("expected-count", nil)), testOnBadCountSimple)),
			shared(r("test-on-bad-end-name-simple", "The simple runner's on-bad-end-name: raises an error.", lam(runner, req("begin-name", nil), req("end-name", nil)), testOnBadEndNameSimple)),
			shared(r("test-on-test-end-simple", "The simple runner's per-test report: FAIL and XPASS lines.", lam(runner), testOnTestEndSimple)),
			r("%test-run", "Runs one test case for the test syntax.", lam(req("kind", nil), req("name", nil), req("form", nil), req("expected", nil), req("thunk", nil), req("extra", nil)), internalTestRun),
			r("%test-caught", "Wraps what a test expression raised.", lam(req("obj", nil)), internalTestCaught),
			r("%test-end", "Body of test-end: #t when the script should exit with status 1.", lam(opt("suite-name", nil, nil)), internalTestEnd),
			r("%test-group", "Body of test-group.", lam(req("suite-name", nil), req("thunk", nil), opt("cleanup", nil, nil)), internalTestGroup),
			r("%test-with-runner", "Body of test-with-runner.", lam(req("runner", typeRunner), req("thunk", nil)), internalTestWithRunner),
		}
	}}
