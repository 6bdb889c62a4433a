// Thread: one Scheme thread of control (machine registers, dynamic state, context).

package scheme

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
)

// Thread is one Scheme thread: a goroutine running the machine, with its own
// dynamic environment (parameterize bindings, exception handlers,
// dynamic-wind winders) and context. It is also the SRFI-18 thread object.
// A Thread is used by one goroutine at a time.
type Thread struct {
	interp *Interp
	ctx    context.Context
	cancel context.CancelFunc
	id     int64
	// loadingSource marks the thread evaluating a lazily loaded source,
	// while its goroutine holds the interpreter's lazyMu (autoload.go)
	loadingSource bool

	// machine registers
	k     *frame // continuation
	depth int32  // the frames in k (a frame does not hold its depth)
	// baseDepth is depth at the start of the innermost run (below base)
	baseDepth int32
	dyn       dynState
	stack     []Value // argument stack for calls in progress
	nx        node    // next node to run when an ev returns nil
	nenv      *Env
	pTop      *frame // pending frames built while unwinding an ev (innermost first)
	pBot      *frame
	base      *frame // base frame of the innermost run
	tailF     Value  // tail call requested by a primitive
	tailA     []Value
	site      *callNode // call site of the call in progress (stack traces)
	stopped   atomic.Bool
	// direct calls (see Thread.drive)
	goDepth int32 // direct calls in progress
	// wantVals: the depth of direct calls whose caller takes all their
	// values (Thread.driveVals), or 0
	wantVals int32
	pMark    *frame     // the last pending frame queued by a direct call's callee
	pend     []pendSite // calls whose arguments are being evaluated (stack traces)
	act      *Env       // the env of the body running from its start (loopBodyNode)

	// free lists of recycled frames, envs (by slot count) and saved-value
	// boxes (see Thread.newEnv)
	freeFrames  *frame
	nFreeFrames int
	freeEnv     [maxPooledEnv + 1]*Env
	nFreeEnv    [maxPooledEnv + 1]int
	freeVals    []*valsBox
	freeCtl     *ctlNode
	chunk       *chunk // the current frame chunk, whose first chunkN frames are free
	chunkN      int
	pchunk      *pchunk // the current pure chunk, whose first pchunkN frames are free
	pchunkN     int
	freeThrow   *throwNode
	fixSlab     []Fixnum  // the rest of the current slab of boxed fixnums (boxFix)
	lastDyn     *dynState // the last dynamic state snapshot (dynSnap)

	// SRFI-18
	name     Value
	specific Value
	thunk    Value
	made     int64 // 1, 2 … for threads made by make-thread (Repr)
	mu       sync.Mutex
	state    string // "new", "runnable", "dead" (ended or terminated), "terminated" (uncaught exception)
	waiting  string // while runnable: "sleeping" or "blocked" in a SRFI-18 wait, else ""
	killed   bool   // thread-terminate! was called on it
	owned    []*Mutex
	quantum  Value   // thread-quantum (kept: the interpreter lock's slice is fixed, gil.go)
	signals  []Value // thread-signal!'s objects, raised when the thread next runs Scheme code
	done     chan struct{}
	result   Value
	exc      Value // uncaught exception, or nil
	stopCtx  func() bool
	// locals holds the parameter values a thread made by make-thread
	// set by calling the parameter, (p v): they are its own (CHICKEN), and
	// those its creator had bound or set when it was made; pgen, the
	// global values as they were then (see paramGen). Both nil for an
	// evaluation's thread, whose (p v) sets the global value.
	locals map[*Parameter]Value
	pgen   *paramGen
	pcache *paramCache // latest parameter reads (see paramCache)

	macroCtx *macroCtx // the expansion a procedural transformer runs in (syntax-case)

	// wake is WaitContext's context (nil until a wait asks for one);
	// wakeCancel ends it with wakeCause (see Thread.wakeUp); susp is set
	// while thread-suspend! holds the thread. Guarded by mu.
	wake       atomic.Pointer[threadCtx]
	wakeCancel context.CancelCauseFunc
	wakeCause  error
	susp       *suspension

	// blocked counts the port operations and waits in progress that may
	// block the thread (see Thread.WaitBegin): thread-state says blocked
	// meanwhile. An atomic counter, not waiting under mu: a read of a
	// port pays two uncontended adds and allocates nothing.
	blocked atomic.Int32

	// gs is the thread's state as to the interpreter lock (gil.go):
	// gsHeld, gsGo and the count of its entries into Go code; yieldReq
	// asks it to let a waiting thread run at its next step; spawned
	// marks a thread make-thread made.
	g        *gil   // &interp.gil, one load less in the inlined lock checks
	goid     uint64 // the goroutine of its current run (lockRun, startThread)
	gs       atomic.Uint64
	yieldReq atomic.Bool
	spawned  bool
	inPrim   int32 // primitive calls in progress in the current run
}

