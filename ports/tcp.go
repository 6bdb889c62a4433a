// TCP: the plain buffered port pair of (chicken tcp), whose read-ahead StartTLS takes over (spec §1.4).

package ports

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"

	"github.com/tlsport/tlsport/conditions"
)

// TCP is a plaintext buffered port pair over a raw connection: the same
// buffered input and output as [Conn], with read/write timeouts and context
// cancellation. [TCP.Detach] hands the socket and its unread read-ahead
// bytes to [StartTLS]; [TCP.Abandon] makes Close leave the socket open.
//
// Errors are *conditions.Error of kinds (exn i/o net) or
// (exn i/o net timeout); EOF is io.EOF. Concurrency as for Conn.
type TCP struct {
	raw  net.Conn
	opts Options

	rdl  *opDeadline // read deadline of raw (shared with the Conn of a TCPView)
	wdl  *opDeadline // write deadline of raw
	rw   watcher     // interrupts reads when their ctx is done
	ww   watcher     // and writes
	rmu  sync.Mutex
	in   bufReader
	poll bool // next fill uses the ~1 ms poll deadline (Ready); guarded by rmu
	wmu  sync.Mutex
	out  bufWriter

	mu        sync.Mutex
	closed    bool
	abandoned bool
	dead      atomic.Bool // closed || abandoned, read without mu on every operation
}

// tcpDirectMin is the smallest read a TCP pair with nothing buffered sends
// straight into the caller's slice. Unlike TLS (minFill: a whole record),
// plain TCP has no framing to respect; smaller reads keep the read-ahead.
// After a direct read that filled the caller's slice, the next such read
// below 64 KiB reads ahead instead (bufReader.ahead): in a bulk transfer
// of 16 KiB pieces over loopback one read system call then takes ~60 KiB
// instead of one piece, which costs less than the copy it adds
// (bench/HISTORY.md, "Bulk and echo (session 12)").
const tcpDirectMin = 4 << 10

// NewTCP returns a port pair over raw. buffered are bytes already read from
// raw that must be read first (e.g. from [Conn.Unwrap]). Options used:
// ReadTimeout, WriteTimeout (or Limit), BufferSize.
func NewTCP(raw net.Conn, buffered []byte, o Options) *TCP {
	return newTCP(raw, buffered, o, &opDeadline{conn: raw}, &opDeadline{conn: raw, write: true})
}

// newTCP is NewTCP with the deadline states of raw.
func newTCP(raw net.Conn, buffered []byte, o Options, rdl, wdl *opDeadline) *TCP {
	t := &TCP{raw: raw, opts: o, rdl: rdl, wdl: wdl}
	t.rw.dl, t.ww.dl = t.rdl, t.wdl
	t.in.init(buffered, t)
	t.in.direct, t.in.follow = tcpDirectMin, true
	t.out.init(o.BufferSize, t)
	return t
}

// netError builds the (exn i/o net …) condition for a plain TCP failure:
// conditions.Net, plus the timeout kind (timeout.ms = ms) for a deadline.
func netError(op conditions.Op, ms conditions.Opt, err error) *conditions.Error {
	if !isTimeout(err) {
		return conditions.Net(string(op), "", err)
	}
	e := conditions.Net(string(op), "operation timed out", err)
	e.Kinds = append(e.Kinds, conditions.KindTimeout)
	e.Message = string(op) + " operation timed out"
	e.TimeoutMS = ms
	return e
}

// portClosed is the condition for I/O on a closed or abandoned TCP pair.
func portClosed() *conditions.Error {
	return conditions.Exn("tcp: port already closed")
}

func (t *TCP) unusable() bool { return t.dead.Load() }

func (t *TCP) fill(ctx context.Context, p []byte) (int, error) {
	if t.unusable() {
		return 0, portClosed()
	}
	rto := pollInterval
	if !t.poll {
		rto = t.opts.limit(ctx, conditions.OpRead)
	}
	t.rdl.arm(rto)
	reg := t.rw.start(ctx)
	n, err := t.raw.Read(p)
	interrupted := reg.stop()
	if n > 0 {
		return n, nil
	}
	switch {
	case err == nil:
		return 0, nil
	case errors.Is(err, io.EOF):
		return 0, io.EOF
	case interrupted:
		return 0, netError(conditions.OpRead, conditions.Opt{}, ctx.Err())
	case t.unusable():
		return 0, portClosed()
	}
	return 0, netError(conditions.OpRead, conditions.Millis(rto), err)
}

func (t *TCP) flush(ctx context.Context, p []byte) (int, error) {
	if t.unusable() {
		return 0, portClosed()
	}
	wto := t.opts.limit(ctx, conditions.OpWrite)
	t.wdl.arm(wto)
	reg := t.ww.start(ctx)
	n, err := t.raw.Write(p)
	interrupted := reg.stop()
	switch {
	case err == nil:
		return n, nil
	case interrupted:
		return n, netError(conditions.OpWrite, conditions.Opt{}, ctx.Err())
	case t.unusable():
		return n, portClosed()
	}
	return n, netError(conditions.OpWrite, conditions.Millis(wto), err)
}

// Read reads up to len(p) bytes; io.EOF at end of stream.
func (t *TCP) Read(ctx context.Context, p []byte) (int, error) {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	return t.in.Read(ctx, p)
}

