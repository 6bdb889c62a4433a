// CHICKEN's (chicken gc): collections, memory statistics and finalizers over Go's runtime.

// Package chickengc is the (chicken gc) library over Go's garbage
// collector. Go's collector is concurrent and not generational, so the
// library maps CHICKEN's terms as each row says: (gc #f) and (gc #t) both
// run a full collection; memory-statistics' third element, CHICKEN's
// nursery size, is the bytes the program may allocate before the runtime
// starts its next collection; set-gc-report! has no effect (Go reports
// collections only through GODEBUG=gctrace=1).
//
// Finalizers are best effort, as Go's are: a finalizer registered with
// set-finalizer! runs once the Go runtime finds its object unreachable,
// which may be several collections after the program dropped it and never
// for an object in a reference cycle with another finalized object. Each
// runs on a fresh Scheme thread of the interpreter, with the object as its
// argument; an error in one is written as a warning to the interpreter's
// Stderr. (gc #t) runs a collection, waits (up to a second) for the
// runtime to hand over the objects it found unreachable and runs their
// finalizers before it returns; so does the end of a program when
// force-finalizers is true. Objects that are not heap-allocated in tlsport
// (fixnums, flonums, characters, booleans, '() and the other constants)
// cannot have finalizers. A tlsport closure holds its whole environment,
// so a finalizer procedure made where its object is in scope (a lambda in
// the let that binds it) keeps the object reachable and never runs: make
// the procedure outside that scope.
package chickengc

import (
	"context"
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"time"
	"weak"

	"github.com/tlsport/tlsport/scheme"
)

const spec = "CHICKEN (chicken gc)"

// finalizable accepts the objects set-finalizer! accepts: heap-allocated
// ones, not the immediates and constants.
var finalizable = &scheme.Type{Name: "non-immediate object", Accept: func(v scheme.Value) bool {
	switch v {
	case scheme.Null, scheme.True, scheme.False, scheme.Unspecified, scheme.EOF, scheme.Default:
		return false
	}
	return v != nil && reflect.ValueOf(v).Kind() == reflect.Pointer
}}

// ForceFinalizers is CHICKEN's force-finalizers parameter.
var ForceFinalizers = &scheme.ParamDef{Name: "force-finalizers", Spec: spec, Sig: "(force-finalizers [flag])",
	Doc:     "When true (the default), the finalizers of objects found unreachable run when the program ends normally (by exit or after its last toplevel form).",
	Default: scheme.True}

var procs = []scheme.Proc{
	{Name: "gc", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Opt("flag", nil, nil)) },
		Doc: "Runs a full garbage collection (Go has no minor one: #f does the same) and returns the free bytes in the heap (obtained from the system, not in use). An explicit #t also runs the finalizers of the objects found unreachable before returning.",
		Fn:  gc},
	{Name: "current-gc-milliseconds", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "The milliseconds the Go runtime has paused the program for collections since the last call in this interpreter (the first call: since the process started), an exact integer.",
		Fn:  currentGcMilliseconds},
	{Name: "memory-statistics", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda() },
		Doc: "Runs a full collection and returns #(heap-size bytes-used nursery-size): the heap bytes obtained from the system, the bytes of live objects, and, for CHICKEN's nursery, the bytes the program may allocate before the next collection starts.",
		Fn:  memoryStatistics},
	{Name: "set-finalizer!", Spec: spec, LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("x", finalizable), scheme.Req("proc", scheme.TypeProcedure))
	},
		Doc: "Registers proc to be called with x, on a fresh thread, once x is about to be collected; returns x. Several finalizers per object are allowed, run in no defined order. Best effort, as Go's finalizers: see (gc #t). x must not be an immediate (fixnum, flonum, char, boolean, '()).",
		Fn:  setFinalizerBang},
	{Name: "set-gc-report!", Spec: spec, LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("flag", nil)) },
		Doc: "Accepted for compatibility and has no effect: Go's runtime prints collection statistics only when started with GODEBUG=gctrace=1.",
		Fn:  setGcReportBang},
}

// Library is the (chicken gc) binding table.
var Library = &scheme.Library{Name: "(chicken gc)", Doc: "CHICKEN 5's (chicken gc): garbage collection, memory statistics and finalizers.",
	Procs: procs, Parameters: []*scheme.ParamDef{ForceFinalizers}}

// job is a finalizer call due: proc applied to obj.
type job struct{ proc, obj scheme.Value }

// state is an interpreter's finalizer registry. The Go finalizer of a
// registered object holds only a weak pointer to it and the object's
// address (Go's collector does not move heap objects), so neither the
// object nor the interpreter is kept alive by it.
type state struct {
	in      *scheme.Interp
	mu      sync.Mutex
	procs   map[uintptr][]scheme.Value // registered finalizers by object address
	pending []job
	running int             // finalizers being run
	idle    []chan struct{} // closed when running drops to 0
	drainer bool            // a goroutine runs the pending finalizers
	exitSet bool            // the end-of-program hook is registered
	gcNanos uint64          // PauseTotalNs at the last current-gc-milliseconds
}

type stateKey struct{}