// dynState is a thread's dynamic environment; continuations capture it.
type dynState struct {
	winders  *winder
	handlers *handlerEntry
	params   *paramBinding
}

type winder struct {
	before, after Value
	next          *winder
	depth         int
}

type handlerEntry struct {
	h    Value
	next *handlerEntry
}

// TypeName implements Value.
func (*Thread) TypeName() string { return "thread" }

// Repr implements Repr: CHICKEN's #<thread: name>. An unnamed thread shows
// as thread<n>, n counting the threads made by make-thread (CHICKEN names
// them with a gensym); an evaluation's own thread as thread.
func (th *Thread) Repr() string {
	if th.name != nil && th.name != Value(False) {
		return "#<thread: " + DisplayString(th.name) + ">"
	}
	if th.made > 0 {
		return "#<thread: thread" + strconv.FormatInt(th.made, 10) + ">"
	}
	return "#<thread: thread>"
}

// Context returns the thread's context; primitives that block must honour
// it. A primitive that asks for it is taken to wait from there on: the
// thread lets the interpreter lock go (see gil), and the primitive touches
// no Scheme data another thread may change until it returns.
func (th *Thread) Context() context.Context {
	th.unlock()
	return th.ctx
}

// threadKey is the context key of the Thread a context belongs to.
type threadKey struct{}

// threadCtx is a thread's context: its cancellable context carrying the
// Thread under threadKey. Port backends look the thread up at every read
// and write (ThreadFromContext); on the thread's own context that is a
// type check instead of a walk up the context chain.
type threadCtx struct {
	context.Context
	th *Thread
}

// Value implements context.Context.
func (c *threadCtx) Value(key any) any {
	if _, ok := key.(threadKey); ok {
		return c.th
	}
	return c.Context.Value(key)
}

// HandshakeContext returns the context a TLS handshake started under c
// honours: the thread's own, which a wake-up (thread-signal!) does not
// end, where c is its wait context ([Thread.WaitContext]). The
// handshake runs the connection's callbacks on the thread, so the thread
// runs its signal handlers once the handshake has ended, and a
// connection is never dropped because a signal came during its handshake.
func (c *threadCtx) HandshakeContext() context.Context { return c.th.ctx }

// ThreadFromContext returns the Thread whose Context (or a context derived
// from it) ctx is: port backends use it to read the calling thread's
// parameters at each operation (e.g. tcp-read-timeout). The thread may only
// be used on the goroutine that called the backend.
func ThreadFromContext(ctx context.Context) (*Thread, bool) {
	if c, ok := ctx.(*threadCtx); ok {
		return c.th, true // the thread's own context: no walk up the chain
	}
	th, ok := ctx.Value(threadKey{}).(*Thread)
	return th, ok
}

// ExceptionHandler returns the current exception handler: the innermost
// one installed by with-exception-handler (or guard, handle-exceptions …)
// in the thread's dynamic extent, or nil when none is.
func (th *Thread) ExceptionHandler() Value {
	if h := th.dyn.handlers; h != nil {
		return h.h
	}
	return nil
}

// Interp returns the interpreter the thread belongs to.
func (th *Thread) Interp() *Interp { return th.interp }

// newThread returns a thread whose context derives from ctx.
func (in *Interp) newThread(ctx context.Context) *Thread {
	if ctx == nil {
		ctx = context.Background()
	}
	th := &Thread{interp: in, g: &in.gil, id: in.nextThreadID.Add(1),
		name: False, specific: Unspecified, state: "new", done: make(chan struct{})}
	// The thread rides on its context (ThreadFromContext): port backends,
	// which get only the ctx, can read the caller's parameters.
	cctx, cancel := context.WithCancel(ctx)
	th.ctx, th.cancel = &threadCtx{Context: cctx, th: th}, cancel
	th.stack = make([]Value, 0, 64)
	th.stopCtx = context.AfterFunc(cctx, func() { th.stopped.Store(true) })
	return th
}
