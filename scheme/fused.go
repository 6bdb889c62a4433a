// Fused nodes: the shapes of code that loops and calls most often have,
// run as one node each instead of a node per form (bench/HISTORY.md,
// "Fused nodes (session 10)").

package scheme

// loopNode is the body of a loop procedure (a loopBodyNode) of the shape
// most loops have: an optional let of one variable (a read loop binding
// what it read), then ifs, one inside a branch of the other, each with a
// branch that leaves the loop, the innermost's other branch ending in the
// self call (the round). It runs the rounds in one Go loop: the tests are
// taken without a boolean, the round's expressions are evaluated in turn
// and the self call puts its values in place, with no node between them
// passing nextRound back; the let's env is made once and reused while the
// rounds go on (each round's is dead once the next starts, see
// letNode.run). Anything else — a test or expression that suspends, a
// self call that the procedure's own check turns into a plain call, an
// interruption — goes as the nodes it fuses would go: the same frames
// are queued and the same checks made, in the same order.
type loopNode struct {
	let    *letNode      // the let the round starts with, or nil
	guards *loopGuard    // the ifs, outermost first (a list: cheaper to walk than a slice)
	stmts  []node        // the round's expressions before the self call
	seq    *seqNode      // the begin they stand in (nil when none)
	self   *selfCallNode // the self call ending the round
	// step: the self call's first value is (+ x y) or (- x y) of operands
	// in place, (- n 1), for a procedure whose operator is read in place;
	// else nil
	step *inlineNode
	k    Fixnum // y when it is a constant fixnum (kc)
	kc   bool
	// second: the self call's second value, when it has two (nil: one)
	second *opnd
}

// loopGuard is an if of a loopNode: its test and the branch leaving the
// loop.
type loopGuard struct {
	ifc *ifCmpNode // the if, when its test is an open-coded comparison
	eof *eofNode   // else its test when it is (eof-object? x) of a variable in place
	c   node       // else its test (which cannot suspend)
	// on: the test's value that goes on with the round
	on   bool
	exit node
	// cmp: the test is this comparison of operands in place, not under a
	// not; lc: of the local in slot i of the round's env and the fixnum
	// k, (> n 0)
	cmp *inlineNode
	lc  bool
	i   int32
	k   Fixnum
	// ln: cmp is of an operand in place and the length of a vector in
	// place, (< i (vector-length v))
	ln   bool
	next *loopGuard // the if inside this one's branch
}

// maxLoopGuards bounds the ifs a loopNode takes.
const maxLoopGuards = 4

// fuseLoop returns the body of a loop procedure: a loopNode when body has
// its shape, else the loopBodyNode of body.
func fuseLoop(body node) node {
	n := &loopNode{}
	b, depth := body, 0
	if l, ok := b.(*letNode); ok && len(l.inits) == 1 && l.recycle {
		n.let, b, depth = l, l.body, 1
	}
	last := &n.guards
	for k := 0; k < maxLoopGuards; k++ {
		g := &loopGuard{}
		var t, e node
		switch x := b.(type) {
		case *ifCmpNode:
			g.ifc, t, e = x, x.t, x.e
			if x.not == nil && (x.cmp.in2 || x.cmp.lenIn) {
				g.cmp, g.ln = x.cmp, !x.cmp.in2
				k, ok := x.cmp.pb.v.(Fixnum)
				if x.cmp.pa.k == oLocal0 && x.cmp.pb.k == oConst && ok {
					g.lc, g.i, g.k = true, x.cmp.pa.i, k
				}
			}
		case *ifNode:
			if !cannotSuspend(x.c) {
				return &loopBodyNode{body}
			}
			g.c, t, e = x.c, x.t, x.e
			if f, ok := x.c.(*eofNode); ok && f.pa.k != oNode {
				g.eof = f
			}
		default:
			return &loopBodyNode{body}
		}
		switch {
		case n.round(t, depth):
			g.on, g.exit = true, e
		case n.round(e, depth):
			g.exit = t
		case isIf(e): // the round is further in: (cond (… exit) (… (loop …)))
			g.exit, b = t, e
		case isIf(t):
			g.on, g.exit, b = true, e, t
		default:
			return &loopBodyNode{body}
		}
		*last, last = g, &g.next
		if n.self != nil {
			n.stepOf()
			return n
		}
	}
	return &loopBodyNode{body}
}

// stepOf sets n.step when the self call's first value, of one or two, is
// a step of a variable.
func (n *loopNode) stepOf() {
	sc := n.self
	if len(sc.call.ops) > 2 || len(sc.call.ops) == 0 || sc.f.k == oNode {
		return
	}
	if len(sc.call.ops) == 2 {
		n.second = &sc.call.ops[1]
	}
	var s *inlineNode
	switch x := sc.call.ops[0].n.(type) {
	case *addNode:
		s = &x.inlineNode
	case *subNode:
		s = &x.inlineNode
	default:
		return
	}
	if s.in2 {
		n.step = s
		n.k, n.kc = s.pb.v.(Fixnum)
	}
}

// addSub is x op y, op opAdd or opSub, and whether it is a fixnum.
func (op inlineOp) addSub(x, y Fixnum) (Fixnum, bool) {
	if op == opAdd {
		r := x + y
		return r, (x^r)&(y^r) >= 0
	}
	r := x - y
	return r, (x^y)&(x^r) >= 0
}

// isIf reports whether n is an if's node.
func isIf(n node) bool {
	switch n.(type) {
	case *ifNode, *ifCmpNode:
		return true
	}
	return false
}

