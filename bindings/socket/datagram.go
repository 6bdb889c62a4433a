// Datagram: a (sagittarius socket) / SRFI-106 socket of type SOCK_DGRAM, over a UDP connection.

package socket

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"sync"
	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// Datagram is a UDP socket (socket?): a client socket connected to one
// peer (make-client-socket with SOCK_DGRAM), which sends and receives
// datagrams, or a server socket bound to a port (make-server-socket with
// SOCK_DGRAM, or make-socket and socket-bind!), which receives datagrams
// from any peer and sends to an address (socket-sendto). A receive returns
// one datagram, cut to the size asked for. Safe for concurrent use.
type Datagram struct {
	Base
	conn      *net.UDPConn
	connected bool

	rmu    sync.Mutex // one receive at a time: the read deadline is the conn's
	mu     sync.Mutex
	closed bool
	from   netip.AddrPort // the sender of the datagram kept by Ready or MSG_PEEK (under mu)
}

// NewDatagram returns a datagram socket over c: connected (to the peer
// c was dialled to) or bound (a server socket). node and service are what
// socket-node / socket-service return.
func NewDatagram(c *net.UDPConn, connected bool, node, service string) *Datagram {
	return &Datagram{Base: Base{Node: node, Service: service, Datagrams: true}, conn: c, connected: connected}
}

// TypeName implements scheme.Value.
func (*Datagram) TypeName() string { return "socket" }

// Repr implements scheme.Repr.
func (d *Datagram) Repr() string {
	if d.connected {
		return "#<socket udp " + d.conn.RemoteAddr().String() + ">"
	}
	return "#<socket udp server " + d.conn.LocalAddr().String() + ">"
}

// Send implements Endpoint: one datagram; a server socket has no peer to
// send to.
func (d *Datagram) Send(ctx context.Context, p []byte, flags int) (int, error) {
	if d.Closed() {
		return 0, errClosed
	}
	if !d.connected {
		return 0, conditions.Net("send", "a datagram server socket has no peer to send to (socket-sendto sends to an address)", nil)
	}
	n, err := d.conn.Write(p)
	if err != nil {
		return n, tlsval.NetError(conditions.OpWrite, d.conn.RemoteAddr().String(), conditions.Opt{}, err)
	}
	return n, nil
}

// Recv implements Endpoint: one datagram (its first len(p) bytes), -1
// when non-blocking and none is waiting. The wait ends at the read
// timeout and when ctx is done.
func (d *Datagram) Recv(ctx context.Context, p []byte, flags int) (int, error) {
	if d.Closed() {
		return 0, errClosed
	}
	n, _, err := d.RecvFrom(ctx, p, flags)
	return n, err
}

// RecvFrom is Recv that also returns the datagram's sender
// (socket-recvfrom).
func (d *Datagram) RecvFrom(ctx context.Context, p []byte, flags int) (int, netip.AddrPort, error) {
	if d.Closed() {
		return 0, netip.AddrPort{}, errClosed
	}
	if flags&MsgPeek != 0 && d.Peeked() == 0 && len(p) > 0 { // keep the whole datagram, not what p holds
		n, from, err := d.receiveKept(func(buf []byte) (int, netip.AddrPort, error) { return d.recvFrom(ctx, buf) })
		if n <= 0 || err != nil {
			return n, from, err
		}
	}
	var from netip.AddrPort
	n, err := d.RecvWith(ctx, p, flags, func(ctx context.Context, p []byte) (int, error) {
		var n int
		var err error
		n, from, err = d.recvFrom(ctx, p)
		return n, err
	}, func() int { return 0 })
	if !from.IsValid() && n > 0 { // the kept datagram
		d.mu.Lock()
		from = d.from
		d.mu.Unlock()
	}
	return n, from, err
}

// keep keeps the datagram p from its sender for the next receive.
func (d *Datagram) keep(p []byte, from netip.AddrPort) {
	d.mu.Lock()
	d.from = from
	d.mu.Unlock()
	d.Keep(p)
}

// SendTo sends p as one datagram to ap (socket-sendto); a connected
// socket sends to its peer whatever ap is.
func (d *Datagram) SendTo(ctx context.Context, p []byte, ap netip.AddrPort) (int, error) {
	if d.connected || d.Closed() {
		return d.Send(ctx, p, 0)
	}
	n, err := d.conn.WriteToUDPAddrPort(p, ap)
	if err != nil {
		return n, tlsval.NetError(conditions.OpWrite, ap.String(), conditions.Opt{}, err)
	}
	return n, nil
}

// maxDatagram is the largest UDP payload.
const maxDatagram = 64 << 10

// scratchPool holds the buffers a datagram is received into to be kept
// (Ready, a MSG_PEEK receive): only its bytes are copied, so a poll that
// finds none allocates nothing, and takes no 64 KiB of the polling
// goroutine's stack.
var scratchPool = sync.Pool{New: func() any { return new([maxDatagram]byte) }}

