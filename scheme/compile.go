// Compiler: core language to Go closures (nodes) run by the machine.

package scheme

import "fmt"

// compiler carries the interp (for global cells) during compilation.
type compiler struct {
	in     *Interp
	lambda string // name of the procedure being compiled
	// recycle: the procedure body being compiled makes no closure, so the
	// envs of its calls and lets are recycled (see Thread.settle).
	recycle bool
	// tail: the expression being compiled is in tail position in its
	// procedure body; a call elsewhere runs its callee directly (see
	// Thread.drive).
	tail bool
	// want: the expression being compiled gives the values of a receive
	// (not in tail position): a call there passes all its callee's values
	// on (see callNode.vals)
	want bool
	// self, selfScope: the procedure being compiled and the scope of its
	// env, when a tail call to itself may reuse the env (loopBodyNode)
	self      *lambdaInfo
	selfScope *cscope
	selfUsed  bool // a call reuses self's env: its body is a loopBodyNode
	// selfVar: the variable self is bound to (a *binding or, for a global,
	// a *Symbol), through which it calls itself; boundTo: the variable the
	// lambda expression compiled next is bound to (see bind)
	selfVar, boundTo any
}

// bind compiles val, the value given to the variable v (a *binding or a
// *Symbol): a lambda expression there may call itself through v.
func (c *compiler) bind(v any, val core, sc *cscope) node {
	if _, ok := val.(*cLambda); ok {
		c.boundTo = v
	}
	return c.sub(val, sc, false)
}

// selfRef reports whether f, a call's operator, is the variable the
// procedure being compiled is bound to: a tail call through it may be a
// call of the procedure itself (checked when it runs, see selfCallNode).
func (c *compiler) selfRef(f core) bool {
	switch f := f.(type) {
	case *cLocal:
		return c.selfVar == any(f.b)
	case *cGlobal:
		return c.selfVar == any(f.sym)
	}
	return false
}

// selfDepth returns how many envs a call in scope sc is below the env of
// the procedure being compiled (c.self), when there are only lets'
// between them (a loop whose body binds its step's values first), or -1.
func (c *compiler) selfDepth(sc *cscope) int {
	d := 0
	for ; sc != c.selfScope; sc = sc.next {
		if sc == nil || !sc.let {
			return -1
		}
		d++
	}
	return d
}

// sub compiles x, a part of the expression being compiled, in tail
// position when tail is set and the expression itself is in one.
func (c *compiler) sub(x core, sc *cscope, tail bool) node {
	saved, savedWant := c.tail, c.want
	c.tail, c.want = saved && tail, savedWant && tail
	n := c.compile(x, sc)
	c.tail, c.want = saved, savedWant
	return n
}

// compile compiles x in scope sc.
func (c *compiler) compile(x core, sc *cscope) node {
	switch x := x.(type) {
	case *cConst:
		return &constNode{x.v}
	case *cLocal:
		d, i, ok := sc.address(x.b)
		if !ok {
			panic(fmt.Sprintf("scheme: unresolved local %s", DisplayString(stripSyntax(x.b.name))))
		}
		name := stripSyntax(x.b.name)
		switch {
		case x.b.letrec:
			return &localRefChecked{d: d, i: i, name: name}
		case d == 0:
			return &localRef0{i}
		case d == 1:
			return &localRef1{i}
		case d == 2:
			return &localRef2{i}
		}
		return &localRef{d, i}
	case *cGlobal:
		return &globalRef{g: c.in.cell(x.sym), pos: x.pos, in: c.lambda}
	case *cSetL:
		d, i, _ := sc.address(x.b)
		return &setLocal{d: d, i: i, val: c.bind(x.b, x.val, sc)}
	case *cSetG:
		g := c.in.cell(x.sym)
		g.userDef.Store(true)
		return &setGlobal{g: g, val: c.bind(x.sym, x.val, sc)}
	case *cDefine:
		g := c.in.cell(x.sym)
		g.userDef.Store(true)
		return &defineGlobal{g: g, val: c.bind(x.sym, x.val, sc)}
	case *cIf:
		return ifOf(c.sub(x.c, sc, false), c.sub(x.t, sc, true), c.sub(x.e, sc, true))
	case *cSeq:
		if len(x.body) == 0 {
			return &constNode{Unspecified}
		}
		if len(x.body) == 1 {
			return c.compile(x.body[0], sc)
		}
		ns := make([]node, len(x.body))
		for i, b := range x.body {
			ns[i] = c.sub(b, sc, i == len(x.body)-1)
		}
		return &seqNode{ns}
	case *cCall:
		if n := c.cwvOf(x, sc); n != nil {
			return n
		}
		return c.call(x, sc)
	case *cLambda:
		lam := &lambdaInfo{name: x.name, params: x.params, pos: x.pos, nreq: x.nreq, nopt: x.nopt, rest: x.rest,
			keys: x.keys, others: x.others}
		// A procedure without parameters or locals (a thunk) runs in its
		// closure's env: a call makes no env.
		// But a loop without variables ((let lp () … (lp))) gets an env,
		// empty, so that its self call can go round in it (loopNode).
		lam.noFrame = len(x.fr.vars) == 0 && x.nreq == 0 && x.nopt == 0 && !x.rest && len(x.keys) == 0 &&
			(c.boundTo == nil || !callsVar(x.body, c.boundTo) || containsLambda(x.body))
		inner := &cscope{fr: x.fr, next: sc}
		if lam.noFrame {
			inner = sc
		}
		savedRecycle := c.recycle
		c.recycle = !containsLambda(x.body) && !containsLambda(x.defaults)
		var pro []node
		for i, d := range x.defaults {
			slot := x.nreq + i
			if i >= x.nopt && x.rest {
				slot++
			}
			var dn node = &constNode{False}
			if d != nil {
				dn = c.sub(d, inner, false)
			}
			pro = append(pro, &defaultNode{i: slot, val: dn})
		}
		boundTo := c.boundTo
		c.boundTo = nil
		savedName, savedTail, savedSelf, savedSelfScope, savedSelfUsed, savedSelfVar := c.lambda, c.tail, c.self, c.selfScope, c.selfUsed, c.selfVar
		savedWant := c.want
		c.lambda, c.tail, c.self, c.selfScope, c.selfUsed, c.selfVar, c.want = x.name, true, nil, nil, false, nil, false
		if c.lambda == "" {
			c.lambda = "#<lambda>"
		}
		if c.recycle && !lam.noFrame && len(pro) == 0 && x.nopt == 0 && !x.rest && len(x.keys) == 0 && x.nreq <= maxSelfArgs {
			c.self, c.selfScope, c.selfVar = lam, inner, boundTo
		}
		body := c.compile(x.body, inner)
		loop := c.selfUsed
		c.lambda, c.tail, c.self, c.selfScope, c.selfUsed, c.selfVar = savedName, savedTail, savedSelf, savedSelfScope, savedSelfUsed, savedSelfVar
		c.want = savedWant
		if len(pro) > 0 {
			body = &seqNode{append(pro, body)}
		}
		switch {
		case loop:
			body = fuseLoop(body)
		case c.recycle && !lam.noFrame:
			body = &bodyNode{body}
		}
		c.recycle = savedRecycle
		lam.body = body
		lam.size = len(x.fr.vars)
		lam.simple = x.nopt == 0 && !x.rest && len(x.keys) == 0
		return &lambdaNode{lam}
	case *cLet:
		if len(x.fr.vars) == 0 && len(x.inits) == 0 { // (let () body): no env
			return c.compile(x.body, sc)
		}
		inner := &cscope{fr: x.fr, next: sc, let: true}
		n := &letNode{size: len(x.fr.vars), inits: make([]node, len(x.inits)), recycle: c.recycle}
		for i, e := range x.inits {
			n.inits[i] = c.sub(e, sc, false)
		}
		n.body = c.compile(x.body, inner)
		return n
	case *cLetrec:
		if len(x.fr.vars) == 0 && len(x.inits) == 0 {
			return c.compile(x.body, sc)
		}
		inner := &cscope{fr: x.fr, next: sc}
		n := &letrecNode{size: len(x.fr.vars), inits: make([]node, len(x.inits))}
		for i, e := range x.inits {
			n.inits[i] = c.bind(x.fr.vars[i], e, inner)
		}
		n.body = c.compile(x.body, inner)
		return n
	case *cReceive:
		return c.receive(x, sc, true)
	}
	panic(fmt.Sprintf("scheme: cannot compile %T", x))
}

