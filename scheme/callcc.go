// call/cc of a literal lambda, open-coded: the continuation is bound in
// the lambda's env without a closure, a control node or an apply.

package scheme

import "reflect"

// callccNode is (call/cc (lambda (k) body …)) — or the same with
// call-with-current-continuation or call-with-escape-continuation — while
// the operator's global holds the builtin: the lambda's body runs in a new
// env holding the continuation, as a call of the closure would, but no
// closure is made and no argument list built. When the global holds
// anything else the call is made as written (fb).
type callccNode struct {
	g    *global
	orig *control // the builtin the global held when compiled
	fb   node     // the call as compiled
	run  callccRun
}

// callccRun captures the continuation and runs the lambda's body with it:
// the node a callccNode leaves to the trampoline, which links the frames
// queued before it runs (as for a control, see ctlNode).
type callccRun struct{ lam *lambdaInfo }

func (n *callccNode) ev(th *Thread, env *Env) Value {
	if p := n.g.v.Load(); p != nil {
		if c, ok := (*p).(*control); ok && c == n.orig {
			th.nx, th.nenv = &n.run, env
			return nil
		}
	}
	return n.fb.ev(th, env)
}

func (r *callccRun) ev(th *Thread, env *Env) Value {
	k := &Continuation{k: capture(th.k), depth: th.depth, dyn: th.dynSnap(), base: th.base}
	lam := r.lam
	ne := th.newEnv(lam.size, env)
	ne.v[0] = k
	for i := 1; i < len(ne.v); i++ {
		ne.v[i] = undefinedValue
	}
	return lam.body.ev(th, ne)
}

// callccFn is the function behind the builtin call/cc (see callccOf).
var callccFn = reflect.ValueOf(callWithCurrentContinuation).Pointer()

// callccOf returns n as a callccNode when x is a call of the builtin
// call/cc (or one of its other names) on a lambda expression taking one
// required argument; else n.
func (c *compiler) callccOf(x *cCall, n node, args []node) node {
	g, ok := x.f.(*cGlobal)
	if !ok || len(x.args) != 1 {
		return n
	}
	l, ok := x.args[0].(*cLambda)
	if !ok || l.nreq != 1 || l.nopt != 0 || l.rest || len(l.keys) > 0 {
		return n
	}
	ln, ok := args[0].(*lambdaNode)
	if !ok || !ln.lam.simple || ln.lam.size < 1 {
		return n
	}
	cell := c.in.cell(g.sym)
	ctl, ok := cell.get().(*control)
	if !ok || reflect.ValueOf(ctl.fn).Pointer() != callccFn {
		return n
	}
	return &callccNode{g: cell, orig: ctl, fb: n, run: callccRun{lam: ln.lam}}
}

// throwOne makes n, a call of the continuation k with one argument, which
// cannot suspend (n.direct), in env.
// A call in tail position in a procedure body that the trampoline runs
// (no direct call in progress: th.goDepth is 0) returns its value straight
// to the trampoline, and nothing queues a frame after it: the value can be
// delivered at once — th.k becomes k's and v is the value, as the
// throwNode would do one round later — when k belongs to the run and
// leaves the winders as they are. Else, or when the thread is being
// stopped (a loop made only of throws must pass through the trampoline's
// check), a throwNode does it from the trampoline.
func (n *callNode) throwOne(th *Thread, env *Env, k *Continuation) Value {
	var v Value
	if o := &n.ops[0]; o.k == oNode {
		v = o.n.ev(th, env)
	} else {
		v = o.val(env)
	}
	if n.bodyTail && th.goDepth == 0 && th.pTop == nil && k.base == th.base &&
		k.dyn.winders == th.dyn.winders && !th.stopped.Load() {
		th.k, th.depth = k.k, k.depth
		if th.dyn != *k.dyn { // (a test is cheaper than the write barriers)
			th.dyn = *k.dyn
		}
		return v
	}
	t := popFree(&th.freeThrow, (*throwNode).link)
	t.k = k
	t.vals = append(t.vals, v)
	th.setNext(t)
	return nil
}
