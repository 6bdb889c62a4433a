// Control primitives: call/cc, dynamic-wind, values, apply, exceptions, promises, parameters, eval.

package scheme

import (
	"fmt"
	"os"
	"strings"
	"time"
)

func simpleProc(name string, nreq int, rest bool, fn PrimFn) *Primitive {
	p := &Proc{Name: name, Args: Params{Required: make([]string, nreq)}, Fn: fn}
	if rest {
		p.Args.Rest, p.Args.Spread = "rest", true
	}
	return NewPrimitive(nil, p)
}

var (
	primQQCons = simpleProc("cons", 2, false, func(th *Thread, a []Value) (Value, error) {
		return &Pair{a[0], a[1]}, nil
	})
	primQQAppend = simpleProc("append", 2, false, func(th *Thread, a []Value) (Value, error) {
		items, ok := ListToSlice(a[0])
		if !ok {
			return nil, TypeError("unquote-splicing", 1, "list", a[0])
		}
		return ListTail(a[1], items...), nil
	})
	primQQVector = simpleProc("list->vector", 1, false, func(th *Thread, a []Value) (Value, error) {
		items, _ := ListToSlice(a[0])
		return &Vector{Items: items}, nil
	})
)

// caseLambda dispatches on argument count.
type caseLambda struct{ clauses []*Closure }

// TypeName implements Value.
func (*caseLambda) TypeName() string { return "procedure" }

// Repr implements Repr.
func (*caseLambda) Repr() string { return "#<procedure case-lambda>" }

type frameFn func(th *Thread, f *frame, v Value) Value

func (fn frameFn) resume(th *Thread, f *frame, v Value) Value { return fn(th, f, v) }