// call compiles x, a procedure call, in scope sc.
func (c *compiler) call(x *cCall, sc *cscope) node {
	n := &callNode{f: c.sub(x.f, sc, false), args: make([]node, len(x.args)), pos: x.pos, in: c.lambda,
		nontail: !c.tail, bodyTail: c.tail && c.lambda != "", vals: c.want}
	selfDepth := -1
	if c.tail && c.self != nil && len(x.args) == c.self.nreq && c.selfRef(x.f) {
		selfDepth = c.selfDepth(sc)
	}
	for i, a := range x.args {
		n.args[i] = c.sub(a, sc, false)
	}
	switch f := x.f.(type) {
	case *cGlobal:
		n.name = f.sym.Name
	case *cLocal:
		n.name = DisplayString(stripSyntax(f.b.name))
	}
	if in := c.tryInline(x, n); in != nil {
		return in
	}
	n.direct = true
	n.ops = make([]opnd, len(n.args))
	for i, a := range n.args {
		if !cannotSuspend(a) {
			n.direct = false
		}
		n.ops[i] = opndOf(a)
	}
	if g, ok := n.f.(*globalRef); ok {
		n.g = g.g
	}
	n.calls = !n.direct
	n.siteFree = n.direct
	for _, a := range n.args {
		n.siteFree = n.siteFree && siteFree(a)
	}
	if selfDepth >= 0 && n.direct {
		c.selfUsed = true
		return c.callccOf(x, &selfCallNode{call: n, self: c.self, f: opndOf(n.f), depth: selfDepth}, n.args)
	}
	if cn := c.callccOf(x, n, n.args); cn != node(n) {
		return cn
	}
	return primCallOf(n)
}

// containsLambda reports whether x (a core form or a []core) makes a
// closure: then the env it runs in may outlive the call.
func containsLambda(x any) bool {
	switch x := x.(type) {
	case []core:
		for _, y := range x {
			if containsLambda(y) {
				return true
			}
		}
	case *cLambda:
		return true
	case *cSetL:
		return containsLambda(x.val)
	case *cSetG:
		return containsLambda(x.val)
	case *cDefine:
		return containsLambda(x.val)
	case *cIf:
		return containsLambda(x.c) || containsLambda(x.t) || containsLambda(x.e)
	case *cSeq:
		return containsLambda(x.body)
	case *cCall:
		return containsLambda(x.f) || containsLambda(x.args)
	case *cLet:
		return containsLambda(x.inits) || containsLambda(x.body)
	case *cLetrec:
		return containsLambda(x.inits) || containsLambda(x.body)
	case *cReceive:
		return containsLambda(x.producer()) || containsLambda(x.lam.body)
	case nil, *cConst, *cLocal, *cGlobal:
	default:
		return true // an unknown form: assume it may
	}
	return false
}

