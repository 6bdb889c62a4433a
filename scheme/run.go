// The machine: environments, heap continuation frames, the trampoline, apply and nested runs.

package scheme

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"sync"
	"unsafe"
)

// Env is a runtime environment frame (one per lambda call or let).
type Env struct {
	up *Env
	v  []Value
}

type env1 struct {
	Env
	a [1]Value
}
type env2 struct {
	Env
	a [2]Value
}
type env3 struct {
	Env
	a [3]Value
}
type env4 struct {
	Env
	a [4]Value
}

// newEnv allocates a frame of n slots in one allocation for small n.
func newEnv(n int, up *Env) *Env {
	switch n {
	case 0:
		return &Env{up: up}
	case 1:
		e := &env1{}
		e.up, e.v = up, e.a[:]
		return &e.Env
	case 2:
		e := &env2{}
		e.up, e.v = up, e.a[:]
		return &e.Env
	case 3:
		e := &env3{}
		e.up, e.v = up, e.a[:]
		return &e.Env
	case 4:
		e := &env4{}
		e.up, e.v = up, e.a[:]
		return &e.Env
	}
	return &Env{up: up, v: make([]Value, n)}
}

// Recycling. A procedure call's environment and the continuation frames of
// its body are, most of the time, dead once the body has returned: a
// thread keeps the dead ones on free lists (by slot count for envs) and
// takes new ones from there. An env is recycled only when nothing can
// reach it any more:
//   - no closure: the compiler wraps in a bodyNode only the bodies that
//     create no closure (no lambda, named let or delay in the body or the
//     defaults), so the envs of the body's call and of its lets are
//     reachable only from the machine registers and the body's frames;
//   - no pending frame: after the body's code ran (bodyNode.ev, then each
//     resume of the frame that holds the envs last), settle looks at the
//     frames it left pending; the outermost one that refers to an env
//     becomes the envs' last holder (frame.rel), and when none does, or the
//     code returned a value or made a tail call, the envs are dead;
//   - no captured continuation: every frame that refers to the envs lies
//     above their last holder, and capture marks the whole chain below the
//     point of capture, so a continuation can refer to them only if it
//     captured the last holder too; then they are left to the collector
//     and no later frame becomes their holder.
// A frame is recycled after its resume unless a continuation captured it.

const (
	maxPooledEnv = 8   // envs with more slots are left to the collector
	envPoolCap   = 256 // free envs kept per slot count
	framePoolCap = 1024
	valsPoolCap  = 64
)

// newEnv returns an env of n slots under up, recycled when one is free;
// its slots are nil.
func (th *Thread) newEnv(n int, up *Env) *Env {
	if n <= maxPooledEnv {
		if e := th.freeEnv[n]; e != nil {
			th.freeEnv[n] = e.up
			th.nFreeEnv[n]--
			e.up = up
			return e
		}
	}
	return newEnv(n, up)
}

// recycleEnvs gives back levels envs from e upwards.
func (th *Thread) recycleEnvs(e *Env, levels int) {
	for ; levels > 0 && e != nil; levels-- {
		up := e.up
		th.recycleEnv(e)
		e = up
	}
}

// recycleEnv gives back the env e (not nil).
func (th *Thread) recycleEnv(e *Env) {
	n := len(e.v)
	if n > maxPooledEnv || th.nFreeEnv[n] >= envPoolCap {
		return
	}
	switch n { // plain stores: cheaper than clear's call for a few slots
	case 0:
	case 1:
		e.v[0] = nil
	case 2:
		e.v[0], e.v[1] = nil, nil
	case 3:
		e.v[0], e.v[1], e.v[2] = nil, nil, nil
	default:
		clear(e.v)
	}
	e.up = th.freeEnv[n]
	th.freeEnv[n] = e
	th.nFreeEnv[n]++
}

// newFrame returns a zeroed frame, recycled when one is free.
func (th *Thread) newFrame(op frameOp, env *Env) *frame {
	f := th.freeFrames
	if f == nil {
		return th.allocFrame(op, env)
	}
	th.freeFrames = f.next
	th.nFreeFrames--
	f.next = nil // the rest is zero (recycleFrame)
	f.setOp(op)
	if env != nil {
		f.env = env
	}
	return f
}

// Deep recursion. Every collection marks the whole chain of live frames,
// and a chain of separate objects is marked one object after the other
// (each frame is found only through the one above it). Past
// chunkDepth, new frames are cut from chunks of frameChunk frames, which
// the collector scans whole: the chain it follows is frameChunk times
// shorter. A chunk frame is zeroed, not pooled, once resumed (and so are
// the frames dropped when the pool is full), so dead frames in a live
// chunk hold nothing; a chunk counts its frames in use, and once all have
// been resumed (none captured) it goes to chunkPool, from which the next
// deep recursion takes its chunks: a program that recurses deep again
// and again does not allocate its stack each time, and the collector
// frees the chunks that stay unused (a sync.Pool keeps them until the
// second collection).
const (
	chunkDepth = 1024
	// 127 frames, a count and the 8-byte header the allocator adds to an
	// object with pointers above 512 bytes fit the 8 KiB size class (128
	// would take the 9,472-byte class: 15 % lost)
	frameChunk = 127
)

// chunkHdr begins every chunk: what the collector scans of a pure chunk.
type chunkHdr struct {
	// the data words of operations of its frames (see frame.opData)
	ops [3]unsafe.Pointer
	// below: in a pure chunk, the frame under its first frame (the one at
	// index frameChunk-1; see frame.up)
	below *frame
	used  int32 // frames cut and not yet resumed
}

