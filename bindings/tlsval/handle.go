// Per-operation timeouts from the calling thread, and the connection handle user callbacks get.

package tlsval

import (
	"context"
	"crypto/tls"
	"sync"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// ThreadLimit is the ports.Options.Limit of the bindings: the limit of one
// operation read from the parameters of the Scheme thread performing it
// (spec §1.1.1, §1.4): ssl-handshake-timeout when a handshake starts,
// tcp-read-timeout for each read, tcp-write-timeout for each write or
// flush. ok is false when ctx carries no thread (a background handshake):
// the engine then keeps the limits fixed at creation.
func ThreadLimit(ctx context.Context, op conditions.Op) (time.Duration, bool) {
	th, ok := scheme.ThreadFromContext(ctx)
	if !ok {
		return 0, false
	}
	switch op {
	case conditions.OpHandshake:
		return ParamMS(th, SSLHandshakeTimeout), true
	case conditions.OpRead:
		return ParamMS(th, TCPReadTimeout), true
	case conditions.OpWrite, conditions.OpFlush:
		return ParamMS(th, TCPWriteTimeout), true
	}
	return 0, false
}

// Handle is the tlsctx.ConnParams.Handle of a connection made by the
// bindings. User callbacks run inside the handshake (verify callback,
// verifier …) get its Port as their conn argument, and run on the Scheme
// thread that started the handshake ([Handle.Call]), so they see its
// parameters and are cancelled with it. Use [OptionsFor] so the engine
// tells the handle which thread that is.
type Handle struct {
	mu   sync.Mutex
	port scheme.Value
	th   *scheme.Thread // thread running the current handshake, nil if none or in the background
	// calls counts the callbacks of this connection running now; hs is
	// the handshake state last passed to verification (ObserveState),
	// seen whether there is one.
	calls int
	seen  bool
	hs    tls.ConnectionState
}

// NewHandle returns a handle whose Port is #f until [Handle.SetPort].
func NewHandle() *Handle { return &Handle{port: scheme.False} }

// SetPort records the port callbacks receive as conn (the input port of the pair).
func (h *Handle) SetPort(p scheme.Value) {
	h.mu.Lock()
	h.port = p
	h.mu.Unlock()
}

// Port returns the conn argument of callbacks.
func (h *Handle) Port() scheme.Value {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.port
}

// Limit is [ThreadLimit] that also records, when a handshake starts, the
// thread running it (nil for a background handshake).
func (h *Handle) Limit(ctx context.Context, op conditions.Op) (time.Duration, bool) {
	if op == conditions.OpHandshake {
		th, _ := scheme.ThreadFromContext(ctx)
		h.mu.Lock()
		h.th = th
		h.mu.Unlock()
	}
	return ThreadLimit(ctx, op)
}

// Thread returns the Scheme thread running the current handshake, or nil.
func (h *Handle) Thread() *scheme.Thread {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.th
}

// Call applies proc to args for a callback of this connection: on the
// thread running the handshake when there is one (the handshake runs on
// its goroutine), else on a fresh thread of in. A condition raised by proc
// does not reach the thread's own handlers: it is returned as a
// *scheme.Error (the callback failure aborts the handshake, and the caller
// sees it as openssl.cause).
//
// While proc runs, [Handle.HandshakeState] reports the handshake state, so
// peer queries on the connection made inside the callback answer from it
// instead of waiting for the handshake that is running the callback.
func (h *Handle) Call(in *scheme.Interp, proc scheme.Value, args ...scheme.Value) (scheme.Value, error) {
	if h != nil {
		h.mu.Lock()
		h.calls++
		h.mu.Unlock()
		defer func() {
			h.mu.Lock()
			h.calls--
			h.mu.Unlock()
		}()
		if th := h.Thread(); th != nil {
			return guardedCall(th, proc, args)
		}
	}
	return CallFresh(in, context.Background(), proc, args...)
}

// HandshakeState reports whether a callback of the connection is running
// ([Handle.Call]) and, if so, the handshake state seen by verification so
// far (seen false before the peer's certificates arrived). Peer queries
// use it inside callbacks: the handshake cannot complete while it waits
// for them. The state is per connection, not per thread: another thread
// querying the connection while one of its callbacks runs is answered the
// same way.
func (h *Handle) HandshakeState() (cs tls.ConnectionState, seen, inCallback bool) {
	if h == nil {
		return tls.ConnectionState{}, false, false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hs, h.seen, h.calls > 0
}

// InCallback reports whether a callback of the connection is running.
func (h *Handle) InCallback() bool {
	if h == nil {
		return false
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.calls > 0
}

// ObserveState implements tlsctx.StateObserver: it records the handshake
// state verification is about to check (also on the configs a server's
// GetConfigForClient returns, which verify through the same snapshot
// code), for [Handle.HandshakeState]. Copied into the handle, it costs the
// connection no allocation.
func (h *Handle) ObserveState(cs tls.ConnectionState) {
	h.mu.Lock()
	h.hs, h.seen = cs, true
	h.mu.Unlock()
}

var _ tlsctx.StateObserver = (*Handle)(nil)

// guardKey is the Interp.HostData key of the callback guard procedure.
type guardKey struct{}

// guardSrc runs (apply proc args) under a handler that escapes with
// (marker . condition), so raises inside callbacks stay inside.
const guardSrc = `(lambda (marker proc args)
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (cons marker e)))
        (lambda () (apply proc args))))))`

// guardMarker tags a condition caught by the guard.
var guardMarker = &scheme.Opaque{Name: "callback-failure"}

func guardedCall(th *scheme.Thread, proc scheme.Value, args []scheme.Value) (scheme.Value, error) {
	in := th.Interp()
	guard, _ := in.HostData(guardKey{}, func() any {
		g, err := in.EvalString(context.Background(), guardSrc)
		if err != nil {
			return nil
		}
		return g
	}).(scheme.Value)
	if guard == nil {
		return th.Call(proc, args...)
	}
	r, err := th.Call(guard, guardMarker, proc, scheme.List(args...))
	if err != nil {
		return nil, err
	}
	if p, ok := r.(*scheme.Pair); ok && p.Car == scheme.Value(guardMarker) {
		return nil, &scheme.Error{Condition: p.Cdr}
	}
	return r, nil
}

// CallFresh applies proc to args on a fresh Scheme thread of in whose
// context derives from ctx (Go callbacks running on other goroutines).
func CallFresh(in *scheme.Interp, ctx context.Context, proc scheme.Value, args ...scheme.Value) (scheme.Value, error) {
	quote := scheme.Intern("quote")
	form := make([]scheme.Value, 0, len(args)+1)
	form = append(form, scheme.List(quote, proc))
	for _, a := range args {
		form = append(form, scheme.List(quote, a))
	}
	return in.Eval(ctx, scheme.List(form...))
}

// HandleOf returns the conn argument for a callback given the handle
// tlsctx passes (a *Handle, or anything else: #f).
func HandleOf(handle any) (*Handle, scheme.Value) {
	if h, ok := handle.(*Handle); ok && h != nil {
		return h, h.Port()
	}
	return nil, scheme.False
}