// callsVar reports whether x calls the variable v (a *binding or a
// *Symbol, as compiler.selfVar), as the operator of a call.
func callsVar(x any, v any) bool {
	switch x := x.(type) {
	case []core:
		for _, y := range x {
			if callsVar(y, v) {
				return true
			}
		}
	case *cSetL:
		return callsVar(x.val, v)
	case *cSetG:
		return callsVar(x.val, v)
	case *cDefine:
		return callsVar(x.val, v)
	case *cIf:
		return callsVar(x.c, v) || callsVar(x.t, v) || callsVar(x.e, v)
	case *cSeq:
		return callsVar(x.body, v)
	case *cCall:
		switch f := x.f.(type) {
		case *cLocal:
			if any(f.b) == v {
				return true
			}
		case *cGlobal:
			if any(f.sym) == v {
				return true
			}
		}
		return callsVar(x.f, v) || callsVar(x.args, v)
	case *cLet:
		return callsVar(x.inits, v) || callsVar(x.body, v)
	case *cLetrec:
		return callsVar(x.inits, v) || callsVar(x.body, v)
	case *cReceive:
		return callsVar(x.producer(), v) || callsVar(x.lam.body, v)
	}
	return false
}

// bodyNode is the body of a procedure that makes no closure: the envs of
// a call to it are recycled once the body is done (see Thread.settle).
type bodyNode struct{ body node }

func (n *bodyNode) ev(th *Thread, env *Env) Value {
	v := n.body.ev(th, env)
	if v != nil { // (bodyDone, without a call: a procedure's every call comes here)
		th.recycleEnv(env)
		return v
	}
	th.settle(env, 1, env, v)
	return v
}

// bodyDone is the value v of the body of a procedure that makes no
// closure, which ran in env: env is recycled unless a frame the body left
// holds it (see Thread.settle).
func (th *Thread) bodyDone(env *Env, v Value) Value {
	if v != nil {
		th.recycleEnv(env)
		return v
	}
	th.settle(env, 1, env, v)
	return v
}

// loopBodyNode is a bodyNode whose code calls the procedure itself in
// tail position in its env (a loop). While the body runs from its start
// (Thread.act is its env), no frame of the call exists, so no
// continuation can refer to its env: such a call then reuses the env in
// place (selfCallNode), and the body runs again.
type loopBodyNode struct{ body node }

func (n *loopBodyNode) ev(th *Thread, env *Env) Value {
	saved := th.act
	th.act = env
	v := n.body.ev(th, env)
	// the next rounds run here, not through the trampoline, as long as
	// the loop is not interrupted
	for v == Value(nextRound) {
		if th.stopped.Load() { // the next round from the trampoline, which stops
			th.act = saved
			th.nx, th.nenv = n, env
			return nil
		}
		if th.site != nil { // (a test is cheaper than a write barrier)
			th.site = nil
		}
		v = n.body.ev(th, env)
	}
	th.act = saved
	return th.bodyDone(env, v)
}

// nextRound is the value a selfCallNode returns to its loopBodyNode when
// it has put the next round's arguments in the env: the if and begin
// nodes between them pass a tail expression's value on unchanged, and
// nothing else can see it (the call reuses the env only while its body
// runs from its start, see loopBodyNode).
var nextRound = &Singleton{"next-round", "#<next-round>"}

// selfCallNode is a procedure's tail call to itself in its own env with
// simple arguments (a loop): while the body runs from its start
// (Thread.act is env), the call puts the new values in env in place and
// the body runs again; else it is the plain call.
type selfCallNode struct {
	call *callNode
	self *lambdaInfo // the procedure
	f    opnd        // the operator
	// depth: the lets between the call and the procedure's body (their
	// envs are below its env; they die with the round, see letNode.run)
	depth int
}

func (n *selfCallNode) ev(th *Thread, env *Env) Value {
	target := env // the procedure's env
	for d := n.depth; d > 0; d-- {
		target = target.up
	}
	if target != th.act {
		return n.call.ev(th, env)
	}
	return n.rebind(th, env, target)
}

// rebind is ev once the call is known to run while target, the
// procedure's env, is th.act: the new values go to target when the
// operator is the procedure itself.
func (n *selfCallNode) rebind(th *Thread, env, target *Env) Value {
	var fv Value
	if n.f.k == oNode {
		// evaluated once: the operator may have effects (a call)
		if fv = n.call.evF(th, env); fv == nil {
			return n.call.suspendF(th, env)
		}
	} else {
		fv = n.f.val(env)
	}
	if c, ok := fv.(*Closure); !ok || c.lam != n.self || c.env != target.up {
		return n.call.evWith(th, env, fv)
	}
	ops := n.call.ops
	switch {
	case len(ops) == 1 && len(target.v) == 1:
		target.v[0] = ops[0].ev(th, env)
		return nextRound
	case len(ops) == 2 && len(target.v) == 2: // (loop (+ i 1) (+ s x)): no array
		a := ops[0].ev(th, env)
		target.v[1] = ops[1].ev(th, env)
		target.v[0] = a
		return nextRound
	}
	var vals [maxSelfArgs]Value
	for i := range ops {
		vals[i] = ops[i].ev(th, env)
	}
	for i := range target.v { // not copy: typedslicecopy costs more for a few
		if i < len(ops) {
			target.v[i] = vals[i]
		} else {
			target.v[i] = undefinedValue
		}
	}
	return nextRound
}

type constNode struct{ v Value }

func (n *constNode) ev(th *Thread, env *Env) Value { return n.v }

type localRef0 struct{ i int }

func (n *localRef0) ev(th *Thread, env *Env) Value { return env.v[n.i] }

type localRef1 struct{ i int }

func (n *localRef1) ev(th *Thread, env *Env) Value { return env.up.v[n.i] }

type localRef2 struct{ i int }

func (n *localRef2) ev(th *Thread, env *Env) Value { return env.up.up.v[n.i] }

type localRef struct{ d, i int }

func (n *localRef) ev(th *Thread, env *Env) Value {
	for d := n.d; d > 0; d-- {
		env = env.up
	}
	return env.v[n.i]
}

type localRefChecked struct {
	d, i int
	name Value
}

func (n *localRefChecked) ev(th *Thread, env *Env) Value {
	for d := n.d; d > 0; d-- {
		env = env.up
	}
	v := env.v[n.i]
	if v == undefinedValue {
		th.failf("", "variable used before its definition", n.name)
	}
	return v
}

type globalRef struct {
	g   *global
	pos Pos
	in  string
}