// coreLibrary is the table of the evaluator's own procedures: control
// (call/cc, dynamic-wind, raise …, with direct access to the continuation),
// values, apply, promises, parameters, environments and keywords.
var coreLibrary = &Library{Name: "(tlsport core)", Doc: "The evaluator's control procedures and core conveniences.",
	Parameters: []*ParamDef{EvalHandler},
	Values:     []Binding{{Name: "%unspecified", Value: Unspecified}}, Procs: []Proc{
		{Name: "%write-string", Args: Params{Required: []string{"obj"}}, Fn: internalWriteString},
		{Name: "void", Sig: "(void arg ...)", Doc: "Return the unspecified value.", Args: Params{Rest: "args", Spread: true},
			Fn: void},
		{Name: "%memv", Args: Params{Required: []string{"x", "l"}}, Fn: internalMemv},
		{Name: "procedure?", Doc: "True for procedures.", Args: Params{Required: []string{"obj"}},
			Fn: procedureP},
		{Name: "values", Sig: "(values obj ...)", Doc: "Return several values.", Args: Params{Rest: "objs", Spread: true},
			Fn: values},
		{Name: "apply", Sig: "(apply proc arg ... list)", Doc: "Call proc with the arguments and the elements of list.",
			Args: Params{Required: []string{"proc"}, Rest: "args", Spread: true},
			Fn:   apply},
		{Name: "%make-lazy", Args: Params{Required: []string{"thunk"}}, Fn: internalMakeLazy},
		{Name: "%done-promise", Args: Params{Rest: "vals", Spread: true}, Fn: internalDonePromise},
		{Name: "make-promise", Doc: "A promise already forced to obj.", Args: Params{Required: []string{"obj"}},
			Fn: makePromise},
		{Name: "promise?", Doc: "Is obj a promise?", Args: Params{Required: []string{"obj"}},
			Fn: promiseP},
		{Name: "%has-kinds?", Args: Params{Required: []string{"c", "kinds"}}, Fn: internalHasKindsP},
		{Name: "%assert-fail", Args: Params{Required: []string{"expr"}, Rest: "msg", Spread: true}, Fn: internalAssertFail},
		{Name: "%case-lambda", Args: Params{Rest: "clauses", Spread: true}, Fn: internalCaseLambda},
		{Name: "make-parameter", Doc: "Makes a parameter object: (p) is its value, (p v) sets it and returns the value set: v through converter, as CHICKEN's parameters do. A thread made by make-thread owns its copy of every parameter's value, taken when it is made.",
			Args: Params{Required: []string{"value"}, Optional: []string{"converter"}},
			Fn:   makeParameter},
		{Name: "emergency-exit", Doc: "Ends the program at once with code (#t/none: 0, #f: 1), without running dynamic-wind after thunks.", Args: Params{Optional: []string{"code"}}, Fn: emergencyExit},
		{Name: "command-line", Doc: "The command line as a list of strings.",
			Fn: commandLine},
		{Name: "command-line-arguments", Doc: "The command-line arguments after the program name (CHICKEN).", Fn: commandLineArguments},
		{Name: "get-environment-variable", Doc: "The value of the environment variable name, or #f.", Args: Params{Required: []string{"name"}}, Fn: getEnvironmentVariable},
		{Name: "get-environment-variables", Doc: "The environment as an alist of strings.",
			Fn: getEnvironmentVariables},
		{Name: "current-second", Doc: "Seconds since the epoch (TAI approximated by UTC).",
			Fn: currentSecond},
		{Name: "current-jiffy", Doc: "Monotonic time in jiffies (microseconds).",
			Fn: currentJiffy},
		{Name: "jiffies-per-second", Doc: "Jiffies per second of current-jiffy (1000000).", Fn: jiffiesPerSecond},
		{Name: "features", Doc: "The cond-expand feature identifiers.",
			Fn: features},
		{Name: "interaction-environment", Spec: "r7rs §6.12", Doc: "The REPL's environment (the global one), for eval.", Fn: interactionEnvironment},
		{Name: "scheme-report-environment", Spec: "r7rs §6.12", Doc: "An environment holding exactly the bindings of (scheme r5rs).", Args: Params{Optional: []string{"version"}}, Fn: schemeReportEnvironment},
		{Name: "null-environment", Spec: "r7rs §6.12", Doc: "An environment holding exactly the syntax keywords of R5RS.", Args: Params{Optional: []string{"version"}}, Fn: nullEnvironment},
		{Name: "environment", Spec: "r7rs §6.12", Doc: "An environment holding exactly the bindings of the import sets; definitions made in it by eval stay in it.", Args: Params{Rest: "import-sets", Spread: true}, Fn: environment},
		{Name: "keyword?", Doc: "Is obj a keyword?", Args: Params{Required: []string{"obj"}},
			Fn: keywordP},
		{Name: "keyword->string", Doc: "The name of a keyword, without colons.", Sig: "(keyword->string kw)", Args: Params{Required: []string{"keyword"}},
			Fn: keywordToString},
		{Name: "string->keyword", Doc: "The keyword named by string.", Sig: "(string->keyword str)", Args: Params{Required: []string{"string"}},
			Fn: stringToKeyword},
		{Name: "get-keyword", Doc: "The value after keyword kw in the list args, else (thunk) or #f.", Args: Params{Required: []string{"kw", "args"}, Optional: []string{"thunk"}},
			Fn: getKeyword},
		{Name: "call-with-current-continuation", Spec: "r7rs §6.10",
			Doc:  "Calls proc with the current continuation (re-entrant, dynamic-wind aware).",
			Args: Params{Required: []string{"proc"}}, control: callWithCurrentContinuation},
		{Name: "call/cc", Spec: "r7rs §6.10",
			Doc:  "Same as call-with-current-continuation.",
			Args: Params{Required: []string{"proc"}}, control: callWithCurrentContinuation},
		{Name: "call-with-escape-continuation", Spec: "CHICKEN",
			Doc:  "Same as call/cc.",
			Args: Params{Required: []string{"proc"}}, control: callWithCurrentContinuation},
		{Name: "exit", Spec: "r7rs §6.14", Sig: "(exit [code])",
			Doc:  "Calls (exit-handler) with code; the default one runs the on-exit thunks and the outstanding dynamic-wind after thunks, then ends the program (#t/none: 0, #f: 1).",
			Args: Params{Optional: []string{"code"}}, control: exit},
		{Name: "call-with-values", Spec: "r7rs §6.10",
			Doc:  "Calls consumer with the values of (producer).",
			Args: Params{Required: []string{"producer", "consumer"}}, control: callWithValues},
		{Name: "dynamic-wind", Spec: "r7rs §6.10",
			Doc:  "Calls thunk; before/after run on every entry/exit, also through continuations.",
			Args: Params{Required: []string{"before", "thunk", "after"}}, control: dynamicWind},
		// the names expansions call, which a program's own definitions of
		// call-with-values, dynamic-wind and list do not replace
		{Name: "%call-with-values", Doc: "Same as call-with-values.",
			Args: Params{Required: []string{"producer", "consumer"}}, control: callWithValues},
		{Name: "%dynamic-wind", Doc: "Same as dynamic-wind.",
			Args: Params{Required: []string{"before", "thunk", "after"}}, control: dynamicWind},
		{Name: "with-exception-handler", Spec: "r7rs §6.11",
			Doc:  "Calls thunk with handler installed.",
			Args: Params{Required: []string{"handler", "thunk"}}, control: withExceptionHandler},
		{Name: "raise", Spec: "r7rs §6.11",
			Doc:  "Raises obj; returning from the handler is an error.",
			Args: Params{Required: []string{"obj"}}, control: raise},
		{Name: "abort", Spec: "CHICKEN (chicken condition)",
			Doc:  "Same as raise.",
			Args: Params{Required: []string{"obj"}}, control: abort},
		{Name: "%reraise",
			Args: Params{Required: []string{"arg1"}}, control: internalReraise},
		{Name: "raise-continuable", Spec: "r7rs §6.11",
			Doc:  "Raises obj; the handler's value is returned.",
			Args: Params{Required: []string{"obj"}}, control: raiseContinuable},
		{Name: "signal", Spec: "CHICKEN (chicken condition)",
			Doc:  "Same as raise-continuable.",
			Args: Params{Required: []string{"condition"}}, control: raiseContinuable},
		{Name: "error", Spec: "r7rs §6.11; CHICKEN (chicken base)", Sig: "(error message irritant ...)",
			Doc:  "Raises an (exn) condition with message and irritants; a symbol before the message (CHICKEN) is the condition's location.",
			Args: Params{Rest: "args"}, control: errorProc},
		{Name: "%guard",
			Args: Params{Required: []string{"arg1", "arg2"}}, control: internalGuard},
		{Name: "%parameterize",
			Args: Params{Required: []string{"arg1", "arg2", "arg3"}}, control: internalParameterize},
		{Name: "force", Spec: "r7rs §4.2.5",
			Doc:  "The value of the promise (computed once); non-promises are returned.",
			Args: Params{Required: []string{"promise"}}, control: force},
		{Name: "make-promise-lazy", Spec: "internal",
			Doc:  "Same as force.",
			Args: Params{Required: []string{"promise"}}, control: force},
		{Name: "eval", Spec: "r7rs §6.12", Sig: "(eval expr [environment])",
			Doc:  "Evaluates expr in environment (default: the interaction environment); a definition's value is unspecified. When eval-handler was given another procedure, eval calls it with its arguments instead.",
			Args: Params{Required: []string{"expr"}, Optional: []string{"environment"}}, control: eval},
		{Name: "load", Spec: "r7rs §6.14", Sig: "(load file [environment-or-evaluator])",
			Doc:  "Reads and evaluates the forms of file, one at a time, in environment (default: the interaction environment); given a procedure instead (CHICKEN's evalproc), calls it with each form instead of evaluating it. With load-verbose true it first writes \"; loading file ...\".",
			Args: Params{Required: []string{"file"}, Optional: []string{"environment"}}, control: load},
	}}

