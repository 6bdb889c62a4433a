// Scheme port pairs over a TLS engine (*ports.Conn) or a plain TCP pair (*ports.TCP).

package tlsval

import (
	"context"
	"net"
	"sync"

	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// Conn is the Host of both Scheme ports of one SSL port pair. Closing both
// ports closes the engine (close_notify, then the socket) unless the pair
// was abandoned; closing only the output port flushes it.
type Conn struct {
	E       *ports.Conn
	In, Out *scheme.Port
	// OnClose, when set, runs after the engine is closed by closing both
	// ports (ports->ssl-ports close-original?).
	OnClose func()
	// Meta is what the binding knew when it made the connection (spec
	// §1.3.3 introspection); owned by the pair. Nil if nothing.
	Meta *ConnMeta

	mu                  sync.Mutex
	inClosed, outClosed bool
	abandoned           bool
	tcp                 *TCPConn // ssl-port->tcp-port view, made on demand
	cref                ConnRef  // what ConnOf returns, made on demand (ref)
}

// ref returns the pair's ConnRef (ConnOf), made at the first call: Meta is
// set before the ports are handed out, and a peer query does not allocate.
func (c *Conn) ref() *ConnRef {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cref.Pair == nil {
		m := c.Meta
		if m == nil {
			m = &ConnMeta{}
		}
		c.cref = ConnRef{E: c.E, Meta: m, Pair: c}
	}
	return &c.cref
}

// NewSSLPorts returns the input and output port of e; both have a *Conn as Host.
func NewSSLPorts(e *ports.Conn) (*Conn, *scheme.Port, *scheme.Port) {
	c := &Conn{E: e}
	c.In = scheme.NewInputPort("ssl", sslIn{c}, c)
	c.Out = scheme.NewOutputPort("ssl", sslOut{c}, c)
	return c, c.In, c.Out
}

// Abandon makes closing the ports leave the connection open (ssl-abandon-port).
func (c *Conn) Abandon() {
	c.mu.Lock()
	c.abandoned = true
	c.mu.Unlock()
}

// closeSide records that one port was closed and closes the engine when
// both are.
func (c *Conn) closeSide(input bool) error {
	c.mu.Lock()
	if input {
		c.inClosed = true
	} else {
		c.outClosed = true
	}
	both, abandoned := c.inClosed && c.outClosed, c.abandoned
	c.mu.Unlock()
	if !both || abandoned {
		return nil
	}
	err := c.E.Close()
	if c.OnClose != nil {
		c.OnClose()
	}
	return err
}

// TCPView returns plaintext TCP ports over the raw socket of the SSL pair
// (ssl-port->tcp-port); closing them never closes the socket.
func (c *Conn) TCPView() *TCPConn {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tcp == nil {
		t, _, _ := newTCPConn(c.E.TCPView())
		t.borrowed = true
		c.tcp = t
	}
	return c.tcp
}

// sslIn is the input backend of an SSL port.
type sslIn struct{ c *Conn }

func (b sslIn) ReadContext(ctx context.Context, p []byte) (int, error) {
	return b.c.E.ReadContext(ctx, p)
}
func (b sslIn) Ready(ctx context.Context) (bool, error) { return b.c.E.Ready(ctx) }
func (b sslIn) ReadByteContext(ctx context.Context) (byte, error) {
	return b.c.E.ReadU8(ctx)
}
func (b sslIn) PeekByteContext(ctx context.Context) (byte, error) {
	return b.c.E.PeekU8(ctx)
}
func (b sslIn) ReadLineContext(ctx context.Context) ([]byte, error) {
	s, err := b.c.E.ReadLine(ctx)
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}
func (b sslIn) Close() error { return b.c.closeSide(true) }

// sslOut is the output backend of an SSL port.
type sslOut struct{ c *Conn }

func (b sslOut) WriteContext(ctx context.Context, p []byte) (int, error) {
	return b.c.E.WriteContext(ctx, p)
}
func (b sslOut) FlushContext(ctx context.Context) error { return b.c.E.Flush(ctx) }

// DirectWrite marks the engine as applying tcp-buffer-size itself: each
// output operation on the port is one engine Write (one TLS record when
// unbuffered).
func (sslOut) DirectWrite() {}

// HoldsOutput implements scheme.OutputHolder: an SSL port is registered
// for FlushAllOutput only once the engine may hold output (tcp-buffer-size,
// non-blocking mode).
func (b sslOut) HoldsOutput() bool { return b.c.E.HoldsOutput() }

func (b sslOut) CloseWrite(ctx context.Context) error { return b.c.E.CloseWriteContext(ctx) }

// Close closes this side. The port has flushed the engine (FlushContext,
// under the closing thread's context and tcp-write-timeout) unless that
// failed: like CHICKEN, output that cannot be delivered (after
// ssl-shutdown!, a failed handshake, a dead peer, a peer that does not
// read) is dropped silently, and is not waited for a second time; the
// engine's Close still tries it within ssl-shutdown-timeout.
func (b sslOut) Close() error { return b.c.closeSide(false) }

// TCPConn is the Host of both ports of a (chicken tcp) pair. The socket is
// closed when both ports are closed, unless both were abandoned.
type TCPConn struct {
	T       *ports.TCP
	In, Out *scheme.Port

	mu                        sync.Mutex
	inClosed, outClosed       bool
	inAbandoned, outAbandoned bool
	borrowed                  bool // a view of an SSL pair's socket: never closes it
}

func newTCPConn(t *ports.TCP) (*TCPConn, *scheme.Port, *scheme.Port) {
	c := &TCPConn{T: t}
	c.In = scheme.NewInputPort("tcp", tcpIn{c}, c)
	c.Out = scheme.NewOutputPort("tcp", tcpOut{c}, c)
	return c, c.In, c.Out
}

// NewTCPPorts returns the input and output port over raw; buffered bytes
// are read first. Both ports have a *TCPConn as Host.
func NewTCPPorts(raw net.Conn, buffered []byte, o ports.Options) (*TCPConn, *scheme.Port, *scheme.Port) {
	return newTCPConn(ports.NewTCP(raw, buffered, o))
}

// AbandonSide marks one port abandoned (tcp-abandon-port): closing it
// later does not count towards closing the socket.
func (c *TCPConn) AbandonSide(input bool) {
	c.mu.Lock()
	if input {
		c.inAbandoned = true
	} else {
		c.outAbandoned = true
	}
	c.mu.Unlock()
}

func (c *TCPConn) closeSide(input bool) error {
	c.mu.Lock()
	if input {
		c.inClosed = true
	} else {
		c.outClosed = true
	}
	both := (c.inClosed || c.inAbandoned) && (c.outClosed || c.outAbandoned)
	never := (c.inAbandoned && c.outAbandoned) || c.borrowed
	c.mu.Unlock()
	if !both || never {
		return nil
	}
	return c.T.Close()
}

// Detach takes the socket and every unread byte (the ports' own read-ahead
// first, then the TCP pair's) for STARTTLS; the ports become unusable.
func (c *TCPConn) Detach(ctx context.Context) (net.Conn, []byte, error) {
	var pre []byte
	if c.In != nil {
		pre = c.In.TakeBuffered()
	}
	raw, buf, err := c.T.Detach(ctx)
	if err != nil {
		return nil, nil, err
	}
	return raw, append(pre, buf...), nil
}

type tcpIn struct{ c *TCPConn }

func (b tcpIn) ReadContext(ctx context.Context, p []byte) (int, error) {
	return b.c.T.Read(ctx, p)
}
func (b tcpIn) Ready(ctx context.Context) (bool, error) { return b.c.T.Ready(ctx) }
func (b tcpIn) ReadByteContext(ctx context.Context) (byte, error) {
	return b.c.T.ReadU8(ctx)
}
func (b tcpIn) PeekByteContext(ctx context.Context) (byte, error) {
	return b.c.T.PeekU8(ctx)
}
func (b tcpIn) ReadLineContext(ctx context.Context) ([]byte, error) {
	s, err := b.c.T.ReadLine(ctx)
	if err != nil {
		return nil, err
	}
	return []byte(s), nil
}
func (b tcpIn) Close() error { return b.c.closeSide(true) }

type tcpOut struct{ c *TCPConn }

func (b tcpOut) WriteContext(ctx context.Context, p []byte) (int, error) {
	return b.c.T.Write(ctx, p)
}
func (b tcpOut) FlushContext(ctx context.Context) error { return b.c.T.Flush(ctx) }

// DirectWrite marks the TCP pair as applying tcp-buffer-size itself.
func (tcpOut) DirectWrite()                           {}
func (b tcpOut) CloseWrite(ctx context.Context) error { return b.c.T.CloseWrite(ctx) }
func (b tcpOut) Close() error {
	c := b.c
	c.mu.Lock()
	skip := c.borrowed || c.outAbandoned
	c.mu.Unlock()
	if !skip {
		// Flush and shut down the sending side (the peer reads end of
		// file) while the input port stays usable, as in CHICKEN;
		// undeliverable output is dropped.
		_ = c.T.CloseWrite(context.Background())
	}
	return c.closeSide(false)
}

var (
	_ scheme.ByteReader    = sslIn{}
	_ scheme.ReadyReader   = sslIn{}
	_ scheme.ByteReadByter = sslIn{}
	_ scheme.BytePeeker    = sslIn{}
	_ scheme.LineReader    = sslIn{}
	_ scheme.DirectWriter  = sslOut{}
	_ scheme.CloseWriter   = sslOut{}
	_ scheme.ByteReader    = tcpIn{}
	_ scheme.ReadyReader   = tcpIn{}
	_ scheme.ByteReadByter = tcpIn{}
	_ scheme.BytePeeker    = tcpIn{}
	_ scheme.LineReader    = tcpIn{}
	_ scheme.DirectWriter  = tcpOut{}
	_ scheme.CloseWriter   = tcpOut{}
)
