// PortConn: a net.Conn over two Scheme ports, for TLS over arbitrary byte streams (spec §1.1.8 ports->ssl-ports, §3.5).

package tlsval

import (
	"context"
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// PortConn is a net.Conn whose Read takes bytes from a Scheme input port
// (directly from the engine when the port is one of an SSL or TCP pair,
// else through read-u8/u8-ready? on a fresh Scheme thread) and whose Write
// writes (and flushes) them to a Scheme output port: the
// raw connection of TLS over ports that have no socket behind them
// (string/bytevector ports, custom ports, another TLS connection's ports).
// Deadlines are emulated with contexts: an expired deadline makes the
// blocked Scheme read or write return, and Read/Write report
// os.ErrDeadlineExceeded. Close closes the two ports only when
// closeOriginal was given.
type PortConn struct {
	interp        *scheme.Interp
	r, w          *scheme.Port
	chunk         scheme.Value                                     // (lambda (port n)) → bytevector of 1..n bytes, or eof
	host          func(ctx context.Context, p []byte) (int, error) // direct read of a TLS/TCP pair's engine
	closeOriginal bool

	rd, wd   pipeDeadline
	mu       sync.Mutex
	pending  []byte // bytes taken from the input port but not yet returned
	closed   bool
	closeErr error
}

// NewPortConn returns a net.Conn over the input port r and the output port
// w of in. With closeOriginal, Close closes both ports.
func NewPortConn(in *scheme.Interp, r, w *scheme.Port, closeOriginal bool) (*PortConn, error) {
	if !r.IsInput() || !w.IsOutput() {
		return nil, errors.New("tlsval: PortConn needs an input port and an output port")
	}
	c := &PortConn{interp: in, r: r, w: w, closeOriginal: closeOriginal}
	switch h := r.Host.(type) {
	case *Conn:
		c.host = h.E.ReadContext
	case *TCPConn:
		c.host = h.T.Read
	default:
		chunk, ok := in.HostData(chunkKey{}, func() any {
			v, err := in.EvalString(context.Background(), chunkSrc)
			if err != nil {
				return err
			}
			return v
		}).(scheme.Value)
		if !ok {
			return nil, errors.New("tlsval: cannot build the port reader")
		}
		c.chunk = chunk
	}
	return c, nil
}

// chunkKey is the Interp.HostData key of the compiled chunk reader.
type chunkKey struct{}

// chunkSrc reads 1..n bytes: one blocking read-u8, then as many as are ready.
const chunkSrc = `(lambda (port n)
  (let ((b (read-u8 port)))
    (if (eof-object? b)
        b
        (let ((out (open-output-bytevector)))
          (write-u8 b out)
          (let loop ((k 1))
            (if (and (< k n) (u8-ready? port))
                (let ((c (read-u8 port)))
                  (if (eof-object? c)
                      (get-output-bytevector out)
                      (begin (write-u8 c out) (loop (+ k 1)))))
                (get-output-bytevector out)))))))`

// Read returns bytes of the input port: those it has read ahead, else it
// waits (until the read deadline) for more.
func (c *PortConn) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return 0, net.ErrClosed
	}
	if len(c.pending) == 0 {
		c.pending = c.r.TakeBuffered()
	}
	if len(c.pending) > 0 {
		n := copy(p, c.pending)
		c.pending = c.pending[n:]
		c.mu.Unlock()
		return n, nil
	}
	c.mu.Unlock()
	ctx, done := c.rd.begin()
	if c.host != nil {
		n, err := c.host(ctx, p)
		if done() && n == 0 {
			return 0, os.ErrDeadlineExceeded
		}
		return n, err
	}
	v, err := CallFresh(c.interp, ctx, c.chunk, c.r, scheme.Fixnum(len(p)))
	expired := done()
	switch {
	case err != nil && expired:
		return 0, os.ErrDeadlineExceeded
	case err != nil:
		return 0, err
	case v == scheme.EOF:
		return 0, io.EOF
	}
	bv, ok := v.(*scheme.Bytevector)
	if !ok || len(bv.B) == 0 {
		return 0, io.ErrNoProgress
	}
	return copy(p, bv.B), nil
}

// Write writes p to the output port and flushes it.
func (c *PortConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	closed := c.closed
	c.mu.Unlock()
	if closed {
		return 0, net.ErrClosed
	}
	ctx, done := c.wd.begin()
	err := c.w.Write(ctx, p)
	if err == nil {
		err = c.w.Flush(ctx)
	}
	if done() {
		return 0, os.ErrDeadlineExceeded
	}
	if err != nil {
		return 0, err
	}
	return len(p), nil
}

// Close ends the connection; blocked reads and writes return. The ports
// are closed only with closeOriginal. Closing twice is harmless.
func (c *PortConn) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return c.closeErr
	}
	c.closed = true
	c.mu.Unlock()
	c.rd.set(past())
	c.wd.set(past())
	if c.closeOriginal {
		err := c.r.Close()
		if werr := c.w.Close(); err == nil {
			err = werr
		}
		c.mu.Lock()
		c.closeErr = err
		c.mu.Unlock()
		return err
	}
	return nil
}

// LocalAddr returns a placeholder address (network "scheme-port").
func (c *PortConn) LocalAddr() net.Addr { return portAddr(c.w.Name()) }

// RemoteAddr returns a placeholder address (network "scheme-port").
func (c *PortConn) RemoteAddr() net.Addr { return portAddr(c.r.Name()) }

// SetDeadline sets the read and write deadlines.
func (c *PortConn) SetDeadline(t time.Time) error {
	c.rd.set(t)
	c.wd.set(t)
	return nil
}

// SetReadDeadline bounds the current and later reads (zero = none).
func (c *PortConn) SetReadDeadline(t time.Time) error { c.rd.set(t); return nil }

// SetWriteDeadline bounds the current and later writes (zero = none).
func (c *PortConn) SetWriteDeadline(t time.Time) error { c.wd.set(t); return nil }

// portAddr is the net.Addr of a PortConn.
type portAddr string

func (portAddr) Network() string  { return "scheme-port" }
func (a portAddr) String() string { return string(a) }

func past() time.Time { return time.Unix(1, 0) }

// pipeDeadline is one direction's deadline: each operation runs under a
// context that expires at the deadline, and moving the deadline into the
// past cancels the operation in progress.
type pipeDeadline struct {
	mu       sync.Mutex
	t        time.Time
	inflight context.CancelFunc
	expired  bool // the in-flight operation was cancelled by set
}

func (d *pipeDeadline) set(t time.Time) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.t = t
	if d.inflight != nil && !t.IsZero() && !t.After(time.Now()) {
		d.expired = true
		d.inflight()
	}
}

// begin starts an operation; done ends it and reports whether the
// deadline expired during it.
func (d *pipeDeadline) begin() (context.Context, func() bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	var ctx context.Context
	var cancel context.CancelFunc
	if d.t.IsZero() {
		ctx, cancel = context.WithCancel(context.Background())
	} else {
		ctx, cancel = context.WithDeadline(context.Background(), d.t)
	}
	d.inflight, d.expired = cancel, false
	return ctx, func() bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		expired := d.expired || errors.Is(ctx.Err(), context.DeadlineExceeded)
		d.inflight, d.expired = nil, false
		cancel()
		return expired
	}
}

var _ net.Conn = (*PortConn)(nil)
