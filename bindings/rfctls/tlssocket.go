// TLSSocket: the <tls-socket> value — the engine of spec §0.4 behind the Sagittarius socket face (spec §1.2).

package rfctls

import (
	"context"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// TLSSocket is a <tls-socket>: a client or accepted server connection
// (engine E over the plain socket Raw), or a listening server TLS socket
// (Raw is a server socket; E is nil). Safe for concurrent use.
type TLSSocket struct {
	Raw  *socket.Socket  // tls-socket-raw-socket
	E    *ports.Conn     // nil for a listening server socket
	Ctx  *tlsctx.Context // the context connections are made from
	h    *tlsval.Handle
	meta *tlsval.ConnMeta // the connection's snapshot and facts; nil for a listening socket

	socket.Base      // node, service, nonblocking flag, read timeout
	server      bool // server role (listening or accepted)

	mu     sync.Mutex
	ctxv   *tlsval.Context // Ctx as a Scheme value (TLSContext), made on demand
	closed bool
	err    error        // stored handshake failure (tls-socket-error)
	certCB scheme.Value // client certificate callback, or nil
}

// TypeName implements scheme.Value.
func (*TLSSocket) TypeName() string { return "tls-socket" }

// Repr implements scheme.Repr.
func (s *TLSSocket) Repr() string {
	switch {
	case s.E == nil:
		return "#<tls-socket server " + s.Raw.Listener().Addr().String() + ">"
	case s.server:
		return "#<tls-socket server-connection " + s.E.RemoteAddr().String() + ">"
	}
	return "#<tls-socket " + s.E.RemoteAddr().String() + ">"
}

// TLSConn implements tlsval.Endpoint: the (openssl ext) procedures taking
// a conn accept TLS sockets.
func (s *TLSSocket) TLSConn() (*ports.Conn, *tlsval.ConnMeta) { return s.E, s.meta }

// TLSContext implements tlsval.ContextHolder: the (openssl ext) procedures
// taking an obj configure the context the socket's connections are made
// from.
func (s *TLSSocket) TLSContext() *tlsval.Context {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ctxv == nil && s.Ctx != nil {
		s.ctxv = &tlsval.Context{Ctx: s.Ctx}
	}
	return s.ctxv
}

// Listening reports whether s is a listening server TLS socket.
func (s *TLSSocket) Listening() bool { return s.E == nil }

// limit is the engine's per-operation limit: the socket's read timeout for
// reads; the thread's ssl-handshake-timeout / tcp-write-timeout otherwise
// (recording the handshake's thread for callbacks).
func (s *TLSSocket) limit(ctx context.Context, op conditions.Op) (time.Duration, bool) {
	if op == conditions.OpRead {
		return s.ReadTimeout(), true
	}
	return s.h.Limit(ctx, op)
}

// options returns the engine options of a connection created by th: its
// events go to the info callback of the socket's context when they happen
// (ssl-set-info-callback! or :info-callback, set on the socket, or on the
// listening socket before the accept).
func (s *TLSSocket) options(th *scheme.Thread) ports.Options {
	o := tlsval.Options(th)
	o.ReadTimeout = 0
	o.Limit = s.limit
	return tlsval.WithInfo(th, s.h, s.infoCallback, o)
}

// infoCallback returns the info callback of s's context, or nil.
func (s *TLSSocket) infoCallback() scheme.Value {
	if c := s.TLSContext(); c != nil {
		return c.InfoCallback()
	}
	return nil
}

// storeErr records a failure for tls-socket-error and returns it.
func (s *TLSSocket) storeErr(err error) error {
	if err != nil {
		s.mu.Lock()
		if s.err == nil {
			s.err = err
		}
		s.mu.Unlock()
	}
	return err
}

// Handshake runs (or re-raises) the handshake; a no-op once it succeeded.
func (s *TLSSocket) Handshake(ctx context.Context) error {
	if s.E == nil {
		return conditions.TypeError("tls-socket-handshake", "not a connected TLS socket")
	}
	if s.isClosed() {
		if err := s.Error(); err != nil {
			return err
		}
		return socket.ErrClosed()
	}
	return s.storeErr(s.E.Handshake(ctx))
}

// Error returns the stored failure, or nil.
func (s *TLSSocket) Error() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

func (s *TLSSocket) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// usable returns ErrClosed for a closed socket (or the stored failure).
func (s *TLSSocket) usable() error {
	if s.E == nil {
		return conditions.TypeError("", "operation needs a connected TLS socket, got a server socket")
	}
	if s.isClosed() || s.E.Closed() {
		return socket.ErrClosed()
	}
	return nil
}

// Send implements socket.Endpoint.
func (s *TLSSocket) Send(ctx context.Context, p []byte, flags int) (int, error) {
	if err := s.usable(); err != nil {
		return 0, err
	}
	n, err := s.E.WriteSome(ctx, p)
	if err == nil && !s.Nonblocking() {
		err = s.E.Flush(ctx)
	}
	if err != nil {
		var ce *conditions.Error
		if errors.As(err, &ce) {
			if ce.Status == conditions.WantWrite {
				return n, nil
			}
			if flags&socket.MsgNoSignal != 0 && (ce.ErrnoName == "EPIPE" || ce.ErrnoName == "ECONNRESET") {
				return 0, nil
			}
		}
		return n, s.storeErr(err)
	}
	return n, nil
}

// Recv implements socket.Endpoint.
func (s *TLSSocket) Recv(ctx context.Context, p []byte, flags int) (int, error) {
	if err := s.usable(); err != nil {
		return 0, err
	}
	return s.RecvWith(ctx, p, flags, s.recv, s.E.Buffered)
}

// recv receives new plaintext into p (len(p) > 0).
func (s *TLSSocket) recv(ctx context.Context, p []byte) (int, error) {
	n, err := s.E.ReadContext(ctx, p)
	if errors.Is(err, io.EOF) {
		return 0, nil
	}
	if err != nil {
		var ce *conditions.Error
		if errors.As(err, &ce) && ce.Status == conditions.WantRead && ce.Retry {
			return -1, nil
		}
		if !errors.As(err, &ce) || !ce.HasKind(conditions.KindTimeout) {
			s.storeErr(err)
		}
		return 0, err
	}
	return n, nil
}

// Pending reports whether decrypted bytes are buffered (no I/O).
func (s *TLSSocket) Pending() bool { return s.E != nil && s.E.Buffered() > 0 }

// Shutdown implements socket.Endpoint: SHUT_WR sends close_notify then a
// FIN (completing the handshake first); SHUT_RD is TCP only.
func (s *TLSSocket) Shutdown(ctx context.Context, how int) error {
	if err := s.usable(); err != nil {
		return err
	}
	if how == socket.ShutWR || how == socket.ShutRDWR {
		if err := s.E.CloseWriteContext(ctx); err != nil {
			return err
		}
	}
	if how == socket.ShutRD || how == socket.ShutRDWR {
		if tc, ok := s.E.NetConn().(*net.TCPConn); ok {
			if err := tc.CloseRead(); err != nil {
				return conditions.Net("shutdown", "", err)
			}
		}
	}
	return nil
}

// Close implements socket.Endpoint: close_notify if the handshake
// completed, then the socket. Idempotent.
func (s *TLSSocket) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	if s.E != nil {
		return s.E.Close()
	}
	return s.Raw.Close()
}

