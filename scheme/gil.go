// The interpreter lock: one thread of an interpreter runs Scheme code at a time.

package scheme

import (
	"runtime"
	"sync/atomic"
	"time"
)

// gil is an interpreter's lock, CHICKEN's model over goroutines: a thread
// holds it while it runs Scheme code, so that the plain memory of
// variables, pairs, vectors and strings is never read and written by two
// threads at once (a program written for CHICKEN's green threads shares
// them without a mutex, and a value read while another thread writes it
// can be torn). A thread lets it go while it waits — a port operation, an
// accept, a SRFI-18 wait, a sleep ([Thread.WaitBegin],
// [Thread.WaitContext], [Thread.Context]) — so I/O, TLS and waits go on
// in parallel.
//
// Waiting for the lock:
//   - a thread running Scheme code for a whole slice while another waits
//     is asked to yield, which it does at its next step (its trampoline's
//     and its loops' stop checks): time-slicing, as CHICKEN's scheduler;
//   - a thread keeps the lock for as long as it takes to come to that
//     step, or to let the lock go in a wait, or to return from a
//     primitive's computation (a sort, a bignum holds the lock as a C
//     function holds CHICKEN's threads): it may only be waiting for a CPU
//     (the Go scheduler or the kernel can leave a runnable goroutine
//     aside for milliseconds under load), and taking the lock from it
//     then would let two threads change the same data at once;
//   - a thread that has held the lock in one state for stuckHolder is
//     blocked in a wait that did not let the lock go: a host's primitive
//     that breaks Thread.Context's contract, or a primitive that was
//     already waiting when a second thread first met it (its wait was not
//     marked, see below). The waiting thread takes the lock over, so that
//     the others go on; the first takes it back, waiting its turn, when
//     its primitive returns or at its next step. That primitive's Go
//     code, once it goes on, runs beside the other threads;
//   - an evaluation made by a thread's own Go code on its goroutine (a
//     callback, a record printer, a library loaded on first use) takes
//     it at once from that thread, which waits for it.
//
// Primitive calls are marked (gsGo) once a thread is started or a
// second goroutine's thread meets the first (multi): until then a
// primitive call pays a counter and a load.
type gil struct {
	holder  atomic.Pointer[Thread] // nil: free
	waiters atomic.Int32
	gen     atomic.Uint64 // counts acquisitions (yield waits for the next)
	multi   atomic.Bool   // a second thread has run: primitive calls are marked
	wake    chan struct{} // one waiter's wake-up, sent by release
	// takeovers counts the times a thread took the lock over (see
	// acquire), slow those from a holder stuck for stuckHolder, not
	// below the thread on its goroutine (tests, diagnosis)
	takeovers, slow atomic.Int64
}

// gilSlice is how long a thread waits for the lock before it asks the
// holder to yield.
const gilSlice = 2 * time.Millisecond

// stuckHolder is how long a holder that neither yields nor changes state
// keeps the lock from a waiting thread before that thread takes it over
// (see gil): far above what a runnable goroutine waits for a CPU.
const stuckHolder = time.Second

// A thread's lock state (Thread.gs): gsHeld while it holds the lock,
// gsGo while it runs a primitive's Go code (or another wait outside the
// trampoline), above them a sequence number counting the times it entered
// Go code, so that a waiting thread knows whether the holder has moved.
const (
	gsHeld uint64 = 1 << iota
	gsGo
	gsSeq
)

// tryAcquire takes the lock if it is free.
func (g *gil) tryAcquire(th *Thread) bool {
	if g.holder.CompareAndSwap(nil, th) {
		g.gen.Add(1)
		return true
	}
	return false
}