func (n *globalRef) ev(th *Thread, env *Env) Value {
	if p := n.g.v.Load(); p != nil {
		return *p
	}
	if th.loadAtRun(n.g.name) { // a procedure a library's source defines
		return n.g.get()
	}
	c := MakeError("", "unbound variable", []Value{n.g.name})
	c.Stack = append([]StackFrame{{Name: n.g.name.Name, In: n.in, Pos: n.pos}}, th.stackTrace()...)
	panic(&schemePanic{v: c})
}

type setLocal struct {
	d, i int
	val  node
}

func (n *setLocal) ev(th *Thread, env *Env) Value {
	v := n.val.ev(th, env)
	if v == nil {
		th.push(th.newFrame(n, env))
		return nil
	}
	return n.store(env, v)
}

func (n *setLocal) resume(th *Thread, f *frame, v Value) Value { return n.store(f.env, v) }

func (n *setLocal) store(env *Env, v Value) Value {
	for d := n.d; d > 0; d-- {
		env = env.up
	}
	env.v[n.i] = v
	return Unspecified
}

// evalThen evaluates val in env and passes its value to op.resume with a nil
// frame, or, when val suspends, pushes a frame so op resumes with it later.
func evalThen(th *Thread, env *Env, val node, op frameOp) Value {
	v := val.ev(th, env)
	if v == nil {
		th.push(th.newFrame(op, env))
		return nil
	}
	return op.resume(th, nil, v)
}

type setGlobal struct {
	g   *global
	val node
}

func (n *setGlobal) ev(th *Thread, env *Env) Value { return evalThen(th, env, n.val, n) }

// resume assigns v. set! of a variable never defined creates its
// top-level binding, as CHICKEN documents (deviations from the standard);
// in an R6RS program it is the error R6RS says.
func (n *setGlobal) resume(th *Thread, f *frame, v Value) Value {
	if n.g.get() == nil && th.interp.r6rsProgram.Load() {
		th.failf("set!", "unbound variable", n.g.name)
	}
	n.g.set(v)
	return Unspecified
}

// defineGlobal is a top-level definition; its value is unspecified (csi
// prints nothing for it).
type defineGlobal struct {
	g   *global
	val node
}

func (n *defineGlobal) ev(th *Thread, env *Env) Value { return evalThen(th, env, n.val, n) }

func (n *defineGlobal) resume(th *Thread, f *frame, v Value) Value {
	if c, ok := v.(*Closure); ok && c.lam.name == "" {
		c.lam.name = n.g.name.Name
	}
	n.g.set(v)
	if th.loadingSource {
		th.interp.noteSourceDefinition(n.g.name, v)
	}
	return Unspecified
}

type ifNode struct{ c, t, e node }

// ifOf returns the node of (if c t e): an ifCmpNode when c is an
// open-coded fixnum comparison, or its not.
func ifOf(c, t, e node) node {
	test := c
	var not *inlineNode
	if x, ok := test.(*notNode); ok {
		not, test = &x.inlineNode, x.a
	}
	var cmp *inlineNode
	switch x := test.(type) {
	case *ltNode:
		cmp = &x.inlineNode
	case *gtNode:
		cmp = &x.inlineNode
	case *leNode:
		cmp = &x.inlineNode
	case *geNode:
		cmp = &x.inlineNode
	case *numEqNode:
		cmp = &x.inlineNode
	}
	if cmp == nil {
		return &ifNode{c, t, e}
	}
	return &ifCmpNode{c: c, cmp: cmp, not: not, t: t, e: e}
}

// ifCmpNode is (if (< a b) t e), or with (not (< a b)), for the
// open-coded comparisons of fixnums: no boolean is made and tested.
type ifCmpNode struct {
	c    node        // the test, evaluated as is when not or cmp was redefined
	cmp  *inlineNode // the comparison
	not  *inlineNode // the not around it, or nil
	t, e node
}

func (n *ifCmpNode) ev(th *Thread, env *Env) Value {
	// operands in place: the test of a loop, (< i n), or (not (< i n))
	if c := n.cmp; c.in2 && c.live() && (n.not == nil || n.not.live()) {
		x, ok1 := c.pa.val(env).(Fixnum)
		y, ok2 := c.pb.val(env).(Fixnum)
		if ok1 && ok2 {
			if c.op.holds(x, y) == (n.not == nil) {
				return n.t.ev(th, env)
			}
			return n.e.ev(th, env)
		}
	}
	if n.truth(th, env) {
		return n.t.ev(th, env)
	}
	return n.e.ev(th, env)
}

// truth evaluates n's test (not as a boolean value when the comparison
// is open-coded).
func (n *ifCmpNode) truth(th *Thread, env *Env) bool {
	if n.not != nil && !n.not.live() {
		return n.c.ev(th, env) != Value(False) // as a plain if (it cannot suspend)
	}
	// operands in place: the test of a loop, (< i n) or (< i (vector-length v))
	var x, y Fixnum
	ok := false
	if c := n.cmp; c.live() {
		if c.in2 {
			x, ok = c.pa.val(env).(Fixnum)
			var ok2 bool
			y, ok2 = c.pb.val(env).(Fixnum)
			ok = ok && ok2
		} else if c.lenIn && c.blen.live() {
			x, ok = c.pa.val(env).(Fixnum)
			v, ok2 := c.blen.pa.val(env).(*Vector)
			if ok = ok && ok2; ok {
				y = Fixnum(len(v.Items))
			}
		}
	}
	var b bool
	if ok {
		b = n.cmp.op.holds(x, y)
	} else {
		b, _ = n.cmp.test(th, env)
	}
	return b == (n.not == nil)
}

func (n *ifNode) ev(th *Thread, env *Env) Value {
	v := n.c.ev(th, env)
	if v == nil {
		th.push(th.newFrame(n, env))
		return nil
	}
	if v != Value(False) {
		return n.t.ev(th, env)
	}
	return n.e.ev(th, env)
}