// callWithCurrentContinuation implements call-with-current-continuation.
func callWithCurrentContinuation(th *Thread, a []Value) Value {
	k := &Continuation{k: capture(th.k), depth: th.depth, dyn: th.dynSnap(), base: th.base}
	return th.applyOne(a[0], k)
}

// exit implements exit.
func exit(th *Thread, a []Value) Value {
	// CHICKEN: exit calls (exit-handler) with the code.
	if h := th.Param(ExitHandler); h != Value(defaultExitHandler) {
		if len(a) == 0 || IsDefault(a[0]) {
			return th.apply(h, []Value{Fixnum(0)})
		}
		return th.apply(h, a[:1])
	}
	return exitDefault(th, a)
}

// exitR7RS ends the program as R7RS's exit does.
func exitR7RS(th *Thread, a []Value) Value {
	// R7RS: run the outstanding dynamic-wind after thunks, then leave.
	code := exitCode(a)
	if th.dyn.winders == nil {
		panic(&ExitError{Code: code})
	}
	out := &Continuation{k: heldFrame(frameFn(exitResume), Fixnum(code), th.base), depth: th.baseDepth + 1,
		dyn: new(dynState), base: th.base}
	return th.apply(out, nil)
}

// callWithValues implements call-with-values.
func callWithValues(th *Thread, a []Value) Value {
	th.pushNow(newOpFrame(frameFn(cwvResume), a[1], nil))
	return th.apply(a[0], nil)
}