// receiveKept receives one datagram with recv into a pooled buffer and
// keeps it, with its sender, for the next receive; it returns what recv
// returned.
func (d *Datagram) receiveKept(recv func(buf []byte) (int, netip.AddrPort, error)) (int, netip.AddrPort, error) {
	buf := scratchPool.Get().(*[maxDatagram]byte)
	defer scratchPool.Put(buf)
	n, from, err := recv(buf[:])
	if n > 0 && err == nil {
		d.keep(buf[:n], from)
	}
	return n, from, err
}

// recvFrom receives one datagram into p and its sender, as the socket's
// mode and read timeout say.
func (d *Datagram) recvFrom(ctx context.Context, p []byte) (int, netip.AddrPort, error) {
	var dl time.Time
	if t := d.ReadTimeout(); t > 0 {
		dl = time.Now().Add(t)
	}
	if d.Nonblocking() {
		dl = time.Now().Add(ports.ReadyPoll)
	}
	n, from, err := d.read(ctx, p, dl)
	switch {
	case err == nil:
		return n, from, nil
	case ctx.Err() != nil:
		return 0, from, conditions.Net("read", "interrupted", ctx.Err())
	case d.Nonblocking() && errors.Is(err, errPoll):
		return -1, from, nil
	case d.Closed():
		return 0, from, errClosed
	}
	return 0, from, tlsval.NetError(conditions.OpRead, d.conn.LocalAddr().String(), conditions.Millis(d.ReadTimeout()), err)
}

// errPoll marks a read that ran out its deadline.
var errPoll = errors.New("socket: no datagram before the deadline")

// read reads one datagram and its sender by dl (zero: none), ending
// early when ctx is done; a deadline run out is errPoll (wrapped in a
// timeout net.Error).
func (d *Datagram) read(ctx context.Context, p []byte, dl time.Time) (int, netip.AddrPort, error) {
	d.rmu.Lock()
	defer d.rmu.Unlock()
	if err := ctx.Err(); err != nil {
		return 0, netip.AddrPort{}, err
	}
	var n int
	var from netip.AddrPort
	var err error
	ports.WithDeadline(ctx, d.conn.SetReadDeadline, dl, func() { n, from, err = d.conn.ReadFromUDPAddrPort(p) })
	var ne net.Error
	if err != nil && errors.As(err, &ne) && ne.Timeout() {
		err = timeoutError{errPoll}
	}
	return n, netip.AddrPortFrom(from.Addr().Unmap(), from.Port()), err
}

// timeoutError is a net.Error that timed out.
type timeoutError struct{ error }

func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }
func (e timeoutError) Unwrap() error { return e.error }

// Shutdown implements Endpoint: a datagram socket has no stream to end;
// it is accepted and does nothing.
func (d *Datagram) Shutdown(ctx context.Context, how int) error {
	if d.Closed() {
		return errClosed
	}
	return nil
}

// Close implements Endpoint.
func (d *Datagram) Close() error {
	d.mu.Lock()
	if d.closed {
		d.mu.Unlock()
		return nil
	}
	d.closed = true
	d.mu.Unlock()
	return d.conn.Close()
}

// Closed implements Endpoint.
func (d *Datagram) Closed() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.closed
}

// Accept implements Endpoint: datagram sockets take no connections.
func (d *Datagram) Accept(th *scheme.Thread, handshake, raiseError scheme.Value) (scheme.Value, error) {
	return nil, conditions.TypeError("socket-accept", "a datagram socket takes no connections")
}

// Addrs implements Endpoint.
func (d *Datagram) Addrs() (local, remote net.Addr) {
	if d.connected {
		return d.conn.LocalAddr(), d.conn.RemoteAddr()
	}
	return d.conn.LocalAddr(), nil
}

// Ready implements Endpoint: a datagram is waiting (it is read with a
// ~1 ms deadline and kept for the next receive; a poll that finds none
// allocates nothing).
func (d *Datagram) Ready(ctx context.Context) bool {
	if d.Closed() {
		return false
	}
	if d.Peeked() > 0 {
		return true
	}
	_, _, err := d.receiveKept(func(buf []byte) (int, netip.AddrPort, error) {
		return d.read(ctx, buf, time.Now().Add(ports.ReadyPoll))
	})
	if err != nil {
		return !errors.Is(err, errPoll) && ctx.Err() == nil // an error is news too
	}
	return true
}

// Ports implements Endpoint: each read of the input port receives at most
// one datagram, each write of the output port sends one.
func (d *Datagram) Ports(closeSocket bool) (*scheme.Port, *scheme.Port) {
	return NewPorts(d, closeSocket)
}

var (
	_ Endpoint    = (*Datagram)(nil)
	_ scheme.Repr = (*Datagram)(nil)
)