func (n *ifNode) resume(th *Thread, f *frame, v Value) Value {
	if v != Value(False) {
		return n.t.ev(th, f.env)
	}
	return n.e.ev(th, f.env)
}

type seqNode struct{ body []node }

func (n *seqNode) ev(th *Thread, env *Env) Value {
	if b := n.body; len(b) == 2 { // (begin e1 e2), as when's and a loop's body often are
		if b[0].ev(th, env) == nil {
			return n.suspend(th, env, 0)
		}
		return b[1].ev(th, env)
	}
	last := len(n.body) - 1
	for i, b := range n.body[:last] {
		if b.ev(th, env) == nil {
			return n.suspend(th, env, i)
		}
	}
	return n.body[last].ev(th, env)
}

// from is ev from the i-th expression on.
func (n *seqNode) from(th *Thread, env *Env, i int) Value {
	last := len(n.body) - 1
	for ; i < last; i++ {
		if n.body[i].ev(th, env) == nil {
			return n.suspend(th, env, i)
		}
	}
	return n.body[last].ev(th, env)
}

// suspend queues the frame that resumes n after its i-th expression.
func (n *seqNode) suspend(th *Thread, env *Env, i int) Value {
	f := th.newFrame(n, env)
	f.i = int32(i + 1)
	th.push(f)
	return nil
}

func (n *seqNode) resume(th *Thread, f *frame, v Value) Value { return n.from(th, f.env, int(f.i)) }

// defaultNode fills an absent optional/key parameter with its default.
type defaultNode struct {
	i   int
	val node
}

func (n *defaultNode) ev(th *Thread, env *Env) Value {
	if env.v[n.i] != Default {
		return Unspecified
	}
	v := n.val.ev(th, env)
	if v == nil {
		th.push(th.newFrame(n, env))
		return nil
	}
	env.v[n.i] = v
	return Unspecified
}

func (n *defaultNode) resume(th *Thread, f *frame, v Value) Value {
	f.env.v[n.i] = v
	return Unspecified
}

// lambdaInfo is the static part of a closure.
type lambdaInfo struct {
	name   string
	params Value // the lambda list as written, syntax included (see LambdaList)
	pos    Pos
	nreq   int
	nopt   int
	rest   bool
	keys   []*Keyword
	others bool // :allow-other-keys
	size   int
	simple bool
	// noFrame: no parameters and no locals; the body runs in the closure's env
	noFrame bool
	body    node
}

// Closure is a procedure written in Scheme.
type Closure struct {
	lam *lambdaInfo
	env *Env
}

// TypeName implements Value.
func (*Closure) TypeName() string { return "procedure" }

// Repr implements Repr: #<procedure (NAME . LAMBDA-LIST)>, as csi
// writes a procedure, NAME ? when the procedure has none.
func (c *Closure) Repr() string { return "#<procedure " + WriteString(c.LambdaList()) + ">" }

// LambdaList returns (NAME . LAMBDA-LIST): the procedure's name (? when it
// has none) and its parameters as written, as CHICKEN's
// procedure-information does.
func (c *Closure) LambdaList() Value {
	name := c.lam.name
	if name == "" {
		name = "?"
	}
	params := c.lam.params
	if params == nil {
		params = Null
	}
	return Cons(Intern(name), stripSyntax(params))
}

// Name returns the procedure's name ("" if anonymous).
func (c *Closure) Name() string { return c.lam.name }

type lambdaNode struct{ lam *lambdaInfo }

func (n *lambdaNode) ev(th *Thread, env *Env) Value { return &Closure{n.lam, env} }

func (c *Closure) who() string {
	if c.lam.name == "" {
		return "#<procedure>"
	}
	return c.lam.name
}

// bind makes the callee frame for args.
func (c *Closure) bind(th *Thread, args []Value) *Env {
	lam := c.lam
	n := len(args)
	if lam.simple {
		if n != lam.nreq {
			th.failArity(c, n, lam.nreq, lam.nreq)
		}
		if lam.noFrame {
			return c.env
		}
		env := th.newEnv(lam.size, c.env)
		for i, a := range args { // not copy: typedslicecopy costs more for a few
			env.v[i] = a
		}
		for i := n; i < lam.size; i++ {
			env.v[i] = undefinedValue
		}
		return env
	}
	max := lam.nreq + lam.nopt
	if lam.rest || len(lam.keys) > 0 {
		max = -1
	}
	if n < lam.nreq || (max >= 0 && n > max) {
		th.failArity(c, n, lam.nreq, max)
	}
	env := th.newEnv(lam.size, c.env)
	copy(env.v, args[:lam.nreq])
	slot := lam.nreq
	i := lam.nreq
	for j := 0; j < lam.nopt; j++ {
		if i < n && !(len(lam.keys) > 0 && isKeyword(args[i])) {
			env.v[slot] = args[i]
			i++
		} else {
			env.v[slot] = Default
		}
		slot++
	}
	rest := args[i:]
	if lam.rest {
		env.v[slot] = List(rest...)
		slot++
	}
	if len(lam.keys) > 0 {
		ks := slot
		for range lam.keys {
			env.v[slot] = Default
			slot++
		}
		th.matchKeys(c.who(), lam.keys, rest, env.v[ks:ks+len(lam.keys)], lam.rest, lam.others, false)
	} else if len(rest) > 0 && !lam.rest {
		th.failArity(c, n, lam.nreq, max)
	}
	for ; slot < lam.size; slot++ {
		env.v[slot] = undefinedValue
	}
	return env
}

