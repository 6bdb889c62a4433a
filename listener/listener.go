// Listener: TCP listen/accept with deadlines or polling, yielding lazy server connections (spec §1.1.3).
package listener

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
)

// pollInterval is the accept deadline of AcceptReady and non-blocking Accept.
const pollInterval = time.Millisecond

// Listener is a TCP listener whose accepted connections speak TLS.
type Listener struct {
	ln  *net.TCPListener
	ctx *tlsctx.Context

	// ConnConfig returns the per-connection TLS snapshot for an accepted
	// connection. Listen sets it to ctx.ConnConfig; tests or callers with
	// their own configuration may replace it before the first Accept.
	ConnConfig func() (*tlsctx.ConnConfig, error)
	// Options are the engine options given to accepted connections; they
	// may be changed between Accepts.
	Options ports.Options

	mu          sync.Mutex // guards the fields below
	stash       net.Conn   // connection found by AcceptReady
	closed      bool
	nonblocking bool
	acceptMu    sync.Mutex // serialises raw accepts
}

// Listen listens on host:port ("" host = all interfaces; port 0 picks a
// free port). backlog is advisory (Go uses the OS maximum). ctx is the
// server context whose snapshots configure accepted connections; it may be
// nil if ConnConfig is set afterwards.
func Listen(host string, port, backlog int, ctx *tlsctx.Context) (*Listener, error) {
	_ = backlog
	ln, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return nil, conditions.Net("listen", "", err)
	}
	l := &Listener{ln: ln.(*net.TCPListener), ctx: ctx}
	l.ConnConfig = l.defaultConnConfig
	return l, nil
}

// Wrap returns a Listener over an existing TCP listener.
func Wrap(ln *net.TCPListener, ctx *tlsctx.Context) *Listener {
	l := &Listener{ln: ln, ctx: ctx}
	l.ConnConfig = l.defaultConnConfig
	return l
}

func (l *Listener) defaultConnConfig() (*tlsctx.ConnConfig, error) {
	if l.ctx == nil {
		return nil, conditions.Config("listener: no server context", nil)
	}
	return l.ctx.ConnConfig(tlsctx.ConnParams{})
}

// Context returns the server context (nil if none was given).
func (l *Listener) Context() *tlsctx.Context { return l.ctx }

// netError builds the (exn i/o net …) condition of a listen or accept
// failure: a timeout condition for a deadline, else conditions.Net.
func netError(op conditions.Op, err error) *conditions.Error {
	var ne net.Error
	if errors.Is(err, os.ErrDeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return conditions.Timeout(op, -1, err)
	}
	return conditions.Net(string(op), "", err)
}

// rawAccept accepts one TCP connection before the deadline d (zero = none),
// interrupted by ctx.
func (l *Listener) rawAccept(ctx context.Context, d time.Time) (net.Conn, error) {
	l.acceptMu.Lock()
	defer l.acceptMu.Unlock()
	_ = l.ln.SetDeadline(d)
	var stop func() bool = func() bool { return false }
	if ctx.Done() != nil {
		done := make(chan struct{})
		st := context.AfterFunc(ctx, func() { _ = l.ln.SetDeadline(time.Unix(1, 0)); close(done) })
		stop = func() bool {
			if st() {
				return false
			}
			<-done
			return true
		}
	}
	c, err := l.ln.Accept()
	if stop() && err != nil {
		return nil, conditions.Classify(conditions.OpAccept, ctx.Err(), conditions.State{TimeoutMS: -1})
	}
	return c, err
}

// Accept waits for a TCP connection, at most timeout (0 = no limit; a
// timeout is not sticky) and until ctx is done, and returns a lazy server
// connection. On a non-blocking listener with nothing pending it returns a
// want-accept condition.
func (l *Listener) Accept(ctx context.Context, timeout time.Duration) (*ports.Conn, error) {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil, conditions.Closed()
	}
	raw, nb := l.stash, l.nonblocking
	l.stash = nil
	l.mu.Unlock()
	if raw == nil {
		var d time.Time
		switch {
		case nb:
			d = time.Now().Add(pollInterval)
		case timeout > 0:
			d = time.Now().Add(timeout)
		}
		var err error
		raw, err = l.rawAccept(ctx, d)
		if err != nil {
			var ce *conditions.Error
			if errors.As(err, &ce) {
				return nil, ce
			}
			if nb && errors.Is(err, os.ErrDeadlineExceeded) {
				return nil, conditions.Want(conditions.WantAccept, conditions.OpAccept)
			}
			if errors.Is(err, net.ErrClosed) && l.isClosed() {
				return nil, conditions.Closed()
			}
			e := netError(conditions.OpAccept, err)
			if e.HasKind(conditions.KindTimeout) {
				e = conditions.Timeout(conditions.OpAccept, int(timeout/time.Millisecond), err)
			}
			return nil, e
		}
	}
	cc, err := l.ConnConfig()
	if err != nil {
		raw.Close()
		var ce *conditions.Error
		if errors.As(err, &ce) {
			return nil, ce
		}
		return nil, conditions.Config("", err)
	}
	return ports.Server(raw, cc, l.Options), nil
}

// AcceptReady reports whether Accept would not wait for a TCP connection
// (ssl-accept-ready?): it accepts with a ~1 ms deadline and keeps the
// connection for the next Accept.
func (l *Listener) AcceptReady(ctx context.Context) bool {
	l.mu.Lock()
	if l.stash != nil || l.closed {
		ready := l.stash != nil
		l.mu.Unlock()
		return ready
	}
	l.mu.Unlock()
	raw, err := l.rawAccept(ctx, time.Now().Add(pollInterval))
	if err != nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed || l.stash != nil {
		raw.Close()
		return l.stash != nil
	}
	l.stash = raw
	return true
}

// SetBlocking makes Accept wait (true, the default) or poll (false).
func (l *Listener) SetBlocking(on bool) {
	l.mu.Lock()
	l.nonblocking = !on
	l.mu.Unlock()
}

// Blocking reports whether Accept waits.
func (l *Listener) Blocking() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return !l.nonblocking
}

// Addr returns the listening address.
func (l *Listener) Addr() net.Addr { return l.ln.Addr() }

// Port returns the actual listening port (useful after port 0).
func (l *Listener) Port() int { return l.ln.Addr().(*net.TCPAddr).Port }

// Fileno returns the OS descriptor of the listening socket, or -1.
func (l *Listener) Fileno() int {
	fd := -1
	sc, err := l.ln.SyscallConn()
	if err != nil {
		return -1
	}
	_ = sc.Control(func(p uintptr) { fd = int(p) })
	return fd
}

func (l *Listener) isClosed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

// Closed reports whether Close was called.
func (l *Listener) Closed() bool { return l.isClosed() }

// Close closes the TCP listener (and a connection kept by AcceptReady);
// accepted connections are unaffected. Idempotent.
func (l *Listener) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	stash := l.stash
	l.stash = nil
	l.mu.Unlock()
	if stash != nil {
		stash.Close()
	}
	return l.ln.Close()
}