// Closed implements socket.Endpoint: #t once the TLS session is closed
// or its handshake failed.
func (s *TLSSocket) Closed() bool {
	if s.isClosed() {
		return true
	}
	if s.E == nil {
		return s.Raw.Closed()
	}
	st := s.E.State()
	return st == ports.StateFailed || st == ports.StateClosed
}

// Accept implements socket.Endpoint (tls-socket-accept).
func (s *TLSSocket) Accept(th *scheme.Thread, handshake, raiseError scheme.Value) (scheme.Value, error) {
	return accept(th, s, tlsval.Bool(handshake, true), tlsval.Bool(raiseError, true))
}

// Addrs implements socket.Endpoint.
func (s *TLSSocket) Addrs() (net.Addr, net.Addr) {
	if s.E == nil {
		return s.Raw.Addrs()
	}
	return s.E.LocalAddr(), s.E.RemoteAddr()
}

// SetNonblocking implements socket.Endpoint.
func (s *TLSSocket) SetNonblocking(ctx context.Context, on bool) error {
	_ = s.Base.SetNonblocking(ctx, on)
	if s.E == nil {
		return s.Raw.SetNonblocking(ctx, on)
	}
	return s.E.SetBlocking(ctx, !on)
}

// Ready implements socket.Endpoint: plaintext buffered, or a read would
// not block; a listening socket: a connection is pending.
func (s *TLSSocket) Ready(ctx context.Context) bool {
	if s.E == nil {
		return s.Raw.Ready(ctx)
	}
	if s.E.Buffered() > 0 || s.Peeked() > 0 {
		return true
	}
	if s.Closed() {
		return false
	}
	ok, err := s.E.Ready(ctx)
	return ok || err != nil
}

// Ports implements socket.Endpoint.
func (s *TLSSocket) Ports(closeSocket bool) (*scheme.Port, *scheme.Port) {
	return socket.NewPorts(s, closeSocket)
}

// PeerCertificate returns the peer's leaf certificate (handshaking first;
// inside one of the socket's callbacks, as the handshake stands), or nil.
func (s *TLSSocket) PeerCertificate(ctx context.Context) (*x509.Certificate, error) {
	if err := s.usable(); err != nil {
		return nil, err
	}
	c := s.conn()
	if err := c.Handshake(ctx); err != nil {
		return nil, s.storeErr(err)
	}
	if chain := c.ConnState().PeerCertificates; len(chain) > 0 {
		return chain[0], nil
	}
	return nil, nil
}

// SelectedALPN returns the negotiated protocol, "" before the handshake
// completed (inside a callback: as the handshake stands).
func (s *TLSSocket) SelectedALPN() string {
	if s.E == nil {
		return ""
	}
	if cs, ok := s.conn().State(); ok {
		return cs.NegotiatedProtocol
	}
	return ""
}

// conn is s as a tlsval.ConnRef (s.E is set).
func (s *TLSSocket) conn() *tlsval.ConnRef {
	c, _ := tlsval.ConnOf("", s)
	return c
}

var (
	_ socket.Endpoint      = (*TLSSocket)(nil)
	_ tlsval.Endpoint      = (*TLSSocket)(nil)
	_ tlsval.ContextHolder = (*TLSSocket)(nil)
	_ scheme.Repr          = (*TLSSocket)(nil)
)
