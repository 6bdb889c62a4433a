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

// pollInterval is the accept deadline of non-blocking Accept.
const pollInterval = ports.ReadyPoll

// Listener is a TCP listener whose accepted connections speak TLS.
type Listener struct {
	acc *ports.Acceptor
	ctx *tlsctx.Context

	// ConnConfig returns the per-connection TLS snapshot for an accepted
	// connection. Listen sets it to ctx.ConnConfig; tests or callers with
	// their own configuration may replace it before the first Accept.
	ConnConfig func() (*tlsctx.ConnConfig, error)
	// Options are the engine options given to accepted connections; they
	// may be changed between Accepts.
	Options ports.Options

	mu          sync.Mutex // guards nonblocking
	nonblocking bool
}

// Listen listens on host:port ("" host = all interfaces; port 0 picks a
// free port). backlog is advisory (Go uses the OS maximum). ctx is the
// server context whose snapshots configure accepted connections; it may be
// nil if ConnConfig is set afterwards. Accepted connections send no TCP
// keep-alive probes (see [ListenTCP]).
func Listen(host string, port, backlog int, ctx *tlsctx.Context) (*Listener, error) {
	_ = backlog
	ln, err := ListenTCP(net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return nil, conditions.Net("listen", "", err)
	}
	l := &Listener{acc: ports.NewAcceptor(ln), ctx: ctx}
	l.ConnConfig = l.defaultConnConfig
	return l, nil
}

// ListenTCP listens on the TCP address addr for connections that send no
// TCP keep-alive probes, as CHICKEN's sockets (and OpenSSL's, Racket's)
// do not: Go's default, probes after 15 s idle, costs four setsockopt
// calls per accepted connection. Use [Wrap] for a listener of other
// settings.
func ListenTCP(addr string) (*net.TCPListener, error) {
	ln, err := noKeepAlive.Listen(context.Background(), "tcp", addr)
	if err != nil {
		return nil, err
	}
	return ln.(*net.TCPListener), nil
}

// noKeepAlive is ListenTCP's configuration.
var noKeepAlive = net.ListenConfig{KeepAlive: -1}

// Wrap returns a Listener over an existing TCP listener.
func Wrap(ln *net.TCPListener, ctx *tlsctx.Context) *Listener {
	l := &Listener{acc: ports.NewAcceptor(ln), ctx: ctx}
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

// Listener is a net.Listener whose connections are *ports.Conn.
var _ net.Listener = (*Listener)(nil)

// Accept implements net.Listener: it waits for the next TCP connection
// and returns it as a lazy server *ports.Conn (the handshake runs on its
// first I/O, so a slow or silent client never blocks Accept), configured
// by the server context and Options. After Close it returns the condition
// "SSL socket already closed". Serve an http.Server on it with
// srv.Serve(l).
func (l *Listener) Accept() (net.Conn, error) {
	c, err := l.AcceptContext(context.Background(), 0)
	if err != nil {
		return nil, err
	}
	return c, nil
}

// AcceptContext waits for a TCP connection, at most timeout (0 = no limit;
// a timeout is not sticky) and until ctx is done, and returns a lazy
// server connection. On a non-blocking listener with nothing pending it
// returns a want-accept condition.
func (l *Listener) AcceptContext(ctx context.Context, timeout time.Duration) (*ports.Conn, error) {
	if l.acc.Closed() {
		return nil, conditions.Closed()
	}
	nb := !l.Blocking()
	var d time.Time
	switch {
	case nb:
		d = time.Now().Add(pollInterval)
	case timeout > 0:
		d = time.Now().Add(timeout)
	}
	raw, err := l.acc.Accept(ctx, d)
	if err != nil {
		if cerr := ctx.Err(); cerr != nil && err == cerr {
			return nil, conditions.Classify(conditions.OpAccept, cerr, conditions.State{})
		}
		if nb && errors.Is(err, os.ErrDeadlineExceeded) {
			return nil, conditions.Want(conditions.WantAccept, conditions.OpAccept)
		}
		if errors.Is(err, net.ErrClosed) && l.acc.Closed() {
			return nil, conditions.Closed()
		}
		e := conditions.NetOp(conditions.OpAccept, err)
		if e.HasKind(conditions.KindTimeout) {
			e = conditions.Timeout(conditions.OpAccept, conditions.Millis(timeout), err)
		}
		return nil, e
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
func (l *Listener) AcceptReady(ctx context.Context) bool { return l.acc.Ready(ctx) }

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
func (l *Listener) Addr() net.Addr { return l.acc.Addr() }

// Port returns the actual listening port (useful after port 0).
func (l *Listener) Port() int { return l.acc.Port() }

// Fileno returns the OS descriptor of the listening socket, or -1.
func (l *Listener) Fileno() int { return l.acc.Fileno() }

// Closed reports whether Close was called.
func (l *Listener) Closed() bool { return l.acc.Closed() }

// Close closes the TCP listener (and a connection kept by AcceptReady);
// accepted connections are unaffected. Idempotent.
func (l *Listener) Close() error { return l.acc.Close() }