// dynamicWind implements dynamic-wind.
func dynamicWind(th *Thread, a []Value) Value {
	th.pushNow(newOpFrame(frameFn(dwAfterBefore), a[1], &valsBox{[]Value{a[0], a[2]}}))
	return th.apply(a[0], nil)
}

// withExceptionHandler implements with-exception-handler.
func withExceptionHandler(th *Thread, a []Value) Value {
	if !isProcedure(a[0]) {
		th.fail(TypeError("with-exception-handler", 1, "procedure", a[0]))
	}
	saved := th.dyn
	th.pushNow(newOpFrame(restoreDynOp{}, nil, &dynBox{saved}))
	th.dyn.handlers = &handlerEntry{h: a[0], next: th.dyn.handlers}
	return th.apply(a[1], nil)
}

// raise implements raise.
func raise(th *Thread, a []Value) Value {
	panic(&schemePanic{v: a[0]})
}

// abort implements abort.
func abort(th *Thread, a []Value) Value {
	panic(&schemePanic{v: a[0]})
}

// internalReraise implements %reraise.
func internalReraise(th *Thread, a []Value) Value {
	panic(&schemePanic{v: a[0], continuable: true})
}

// raiseContinuable implements raise-continuable.
func raiseContinuable(th *Thread, a []Value) Value {
	v, err := th.raise(a[0], true)
	if err != nil {
		panic(err)
	}
	return v
}

// errorProc implements error.
func errorProc(th *Thread, a []Value) Value {
	panic(&schemePanic{v: errorObject(a)})
}

// errorObject is the condition (error obj ...) raises for a: a symbol
// followed by more is the location, then the message.
func errorObject(a []Value) *Condition {
	var loc string
	if len(a) > 0 {
		if s, ok := a[0].(*Symbol); ok && len(a) > 1 {
			loc = s.Name
			a = a[1:]
		}
	}
	msg := ""
	if len(a) > 0 {
		if s, ok := a[0].(*String); ok {
			msg = s.String()
		} else {
			msg = DisplayString(a[0])
		}
		a = a[1:]
	}
	return MakeError(loc, msg, append([]Value(nil), a...))
}