// acquire takes the lock for th, waiting for it as gil's comment says. A holder whose run is on th's own goroutine is below th on it:
// its Go code (a primitive, the expander) made th's evaluation (a
// callback, a library's source loaded on first use, a record printer)
// and waits for it, so th takes the lock over at once; that is not a
// second thread meeting the first. eager (an evaluation's run, not a
// thread make-thread made) asks the holder to yield at once instead of
// after a slice.
func (g *gil) acquire(th *Thread, eager bool) {
	if g.tryAcquire(th) || g.takeBelow(th) {
		return
	}
	g.multi.Store(true)
	g.waiters.Add(1)
	defer g.waiters.Add(-1)
	var (
		timer         *time.Timer
		seen          *Thread
		state, gen    uint64
		since, tenure time.Time // since the holder is in state, since it holds the lock
	)
	for !g.tryAcquire(th) && !g.takeBelow(th) {
		h := g.holder.Load()
		if h == nil {
			continue
		}
		s, n, now := h.gs.Load(), g.gen.Load(), time.Now()
		if h != seen || n != gen {
			seen, gen, tenure = h, n, now
			state, since = s, now
		} else if s != state {
			state, since = s, now
		}
		if stuck := now.Sub(since); s&gsHeld != 0 && stuck >= stuckHolder {
			if g.takeOver(th, h, s) {
				g.slow.Add(1)
				break
			}
			continue
		}
		if eager || now.Sub(tenure) >= gilSlice {
			h.yieldReq.Store(true)
			h.stopped.Store(true)
		}
		if timer == nil {
			timer = time.NewTimer(gilSlice)
		} else {
			timer.Reset(gilSlice)
		}
		select {
		case <-g.wake:
		case <-timer.C:
		}
	}
	if timer != nil {
		timer.Stop()
	}
}

// takeBelow takes the lock over for th from a holder whose run is on th's
// goroutine (see acquire).
func (g *gil) takeBelow(th *Thread) bool {
	h := g.holder.Load()
	if h == nil || h.goid != th.goid {
		return false
	}
	s := h.gs.Load()
	return s&gsHeld != 0 && g.takeOver(th, h, s)
}

// takeOver takes the lock for th from h, seen in state s.
func (g *gil) takeOver(th, h *Thread, s uint64) bool {
	if !h.gs.CompareAndSwap(s, s&^gsHeld) {
		return false
	}
	g.holder.Store(th)
	g.gen.Add(1)
	g.takeovers.Add(1)
	h.stopped.Store(true) // it takes the lock back at its next step
	return true
}

// release lets the lock go; th holds it and has cleared gsHeld.
func (g *gil) release() {
	g.holder.Store(nil)
	if g.waiters.Load() > 0 {
		select {
		case g.wake <- struct{}{}:
		default:
		}
	}
}

// take takes the lock for th, which runs Scheme code once it has it (see
// gil.acquire for eager).
func (th *Thread) take(eager bool) {
	th.g.acquire(th, eager)
	th.gs.Store(th.gs.Load()&^gsGo | gsHeld)
}

// lockRun takes the lock for a run of th that does not hold it (an
// evaluation's, a thread's), noting the goroutine the run is on (a
// spawned thread's was noted as its goroutine began, startThread: the
// look-up prints the goroutine's stack, microseconds).
func (th *Thread) lockRun() {
	if !th.spawned {
		th.goid = goroutineID()
	}
	th.take(!th.spawned)
}

// unlockRun lets the lock go as the run that took it (lockRun) ends.
func (th *Thread) unlockRun() {
	th.gs.Store(th.gs.Load() &^ (gsHeld | gsGo))
	th.g.release()
}

// primEnter is called as th, running Scheme code, calls a primitive's Go
// code (th.inPrim counts those calls in progress, nested ones included):
// the outermost call is marked gsGo once two threads have met, so that a
// waiting thread can take the lock over if the primitive blocks without
// letting it go.
func (th *Thread) primEnter() {
	if th.inPrim++; th.inPrim == 1 && th.g.multi.Load() {
		th.markGo()
	}
}

// primLeave ends the call primEnter began. The outermost call leaves th
// running Scheme code and holding the lock, which it takes back if it let
// it go or had it taken over meanwhile.
func (th *Thread) primLeave() {
	th.inPrim--
	if th.gs.Load()&(gsHeld|gsGo) != gsHeld {
		th.primLeft()
	}
}