// opIndex returns the index + 1 of the operation whose data word is p
// in c's table, entered there if it was not and the table has room, or
// 0 when it is full.
func (c *chunkHdr) opIndex(p unsafe.Pointer) opKind {
	switch { // (unrolled: a loop costs a deep recursion 3 % more instructions)
	case c.ops[0] == p:
		return 1
	case c.ops[1] == p:
		return 2
	case c.ops[2] == p:
		return 3
	case c.ops[0] == nil:
		c.ops[0] = p
		return 1
	case c.ops[1] == nil:
		c.ops[1] = p
		return 2
	case c.ops[2] == nil:
		c.ops[2] = p
		return 3
	}
	return 0
}

// chunk is a chunk of frames; a chunk frame's slot is its index + 1.
type chunk struct {
	chunkHdr
	f [frameChunk]frame
}

// pchunk is a chunk of pure frames (see Thread.cutPure): the same layout
// as chunk, but its frames are plain words to the collector, which scans
// only its header.
type pchunk struct {
	chunkHdr
	f [frameChunk]pureFrame
}

// pureFrame is the memory of a pure frame, without pointers.
type pureFrame [unsafe.Sizeof(frame{}) / unsafe.Sizeof(uintptr(0))]uintptr

var (
	chunkPool  = sync.Pool{New: func() any { return new(chunk) }}
	pchunkPool = sync.Pool{New: func() any { return new(pchunk) }}
)

// chunkOf returns the header of the chunk f, a chunk frame, was cut from.
func chunkOf(f *frame) *chunkHdr {
	return (*chunkHdr)(unsafe.Add(unsafe.Pointer(f),
		-int(f.slot&^nextAdjacent-1)*int(unsafe.Sizeof(frame{}))-int(unsafe.Offsetof(chunk{}.f))))
}

// nextAdjacent, in a chunk frame's slot, says that the frame below it is
// the next one in its chunk, which holds no pointer to it: a deep
// recursion links each level's frame on top of the one cut just before,
// and the collector, which marks a chunk whole, then finds one pointer
// fewer per frame (and linking writes no pointer).
const nextAdjacent = 0x80

// up returns the frame below f.
func (f *frame) up() *frame {
	if f.slot&nextAdjacent != 0 {
		return (*frame)(unsafe.Add(unsafe.Pointer(f), unsafe.Sizeof(frame{})))
	}
	if f.kind&kPure != 0 {
		return chunkOf(f).below // the first frame of its chunk
	}
	return f.next
}

// allocFrame allocates a frame, from the current chunk when deep.
func (th *Thread) allocFrame(op frameOp, env *Env) *frame {
	if th.depth < chunkDepth {
		f := &frame{env: env}
		f.setOp(op)
		return f
	}
	n := th.chunkN
	if n == 0 {
		if c := th.chunk; c != nil && c.used == 0 {
			chunkPool.Put(c) // all its frames resumed while it was current
		}
		c := chunkPool.Get().(*chunk)
		c.below = nil
		if c.ops != [3]unsafe.Pointer{} {
			c.ops = [3]unsafe.Pointer{} // no frame of it refers to them
		}
		th.chunk = c
		n = frameChunk
	}
	// cut from the end, as boxFix does its slabs
	n--
	c := th.chunk
	f := &c.f[n]
	th.chunkN = n
	c.used++
	p := (*[2]unsafe.Pointer)(unsafe.Pointer(&op))[1]
	j := c.opIndex(p)
	f.kind = kindOf(op) | j<<opShift
	if j == 0 {
		f.op = p
	}
	f.slot = uint8(n + 1)
	if env != nil {
		f.env = env
	}
	return f
}

// recycleFrame gives back f, which has been resumed and is not part of
// the continuation any more, unless a continuation captured it.
func (th *Thread) recycleFrame(f *frame) {
	if f.captured {
		return
	}
	if f.kind&kPure != 0 {
		th.releasePure(f)
		return
	}
	if f.slot != 0 || th.nFreeFrames >= framePoolCap {
		// field by field: a nil field needs no write (and no barrier)
		if f.next != nil {
			f.next = nil
		}
		if f.op != nil {
			f.op = nil
		}
		if f.env != nil {
			f.env = nil
		}
		if f.a != nil {
			f.a = nil
		}
		if f.b != nil {
			f.b = nil
		}
		f.i, f.rel = 0, 0
		if f.slot != 0 {
			c := chunkOf(f)
			f.slot = 0
			if c.used--; c.used == 0 && (th.chunk == nil || c != &th.chunk.chunkHdr) {
				chunkPool.Put((*chunk)(unsafe.Pointer(c))) // every frame zero again
			}
		}
		return
	}
	if vb, ok := f.b.(*valsBox); ok && len(th.freeVals) < valsPoolCap {
		clear(vb.v)
		vb.v = vb.v[:0]
		th.freeVals = append(th.freeVals, vb)
	}
	*f = frame{next: th.freeFrames}
	th.freeFrames = f
	th.nFreeFrames++
}

// newVals returns a valsBox holding a copy of v.
func (th *Thread) newVals(v []Value) *valsBox {
	if n := len(th.freeVals); n > 0 {
		vb := th.freeVals[n-1]
		th.freeVals = th.freeVals[:n-1]
		vb.v = append(vb.v, v...)
		return vb
	}
	return &valsBox{append([]Value(nil), v...)}
}

// settle runs after code of the activation whose outermost env is root
// returned v; from, levels are the envs (from upwards, root last) that
// code ran in and that die with it.
func (th *Thread) settle(from *Env, levels int, root *Env, v Value) {
	if root == nil {
		return // cannot happen; if it did, leave all to the collector
	}
	if v == nil && th.pTop != nil && th.pMark != th.pBot {
		// suspended: the outermost pending frame that refers to an env
		// holds the activation's envs last; the frames up to pMark are
		// those of procedures the code called directly (Thread.drive),
		// which cannot refer to its envs
		var x *frame
		f := th.pTop
		if th.pMark != nil {
			f = th.pMark.up()
		}
		for ; ; f = f.up() {
			if f.env != nil {
				x = f
			}
			if f == th.pBot {
				break
			}
		}
		if x != nil {
			n := 1
			for e := x.env; e != root; e = e.up {
				if e == nil || n == 255 {
					return // not the activation's: leave all to the collector
				}
				n++
			}
			// x's envs die when x has run; any others from from up are
			// left to the collector (code runs in its env or those below)
			x.rel = uint8(n)
			return
		}
	}
	th.recycleEnvs(from, levels)
}