// internalGuard implements %guard.
func internalGuard(th *Thread, a []Value) Value {
	// R7RS guard: the clauses run in the guard's dynamic environment; when
	// none matches, the condition is re-raised with raise-continuable in
	// the dynamic environment of the original raise.
	handler := a[1]
	target := &Continuation{k: heldFrame(frameFn(applyValuesResume), handler, capture(th.k)), depth: th.depth + 1,
		dyn: th.dynSnap(), base: th.base}
	h := &control{name: "guard-handler", min: 1, max: 1, fn: func(th *Thread, b []Value) Value {
		c := b[0]
		raiseK := &Continuation{k: capture(th.k), depth: th.depth, dyn: th.dynSnap(), base: th.base}
		reraise := &control{name: "raise-continuable", min: 0, max: 0, fn: func(th *Thread, _ []Value) Value {
			back := &Continuation{k: heldFrame(frameFn(reraiseResume), c, raiseK.k), depth: raiseK.depth + 1,
				dyn: raiseK.dyn, base: raiseK.base}
			return th.apply(back, []Value{Unspecified})
		}}
		return th.apply(target, []Value{c, reraise})
	}}
	saved := th.dyn
	th.pushNow(newOpFrame(restoreDynOp{}, nil, &dynBox{saved}))
	th.dyn.handlers = &handlerEntry{h: h, next: th.dyn.handlers}
	return th.apply(a[0], nil)
}

// internalParameterize implements %parameterize.
func internalParameterize(th *Thread, a []Value) Value {
	ps, _ := ListToSlice(a[0])
	vs, _ := ListToSlice(a[1])
	saved := th.dyn
	var nb *paramBinding = th.dyn.params
	for i, pv := range ps {
		p, ok := pv.(*Parameter)
		if !ok {
			th.fail(TypeError("parameterize", i+1, "parameter", pv))
		}
		v, err := th.convertParam(p, vs[i])
		if err != nil {
			th.fail(err)
		}
		cell := new(Value)
		*cell = v
		nb = &paramBinding{p: p, cell: cell, next: nb}
	}
	th.pushNow(newOpFrame(restoreDynOp{}, nil, &dynBox{saved}))
	th.dyn.params = nb
	return th.apply(a[2], nil)
}

// eval implements eval.
func eval(th *Thread, a []Value) Value {
	if th.interp.evalHandlerSet.Load() {
		if h := th.lookupParam(th.interp.parameter(EvalHandler)); h != th.interp.defaultEval() {
			return th.apply(h, a)
		}
	}
	return defaultEval(th, a)
}

// EvalHandler is CHICKEN's eval-handler: the procedure eval calls.
var EvalHandler = &ParamDef{Name: "eval-handler", Spec: "CHICKEN (chicken eval)", Sig: "(eval-handler [procedure])",
	Doc:  "The procedure eval calls with its arguments (expr and the optional environment); by default eval's own evaluator.",
	Init: func(in *Interp) Value { return in.defaultEval() },
	Convert: func(th *Thread, v Value) (Value, error) {
		if !IsProcedure(v) {
			return nil, NewError("eval-handler", "expected a procedure", []Value{v}, "type")
		}
		if th != nil {
			th.interp.evalHandlerSet.Store(true)
		}
		return v, nil
	}}

// defaultEvalProc is eval's own evaluator as a procedure of its own: the
// default value of eval-handler.
var defaultEvalProc = Proc{Name: "eval", Spec: "r7rs §6.12", Sig: "(eval expr [environment])",
	Doc:  "eval's own evaluator, the default value of eval-handler.",
	Args: Params{Required: []string{"expr"}, Optional: []string{"environment"}}, control: defaultEval}

type defaultEvalKey struct{}

// defaultEval returns in's procedure of defaultEvalProc.
func (in *Interp) defaultEval() Value {
	return in.HostData(defaultEvalKey{}, func() any { return rowValue(nil, &defaultEvalProc) }).(Value)
}