// round reports whether x, a branch of an if, ends in a self call from
// depth envs below the procedure's, and takes it as the loop's round.
func (n *loopNode) round(x node, depth int) bool {
	var stmts []node
	s, ok := x.(*seqNode)
	if ok {
		stmts, x = s.body[:len(s.body)-1], s.body[len(s.body)-1]
	}
	sc, ok := x.(*selfCallNode)
	if !ok || sc.depth != depth {
		return false
	}
	n.seq, n.stmts, n.self = s, stmts, sc
	return true
}

func (n *loopNode) ev(th *Thread, env *Env) Value {
	saved := th.act
	th.act = env
	e := env // the round's env: env, or the let's under it
	var v Value
	for {
		if l := n.let; l != nil { // as letNode.ev
			x := l.inits[0].ev(th, env)
			if x == nil {
				if e != env { // the last round's (dead: see letNode.run)
					th.recycleEnv(e)
				}
				th.push(th.newFrame(l, env))
				v = nil
				break
			}
			if e == env {
				e = th.newEnv(l.size, env)
			}
			e.v[0] = x
			for j := 1; j < l.size; j++ {
				e.v[j] = undefinedValue
			}
		}
		v = n.run(th, env, e)
		if v != Value(nextRound) {
			if e != env { // as letNode.run
				th.settle(e, 1, e, v)
			}
			break
		}
		// the next round, unless the loop is interrupted (as loopBodyNode)
		if th.stopped.Load() {
			if e != env {
				th.recycleEnv(e)
			}
			th.act = saved
			th.nx, th.nenv = n, env
			return nil
		}
		if th.site != nil {
			th.site = nil
		}
	}
	th.act = saved
	return th.bodyDone(env, v)
}

// run runs one round in e (env, the procedure's, or the let's under it):
// the ifs' tests, then the round's expressions and self call or an exit
// branch.
func (n *loopNode) run(th *Thread, env, e *Env) Value {
	for g := n.guards; g != nil; g = g.next {
		var b bool
		if m := g.cmp; m != nil && m.live() { // an open-coded comparison, operands in place
			var x, y Fixnum
			ok1, ok2 := false, true
			if g.lc {
				x, ok1 = e.v[g.i].(Fixnum)
				y = g.k
			} else if g.ln {
				x, ok1 = m.pa.val(e).(Fixnum)
				var v *Vector
				if v, ok2 = m.blen.pa.val(e).(*Vector); ok2 && m.blen.live() {
					y = Fixnum(len(v.Items))
				} else {
					ok2 = false
				}
			} else {
				x, ok1 = m.pa.val(e).(Fixnum)
				y, ok2 = m.pb.val(e).(Fixnum)
			}
			if ok1 && ok2 {
				b = m.op.holds(x, y)
			} else {
				b = g.holds(th, e)
			}
		} else {
			b = g.holds(th, e)
		}
		if b != g.on {
			return g.exit.ev(th, e)
		}
	}
	if len(n.stmts) == 1 {
		if n.stmts[0].ev(th, e) == nil {
			return n.seq.suspend(th, e, 0)
		}
	} else {
		for i, s := range n.stmts {
			if s.ev(th, e) == nil {
				return n.seq.suspend(th, e, i)
			}
		}
	}
	if env != th.act {
		return n.self.call.ev(th, e)
	}
	if s := n.step; s != nil && len(env.v) == len(n.self.call.ops) && s.live() { // (loop (- n 1)): rebind's cases of one and two values
		if c, ok := n.self.f.val(e).(*Closure); ok && c.lam == n.self.self && c.env == env.up {
			x, ok1 := s.pa.val(e).(Fixnum)
			y, ok2 := n.k, n.kc
			if !ok2 {
				y, ok2 = s.pb.val(e).(Fixnum)
			}
			if r, ok := s.op.addSub(x, y); ok && ok1 && ok2 {
				// (the step has no effect: evaluated first, as rebind does)
				if o := n.second; o != nil {
					env.v[1] = o.ev(th, e)
				}
				env.v[0] = th.boxFix(r)
				return nextRound
			}
		}
	}
	return n.self.rebind(th, e, env)
}

// holds evaluates g's test in e.
func (g *loopGuard) holds(th *Thread, e *Env) bool {
	c := g.ifc
	if c == nil {
		if f := g.eof; f != nil && f.live() {
			return f.pa.val(e) == EOF
		}
		return g.c.ev(th, e) != Value(False)
	}
	return c.truth(th, e)
}

// primCallNode is a direct call (no argument can suspend) whose operator
// is a global variable that held a primitive when the call was compiled
// (a port operation, a list or string procedure): it reads the global and
// calls the primitive it still holds at once, without callNode.ev's and
// evWith's steps; anything else the global holds is called as callNode
// calls it.
type primCallNode struct {
	callNode
	// p: the primitive the global held when the call was compiled, and
	// its plan for the call
	p  *Primitive
	pl primPlan
}

// primCallOf returns n as a primCallNode when its operator is a global
// holding a primitive and its arguments cannot suspend, else n.
func primCallOf(n *callNode) node {
	if n.g == nil || !n.direct {
		return n
	}
	p, ok := n.g.get().(*Primitive)
	if !ok {
		return n
	}
	return &primCallNode{*n, p, planOf(p, len(n.ops))}
}

func (n *primCallNode) ev(th *Thread, env *Env) Value {
	p := n.g.v.Load()
	if p == nil {
		return n.callNode.ev(th, env) // unbound: its error
	}
	if f, ok := (*p).(*Primitive); ok {
		if f == n.p {
			return n.callPlanned(th, env, f, n.pl)
		}
		return n.callPrimDirect(th, env, f)
	}
	return n.evWith(th, env, *p)
}