// node is a compiled expression. ev returns the value, or nil when the
// expression has arranged for th.nx to run in th.nenv (a call to a Scheme
// procedure), having queued in th.pTop..th.pBot the frames that must receive
// its result.
type node interface {
	ev(th *Thread, env *Env) Value
}

// frameOp is what a continuation frame does with the value delivered to it.
type frameOp interface {
	resume(th *Thread, f *frame, v Value) Value
}

// frame is one heap continuation frame. Frames are immutable once linked,
// so capturing a continuation is O(1) and re-entering it is free. A frame
// is 64 bytes (a deep recursion holds one per level): its operation is
// one word (see setOp), and the depth of a chain is kept by the thread
// and the continuations, not in each frame.
type frame struct {
	next *frame
	op   unsafe.Pointer // the frameOp's data word; kind gives its type (getOp)
	env  *Env
	a, b Value // op-specific data; several values go in b as a *valsBox
	i    int32
	kind opKind
	// captured is set once a continuation may refer to the frame; until
	// then a resumed frame is recycled.
	captured bool
	// rel > 0: the frame holds the envs of its activation last, rel of
	// them from env upwards (see settle).
	rel uint8
	// slot > 0: cut from a chunk (see allocFrame) at index
	// slot&^nextAdjacent - 1, never pooled; see nextAdjacent
	slot uint8
}

// capture marks the frames of k as shared with a continuation (amortised
// O(1): marking stops at the first frame already marked, below which all
// are marked).
func capture(k *frame) *frame {
	for f := k; f != nil && !f.captured; f = f.up() {
		f.captured = true
	}
	return k
}

// valsBox carries several saved values in a frame's b field.
type valsBox struct{ v []Value }

// TypeName implements Value (internal).
func (*valsBox) TypeName() string { return "saved-values" }

func (f *frame) vals() []Value {
	if f.b == nil {
		return nil
	}
	return f.b.(*valsBox).v
}

// dynBox carries a saved dynamic state in a frame's b field.
type dynBox struct{ d dynState }

// TypeName implements Value (internal).
func (*dynBox) TypeName() string { return "dynamic-state" }

func (f *frame) dyn() *dynState { return &f.b.(*dynBox).d }

// push queues f as the innermost not-yet-linked frame's parent.
func (th *Thread) push(f *frame) {
	if th.pTop == nil {
		th.pTop, th.pBot = f, f
	} else {
		if th.pBot.kind&kPure != 0 {
			th.unpure()
		}
		th.pBot.next = f
		th.pBot = f
	}
}

// pushNow links f directly on top of th.k (only valid outside an ev
// descent, i.e. in control operations and frame resumes after linking).
func (th *Thread) pushNow(f *frame) {
	f.next = th.k
	th.k = f
	th.depth++
}

// link puts the queued frames on top of th.k.
func (th *Thread) link() {
	top := th.pTop
	n := int32(1)
	if top != th.pBot {
		for f := top; f != th.pBot; f = f.up() {
			n++
		}
	}
	if b := th.pBot; b.kind&kPure != 0 {
		// linked when cut (see cutPure)
	} else if b.slot != 0 && int(b.slot) < frameChunk &&
		unsafe.Add(unsafe.Pointer(b), unsafe.Sizeof(frame{})) == unsafe.Pointer(th.k) {
		b.slot |= nextAdjacent // th.k is the frame after b in b's chunk
	} else {
		b.next = th.k
	}
	th.k = top
	th.depth += n
	th.pTop, th.pBot = nil, nil
	if th.pMark != nil {
		th.pMark = nil
	}
	if int(th.depth) > th.interp.maxDepth {
		th.k = th.k.up() // keep the machine sane
		th.depth--
		th.fail(MakeError("", "recursion too deep", nil, "runtime"))
	}
}

// baseOp marks the bottom of a run.
type baseOp struct{}

func (baseOp) resume(th *Thread, f *frame, v Value) Value { return v }

// schemePanic carries a raised object through a Go panic to the run loop.
type schemePanic struct {
	v           Value
	continuable bool
}

// escape carries a continuation invocation out of nested runs.
type escape struct {
	k    *Continuation
	vals []Value
}

func (e *escape) Error() string { return "scheme: continuation escape" }

// fail raises the condition for err (as a non-continuable raise).
func (th *Thread) fail(err any) {
	switch e := err.(type) {
	case *Condition:
		panic(&schemePanic{v: e})
	case Value:
		panic(&schemePanic{v: e})
	case *escape:
		panic(e)
	case error:
		panic(&schemePanic{v: th.interp.toCondition(e, "")})
	}
	panic(&schemePanic{v: MakeError("", fmt.Sprint(err), nil)})
}

func (th *Thread) failf(who, msg string, irritants ...Value) {
	panic(&schemePanic{v: MakeError(who, msg, irritants)})
}