// defaultEval implements eval's own evaluator.
func defaultEval(th *Thread, a []Value) Value {
	var ns *namespace
	if len(a) > 1 && a[1] != Default {
		e, ok := a[1].(*Environment)
		if !ok {
			th.fail(TypeError("eval", 2, "environment", a[1]))
		}
		ns = e.ns
	}
	n, err := th.interp.compileIn(th, a[0], ns)
	if err != nil {
		th.fail(err)
	}
	return n.ev(th, nil)
}

// load implements load.
func load(th *Thread, a []Value) Value {
	s, ok := a[0].(*String)
	if !ok {
		th.fail(TypeError("load", 1, "string", a[0]))
	}
	prog, err := th.interp.readFile(th.Context(), s.String())
	if err != nil {
		th.fail(err)
	}
	if len(a) > 1 && a[1] != Default {
		switch e := a[1].(type) {
		case *Environment:
			prog.ns = e.ns
		default:
			if !IsProcedure(e) {
				th.fail(TypeError("load", 2, "environment or procedure", a[1]))
			}
			prog.evaluator = e
		}
	}
	if th.Param(LoadVerbose) != False {
		if out, ok := th.Param(CurrentOutputPort).(*Port); ok {
			if err := out.Write(th.Context(), []byte("; loading "+s.String()+" ...\n")); err != nil {
				th.fail(err)
			}
		}
	}
	return prog.ev(th, nil)
}

func applyValuesResume(th *Thread, f *frame, v Value) Value {
	if mv, ok := v.(*MultipleValues); ok {
		return th.apply(f.a, mv.Vals)
	}
	return th.applyOne(f.a, v)
}

func exitResume(th *Thread, f *frame, v Value) Value {
	panic(&ExitError{Code: int(f.a.(Fixnum))})
}

func reraiseResume(th *Thread, f *frame, v Value) Value {
	r, err := th.raise(f.a, true)
	if err != nil {
		panic(err)
	}
	return r
}

func cwvResume(th *Thread, f *frame, v Value) Value {
	if mv, ok := v.(*MultipleValues); ok {
		return th.apply(f.a, mv.Vals)
	}
	return th.applyOne(f.a, v)
}

// dynamic-wind steps: after before → push winder, run thunk; after thunk → pop, run after.
func dwAfterBefore(th *Thread, f *frame, v Value) Value {
	before, after := f.vals()[0], f.vals()[1]
	w := &winder{before: before, after: after, next: th.dyn.winders, depth: depthOf(th.dyn.winders) + 1}
	th.dyn.winders = w
	th.pushNow(newOpFrame(frameFn(dwAfterThunk), after, nil))
	return th.apply(f.a, nil)
}

func dwAfterThunk(th *Thread, f *frame, v Value) Value {
	if th.dyn.winders != nil {
		th.dyn.winders = th.dyn.winders.next
	}
	th.pushNow(newOpFrame(frameFn(func(th *Thread, f *frame, _ Value) Value { return f.a }), v, nil))
	return th.apply(f.a, nil)
}

type promiseBox struct {
	done  bool
	value Value
}

// force implements make-promise-lazy.
func force(th *Thread, a []Value) Value {
	p, ok := a[0].(*Promise)
	if !ok {
		return a[0]
	}
	if p.box.done {
		return p.box.value
	}
	th.pushNow(newOpFrame(frameFn(forceResume), p, nil))
	return th.apply(p.box.value, nil)
}

func forceResume(th *Thread, f *frame, v Value) Value {
	p := f.a.(*Promise)
	if !p.box.done {
		p2, ok := v.(*Promise)
		if !ok {
			p.box.done, p.box.value = true, v
		} else {
			p.box.done, p.box.value = p2.box.done, p2.box.value
			p2.box = p.box
		}
	}
	return force(th, []Value{p})
}