// primLeft is primLeave once th is not simply holding the lock (not
// inlined, so that primLeave is).
//
//go:noinline
func (th *Thread) primLeft() {
	if th.inPrim == 0 {
		th.goLeave()
	}
}

// markGo marks th, holding the lock, as in Go code (taking the lock back
// first if it was taken over while th was stuck, see gil). Not inlined,
// so that primEnter is.
//
//go:noinline
func (th *Thread) markGo() {
	s := th.gs.Load()
	if s&gsHeld == 0 {
		th.take(false)
		s = th.gs.Load()
	}
	th.gs.Store(s + gsSeq | gsGo)
}

// goLeave clears gsGo: th runs Scheme code again, holding the lock, which
// it takes back if it let it go or had it taken over meanwhile. Not
// inlined, so that primLeave is.
//
//go:noinline
func (th *Thread) goLeave() {
	s := th.gs.Load()
	if s&gsHeld != 0 && th.gs.CompareAndSwap(s, s&^gsGo) {
		return
	}
	th.take(false)
}

// unlock lets the lock go while th, in a primitive's Go code, waits: the
// primitive touches no Scheme data from there on (the lock is taken back
// when it returns). With one thread it does nothing.
func (th *Thread) unlock() {
	if th.g.multi.Load() {
		th.unlockPrim()
	}
}

// unlockPrim is unlock once two threads have met (not inlined, so that
// unlock is).
//
//go:noinline
func (th *Thread) unlockPrim() {
	if th.inPrim > 0 && th.gs.Load()&gsHeld != 0 {
		th.letGo() // marked here when called before two threads met
	}
}

// outside runs f, Go code that may wait for another thread (a library
// being loaded, a suspension), without the lock.
func (th *Thread) outside(f func()) {
	if th.gs.Load()&gsHeld != 0 { // else in Go code that let it go already
		if th.letGo() {
			defer th.goLeave()
		}
	}
	f()
}

// letGo lets the lock th holds go from Go code, marking th as in Go code
// (gsGo) first if it is not; it reports whether it marked it.
func (th *Thread) letGo() (marked bool) {
	s := th.gs.Load()
	if s&gsGo == 0 {
		s += gsSeq | gsGo
		th.gs.Store(s)
		marked = true
	}
	if th.gs.CompareAndSwap(s, s&^gsHeld) {
		th.g.release()
	}
	return marked
}

// nestedRun is called as a run nested in a primitive's Go code (th.Call)
// begins: the run takes the lock. It returns the primitive calls in
// progress and th's lock state, for nestedDone.
func (th *Thread) nestedRun() (inPrim int32, state uint64) {
	inPrim, state = th.inPrim, th.gs.Load()
	th.inPrim = 0
	if state&(gsHeld|gsGo) != gsHeld {
		th.goLeave()
	}
	return inPrim, state
}

// nestedDone is called as the nested run ends: it leaves the primitive's
// Go code as it was, holding the lock or having let it go (a callback
// during a handshake, whose I/O goes on after it).
func (th *Thread) nestedDone(inPrim int32, state uint64) {
	th.inPrim = inPrim
	if state&gsGo != 0 {
		th.gs.Store(th.gs.Load() + gsSeq | gsGo)
		if state&gsHeld == 0 {
			th.unlock()
		}
	}
}

// yield lets the threads waiting for the lock run (a yield request at the
// stop check, thread-yield!), then takes it back in turn.
func (th *Thread) yield() {
	th.yieldReq.Store(false)
	if th.g.waiters.Load() > 0 {
		th.outside(th.g.handOff)
	}
}

// handOff waits, the lock let go, until a waiting thread has taken it (or
// none waits any more).
func (g *gil) handOff() {
	gen := g.gen.Load()
	for i := 0; i < 100 && g.gen.Load() == gen && g.waiters.Load() > 0; i++ {
		runtime.Gosched()
	}
}