// callNode is a procedure call.
type callNode struct {
	f     node
	args  []node
	pos   Pos
	name  string
	in    string      // enclosing procedure
	fast2 *inlineNode // builtin two-argument op with a fast path, or nil
	// direct: no argument can suspend, so a simple closure's frame is filled in place.
	direct bool
	// calls: an argument may call a procedure (the call is then a pending
	// call site for stack traces while it runs; see Thread.pend).
	calls bool
	// nontail: not in tail position; a call to a Scheme procedure runs
	// its body directly (Thread.drive).
	nontail bool
	// siteFree: direct, and no argument reads th.site (see siteFree), so
	// the call need not be the site in progress while they are evaluated
	siteFree bool
	// g: the operator's global when it is a global variable
	g *global
	// ops: the arguments as operands (read in place when they are
	// locals or constants)
	ops []opnd
	// bodyTail: in tail position in a procedure's body (not at top
	// level), so nothing queues a frame after it returns nil (see
	// throwOne)
	bodyTail bool
	// vals: not in tail position, and all the values of the callee are
	// wanted (the expression of a receive, see receiveNode): they are
	// passed on, not reduced to the first, and a callee run directly
	// returns them (Thread.driveVals)
	vals bool
}

// firstValue returns v, or the first of several values, or Unspecified
// for none (csi's #<unspecified>). A call not in tail position takes the
// value of its callee as one value, as csi does (R7RS leaves it
// unspecified): its value is an argument, a binding, a test or
// discarded, since top-level forms are compiled in tail position (see
// compileTop). A call in tail position (a body's last expression, a
// thunk's) passes all its values on, and so does one whose values a
// receive, let-values or define-values binds (callNode.vals). Where the
// callee returns by a frame, the frame's operation takes the first (see
// opKind.takesOne).
func firstValue(v Value) Value {
	if mv, ok := v.(*MultipleValues); ok {
		if len(mv.Vals) == 0 {
			return Unspecified
		}
		return mv.Vals[0]
	}
	return v
}

// maxSelfArgs bounds the arguments of a call that reuses its env.
const maxSelfArgs = 4

// evF evaluates the operator.
func (n *callNode) evF(th *Thread, env *Env) Value {
	if n.g != nil {
		if p := n.g.v.Load(); p != nil {
			return *p
		}
	}
	return n.f.ev(th, env)
}

func (n *callNode) frame() StackFrame { return StackFrame{Name: n.name, In: n.in, Pos: n.pos} }

func (n *callNode) ev(th *Thread, env *Env) Value {
	fv := n.evF(th, env)
	if fv == nil {
		return n.suspendF(th, env)
	}
	return n.evWith(th, env, fv)
}

// suspendF queues the frame that goes on with the call once its operator,
// whose evaluation suspended, has its value.
func (n *callNode) suspendF(th *Thread, env *Env) Value {
	var fenv *Env
	if len(n.args) > 0 {
		fenv = env
	}
	f := th.newFrame(n, fenv)
	f.i = -1
	th.push(f)
	return nil
}

// evWith is ev once the operator has been evaluated to fv.
func (n *callNode) evWith(th *Thread, env *Env, fv Value) Value {
	switch f := fv.(type) {
	case *Closure:
		lam := f.lam
		if !lam.simple || lam.nreq != len(n.args) {
			break
		}
		if !n.direct {
			if lam.noFrame {
				break
			}
			return n.evInto(th, env, f)
		}
		if lam.noFrame {
			th.nx, th.nenv = lam.body, f.env
			return n.run(th)
		}
		ne := th.newEnv(lam.size, f.env)
		if n.siteFree {
			n.fill(th, env, ne)
		} else {
			saved := th.site
			th.site = n
			n.fill(th, env, ne)
			th.site = saved
		}
		return n.enter(th, f, ne)
	case *Primitive:
		if n.direct {
			return n.callPrimDirect(th, env, f)
		}
	}
	if n.fast2 != nil && fv == Value(n.fast2.orig) {
		return n.evFast2(th, env)
	}
	return n.evArgs(th, env, fv, 0, nil, nil)
}

// callPrimDirect makes the call to the primitive p when no argument can
// suspend (n.direct): the arguments go straight into their slots on
// th.stack, read in place when they are locals or constants, followed,
// for a primitive taking only optionals beyond its required parameters,
// by the absent optionals (Default), so that callPrim lays out nothing.
// Any other case (a wrong count, keys, a rest list) is left to callPrim's
// layout, as evArgs leaves it.
func (n *callNode) callPrimDirect(th *Thread, env *Env, p *Primitive) Value {
	return n.callPlanned(th, env, p, planOf(p, len(n.ops)))
}

// primPlan is how a direct call of a primitive with a given number of
// arguments lays them out (see planOf).
type primPlan struct {
	// slots: the arguments' slots on th.stack, the absent optionals
	// (Default) included
	slots int
	// plain: the slots are the primitive's arguments as they are (its
	// arity and declarations need no check, callPrim would lay out
	// nothing): its Go function is called at once
	plain bool
}

// planOf is the plan of a direct call of p with na arguments.
func planOf(p *Primitive, na int) primPlan {
	if na < p.optMax && na >= p.nreq {
		return primPlan{slots: p.optMax, plain: p.decl == nil}
	}
	ok := na == p.optMax || (p.direct && na == p.nreq)
	return primPlan{slots: na, plain: ok && p.decl == nil}
}

// callPlanned is callPrimDirect with pl, p's plan for n.
func (n *callNode) callPlanned(th *Thread, env *Env, p *Primitive, pl primPlan) Value {
	base := len(th.stack)
	top := base + pl.slots
	if top > cap(th.stack) {
		th.stack = append(th.stack[:cap(th.stack)], make([]Value, top-cap(th.stack))...)
	}
	// the slots are reserved first: an argument that calls a primitive
	// (an open-coded operation's general case) pushes above them
	th.stack = th.stack[:top]
	a := th.stack[base:top:top]
	for i := range n.ops {
		if o := &n.ops[i]; o.k != oNode {
			a[i] = o.val(env)
		} else if p := o.global(); p != nil {
			a[i] = *p
		} else {
			a[i] = o.n.ev(th, env)
		}
	}
	for i := len(n.ops); i < len(a); i++ {
		a[i] = Default
	}
	saved := th.site
	th.site = n
	var r Value
	if pl.plain { // callPrim without its checks
		var err error
		th.primEnter()
		r, err = p.Proc.Fn(th, a)
		th.primLeave()
		if err != nil {
			r = th.primErr(p, a, err)
		}
	} else {
		r = th.callPrim(p, a)
	}
	if r == tailMarker {
		r = th.apply(th.takeTail())
	}
	th.site = saved
	th.stack = th.stack[:base]
	if n.nontail && r != nil { // (result's common case)
		if _, ok := r.(*MultipleValues); !ok {
			return r
		}
	}
	return n.result(th, r)
}