// run executes n in env until the value reaches the base frame, handling
// raises and continuation escapes. It returns the value or an error
// (*Error, *ExitError or *escape for an outer run).
func (th *Thread) run(n node, env *Env) (Value, error) {
	base := newBaseFrame(th, th.goDepth)
	savedK, savedBase, savedSite, savedDepth := th.k, th.base, th.site, th.goDepth
	savedKDepth, savedBaseDepth, savedWant := th.depth, th.baseDepth, th.wantVals
	th.k, th.base, th.baseDepth = base, base, th.depth // the base frame does not count
	sp, pp := len(th.stack), len(th.pend)
	// the interpreter lock (gil.go)
	var (
		top    bool
		inPrim int32
		state  uint64
	)
	if th.inPrim > 0 {
		inPrim, state = th.nestedRun()
	} else if th.gs.Load()&gsHeld == 0 {
		top = true
		th.lockRun()
	}
	defer func() {
		th.k, th.base, th.site, th.goDepth = savedK, savedBase, savedSite, savedDepth
		th.depth, th.baseDepth, th.wantVals = savedKDepth, savedBaseDepth, savedWant
		th.pend = th.pend[:pp]
		if top {
			th.unlockRun()
		} else if inPrim > 0 {
			th.nestedDone(inPrim, state)
		}
	}()
	th.nx, th.nenv = n, env
	var v Value // nil: run th.nx
	reset := func() { th.goDepth, th.wantVals, th.pend = savedDepth, savedWant, th.pend[:pp] }
	for {
		res, p := th.loop(v)
		if p == nil {
			return res, nil
		}
		if th.inPrim = 0; th.gs.Load()&(gsHeld|gsGo) != gsHeld { // a primitive raised: Scheme code runs on
			th.goLeave()
		}
		for p != nil { // delivering p may panic in turn (a primitive handler failing)
			// a panic may have left direct calls in progress: their pending
			// call sites stay in th.pend until raise has taken the stack trace
			th.stack = th.stack[:sp]
			th.pTop, th.pBot, th.pMark = nil, nil, nil
			var err error
			if v, p, err = th.deliver(p, base, reset); err != nil {
				return nil, err
			}
		}
	}
}

// deliver hands p, a panic that ended a loop of the run with base frame
// base, to where it goes: a continuation escape to its continuation, a
// raise or an internal Go panic to the current handler (reset restores
// the run's depth of direct calls once the stack trace is taken). It
// returns the value to resume the run with (nil: run th.nx), or the
// error ending the run, or again, the panic the delivery itself caused:
// a handler or a dynamic-wind thunk that is a primitive runs here, outside
// the loop, and raises by panicking.
func (th *Thread) deliver(p any, base *frame, reset func()) (v Value, again any, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, again, err = nil, r, nil
		}
	}()
	switch x := p.(type) {
	case *escape:
		if x.k.base != base {
			return nil, nil, x
		}
		reset()
		return th.throw(x.k, x.vals), nil, nil
	case *schemePanic:
		if v, err = th.raise(x.v, x.continuable); err == nil {
			reset()
		}
		return v, nil, err
	case *ExitError:
		return nil, nil, x
	case *Error:
		return nil, nil, x
	}
	// last resort: an internal Go panic becomes a condition
	c := MakeError("", fmt.Sprintf("internal error: %v", p), nil, "runtime")
	c.Cause = fmt.Errorf("scheme: panic: %v\n%s", p, debug.Stack())
	if v, err = th.raise(c, false); err == nil {
		reset()
	}
	return v, nil, err
}

// stopCheck is the trampoline's check when th.stopped is set:
// thread-suspend! parks th; a done context is the interruption, returned;
// thread-signal!'s objects are raised where th.nx is about to run
// (deliverSignals panics).
func (th *Thread) stopCheck() *Error {
	if th.gs.Load()&gsHeld == 0 { // taken over while stuck in Go code (gil.go)
		th.take(false)
	}
	if th.yieldReq.Load() { // a thread has waited for the lock a whole slice
		th.yield()
	}
	if th.Suspender() != nil { // thread-suspend!: parked without the lock
		th.outside(th.park)
	}
	if err := context.Cause(th.ctx); err != nil {
		c := MakeError("", "evaluation interrupted: "+err.Error(), nil, "interrupt")
		c.Cause = err
		return &Error{Condition: c, Cause: err, Stack: th.stackTrace()}
	}
	if sigs := th.takeSignals(); sigs != nil { // not an interruption: thread-signal!
		th.deliverSignals(sigs)
	}
	return nil
}

// loop is the trampoline. It returns (value, nil) when the base frame is
// reached, or (nil, p) when a panic p interrupted it.
func (th *Thread) loop(v Value) (res Value, p any) {
	defer func() {
		if r := recover(); r != nil {
			if re, ok := r.(error); ok && isGoRuntime(re) {
				p = re
				return
			}
			p = r
		}
	}()
	for {
		if v == nil {
			if th.pTop != nil {
				th.link()
			}
			if th.stopped.Load() {
				if e := th.stopCheck(); e != nil {
					return nil, e
				}
			}
			if th.site != nil {
				th.site = nil
			}
			v = th.nx.ev(th, th.nenv)
			continue
		}
		if th.stopped.Load() {
			// what came while the last expression ran (a signal during
			// a primitive that does not wait on the wake context) is
			// raised before v goes back to th.k, where the handlers of
			// that code are still in force: a thread's thunk does not
			// end with its signals undelivered
			nx, nenv := th.nx, th.nenv
			th.nx, th.nenv = &constNode{v}, nil
			if e := th.stopCheck(); e != nil {
				return nil, e
			}
			th.nx, th.nenv = nx, nenv
		}
		f := th.k
		if f.opKind() == kBase {
			return v, nil
		}
		th.k = f.up()
		th.depth--
		if th.act != nil { // (a test is cheaper than a write barrier)
			th.act = nil // resumed code may run in an env a continuation holds
		}
		if _, ok := v.(*MultipleValues); ok && f.opKind().takesOne() {
			v = firstValue(v)
		}
		v = f.resume(th, v)
		if f.rel != 0 && !f.captured {
			root := f.env
			for i := f.rel; i > 1; i-- {
				root = root.up
			}
			th.settle(f.env, int(f.rel), root, v)
		}
		th.recycleFrame(f)
	}
}

// maxGoDepth bounds the direct calls in progress on a thread (Go stack
// levels, about 1 KiB each: a deeper Go stack costs cache misses).
const maxGoDepth = 64

