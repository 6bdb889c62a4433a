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
	return NewPrimitive("", p)
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

func (in *Interp) defControl(name string, min, max int, fn func(th *Thread, args []Value) Value) {
	in.Define(name, &control{name: name, min: min, max: max, fn: fn})
}

type frameFn func(th *Thread, f *frame, v Value) Value

func (fn frameFn) resume(th *Thread, f *frame, v Value) Value { return fn(th, f, v) }

func (in *Interp) initControl() {
	in.Define("%unspecified", Unspecified)
	lib := &Library{Name: "(tlsport core)", Procs: []Proc{
		{Name: "void", Sig: "(void arg ...)", Doc: "Return the unspecified value.", Args: Params{Rest: "args", Spread: true},
			Fn: func(th *Thread, a []Value) (Value, error) { return Unspecified, nil }},
		{Name: "%memv", Args: Params{Required: []string{"x", "l"}}, Fn: func(th *Thread, a []Value) (Value, error) {
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
		}},
		{Name: "procedure?", Sig: "(procedure? obj)", Doc: "True for procedures.", Args: Params{Required: []string{"obj"}},
			Fn: func(th *Thread, a []Value) (Value, error) { return MakeBool(isProcedure(a[0])), nil }},
		{Name: "values", Sig: "(values obj ...)", Doc: "Return several values.", Args: Params{Rest: "objs", Spread: true},
			Fn: func(th *Thread, a []Value) (Value, error) { return Values(append([]Value(nil), a...)...), nil }},
		{Name: "apply", Sig: "(apply proc arg ... list)", Doc: "Call proc with the arguments and the elements of list.",
			Args: Params{Required: []string{"proc"}, Rest: "args", Spread: true},
			Fn: func(th *Thread, a []Value) (Value, error) {
				args := append([]Value(nil), a[1:]...)
				if len(args) > 0 {
					last := args[len(args)-1]
					items, ok := ListToSlice(last)
					if !ok {
						return nil, TypeError("apply", len(a), "list", last)
					}
					args = append(args[:len(args)-1], items...)
				}
				return th.TailCall(a[0], args)
			}},
		{Name: "%make-lazy", Args: Params{Required: []string{"thunk"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			return &Promise{box: &promiseBox{value: a[0]}}, nil
		}},
		{Name: "%done-promise", Args: Params{Required: []string{"v"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			return &Promise{box: &promiseBox{done: true, value: a[0]}}, nil
		}},
		{Name: "make-promise", Sig: "(make-promise obj)", Doc: "A promise already forced to obj.", Args: Params{Required: []string{"obj"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
				if p, ok := a[0].(*Promise); ok {
					return p, nil
				}
				return &Promise{box: &promiseBox{done: true, value: a[0]}}, nil
			}},
		{Name: "promise?", Sig: "(promise? obj)", Args: Params{Required: []string{"obj"}},
			Fn: func(th *Thread, a []Value) (Value, error) { _, ok := a[0].(*Promise); return MakeBool(ok), nil }},
		{Name: "%has-kinds?", Args: Params{Required: []string{"c", "kinds"}}, Fn: func(th *Thread, a []Value) (Value, error) {
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
		}},
		{Name: "%assert-fail", Args: Params{Required: []string{"expr"}, Rest: "msg", Spread: true}, Fn: func(th *Thread, a []Value) (Value, error) {
			msg := "assertion failed"
			if len(a) > 1 {
				if s, ok := a[1].(*String); ok {
					msg = s.String()
				}
			}
			return nil, NewError("assert", msg, []Value{a[0]})
		}},
		{Name: "%case-lambda", Args: Params{Rest: "clauses", Spread: true}, Fn: func(th *Thread, a []Value) (Value, error) {
			cl := &caseLambda{}
			for _, c := range a {
				cl.clauses = append(cl.clauses, c.(*Closure))
			}
			return cl, nil
		}},
		{Name: "make-parameter", Sig: "(make-parameter value #!optional converter)", Doc: "Make a parameter object.",
			Args: Params{Required: []string{"value"}, Optional: []string{"converter"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
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
				p.set(v)
				return p, nil
			}},
		{Name: "emergency-exit", Args: Params{Optional: []string{"code"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			code := 0
			if c, ok := a[0].(Fixnum); ok {
				code = int(c)
			}
			return nil, &ExitError{Code: code}
		}},
		{Name: "command-line", Sig: "(command-line)", Doc: "The command line as a list of strings.",
			Fn: func(th *Thread, a []Value) (Value, error) {
				var out []Value
				for _, s := range th.interp.args {
					out = append(out, NewString(s))
				}
				return List(out...), nil
			}},
		{Name: "command-line-arguments", Fn: func(th *Thread, a []Value) (Value, error) {
			var out []Value
			if len(th.interp.args) > 1 {
				for _, s := range th.interp.args[1:] {
					out = append(out, NewString(s))
				}
			}
			return List(out...), nil
		}},
		{Name: "get-environment-variable", Args: Params{Required: []string{"name"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			v, ok := os.LookupEnv(DisplayString(a[0]))
			if !ok {
				return False, nil
			}
			return NewString(v), nil
		}},
		{Name: "get-environment-variables", Sig: "(get-environment-variables)", Doc: "The environment as an alist of strings.",
			Fn: func(th *Thread, a []Value) (Value, error) {
				var out []Value
				for _, kv := range os.Environ() {
					k, v, _ := strings.Cut(kv, "=")
					out = append(out, &Pair{NewString(k), NewString(v)})
				}
				return List(out...), nil
			}},
		{Name: "current-second", Sig: "(current-second)", Doc: "Seconds since the epoch (TAI approximated by UTC).",
			Fn: func(th *Thread, a []Value) (Value, error) { return Flonum(float64(time.Now().UnixNano()) / 1e9), nil }},
		{Name: "current-jiffy", Sig: "(current-jiffy)", Doc: "Monotonic time in jiffies (microseconds).",
			Fn: func(th *Thread, a []Value) (Value, error) {
				return Fixnum(time.Since(th.interp.epoch).Microseconds()), nil
			}},
		{Name: "jiffies-per-second", Sig: "(jiffies-per-second)", Fn: func(th *Thread, a []Value) (Value, error) { return Fixnum(1000000), nil }},
		{Name: "features", Sig: "(features)", Doc: "The cond-expand feature identifiers.",
			Fn: func(th *Thread, a []Value) (Value, error) {
				var out []Value
				for _, f := range featureList {
					out = append(out, Intern(f))
				}
				return List(out...), nil
			}},
		{Name: "interaction-environment", Fn: func(th *Thread, a []Value) (Value, error) {
			return &Environment{interp: th.interp, name: "interaction"}, nil
		}},
		{Name: "scheme-report-environment", Args: Params{Optional: []string{"v"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			return &Environment{interp: th.interp, name: "scheme-report"}, nil
		}},
		{Name: "null-environment", Args: Params{Optional: []string{"v"}}, Fn: func(th *Thread, a []Value) (Value, error) {
			return &Environment{interp: th.interp, name: "null"}, nil
		}},
		{Name: "environment", Args: Params{Rest: "specs", Spread: true}, Fn: func(th *Thread, a []Value) (Value, error) {
			for _, s := range a {
				th.interp.Import(WriteString(s))
			}
			return &Environment{interp: th.interp, name: "environment"}, nil
		}},
		{Name: "keyword?", Sig: "(keyword? obj)", Args: Params{Required: []string{"obj"}},
			Fn: func(th *Thread, a []Value) (Value, error) { return MakeBool(isKeyword(a[0])), nil }},
		{Name: "keyword->string", Sig: "(keyword->string kw)", Args: Params{Required: []string{"keyword"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
				k, ok := a[0].(*Keyword)
				if !ok {
					return nil, TypeError("", 1, "keyword", a[0])
				}
				return NewString(k.Name), nil
			}},
		{Name: "string->keyword", Sig: "(string->keyword str)", Args: Params{Required: []string{"string"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
				s, ok := a[0].(*String)
				if !ok {
					return nil, TypeError("", 1, "string", a[0])
				}
				return InternKeyword(s.String()), nil
			}},
		{Name: "get-keyword", Sig: "(get-keyword kw args #!optional thunk)", Args: Params{Required: []string{"kw", "args"}, Optional: []string{"thunk"}},
			Fn: func(th *Thread, a []Value) (Value, error) {
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
			}},
	}}
	lib.Procs = append(lib.Procs, recordProcs()...)
	lib.Procs = append(lib.Procs, conditionProcs()...)
	lib.Procs = append(lib.Procs, threadProcs()...)
	_ = in.Register(lib)
	in.Import(lib.Name)

	callcc := func(th *Thread, a []Value) Value {
		k := &Continuation{k: capture(th.k), dyn: th.dyn, base: th.base, th: th}
		return th.apply(a[0], []Value{k})
	}
	in.defControl("call-with-current-continuation", 1, 1, callcc)
	in.defControl("call/cc", 1, 1, callcc)
	in.defControl("call-with-escape-continuation", 1, 1, callcc)
	in.defControl("exit", 0, 1, func(th *Thread, a []Value) Value {
		// R7RS: run the outstanding dynamic-wind after thunks, then leave.
		code := 0
		if len(a) == 1 {
			switch c := a[0].(type) {
			case Fixnum:
				code = int(c)
			case *Boolean:
				if c == False {
					code = 1
				}
			}
		}
		if th.dyn.winders == nil {
			panic(&ExitError{Code: code})
		}
		out := &Continuation{k: &frame{op: frameFn(exitResume), a: Fixnum(code), next: th.base, depth: th.base.depth + 1, captured: true},
			base: th.base, th: th}
		return th.apply(out, nil)
	})
	in.defControl("call-with-values", 2, 2, func(th *Thread, a []Value) Value {
		th.pushNow(&frame{op: frameFn(cwvResume), a: a[1]})
		return th.apply(a[0], nil)
	})
	in.defControl("dynamic-wind", 3, 3, func(th *Thread, a []Value) Value {
		th.pushNow(&frame{op: frameFn(dwAfterBefore), a: a[1], b: &valsBox{[]Value{a[0], a[2]}}})
		return th.apply(a[0], nil)
	})
	in.defControl("with-exception-handler", 2, 2, func(th *Thread, a []Value) Value {
		if !isProcedure(a[0]) {
			th.fail(TypeError("with-exception-handler", 1, "procedure", a[0]))
		}
		saved := th.dyn
		th.pushNow(&frame{op: restoreDynOp{}, b: &dynBox{saved}})
		th.dyn.handlers = &handlerEntry{h: a[0], next: th.dyn.handlers}
		return th.apply(a[1], nil)
	})
	in.defControl("raise", 1, 1, func(th *Thread, a []Value) Value {
		panic(&schemePanic{v: a[0]})
	})
	in.defControl("abort", 1, 1, func(th *Thread, a []Value) Value {
		panic(&schemePanic{v: a[0]})
	})
	in.defControl("%reraise", 1, 1, func(th *Thread, a []Value) Value {
		panic(&schemePanic{v: a[0], continuable: true})
	})
	cont := func(th *Thread, a []Value) Value {
		v, err := th.raise(a[0], true)
		if err != nil {
			panic(err)
		}
		return v
	}
	in.defControl("raise-continuable", 1, 1, cont)
	in.defControl("signal", 1, 1, cont)
	in.defControl("error", 0, -1, func(th *Thread, a []Value) Value {
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
		panic(&schemePanic{v: MakeError(loc, msg, append([]Value(nil), a...))})
	})
	in.defControl("%guard", 2, 2, func(th *Thread, a []Value) Value {
		// R7RS guard: the clauses run in the guard's dynamic environment; when
		// none matches, the condition is re-raised with raise-continuable in
		// the dynamic environment of the original raise.
		handler := a[1]
		target := &Continuation{k: &frame{op: frameFn(applyValuesResume), a: handler, next: capture(th.k), depth: th.k.depth + 1, captured: true},
			dyn: th.dyn, base: th.base, th: th}
		h := &control{name: "guard-handler", min: 1, max: 1, fn: func(th *Thread, b []Value) Value {
			c := b[0]
			raiseK := &Continuation{k: capture(th.k), dyn: th.dyn, base: th.base, th: th}
			reraise := &control{name: "raise-continuable", min: 0, max: 0, fn: func(th *Thread, _ []Value) Value {
				back := &Continuation{k: &frame{op: frameFn(reraiseResume), a: c, next: raiseK.k, depth: raiseK.k.depth + 1, captured: true},
					dyn: raiseK.dyn, base: raiseK.base, th: th}
				return th.apply(back, []Value{Unspecified})
			}}
			return th.apply(target, []Value{c, reraise})
		}}
		saved := th.dyn
		th.pushNow(&frame{op: restoreDynOp{}, b: &dynBox{saved}})
		th.dyn.handlers = &handlerEntry{h: h, next: th.dyn.handlers}
		return th.apply(a[0], nil)
	})
	in.defControl("%parameterize", 3, 3, func(th *Thread, a []Value) Value {
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
		th.pushNow(&frame{op: restoreDynOp{}, b: &dynBox{saved}})
		th.dyn.params = nb
		return th.apply(a[2], nil)
	})
	in.defControl("force", 1, 1, force)
	in.defControl("make-promise-lazy", 1, 1, force)
	in.defControl("eval", 1, 2, func(th *Thread, a []Value) Value {
		n, err := th.interp.compileForm(a[0], nil, "")
		if err != nil {
			th.fail(err)
		}
		return n.ev(th, nil)
	})
	in.defControl("load", 1, 2, func(th *Thread, a []Value) Value {
		s, ok := a[0].(*String)
		if !ok {
			th.fail(TypeError("load", 1, "string", a[0]))
		}
		prog, err := th.interp.readFile(s.String())
		if err != nil {
			th.fail(err)
		}
		return prog.ev(th, nil)
	})
}

func applyValuesResume(th *Thread, f *frame, v Value) Value {
	if mv, ok := v.(*MultipleValues); ok {
		return th.apply(f.a, mv.Vals)
	}
	return th.apply(f.a, []Value{v})
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
	return th.apply(f.a, []Value{v})
}

// dynamic-wind steps: after before → push winder, run thunk; after thunk → pop, run after.
func dwAfterBefore(th *Thread, f *frame, v Value) Value {
	before, after := f.vals()[0], f.vals()[1]
	w := &winder{before: before, after: after, next: th.dyn.winders, depth: depthOf(th.dyn.winders) + 1}
	th.dyn.winders = w
	th.pushNow(&frame{op: frameFn(dwAfterThunk), a: after})
	return th.apply(f.a, nil)
}

func dwAfterThunk(th *Thread, f *frame, v Value) Value {
	if th.dyn.winders != nil {
		th.dyn.winders = th.dyn.winders.next
	}
	th.pushNow(&frame{op: frameFn(func(th *Thread, f *frame, _ Value) Value { return f.a }), a: v})
	return th.apply(f.a, nil)
}

type promiseBox struct {
	done  bool
	value Value
}

func force(th *Thread, a []Value) Value {
	p, ok := a[0].(*Promise)
	if !ok {
		return a[0]
	}
	if p.box.done {
		return p.box.value
	}
	th.pushNow(&frame{op: frameFn(forceResume), a: p})
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