// ReadU8 reads one byte.
func (t *TCP) ReadU8(ctx context.Context) (byte, error) {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	return t.in.ReadU8(ctx)
}

// PeekU8 returns the next byte without consuming it.
func (t *TCP) PeekU8(ctx context.Context) (byte, error) {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	return t.in.PeekU8(ctx)
}

// ReadChar reads one UTF-8 character.
func (t *TCP) ReadChar(ctx context.Context) (rune, int, error) {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	return t.in.ReadChar(ctx)
}

// PeekChar returns the next UTF-8 character without consuming it.
func (t *TCP) PeekChar(ctx context.Context) (rune, error) {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	return t.in.PeekChar(ctx)
}

// ReadLine reads a line ended by "\n", "\r\n" or "\r", without the terminator.
func (t *TCP) ReadLine(ctx context.Context) (string, error) {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	return t.in.ReadLine(ctx)
}

// ReadString reads n bytes (fewer only at EOF; n < 0 reads to EOF).
func (t *TCP) ReadString(ctx context.Context, n int) (string, error) {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	return t.in.ReadString(ctx, n)
}

// Buffered returns the number of read-ahead bytes not yet consumed.
func (t *TCP) Buffered() int {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	return t.in.Buffered()
}

// Ready reports whether a read would not block (tcp char-ready?): buffered
// bytes, or one read with a ~1 ms deadline producing data or EOF.
func (t *TCP) Ready(ctx context.Context) (bool, error) {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	if t.in.Buffered() > 0 {
		return true, nil
	}
	if t.unusable() {
		return false, portClosed()
	}
	t.poll = true
	err := t.in.more(ctx)
	t.poll = false
	var ce *conditions.Error
	switch {
	case err == nil, err == io.EOF:
		return true, nil
	case errors.As(err, &ce) && ce.HasKind(conditions.KindTimeout):
		return false, nil
	}
	return false, err
}

// Write writes p (buffered when BufferSize > 0).
func (t *TCP) Write(ctx context.Context, p []byte) (int, error) {
	if t.out.size == 0 {
		// Unbuffered: no state to guard (the socket writes each p whole,
		// the deadline and the watcher take overlapping operations), so
		// no lock — one locked instruction pair less per write.
		return t.flush(ctx, p)
	}
	t.wmu.Lock()
	defer t.wmu.Unlock()
	return t.out.Write(ctx, p)
}

// WriteString writes s.
func (t *TCP) WriteString(ctx context.Context, s string) (int, error) {
	return t.Write(ctx, []byte(s))
}

// WriteU8 writes one byte.
func (t *TCP) WriteU8(ctx context.Context, b byte) error {
	_, err := t.Write(ctx, []byte{b})
	return err
}

// Flush writes the buffered output.
func (t *TCP) Flush(ctx context.Context) error {
	t.wmu.Lock()
	defer t.wmu.Unlock()
	return t.out.Flush(ctx)
}

// TakeBuffered removes and returns the unread read-ahead bytes and abandons
// the pair (tcp-abandon-port on both ports): later I/O fails and Close
// leaves the socket open. Pending output is dropped; use Detach to flush it.
func (t *TCP) TakeBuffered() []byte {
	t.rmu.Lock()
	defer t.rmu.Unlock()
	t.mu.Lock()
	t.abandoned = true
	t.dead.Store(true)
	t.mu.Unlock()
	t.rw.release()
	t.ww.release()
	return t.in.take()
}

// Detach flushes pending output, then abandons the pair and returns the
// socket with its unread read-ahead bytes, ready for [StartTLS].
func (t *TCP) Detach(ctx context.Context) (net.Conn, []byte, error) {
	if err := t.Flush(ctx); err != nil {
		return nil, nil, err
	}
	_ = t.raw.SetDeadline(deadline(0))
	return t.raw, t.TakeBuffered(), nil
}

// Abandon makes a later Close leave the socket open (tcp-abandon-port).
func (t *TCP) Abandon() {
	t.mu.Lock()
	t.abandoned = true
	t.dead.Store(true)
	t.mu.Unlock()
}

// Close flushes pending output (best effort) and closes the socket unless
// the pair was abandoned. Idempotent.
func (t *TCP) Close() error {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return nil
	}
	abandoned := t.abandoned
	t.mu.Unlock()
	if !abandoned && t.wmu.TryLock() {
		_ = t.out.Flush(context.Background())
		t.wmu.Unlock()
	}
	t.mu.Lock()
	t.closed = true
	t.dead.Store(true)
	t.mu.Unlock()
	t.rw.release()
	t.ww.release()
	if abandoned {
		return nil
	}
	return t.raw.Close()
}

// CloseWrite flushes and half-closes the socket (TCP FIN) if it supports it.
func (t *TCP) CloseWrite(ctx context.Context) error {
	if err := t.Flush(ctx); err != nil {
		return err
	}
	if hc, ok := t.raw.(halfCloser); ok {
		if err := hc.CloseWrite(); err != nil {
			return netError(conditions.OpShutdown, conditions.Opt{}, err)
		}
	}
	return nil
}

// NetConn returns the socket.
func (t *TCP) NetConn() net.Conn { return t.raw }

// LocalAddr returns the local network address.
func (t *TCP) LocalAddr() net.Addr { return t.raw.LocalAddr() }

// RemoteAddr returns the remote network address.
func (t *TCP) RemoteAddr() net.Addr { return t.raw.RemoteAddr() }