// drive runs the call arranged in th.nx, th.nenv (a Scheme procedure's
// body, no frame queued) directly, by Go recursion, for a call that is not
// in tail position: instead of queueing the caller's frame and bouncing
// through the trampoline, the caller gets the callee's value back from ev.
// The callee's own tail calls loop here. When the body suspends (a call
// that needs the whole continuation linked — call/cc, dynamic-wind, a
// continuation, raise — or one past maxGoDepth, or an interruption),
// drive returns nil with the callee's frames queued; each direct caller
// up to the trampoline then queues its own, as for any suspension, so the
// continuation is complete by the time anything can capture or inspect
// it. A panic (an error a primitive raised) unwinds the direct calls
// without their frames: the pending call sites they would have held are
// in th.pend, so the stack trace still shows them, and the handler runs on
// the continuation below them, which nothing can observe: returning from
// a non-continuable raise is itself an error (raise-continuable and
// the other controls run from the trampoline, on the whole continuation).
func (th *Thread) drive() Value {
	if th.noDirect() || th.stopped.Load() {
		return nil
	}
	th.goDepth++
	return th.driveLoop(th.site)
}

// driveBody is drive for the call of a procedure's body in env, which
// it evaluates first without going through th.nx (a body is never one of
// the nodes that drive leaves to the trampoline).
func (th *Thread) driveBody(body node, env *Env) Value {
	if th.noDirect() || th.stopped.Load() {
		th.nx, th.nenv = body, env
		return nil
	}
	th.goDepth++
	saved := th.site
	th.site = nil
	v := body.ev(th, env)
	if v == nil {
		if th.pTop == nil && !th.stopped.Load() { // a tail call: on with it
			return th.driveLoop(saved)
		}
		th.pMark = th.pBot
	}
	th.goDepth--
	th.site = saved
	return v // several values only where the caller wants them (driveVals)
}

// driveVals is drive for a call all of whose values its caller wants
// (callNode.vals): the callee's values come back from it as they are
// (see callNode.result), not through the trampoline.
func (th *Thread) driveVals() Value {
	saved := th.wantVals
	th.wantVals = th.goDepth + 1
	v := th.drive()
	th.wantVals = saved
	return v
}

// driveBodyVals is driveBody for a call all of whose values its caller
// wants (see driveVals).
func (th *Thread) driveBodyVals(body node, env *Env) Value {
	saved := th.wantVals
	th.wantVals = th.goDepth + 1
	v := th.driveBody(body, env)
	th.wantVals = saved
	return v
}

// driveLoop is drive's loop, once goDepth counts it; saved is the call
// site to restore when it returns.
func (th *Thread) driveLoop(saved *callNode) Value {
	for {
		switch th.nx.(type) {
		case *ctlNode, *throwNode, *resumeNode, *callccRun:
			th.goDepth--
			th.site = saved
			return nil
		}
		th.site = nil
		if v := th.nx.ev(th, th.nenv); v != nil {
			th.goDepth--
			th.site = saved
			return v // several values only where the caller wants them (driveVals)
		}
		if th.pTop != nil || th.stopped.Load() {
			th.pMark = th.pBot
			th.goDepth--
			th.site = saved
			return nil
		}
	}
}

// noDirect reports whether drive refuses direct calls: too many in
// progress, or a recursion already deep (where every level ends up with
// its heap frame anyway: direct calls would only add their own cost).
// Neither changes while an argument is evaluated (only drive raises
// goDepth; a nested run starts at the depth of th.k).
func (th *Thread) noDirect() bool {
	return th.goDepth >= maxGoDepth || th.depth >= chunkDepth
}

func isGoRuntime(err error) bool {
	var re interface{ RuntimeError() }
	return errors.As(err, &re)
}

// apply calls f with args from within an ev descent or a control
// operation. It returns the value, or nil after setting th.nx/th.nenv.
// args may live on th.stack; apply does not keep it.
func (th *Thread) apply(f Value, args []Value) Value {
	for {
		switch p := f.(type) {
		case *Closure:
			th.nenv = p.bind(th, args)
			th.nx = p.lam.body
			return nil
		case *Primitive:
			r := th.callPrim(p, args)
			if r == tailMarker {
				f, args = th.takeTail()
				continue
			}
			return r
		case *control:
			if p.min >= 0 && (len(args) < p.min || (p.max >= 0 && len(args) > p.max)) {
				th.failArity(p, len(args), p.min, p.max)
			}
			c := popFree(&th.freeCtl, (*ctlNode).link)
			c.c, c.site = p, th.site
			c.args = append(c.args, args...)
			th.setNext(c)
			return nil
		case *Continuation:
			t := popFree(&th.freeThrow, (*throwNode).link)
			t.k = p
			t.vals = append(t.vals, args...)
			th.setNext(t)
			return nil
		case *caseLambda:
			var pick *Closure
			for _, c := range p.clauses {
				l := c.lam
				if len(args) == l.nreq || (len(args) > l.nreq && (l.rest || len(l.keys) > 0 || len(args) <= l.nreq+l.nopt)) {
					pick = c
					break
				}
			}
			if pick == nil {
				// too few for every clause: CHICKEN's (exn arity), as its
				// case-lambda is a procedure of the fewest required arguments
				fewest := -1
				for _, c := range p.clauses {
					if fewest < 0 || c.lam.nreq < fewest {
						fewest = c.lam.nreq
					}
				}
				if len(args) < fewest {
					th.failArity(p, len(args), fewest, -1)
				}
				th.failf("case-lambda", "no clause matches the arguments", List(args...))
			}
			f = pick
			continue
		case *Parameter:
			switch len(args) {
			case 0:
				return th.ParamValue(p)
			case 1:
				return th.setParam(p, args[0])
			}
			th.failArity(p, len(args), 0, 1)
		default:
			panic(&schemePanic{v: MakeError("", "call of non-procedure", []Value{f}, "type")}) // (exn type), as csi raises it
		}
	}
}