func stateOf(in *scheme.Interp) *state {
	return in.HostData(stateKey{}, func() any {
		return &state{in: in, procs: make(map[uintptr][]scheme.Value)}
	}).(*state)
}

// gc implements gc.
func gc(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	runtime.GC()
	if a[0] == scheme.Value(scheme.True) {
		if err := stateOf(th.Interp()).finalize(th.Context()); err != nil {
			return nil, err
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return scheme.Fixnum(m.HeapSys - m.HeapAlloc), nil
}

// currentGcMilliseconds implements current-gc-milliseconds.
func currentGcMilliseconds(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	st := stateOf(th.Interp())
	st.mu.Lock()
	d := m.PauseTotalNs - st.gcNanos
	st.gcNanos = m.PauseTotalNs
	st.mu.Unlock()
	return scheme.Fixnum(d / uint64(time.Millisecond)), nil
}

// memoryStatistics implements memory-statistics.
func memoryStatistics(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	var room uint64
	if m.NextGC > m.HeapAlloc {
		room = m.NextGC - m.HeapAlloc
	}
	return &scheme.Vector{Items: []scheme.Value{scheme.Fixnum(m.HeapSys), scheme.Fixnum(m.HeapAlloc), scheme.Fixnum(room)}}, nil
}

// setFinalizerBang implements set-finalizer!.
func setFinalizerBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	x, proc := a[0], a[1]
	st := stateOf(th.Interp())
	addr := reflect.ValueOf(x).Pointer()
	st.mu.Lock()
	ps, known := st.procs[addr]
	st.procs[addr] = append(ps, proc)
	hook := !st.exitSet
	st.exitSet = true
	st.mu.Unlock()
	if hook {
		th.Interp().OnExit(scheme.NewPrimitive(nil, &scheme.Proc{Name: "force-finalizers", Fn: atExit}))
	}
	if !known {
		wst := weak.Make(st)
		runtime.SetFinalizer(x, func(obj scheme.Value) {
			if s := wst.Value(); s != nil {
				s.collected(addr, obj)
			}
		})
	}
	return x, nil
}

// setGcReportBang implements set-gc-report!.
func setGcReportBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return scheme.Unspecified, nil
}

// atExit runs, at the end of a program, the finalizers of the objects
// found unreachable when force-finalizers is true.
func atExit(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if th.Param(ForceFinalizers) == scheme.Value(scheme.False) {
		return scheme.Unspecified, nil
	}
	runtime.GC()
	return scheme.Unspecified, stateOf(th.Interp()).finalize(th.Context())
}

// collected is the Go finalizer's part: it queues the Scheme finalizers of
// the object at addr and has a goroutine run them.
func (st *state) collected(addr uintptr, obj scheme.Value) {
	st.mu.Lock()
	for _, p := range st.procs[addr] {
		st.pending = append(st.pending, job{p, obj})
	}
	delete(st.procs, addr)
	start := !st.drainer && len(st.pending) > 0
	st.drainer = st.drainer || start
	st.mu.Unlock()
	if start {
		go st.drain()
	}
}

// drain runs the pending finalizers until there are none.
func (st *state) drain() {
	for {
		_ = st.runPending(context.Background())
		st.mu.Lock()
		if len(st.pending) == 0 {
			st.drainer = false
			st.mu.Unlock()
			return
		}
		st.mu.Unlock()
	}
}

// inFinalizer marks the context of a finalizer's thread.
type inFinalizer struct{}

// finalize waits (up to a second each) for two collections' worth of
// unreachable objects to be handed over by the runtime's finalizer
// goroutine, runs the pending finalizers, then waits for those that other
// goroutines are running (but not when called from a finalizer, which
// would wait for itself).
func (st *state) finalize(ctx context.Context) error {
	for range 2 {
		done := make(chan struct{})
		runtime.SetFinalizer(new([64]byte), func(*[64]byte) { close(done) })
		runtime.GC()
		select {
		case <-done:
		case <-time.After(time.Second):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if err := st.runPending(ctx); err != nil || ctx.Value(inFinalizer{}) != nil {
		return err
	}
	st.mu.Lock()
	if st.running == 0 {
		st.mu.Unlock()
		return nil
	}
	idle := make(chan struct{})
	st.idle = append(st.idle, idle)
	st.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// runPending runs the queued finalizers, each on a fresh thread, until
// there are none.
func (st *state) runPending(ctx context.Context) error {
	fctx := context.WithValue(ctx, inFinalizer{}, true)
	for {
		st.mu.Lock()
		if len(st.pending) == 0 {
			st.mu.Unlock()
			return nil
		}
		j := st.pending[0]
		st.pending[0] = job{}
		st.pending = st.pending[1:]
		st.running++
		st.mu.Unlock()
		_, err := st.in.Apply(fctx, j.proc, j.obj)
		st.mu.Lock()
		if st.running--; st.running == 0 {
			for _, c := range st.idle {
				close(c)
			}
			st.idle = nil
		}
		st.mu.Unlock()
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if st.in.Stderr != nil {
				fmt.Fprintf(st.in.Stderr, "Warning: in finalizer: %v\n", err)
			}
		}
	}
}