// evFast2 makes the call to n.fast2's primitive (not open-coded because
// an argument may suspend), its two arguments in locals rather than on
// th.stack.
func (n *callNode) evFast2(th *Thread, env *Env) Value {
	pend := n.calls && th.pendPush(n)
	var a Value
	if o := &n.ops[0]; o.k == oNode {
		a = o.n.ev(th, env)
	} else {
		a = o.val(env)
	}
	if a == nil {
		th.pendPop(pend)
		n.suspend(th, env, n.fast2.orig, 0, nil)
		return nil
	}
	b := n.args[1].ev(th, env)
	th.pendPop(pend)
	if b == nil {
		one := [1]Value{a}
		n.suspend(th, env, n.fast2.orig, 1, one[:])
		return nil
	}
	if r := n.fast2.op2(th, a, b); r != nil {
		return r
	}
	base := len(th.stack)
	th.stack = append(th.stack, a, b)
	return n.apply(th, n.fast2.orig, base)
}

// fill evaluates the arguments of a direct call into ne.
func (n *callNode) fill(th *Thread, env, ne *Env) {
	for i := range n.ops {
		if o := &n.ops[i]; o.k == oNode {
			ne.v[i] = o.n.ev(th, env)
		} else {
			ne.v[i] = o.val(env)
		}
	}
}

// evInto makes the call to the closure c, evaluating the arguments
// straight into its env.
func (n *callNode) evInto(th *Thread, env *Env, c *Closure) Value {
	ne := th.newEnv(c.lam.size, c.env)
	pend := n.calls && th.pendPush(n)
	for i, a := range n.args {
		v := a.ev(th, env)
		if v == nil {
			th.pendPop(pend)
			n.suspend(th, env, c, i, ne.v[:i])
			th.recycleEnv(ne) // nothing else has seen it
			return nil
		}
		ne.v[i] = v
	}
	th.pendPop(pend)
	return n.enter(th, c, ne)
}

// enter makes the call to the closure c in ne, whose first len(n.args)
// slots hold the arguments (the rest are marked undefined).
func (n *callNode) enter(th *Thread, c *Closure, ne *Env) Value {
	for i := len(n.args); i < len(ne.v); i++ {
		ne.v[i] = undefinedValue
	}
	if n.nontail {
		if n.vals {
			return th.driveBodyVals(c.lam.body, ne)
		}
		return th.driveBody(c.lam.body, ne)
	}
	th.nx, th.nenv = c.lam.body, ne
	return nil
}

// run runs th.nx at once when the call is not in tail position (a direct
// call); else it leaves it to the run loop.
func (n *callNode) run(th *Thread) Value {
	if n.nontail {
		if n.vals {
			return th.driveVals()
		}
		return th.drive()
	}
	return nil
}

// suspend queues the frame that resumes n once its argument i (which
// suspended) has a value; vals are the values of the arguments before it.
func (n *callNode) suspend(th *Thread, env *Env, fv Value, i int, vals []Value) {
	if i == len(n.args)-1 {
		env = nil // the rest of the call needs no variable
		if th.pTop == nil && th.depth >= chunkDepth && n.fast2 != nil && fv == Value(n.fast2.orig) &&
			n.suspendPure(th, i, vals) {
			return
		}
	}
	f := th.newFrame(n, env)
	f.i = int32(i)
	if n.fast2 == nil || fv != Value(n.fast2.orig) {
		f.a = fv // else nil: the open-coded primitive (see resume)
	}
	switch i {
	case 0:
	case 1:
		if n.ops[0].k != oConst {
			f.b = vals[0] // else nil: resume reads the constant
		}
	default:
		f.b = th.newVals(vals)
	}
	th.push(f)
}

// suspendPure queues n's frame for its last argument i, that of an
// open-coded primitive, as a pure frame (see Thread.cutPure) when the
// value before it is a constant or a fixnum, and reports whether it did.
func (n *callNode) suspendPure(th *Thread, i int, vals []Value) bool {
	if i == 0 || n.ops[0].k == oConst {
		return th.cutPure(n, int32(i), false, 0)
	}
	if x, ok := vals[0].(Fixnum); ok && i == 1 {
		return th.cutPure(n, 1, true, x)
	}
	return false
}

// evArgs evaluates the arguments from start, after partial and last (the
// values of those before it), and makes the call to fv; (k v) of a
// continuation is made without an argument list (throwOne).
func (n *callNode) evArgs(th *Thread, env *Env, fv Value, start int, partial []Value, last Value) Value {
	if k, ok := fv.(*Continuation); ok && start == 0 && n.direct && len(n.ops) == 1 {
		return n.throwOne(th, env, k)
	}
	base := len(th.stack)
	if partial != nil || last != nil {
		th.stack = append(th.stack, partial...)
		th.stack = append(th.stack, last)
	}
	pend := n.calls && start < len(n.args) && th.pendPush(n)
	for i := start; i < len(n.args); i++ {
		v := n.args[i].ev(th, env)
		if v == nil {
			th.pendPop(pend)
			n.suspend(th, env, fv, i, th.stack[base:])
			th.stack = th.stack[:base]
			return nil
		}
		th.stack = append(th.stack, v)
	}
	th.pendPop(pend)
	if n.fast2 != nil && fv == Value(n.fast2.orig) {
		if r := n.fast2.op2(th, th.stack[base], th.stack[base+1]); r != nil {
			th.stack = th.stack[:base]
			return r
		}
	}
	return n.apply(th, fv, base)
}