// applyOne is apply of f to the one argument x, passed on th.stack.
func (th *Thread) applyOne(f, x Value) Value {
	base := len(th.stack)
	th.stack = append(th.stack, x)
	r := th.apply(f, th.stack[base:])
	th.stack = th.stack[:base]
	return r
}

var tailMarker Value = &Singleton{"tail-call", "#<tail-call>"}

// takeTail returns the call a primitive returning tailMarker asked for
// (TailCall), which it takes from the thread.
func (th *Thread) takeTail() (Value, []Value) {
	f, args := th.tailF, th.tailA
	th.tailF, th.tailA = nil, nil
	return f, args
}

// TailCall, returned from a PrimFn, makes the runtime call proc with args
// in the primitive's place (a proper tail call): return th.TailCall(p, a).
func (th *Thread) TailCall(proc Value, args []Value) (Value, error) {
	th.tailF, th.tailA = proc, append([]Value(nil), args...)
	return tailMarker, nil
}

// arityMsg is CHICKEN's message for a call with got arguments to a
// procedure taking min to max (-1: no limit).
func arityMsg(got, min, max int) string {
	switch {
	case min == max:
		return fmt.Sprintf("bad argument count - received %d but expected %d", got, min)
	case got < min:
		return fmt.Sprintf("too few arguments - received %d but expected %d", got, min)
	}
	return fmt.Sprintf("too many arguments - received %d but expected at most %d", got, max)
}

// failArity raises CHICKEN's condition for a call of proc with got
// arguments, proc taking min to max: (exn arity), no location, proc the
// argument (csi: "bad argument count - received 0 but expected 1:
// #<procedure (f x)>").
func (th *Thread) failArity(proc Value, got, min, max int) {
	panic(&schemePanic{v: MakeError("", arityMsg(got, min, max), []Value{proc}, "arity")})
}

// callPrim checks arity, keywords and declared types, lays out args and
// runs the Go body. A laid-out argument list lives on th.stack above args
// (PrimFn's contract: args is only valid during the call), so a call
// allocates nothing for it; a primitive that re-enters Scheme pushes above
// it.
func (th *Thread) callPrim(p *Primitive, args []Value) Value {
	base := len(th.stack)
	laid := args
	if p.direct {
		if n := len(args); n != p.nreq && !(p.rest && n >= p.nreq) {
			th.failArity(p, n, p.nreq, p.maxArgs())
		}
	} else if n := len(args); n != p.optMax {
		laid = th.layout(p, args)
	} else { // every optional is there (absent ones as Default, see callPrimDirect)
		laid = args[:n:n]
	}
	if p.decl != nil {
		th.unpack(p, laid)
	}
	th.primEnter()
	r, err := p.Proc.Fn(th, laid)
	th.primLeave()
	if err != nil {
		r = th.primErr(p, args, err)
	}
	th.stack = th.stack[:base]
	return r
}

// primErr is the value of a call of p with args that returned err: the
// call again after the handlers when thread-signal! ended a wait, else
// err raised.
func (th *Thread) primErr(p *Primitive, args []Value, err error) Value {
	if th.woken(err) != nil { // thread-signal! ended a wait: the handler, then the call again
		return th.retryWoken(p, args)
	}
	th.primFail(err, p)
	return nil
}

// primFail raises the error a primitive returned; p (nil when unknown)
// gives the location and the library's extra type-error kinds.
func (th *Thread) primFail(err error, p *Primitive) {
	var e *escape
	if errors.As(err, &e) {
		panic(e)
	}
	var x *ExitError
	if errors.As(err, &x) {
		panic(x)
	}
	var r *raised
	if errors.As(err, &r) {
		panic(&schemePanic{v: r.v, continuable: r.continuable})
	}
	who := ""
	if p != nil {
		who = p.Proc.Name
		var pe *primError
		if len(p.kinds) > 0 && errors.As(err, &pe) && len(pe.kinds) == 1 && (pe.kinds[0] == "type" || pe.kinds[0] == "bounds") {
			c := *pe
			c.kinds = append(append([]string(nil), pe.kinds...), p.kinds...)
			err = &c
		}
	}
	panic(&schemePanic{v: th.interp.toCondition(err, who)})
}

func (p *Primitive) maxArgs() int {
	if p.rest || len(p.keys) > 0 {
		return -1
	}
	return p.nreq + p.nopt
}

// layout builds [required, optional (Default if absent), keys, rest] on
// th.stack, above its current top, and returns it (its capacity ends at
// its length: a primitive appending to it gets a copy). callPrim pops it.
// When args is the top of th.stack and p has neither keys nor a rest
// parameter, the absent optionals are pushed after args, which is not
// copied.
func (th *Thread) layout(p *Primitive, args []Value) []Value {
	n := len(args)
	if n < p.nreq || (!p.rest && len(p.keys) == 0 && n > p.nreq+p.nopt) {
		th.failArity(p, n, p.nreq, p.maxArgs())
	}
	top := len(th.stack)
	if len(p.keys) == 0 && !p.rest {
		start := top
		if n == 0 || n > top || &th.stack[top-n] != &args[0] {
			th.stack = append(th.stack, args...)
		} else {
			start = top - n
		}
		for i := n; i < p.nreq+p.nopt; i++ {
			th.stack = append(th.stack, Default)
		}
		return th.stack[start:len(th.stack):len(th.stack)]
	}
	out := append(th.stack, args[:p.nreq]...)
	i := p.nreq
	for j := 0; j < p.nopt; j++ {
		if i < n && !(len(p.keys) > 0 && isKeyword(args[i])) {
			out = append(out, args[i])
			i++
		} else {
			out = append(out, Default)
		}
	}
	rest := args[i:]
	if len(p.keys) > 0 {
		kstart := len(out)
		for range p.keys {
			out = append(out, Default)
		}
		th.stack = out
		th.matchKeys(p.Proc.Name, p.keys, rest, out[kstart:], p.rest, false, p.Proc.ValidateKeys)
	} else if len(rest) > 0 && !p.rest {
		th.failArity(p, n, p.nreq, p.maxArgs())
	}
	if p.rest {
		if p.spread {
			out = append(out, rest...)
		} else {
			out = append(out, List(rest...))
		}
	}
	th.stack = out
	return out[top:len(out):len(out)]
}