func isProcedure(v Value) bool {
	switch v.(type) {
	case *Closure, *Primitive, *control, *Continuation, *Parameter, *caseLambda:
		return true
	}
	return false
}

func init() { _ = fmt.Sprint }

// void implements void.
func void(th *Thread, a []Value) (Value, error) {
	return Unspecified, nil
}

// internalMemv implements %memv.
func internalMemv(th *Thread, a []Value) (Value, error) {
	for l := a[1]; ; {
		p, ok := l.(*Pair)
		if !ok {
			return False, nil
		}
		if Eqv(a[0], p.Car) {
			return p, nil
		}
		l = p.Cdr
	}
}

// procedureP implements procedure?.
func procedureP(th *Thread, a []Value) (Value, error) {
	return MakeBool(isProcedure(a[0])), nil
}

// values implements values.
func values(th *Thread, a []Value) (Value, error) {
	return Values(a...), nil
}

// apply implements apply.
func apply(th *Thread, a []Value) (Value, error) {
	var args []Value // one allocation, handed over as TailCall's copy would be
	if fixed := a[1:]; len(fixed) > 0 {
		last := fixed[len(fixed)-1]
		n := listLength(last)
		if n < 0 {
			return nil, TypeError("apply", len(a), "list", last)
		}
		args = make([]Value, len(fixed)-1, len(fixed)-1+n)
		copy(args, fixed)
		for l := last; l != Null; l = l.(*Pair).Cdr {
			args = append(args, l.(*Pair).Car)
		}
	}
	th.tailF, th.tailA = a[0], args
	return tailMarker, nil
}

// internalMakeLazy implements %make-lazy.
func internalMakeLazy(th *Thread, a []Value) (Value, error) {
	return &Promise{box: &promiseBox{value: a[0]}}, nil
}

// internalDonePromise implements %done-promise: a forced promise of
// the values a.
func internalDonePromise(th *Thread, a []Value) (Value, error) {
	return &Promise{box: &promiseBox{done: true, value: Values(a...)}}, nil
}

// makePromise implements make-promise.
func makePromise(th *Thread, a []Value) (Value, error) {
	if p, ok := a[0].(*Promise); ok {
		return p, nil
	}
	return &Promise{box: &promiseBox{done: true, value: a[0]}}, nil
}

// promiseP implements promise?.
func promiseP(th *Thread, a []Value) (Value, error) {
	_, ok := a[0].(*Promise)
	return MakeBool(ok), nil
}

// internalHasKindsP implements %has-kinds?.
func internalHasKindsP(th *Thread, a []Value) (Value, error) {
	c, ok := a[0].(*Condition)
	if !ok {
		return False, nil
	}
	ks, _ := ListToSlice(a[1])
	for _, k := range ks {
		s, _ := k.(*Symbol)
		if s == nil || c.kind(s) == nil {
			return False, nil
		}
	}
	return True, nil
}

// internalAssertFail implements %assert-fail, for (assert exp obj ...)
// whose exp was false: as CHICKEN does, error applied to the objs, or
// "assertion failed" with exp as the argument when there are none; no
// location.
func internalAssertFail(th *Thread, a []Value) (Value, error) {
	if len(a) > 1 {
		return nil, Raise(errorObject(a[1:]))
	}
	return nil, Raise(MakeError("", "assertion failed", a))
}

// internalCaseLambda implements %case-lambda.
func internalCaseLambda(th *Thread, a []Value) (Value, error) {
	cl := &caseLambda{}
	for i, c := range a {
		f, ok := c.(*Closure)
		if !ok {
			return nil, TypeError("", i+1, "lambda procedure", c)
		}
		cl.clauses = append(cl.clauses, f)
	}
	return cl, nil
}

// makeParameter implements make-parameter.
func makeParameter(th *Thread, a []Value) (Value, error) {
	p := &Parameter{}
	v := a[0]
	if !IsDefault(a[1]) {
		p.converter = a[1]
		cv, err := th.Call(a[1], v)
		if err != nil {
			return nil, err
		}
		v = cv
	}
	p.setInit(v)
	return p, nil
}

