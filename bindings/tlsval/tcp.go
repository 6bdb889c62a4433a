// Plain TCP: dialing and the tcp-listener value of (chicken tcp) (spec §1.4).

package tlsval

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/listener"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// NetError returns the (exn i/o net) condition of a failed TCP operation,
// or (exn i/o net timeout) when err is a deadline expiry. what names the
// host or address for the message; ms is the limit for timeout.ms (none =
// unknown).
func NetError(op conditions.Op, what string, ms conditions.Opt, err error) *conditions.Error {
	var ne net.Error
	if errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) ||
		(errors.As(err, &ne) && ne.Timeout()) {
		t := conditions.Timeout(op, ms, err)
		if what != "" {
			t.Arguments = []any{what}
		}
		return t
	}
	return conditions.NetFailed(op, what, err)
}

// SplitHostPort resolves the (host #!optional port) convention of
// tcp-connect: with port absent host may be "host:port" or "[v6]:port".
func SplitHostPort(who string, hostV, portV scheme.Value) (host string, port int, err error) {
	host = Str(hostV)
	if Given(portV) {
		switch p := portV.(type) {
		case scheme.Fixnum:
			return host, int(p), nil
		case *scheme.String:
			n, perr := strconv.Atoi(p.String())
			if perr == nil {
				return host, n, nil
			}
		}
		return "", 0, scheme.TypeError(who, 2, "port number", portV)
	}
	h, ps, serr := net.SplitHostPort(host)
	if serr != nil {
		return "", 0, conditions.TypeError(who, "no port given and hostname has no \":port\"", host)
	}
	n, perr := strconv.Atoi(ps)
	if perr != nil {
		return "", 0, conditions.TypeError(who, "invalid port", host)
	}
	return h, n, nil
}

// Dial opens a TCP connection to host:port within timeout (0 = none) and
// until ctx is done. Errors are (exn i/o net) / (exn i/o net timeout)
// conditions naming the host.
//
// Every host, an IP literal too, is dialed by address string
// (net.Dialer.DialContext; an IP literal does not reach the resolver).
// Not net.Dialer.DialTCP: it binds its zero local address before the
// connect, taking an ephemeral port by bind(2)'s rules, which do not
// reuse a port in TIME_WAIT: a client making connections faster than
// TIME_WAIT ends runs out of ports, and bind's search slows as they fill.
//
// The connection sends no TCP keep-alive probes, as CHICKEN's sockets
// (and OpenSSL's, Racket's) do not: Go's default, probes after 15 s
// idle, costs four setsockopt calls per connection.
func Dial(ctx context.Context, host string, port int, timeout time.Duration, local *net.TCPAddr) (net.Conn, error) {
	d := net.Dialer{Timeout: timeout, KeepAlive: -1}
	if local != nil {
		d.LocalAddr = local
	}
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, NetError(conditions.OpConnect, addr, conditions.Millis(timeout), err)
	}
	return c, nil
}

// TCPListener is a (chicken tcp) listener (tcp-listener?). Safe for
// concurrent use.
type TCPListener struct {
	acc *ports.Acceptor
}

// TypeName implements scheme.Value.
func (*TCPListener) TypeName() string { return "tcp-listener" }

// Repr implements scheme.Repr.
func (*TCPListener) Repr() string { return "#<tcp-listener>" }

// ListenTCP listens on host:port ("" = all interfaces, port 0 = any free).
// Accepted connections send no TCP keep-alive probes (see [Dial]).
func ListenTCP(host string, port int) (*TCPListener, error) {
	addr := net.JoinHostPort(host, strconv.Itoa(port))
	ln, err := listener.ListenTCP(addr)
	if err != nil {
		return nil, NetError(conditions.OpListen, addr, conditions.Opt{}, err)
	}
	return &TCPListener{acc: ports.NewAcceptor(ln)}, nil
}

// Accept waits for a connection at most timeout (0 = no limit) and until
// ctx is done.
func (l *TCPListener) Accept(ctx context.Context, timeout time.Duration) (net.Conn, error) {
	if l.acc.Closed() {
		return nil, NetError(conditions.OpAccept, "", conditions.Opt{}, net.ErrClosed)
	}
	var dl time.Time
	if timeout > 0 {
		dl = time.Now().Add(timeout)
	}
	c, err := l.acc.Accept(ctx, dl)
	if err != nil {
		if ctx.Err() != nil {
			return nil, conditions.Classify(conditions.OpAccept, ctx.Err(), conditions.State{})
		}
		return nil, NetError(conditions.OpAccept, "", conditions.Millis(timeout), err)
	}
	return c, nil
}

// AcceptReady reports whether a connection is pending (tcp-accept-ready?):
// it accepts with a ~1 ms deadline and keeps the connection for Accept.
func (l *TCPListener) AcceptReady(ctx context.Context) bool { return l.acc.Ready(ctx) }

// Port returns the listening port.
func (l *TCPListener) Port() int { return l.acc.Port() }

// Fileno returns the OS descriptor of the listening socket (-1 if unknown).
func (l *TCPListener) Fileno() int { return l.acc.Fileno() }

// Close closes the listener and a pending stashed connection. Idempotent.
func (l *TCPListener) Close() error { return l.acc.Close() }

// Addr returns the listening address.
func (l *TCPListener) Addr() net.Addr { return l.acc.Addr() }

var _ scheme.Repr = (*TCPListener)(nil)
