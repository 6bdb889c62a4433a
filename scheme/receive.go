// receive, let-values and define-values: the values of an expression
// bound to formals in a new env, without the closures, control frame and
// apply of (call-with-values (lambda () expr) (lambda formals body …)).

package scheme

import (
	"reflect"
	"sync"
)

// producer returns the expression whose values x binds: the thunk's
// body, evaluated in place, or a call of the thunk when the thunk has
// locals of its own (a body with definitions).
func (x *cReceive) producer() core {
	if len(x.thunk.fr.vars) == 0 {
		return x.thunk.body
	}
	return &cCall{f: x.thunk, pos: x.pos}
}

// receive compiles x in scope sc: the expression is not in tail position
// and its values are wanted (compiler.want); the body is in the position
// of x, in the scope of the formals (none when the lambda has no
// variables at all) or, with intoLet, of the let that the body is when
// it binds the formals (see letOfParams).
func (c *compiler) receive(x *cReceive, sc *cscope, intoLet bool) *receiveNode {
	l := x.lam
	n := &receiveNode{nreq: l.nreq, rest: l.rest, let: letNode{size: len(l.fr.vars), recycle: c.recycle}}
	saved := *c
	n.compileLam = func() node { return saved.compile(l, sc) }
	savedTail, savedWant := c.tail, c.want
	c.tail, c.want = false, true
	n.prod = c.compile(x.producer(), sc)
	c.tail, c.want = savedTail, savedWant
	fr, body := l.fr, l.body
	if let := letOfParams(l); let != nil && intoLet {
		// let-values of one clause, (%receive (t …) expr (let ((a t) …)
		// body)): the values go straight to the let's variables
		fr, body, n.let.size = let.fr, let.body, len(let.fr.vars)
	}
	inner := &cscope{fr: fr, next: sc, let: true}
	if n.let.size == 0 {
		inner = sc
	}
	n.let.body = c.compile(body, inner)
	return n
}

// letOfParams returns l's body when it is a let binding l's parameters,
// its only variables, in order, to variables of its own, else nil.
func letOfParams(l *cLambda) *cLet {
	let, ok := l.body.(*cLet)
	if !ok || len(let.inits) != len(l.fr.vars) {
		return nil
	}
	for i, e := range let.inits {
		if v, ok := e.(*cLocal); !ok || v.b != l.fr.vars[i] {
			return nil
		}
	}
	return let
}

// receiveNode evaluates prod and binds its values to nreq required
// formals and, with rest, a list of the others, in a new env (none when
// it has no slots: no formals and no locals), in which the body runs as a
// let's does. When prod suspends, the node's frame takes its values (it
// does not take one, see opKind.takesOne) and binds them then, in a new
// env each time it is resumed (a continuation re-entered).
type receiveNode struct {
	prod node
	nreq int
	rest bool
	// let: the body, the env's slots (the formals, then the body's
	// locals) and whether the env is recycled (its inits are unused)
	let letNode
	// lam: the consumer lambda, whose closure is the irritant of the
	// arity error (as call-with-values raises it), which compileLam
	// compiles once it is needed
	lam        node
	lamOnce    sync.Once
	compileLam func() node
}

func (n *receiveNode) ev(th *Thread, env *Env) Value {
	v := n.prod.ev(th, env)
	if v == nil {
		th.push(th.newFrame(n, env))
		return nil
	}
	return n.bind(th, env, v)
}

func (n *receiveNode) resume(th *Thread, f *frame, v Value) Value { return n.bind(th, f.env, v) }

// bind binds the values v (one value or a *MultipleValues) and runs the
// body.
func (n *receiveNode) bind(th *Thread, env *Env, v Value) Value {
	mv, several := v.(*MultipleValues)
	got := 1
	if several {
		got = len(mv.Vals)
	}
	if got != n.nreq && !(n.rest && got > n.nreq) {
		n.arity(th, env, got)
	}
	if n.let.size == 0 {
		return n.let.body.ev(th, env)
	}
	ne := th.newEnv(n.let.size, env)
	bound := n.nreq
	switch {
	case several:
		for i := range n.nreq {
			ne.v[i] = mv.Vals[i]
		}
		if n.rest {
			ne.v[n.nreq] = List(mv.Vals[n.nreq:]...)
			bound++
		}
	case n.nreq == 1:
		ne.v[0] = v
		if n.rest {
			ne.v[1] = Null
			bound++
		}
	default: // (receive rest expr …) of one value
		ne.v[0] = Cons(v, Null)
		bound++
	}
	return n.let.run(th, ne, bound)
}

// arity raises the error of got values for the formals, the consumer
// lambda's closure in env its irritant.
func (n *receiveNode) arity(th *Thread, env *Env, got int) {
	n.lamOnce.Do(func() { n.lam, n.compileLam = n.compileLam(), nil })
	max := n.nreq
	if n.rest {
		max = -1
	}
	th.failArity(n.lam.ev(th, env), got, n.nreq, max)
}

// cwvNode is (call-with-values (lambda () expr) (lambda formals body …))
// — or the same with %call-with-values — while the operator's global holds
// the builtin: the receiveNode of the two lambdas. When the global holds
// anything else the call is made as written (fb), compiled then (compiled
// at once, it would double the code compiled at each level of nested
// calls). Unlike receive's, these lambdas stay in the procedure's code
// (containsLambda), so its envs are not recycled: the closures fb makes
// may outlive them.
type cwvNode struct {
	g    *global
	orig *control // the builtin the global held when compiled
	fast *receiveNode
	// fb is the call as written, which compile compiles
	fb      node
	once    sync.Once
	compile func() node
}

func (n *cwvNode) ev(th *Thread, env *Env) Value {
	if p := n.g.v.Load(); p != nil && *p == Value(n.orig) {
		return n.fast.ev(th, env)
	}
	n.once.Do(func() { n.fb, n.compile = n.compile(), nil })
	return n.fb.ev(th, env)
}

// cwvFn is the function behind the builtin call-with-values (see cwvOf).
var cwvFn = reflect.ValueOf(callWithValues).Pointer()

// cwvOf returns the cwvNode of x when x calls the builtin
// call-with-values, which the program has not redefined, on a lambda
// expression without parameters or locals and one with required and rest
// parameters only; else nil.
func (c *compiler) cwvOf(x *cCall, sc *cscope) node {
	g, ok := x.f.(*cGlobal)
	if !ok || len(x.args) != 2 {
		return nil
	}
	t, ok := x.args[0].(*cLambda)
	if !ok || t.nreq != 0 || t.nopt != 0 || t.rest || len(t.keys) > 0 || len(t.fr.vars) != 0 {
		return nil
	}
	l, ok := x.args[1].(*cLambda)
	if !ok || l.nopt != 0 || len(l.keys) > 0 {
		return nil
	}
	cell := c.in.cell(g.sym)
	ctl, ok := cell.get().(*control)
	if !ok || cell.userDef.Load() || reflect.ValueOf(ctl.fn).Pointer() != cwvFn {
		return nil
	}
	n := &cwvNode{g: cell, orig: ctl}
	n.fast = c.receive(&cReceive{thunk: t, lam: l, pos: x.pos}, sc, false)
	// c's state here (no self call: the procedure makes closures)
	saved := *c
	saved.self = nil
	n.compile = func() node { return saved.call(x, sc) }
	return n
}