// emergencyExit implements emergency-exit.
func emergencyExit(th *Thread, a []Value) (Value, error) {
	return nil, &ExitError{Code: exitCode(a)}
}

// exitCode is the exit status for exit's and emergency-exit's optional
// argument, as R7RS §6.14 says: none, #t or a non-integer is success (0),
// #f failure (1), a fixnum itself.
func exitCode(a []Value) int {
	if len(a) == 1 {
		switch c := a[0].(type) {
		case Fixnum:
			return int(c)
		case *Boolean:
			if c == False {
				return 1
			}
		}
	}
	return 0
}

// commandLine implements command-line.
func commandLine(th *Thread, a []Value) (Value, error) {
	var out []Value
	for _, s := range th.interp.args {
		out = append(out, NewString(s))
	}
	return List(out...), nil
}

// commandLineArguments implements command-line-arguments.
func commandLineArguments(th *Thread, a []Value) (Value, error) {
	var out []Value
	if len(th.interp.args) > 1 {
		for _, s := range th.interp.args[1:] {
			out = append(out, NewString(s))
		}
	}
	return List(out...), nil
}

// getEnvironmentVariable implements get-environment-variable.
func getEnvironmentVariable(th *Thread, a []Value) (Value, error) {
	v, ok := os.LookupEnv(DisplayString(a[0]))
	if !ok {
		return False, nil
	}
	return NewString(v), nil
}

// getEnvironmentVariables implements get-environment-variables.
func getEnvironmentVariables(th *Thread, a []Value) (Value, error) {
	var out []Value
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		out = append(out, &Pair{NewString(k), NewString(v)})
	}
	return List(out...), nil
}

// currentSecond implements current-second.
func currentSecond(th *Thread, a []Value) (Value, error) {
	return Flonum(float64(time.Now().UnixNano()) / 1e9), nil
}

// currentJiffy implements current-jiffy.
func currentJiffy(th *Thread, a []Value) (Value, error) {
	return Fixnum(time.Since(th.interp.epoch).Microseconds()), nil
}

// jiffiesPerSecond implements jiffies-per-second.
func jiffiesPerSecond(th *Thread, a []Value) (Value, error) {
	return Fixnum(1000000), nil
}

// features implements features.
func features(th *Thread, a []Value) (Value, error) {
	var out []Value
	for _, f := range th.interp.Features() {
		out = append(out, Intern(f))
	}
	return List(out...), nil
}

// keywordP implements keyword?.
func keywordP(th *Thread, a []Value) (Value, error) {
	return MakeBool(isKeyword(a[0])), nil
}

// keywordToString implements keyword->string.
func keywordToString(th *Thread, a []Value) (Value, error) {
	k, ok := a[0].(*Keyword)
	if !ok {
		return nil, TypeError("", 1, "keyword", a[0])
	}
	return NewString(k.Name), nil
}

// stringToKeyword implements string->keyword.
func stringToKeyword(th *Thread, a []Value) (Value, error) {
	s, ok := a[0].(*String)
	if !ok {
		return nil, TypeError("", 1, "string", a[0])
	}
	return InternKeyword(s.String()), nil
}

// getKeyword implements get-keyword.
func getKeyword(th *Thread, a []Value) (Value, error) {
	l, _ := ListToSlice(a[1])
	for i := 0; i+1 < len(l); i += 2 {
		if l[i] == a[0] {
			return l[i+1], nil
		}
	}
	if IsDefault(a[2]) {
		return False, nil
	}
	return th.TailCall(a[2], nil)
}

// internalWriteString implements %write-string: the written form of obj as a string.
func internalWriteString(th *Thread, a []Value) (Value, error) {
	return NewString(WriteString(a[0])), nil
}
