// Socket: the plain (sagittarius socket) value — a connected TCP socket or a listening server socket (spec §1.5).

package socket

import (
	"context"
	"errors"
	"io"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// Socket is a plain socket (socket?): either connected (a buffered
// [ports.TCP] over the connection) or listening. Safe for concurrent use.
type Socket struct {
	Base // node, service, nonblocking flag, read timeout

	acc *ports.Acceptor // server socket, or nil
	tcp *ports.TCP      // connected socket, or nil

	mu       sync.Mutex
	closed   bool
	detached bool // taken over by socket->tls-socket
}

// TypeName implements scheme.Value.
func (*Socket) TypeName() string { return "socket" }

// Repr implements scheme.Repr.
func (s *Socket) Repr() string {
	switch {
	case s.acc != nil:
		return "#<socket server " + s.acc.Addr().String() + ">"
	case s.tcp != nil:
		return "#<socket " + s.tcp.NetConn().RemoteAddr().String() + ">"
	}
	return "#<socket>"
}

// NewConnected returns a connected socket over raw; buffered bytes are
// read first. node and service are what socket-node / socket-service return.
func NewConnected(raw net.Conn, buffered []byte, node, service string) *Socket {
	s := &Socket{Base: Base{Node: node, Service: service}}
	s.tcp = ports.NewTCP(raw, buffered, ports.Options{Limit: s.limit})
	return s
}

// NewServer returns a server socket over ln.
func NewServer(ln *net.TCPListener, service string) *Socket {
	return &Socket{acc: ports.NewAcceptor(ln), Base: Base{Service: service}}
}

// limit is the per-operation limit of the socket's TCP pair: its read
// timeout for reads, none for writes (as Sagittarius).
func (s *Socket) limit(ctx context.Context, op conditions.Op) (time.Duration, bool) {
	if op == conditions.OpRead {
		return s.ReadTimeout(), true
	}
	return 0, true
}

// Listener returns the listening socket, or nil for a connected socket.
func (s *Socket) Listener() *net.TCPListener {
	if s.acc == nil {
		return nil
	}
	return s.acc.Listener()
}

// IsServer reports whether s is a listening socket.
func (s *Socket) IsServer() bool { return s.acc != nil }

// Detach hands the connection and its unread bytes over (STARTTLS,
// socket->tls-socket); the socket then reports closed for plain I/O but
// its addresses stay available.
func (s *Socket) Detach(ctx context.Context) (net.Conn, []byte, error) {
	s.mu.Lock()
	if s.closed || s.detached || s.tcp == nil {
		s.mu.Unlock()
		return nil, nil, conditions.Closed()
	}
	s.detached = true
	s.mu.Unlock()
	conn, buf, err := s.tcp.Detach(ctx)
	if p := s.TakePeeked(); len(p) > 0 && err == nil {
		buf = append(p, buf...)
	}
	return conn, buf, err
}

func (s *Socket) usable() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.closed && !s.detached
}

// errClosed marks I/O on a closed socket; the procedures raise &socket-closed.
var errClosed = errors.New("socket: socket already closed")

// IsClosedError reports whether err is the closed-socket error of an Endpoint.
func IsClosedError(err error) bool { return errors.Is(err, errClosed) }

// ErrClosed is returned by Endpoint operations on a closed socket.
func ErrClosed() error { return errClosed }

// Send implements Endpoint.
func (s *Socket) Send(ctx context.Context, p []byte, flags int) (int, error) {
	if !s.usable() || s.tcp == nil {
		return 0, errClosed
	}
	n, err := s.tcp.Write(ctx, p)
	if err == nil {
		err = s.tcp.Flush(ctx)
	}
	if err != nil && flags&MsgNoSignal != 0 && isBrokenPipe(err) {
		return 0, nil
	}
	return n, err
}

func isBrokenPipe(err error) bool {
	var ce *conditions.Error
	return errors.As(err, &ce) && (ce.ErrnoName == "EPIPE" || ce.ErrnoName == "ECONNRESET")
}

// Recv implements Endpoint.
func (s *Socket) Recv(ctx context.Context, p []byte, flags int) (int, error) {
	if !s.usable() || s.tcp == nil {
		return 0, errClosed
	}
	return s.RecvWith(ctx, p, flags, s.recv, s.tcp.Buffered)
}