// apply applies fv to the arguments on th.stack from base, which it pops.
func (n *callNode) apply(th *Thread, fv Value, base int) Value {
	saved := th.site
	th.site = n
	r := th.apply(fv, th.stack[base:])
	th.site = saved
	th.stack = th.stack[:base]
	return n.result(th, r)
}

// result is the value of n once its callee returned r (nil: the callee's
// body is arranged in th.nx, th.nenv).
func (n *callNode) result(th *Thread, r Value) Value {
	if n.nontail {
		if n.vals {
			if r == nil && th.pTop == nil {
				return th.driveVals()
			}
			return r
		}
		if r == nil && th.pTop == nil {
			return th.drive()
		}
		return firstValue(r) // (see firstValue)
	}
	if mv, ok := r.(*MultipleValues); ok && th.goDepth > 0 && th.goDepth != th.wantVals {
		// the body's values, in a direct call (Thread.drive), whose
		// caller takes one: they go through the trampoline, to the
		// frame of the caller, which takes the first (opKind.takesOne),
		// and drive's value is never several (but where the caller
		// wants them all, see Thread.driveVals)
		c := popFree(&th.freeCtl, (*ctlNode).link)
		c.c, c.site = valuesCtl, nil
		c.args = append(c.args, mv.Vals...)
		th.setNext(c)
		return nil
	}
	return r
}

// valuesCtl returns its arguments as values, from the trampoline (see
// callNode.apply).
var valuesCtl = &control{name: "values", min: 0, max: -1, fn: func(th *Thread, args []Value) Value {
	return Values(args...)
}}

func (n *callNode) resume(th *Thread, f *frame, v Value) Value {
	if f.i < 0 {
		return n.evArgs(th, f.env, v, 0, nil, nil)
	}
	fv := f.a
	if fv == nil {
		fv = n.fast2.orig
	}
	switch f.i {
	case 0:
		return n.evArgs(th, f.env, fv, 1, nil, v)
	case 1:
		var a Value
		if f.kind&kFixB != 0 {
			a = th.pureArg(f) // (f.b is not a Value there)
		} else if a = f.b; a == nil {
			a = n.ops[0].v
		}
		if f.a == nil && len(n.args) == 2 {
			// the last argument of an open-coded primitive: its fast path
			// needs no argument stack (as evArgs would do it)
			if r := n.fast2.op2(th, a, v); r != nil {
				return r
			}
		}
		var one [1]Value
		one[0] = a
		return n.evArgs(th, f.env, fv, 2, one[:], v)
	}
	return n.evArgs(th, f.env, fv, int(f.i)+1, f.vals(), v)
}

type letNode struct {
	size    int
	inits   []node
	body    node
	recycle bool // in a procedure that makes no closure: recycle the env
}

func (n *letNode) ev(th *Thread, env *Env) Value {
	if len(n.inits) == 1 { // (let ((x e)) …): no argument stack
		v := n.inits[0].ev(th, env)
		if v == nil {
			th.push(th.newFrame(n, env))
			return nil
		}
		return n.body1(th, env, v)
	}
	return n.from(th, env, nil, 0, nil)
}

// body1 runs the body of n, a let of one variable, whose value is v.
func (n *letNode) body1(th *Thread, env *Env, v Value) Value {
	ne := th.newEnv(n.size, env)
	ne.v[0] = v
	return n.run(th, ne, 1)
}

// run runs the body of n in ne, whose first bound slots hold the values
// of the inits (the rest, the body's locals, are marked undefined).
func (n *letNode) run(th *Thread, ne *Env, bound int) Value {
	for j := bound; j < n.size; j++ {
		ne.v[j] = undefinedValue
	}
	if !n.recycle {
		return n.body.ev(th, ne)
	}
	v := n.body.ev(th, ne)
	th.settle(ne, 1, ne, v)
	return v
}

// from evaluates the inits from the i-th, after the values saved and last
// (the values of the earlier ones), on th.stack; the new env is made once
// all are known, so a suspended init leaves nothing behind but its frame,
// and re-entering it makes a new env each time.
func (n *letNode) from(th *Thread, env *Env, saved []Value, i int, last Value) Value {
	base := len(th.stack)
	th.stack = append(th.stack, saved...)
	if last != nil {
		th.stack = append(th.stack, last)
	}
	for ; i < len(n.inits); i++ {
		v := n.inits[i].ev(th, env)
		if v == nil {
			f := th.newFrame(n, env)
			f.i = int32(i)
			if i > 0 {
				f.b = th.newVals(th.stack[base:])
			}
			th.stack = th.stack[:base]
			th.push(f)
			return nil
		}
		th.stack = append(th.stack, v)
	}
	ne := th.newEnv(n.size, env)
	copy(ne.v, th.stack[base:])
	th.stack = th.stack[:base]
	return n.run(th, ne, len(n.inits))
}

func (n *letNode) resume(th *Thread, f *frame, v Value) Value {
	if len(n.inits) == 1 {
		return n.body1(th, f.env, v)
	}
	return n.from(th, f.env, f.vals(), int(f.i)+1, v)
}

type letrecNode struct {
	size  int
	inits []node
	body  node
}

func (n *letrecNode) ev(th *Thread, env *Env) Value {
	ne := th.newEnv(n.size, env)
	for i := range ne.v {
		ne.v[i] = undefinedValue
	}
	return n.from(th, ne, 0)
}

func (n *letrecNode) from(th *Thread, ne *Env, i int) Value {
	for ; i < len(n.inits); i++ {
		v := n.inits[i].ev(th, ne)
		if v == nil {
			f := th.newFrame(n, ne)
			f.i = int32(i)
			th.push(f)
			return nil
		}
		ne.v[i] = v
	}
	return n.body.ev(th, ne)
}

func (n *letrecNode) resume(th *Thread, f *frame, v Value) Value {
	f.env.v[f.i] = v
	return n.from(th, f.env, int(f.i)+1)
}