func isKeyword(v Value) bool { _, ok := v.(*Keyword); return ok }

// completeNested finishes, in a nested run, a call that an ev arranged
// (th.nx, th.nenv and queued frames) where suspension is not possible.
func (th *Thread) completeNested() Value {
	if th.pTop != nil && th.pTop.kind&kPure != 0 {
		th.unpure() // it lies on th.k, which the new run changes
	}
	nx, nenv := th.nx, th.nenv
	top, bot := th.pTop, th.pBot
	th.pTop, th.pBot, th.pMark = nil, nil, nil
	v, err := th.run(&resumeNode{nx: nx, nenv: nenv, top: top, bot: bot}, nil)
	if err != nil {
		th.primFail(err, nil)
	}
	return v
}

// resumeNode re-arms a suspended evaluation inside a new run.
type resumeNode struct {
	nx       node
	nenv     *Env
	top, bot *frame
}

func (n *resumeNode) ev(th *Thread, env *Env) Value {
	th.nx, th.nenv = n.nx, n.nenv
	th.pTop, th.pBot = n.top, n.bot
	return nil
}

// Call calls the Scheme procedure proc with args from Go (a primitive's
// body or host code) and returns its value. It runs a nested machine loop:
// continuations captured inside may be used to escape outward but not to
// re-enter the nested call after it returned.
func (th *Thread) Call(proc Value, args ...Value) (Value, error) {
	return th.run(&applyNode{f: proc, args: args}, nil)
}

// applyNode applies a fixed procedure to fixed arguments.
type applyNode struct {
	f    Value
	args []Value
}

func (n *applyNode) ev(th *Thread, env *Env) Value { return th.apply(n.f, n.args) }

// control is a procedure that manipulates the continuation or dynamic
// state (call/cc, dynamic-wind, with-exception-handler, …). It runs after
// the caller's pending frames are linked.
type control struct {
	name     string
	min, max int
	fn       func(th *Thread, args []Value) Value
}

// TypeName implements Value.
func (*control) TypeName() string { return "procedure" }

// Repr implements Repr.
func (c *control) Repr() string { return "#<procedure " + c.name + ">" }

// ctlNode runs a control procedure with args. The thread recycles it
// when the procedure has returned: a control keeps no reference to its
// argument slice.
type ctlNode struct {
	c    *control
	args []Value
	site *callNode
	next *ctlNode // free list
}

// popFree takes a node off the free list at *head, linked through the
// field next returns, or makes a new one.
func popFree[T any](head **T, next func(*T) **T) *T {
	n := *head
	if n == nil {
		return new(T)
	}
	*head = *next(n) // n's own link is overwritten when it is given back
	return n
}

func (c *ctlNode) link() **ctlNode     { return &c.next }
func (t *throwNode) link() **throwNode { return &t.next }

func (n *ctlNode) ev(th *Thread, env *Env) Value {
	if n.site != nil && n.site.pos.Line > 0 { // a position-less site adds nothing
		th.site = n.site
	}
	v := n.c.fn(th, n.args)
	if cap(n.args) <= 8 { // back on the free list
		clearVals(n.args)
		n.args = n.args[:0]
		// c and site, a builtin and a call site, are left for the next
		// use: no write (and no write barrier)
		n.next = th.freeCtl
		th.freeCtl = n
	}
	return v
}

// setNext arranges for n to run next, in no env.
func (th *Thread) setNext(n node) {
	th.nx = n
	if th.nenv != nil { // a test is cheaper than a write barrier
		th.nenv = nil
	}
}

// clearVals sets the few values of v to nil (plain stores: cheaper than
// clear's bulk write barrier for one or two).
func clearVals(v []Value) {
	for i := range v {
		v[i] = nil
	}
}

// Continuation is a first-class continuation.
type Continuation struct {
	k     *frame
	depth int32     // the frames in k (Thread.depth)
	dyn   *dynState // immutable, shared (dynSnap)
	base  *frame    // the base frame of its run, whose a is the thread
}

// dynSnap returns th.dyn as an immutable snapshot for a continuation:
// the last one made, while th.dyn has not changed since, so the
// continuations a loop captures in one dynamic state share one.
func (th *Thread) dynSnap() *dynState {
	if s := th.lastDyn; s != nil && *s == th.dyn {
		return s
	}
	s := new(dynState)
	*s = th.dyn
	th.lastDyn = s
	return s
}

// TypeName implements Value.
func (*Continuation) TypeName() string { return "procedure" }

// Repr implements Repr.
func (*Continuation) Repr() string { return "#<continuation>" }

// throwNode passes vals to the continuation k. The thread recycles it
// once the values are delivered (throw keeps no reference to vals).
type throwNode struct {
	k    *Continuation
	vals []Value
	next *throwNode // free list
}

func (n *throwNode) ev(th *Thread, env *Env) Value {
	if n.k.base.a != Value(th) {
		th.failf("", "continuation invoked from another thread")
	}
	if n.k.base != th.base {
		panic(&escape{k: n.k, vals: append([]Value(nil), n.vals...)})
	}
	v := th.throw(n.k, n.vals)
	if cap(n.vals) <= 8 { // back on the free list
		clearVals(n.vals)
		n.vals = n.vals[:0]
		n.k = nil // a continuation holds a whole stack
		n.next = th.freeThrow
		th.freeThrow = n
	}
	return v
}