// recv receives new bytes into p (len(p) > 0).
func (s *Socket) recv(ctx context.Context, p []byte) (int, error) {
	if s.Nonblocking() {
		ok, err := s.tcp.Ready(ctx)
		if err != nil {
			return 0, err
		}
		if !ok {
			return -1, nil
		}
	}
	n, err := s.tcp.Read(ctx, p)
	if errors.Is(err, io.EOF) {
		return 0, nil
	}
	return n, err
}

// Shutdown implements Endpoint.
func (s *Socket) Shutdown(ctx context.Context, how int) error {
	if !s.usable() || s.tcp == nil {
		return errClosed
	}
	raw, _ := s.tcp.NetConn().(*net.TCPConn)
	if how == ShutRD || how == ShutRDWR {
		if raw != nil {
			if err := raw.CloseRead(); err != nil {
				return conditions.Net("shutdown", "", err)
			}
		}
	}
	if how == ShutWR || how == ShutRDWR {
		return s.tcp.CloseWrite(ctx)
	}
	return nil
}

// Close implements Endpoint.
func (s *Socket) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	detached := s.detached
	s.mu.Unlock()
	if s.acc != nil {
		return s.acc.Close() // also closes a connection kept by Ready
	}
	if s.tcp != nil && !detached {
		return s.tcp.Close()
	}
	return nil
}

// Closed implements Endpoint.
func (s *Socket) Closed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// AcceptConn waits for a connection on a server socket: at most timeout
// (0 = none) and until ctx is done. In non-blocking mode it polls ~1 ms and
// returns nil, nil when nothing is pending.
func (s *Socket) AcceptConn(ctx context.Context) (net.Conn, error) {
	if s.acc == nil {
		return nil, conditions.TypeError("socket-accept", "not a server socket")
	}
	if s.Closed() {
		return nil, errClosed
	}
	var dl time.Time
	if s.Nonblocking() {
		dl = time.Now().Add(ports.ReadyPoll)
	}
	c, err := s.acc.Accept(ctx, dl)
	if err != nil {
		if s.Nonblocking() && isTimeout(err) && ctx.Err() == nil {
			return nil, nil
		}
		if ctx.Err() != nil {
			return nil, conditions.Net("accept", "interrupted", ctx.Err())
		}
		if s.Closed() {
			return nil, errClosed
		}
		return nil, conditions.Net("accept", "", err)
	}
	return c, nil
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// Accept implements Endpoint: a new connected Socket, or #f.
// thread-interrupt! ends the wait with #f, as Sagittarius's (thread-signal!
// makes it go on once the handler returned).
func (s *Socket) Accept(th *scheme.Thread, handshake, raiseError scheme.Value) (scheme.Value, error) {
	c, err := s.AcceptConn(th.WaitContext())
	if err != nil {
		if th.Interrupted(err) {
			return scheme.False, nil
		}
		return nil, err
	}
	if c == nil {
		return scheme.False, nil
	}
	_, port, _ := net.SplitHostPort(c.RemoteAddr().String())
	return NewConnected(c, nil, "", port), nil
}

// Addrs implements Endpoint.
func (s *Socket) Addrs() (local, remote net.Addr) {
	if s.acc != nil {
		return s.acc.Addr(), nil
	}
	if s.tcp != nil {
		return s.tcp.NetConn().LocalAddr(), s.tcp.NetConn().RemoteAddr()
	}
	return nil, nil
}

// Ready implements Endpoint: buffered or readable data, or (server
// sockets) a pending connection, kept for the next accept.
func (s *Socket) Ready(ctx context.Context) bool {
	if !s.usable() {
		return false
	}
	if s.acc != nil {
		return s.acc.TryReady(ctx) // false while another thread waits in accept
	}
	if s.Peeked() > 0 {
		return true
	}
	ok, err := s.tcp.Ready(ctx)
	return ok || err != nil
}

// Ports implements Endpoint.
func (s *Socket) Ports(closeSocket bool) (*scheme.Port, *scheme.Port) {
	return NewPorts(s, closeSocket)
}

// ServicePort resolves a service (a port number or a name such as
// "https") to a port number.
func ServicePort(service string) (int, error) { return servicePort(service, "tcp") }

// servicePort is ServicePort for proto, "tcp" or "udp".
func servicePort(service, proto string) (int, error) {
	if n, err := strconv.Atoi(service); err == nil {
		if n < 0 || n > 65535 {
			return 0, errors.New("socket: port out of range")
		}
		return n, nil
	}
	return net.LookupPort(proto, service)
}

var (
	_ Endpoint    = (*Socket)(nil)
	_ scheme.Repr = (*Socket)(nil)
)