// throw transfers to k, running dynamic-wind after/before thunks; it
// keeps no reference to vals.
func (th *Thread) throw(k *Continuation, vals []Value) Value {
	from, to := th.dyn.winders, k.dyn.winders
	if from == to {
		th.k, th.depth, th.dyn = k.k, k.depth, *k.dyn
		if len(vals) == 1 {
			return vals[0]
		}
		return Values(vals...)
	}
	// steps: afters from 'from' up to the common ancestor, then befores down to 'to'.
	var steps []windStep
	f, t := from, to
	var befores []windStep
	for depthOf(f) > depthOf(t) {
		steps = append(steps, windStep{thunk: f.after, winders: f.next})
		f = f.next
	}
	for depthOf(t) > depthOf(f) {
		befores = append(befores, windStep{thunk: t.before, winders: t.next})
		t = t.next
	}
	for f != t {
		steps = append(steps, windStep{thunk: f.after, winders: f.next})
		befores = append(befores, windStep{thunk: t.before, winders: t.next})
		f, t = f.next, t.next
	}
	for i := len(befores) - 1; i >= 0; i-- {
		steps = append(steps, befores[i])
	}
	return windOp{}.run(th, &windPlan{steps: steps, k: k, vals: append([]Value(nil), vals...)}, 0)
}

func depthOf(w *winder) int {
	if w == nil {
		return 0
	}
	return w.depth
}

type windStep struct {
	thunk   Value
	winders *winder
}

type windPlan struct {
	steps []windStep
	k     *Continuation
	vals  []Value
}

// TypeName implements Value (internal).
func (*windPlan) TypeName() string { return "wind-plan" }

type windOp struct{}

func (w windOp) run(th *Thread, p *windPlan, i int) Value {
	if i >= len(p.steps) {
		th.k, th.depth, th.dyn = p.k.k, p.k.depth, *p.k.dyn
		return Values(p.vals...)
	}
	st := p.steps[i]
	th.dyn.winders = st.winders
	f := newOpFrame(w, p, nil)
	f.i = int32(i + 1)
	th.pushNow(f)
	return th.apply(st.thunk, nil)
}

func (w windOp) resume(th *Thread, f *frame, v Value) Value {
	return w.run(th, f.a.(*windPlan), int(f.i))
}

// raise delivers obj to the current handler. With no handler the run ends
// with an *Error.
func (th *Thread) raise(obj Value, continuable bool) (Value, error) {
	h := th.dyn.handlers
	if h == nil {
		e := &Error{Condition: obj, Stack: th.stackTrace()}
		if c, ok := obj.(*Condition); ok {
			e.Cause = c.Cause
			if c.Stack == nil {
				c.Stack = e.Stack
			} else {
				e.Stack = c.Stack
			}
		}
		return nil, e
	}
	saved := th.dyn
	if continuable {
		th.pushNow(newOpFrame(restoreDynOp{}, nil, &dynBox{saved}))
	} else {
		th.pushNow(newOpFrame(nonContinuableOp{}, obj, &dynBox{saved}))
	}
	th.dyn.handlers = h.next
	return th.apply(h.h, []Value{obj}), nil
}

type restoreDynOp struct{}

func (restoreDynOp) resume(th *Thread, f *frame, v Value) Value {
	th.dyn = *f.dyn()
	return v
}

type nonContinuableOp struct{}

func (nonContinuableOp) resume(th *Thread, f *frame, v Value) Value {
	th.dyn = *f.dyn()
	// R7RS: a secondary exception in the dynamic environment of the handler.
	th.dyn.handlers = f.dyn().handlers.next
	// R6RS §7.1: a &non-continuable violation (kinds violation and
	// non-continuable, which (rnrs conditions) reads as such).
	c := MakeError("", "exception handler returned from non-continuable exception", []Value{f.a}, "violation", "non-continuable")
	panic(&schemePanic{v: c})
}

// stackTrace lists the pending call sites, innermost first (at most 30).
// CallChain returns the thread's current Scheme call stack, innermost
// first (at most 30 frames), for CHICKEN's get-call-chain.
func (th *Thread) CallChain() []StackFrame { return th.stackTrace() }

func (th *Thread) stackTrace() []StackFrame {
	var out []StackFrame
	if th.site != nil {
		out = append(out, th.site.frame())
	}
	// the pending call sites of direct calls lie above the frame that
	// was th.k when they were entered; a site counts once a direct call
	// of the same run runs in its arguments (as its frame would be linked
	// only then); a run's base frame holds th.goDepth at its start
	i := len(th.pend) - 1
	depth := th.goDepth
	for f := th.k; f != nil && len(out) < 30; f = f.up() {
		for ; i >= 0 && th.pend[i].k == f; i-- {
			if th.pend[i].depth < depth {
				out = append(out, th.pend[i].n.frame())
			}
		}
		if n := f.site(); n != nil {
			out = append(out, n.frame())
		} else if f.opKind() == kBase {
			depth = f.i
		}
	}
	if len(out) > 30 {
		out = out[:30]
	}
	return out
}

// pendPush records n as a pending call site (see stackTrace) while its
// arguments are evaluated, when a direct call can run in them: else the
// site could not count, and pendPush reports false.
func (th *Thread) pendPush(n *callNode) bool {
	if th.noDirect() {
		return false
	}
	th.pend = append(th.pend, pendSite{n, th.k, th.goDepth})
	return true
}

// pendPop removes the site pendPush recorded, if it did.
func (th *Thread) pendPop(pushed bool) {
	if pushed {
		th.pend = th.pend[:len(th.pend)-1]
	}
}

// pendSite is a call whose arguments are being evaluated, entered with
// th.k at k and th.goDepth at depth.
type pendSite struct {
	n     *callNode
	k     *frame
	depth int32
}
