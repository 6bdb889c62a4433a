// Closing a Conn: Close, half-close (CloseWrite) and unimport (Unwrap) (spec §1.1.7, §3.5).

package ports

import (
	"context"
	"errors"
	"io"
	"net"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

// maxCloseNotify caps the time Close spends sending close_notify
// (crypto/tls's own bound: the write deadline of tls.Conn.Close).
const maxCloseNotify = 5 * time.Second

// Close closes the connection (both ports closed): it sends what a write
// cut short left and the buffered output, then close_notify if the
// handshake completed (all within min(ShutdownTimeout, 5 s); output that
// does not go out within it is dropped, and close_notify with it) and
// closes the raw connection. It does not wait
// for the peer's close_notify. Close is idempotent, interrupts blocked
// operations, and waits for the engine's goroutines to exit. Afterwards
// every operation returns the condition "SSL socket already closed".
func (c *Conn) Close() error {
	c.mu.Lock()
	if c.closed {
		c.mu.Unlock()
		return nil
	}
	nb := c.nb
	unwrapped := c.unwrapped
	c.mu.Unlock()
	if unwrapped {
		return nil
	}
	limit := c.opts.ShutdownTimeout
	if limit <= 0 || limit > maxCloseNotify {
		limit = maxCloseNotify
	}
	if nb != nil {
		nb.stopHandshake()
		// Give queued bytes a bounded chance to go out, then stop the writer.
		ctx, cancel := context.WithTimeout(context.Background(), limit)
		if err := nb.drain(ctx, c); err != nil {
			_ = c.raw.Close() // unblock a stuck tls.Conn.Write
		}
		cancel()
		nb.shutdown()
	}
	graceful := c.hsDone.Load() && c.hsErr == nil
	var end time.Time // the limit's end, once output is flushed (a clock read only then)
	flushed := false
	// Send what a write cut short left and the buffered output unless a
	// writer is blocked (then just close); undeliverable within the
	// limit, neither is close_notify.
	if c.wmu.TryLock() {
		if graceful && (c.out.Pending() > 0 || c.fr.out.dirty.Load()) {
			c.mu.Lock()
			werr := c.wErr
			c.mu.Unlock()
			graceful = werr == nil
			if graceful {
				flushed, end = true, time.Now().Add(limit)
				_ = c.tls.SetWriteDeadline(end)
				err := c.fr.sendKept()
				if err == nil && c.out.Pending() > 0 {
					_, err = c.tls.Write(c.out.buf)
				}
				graceful = err == nil
			}
			c.out.buf = c.out.buf[:0]
		}
		c.wmu.Unlock()
	}
	c.mu.Lock()
	c.closed = true
	c.setFlag(flagClosed)
	c.state = StateClosed
	sent := c.closeNotifySent
	c.mu.Unlock()
	if graceful && !sent {
		// crypto/tls bounds the close_notify write by 5 s itself (a write
		// deadline); the rest of a shorter limit needs a timer of its own.
		var t *time.Timer
		left := limit
		if flushed {
			left = time.Until(end)
		}
		if left < maxCloseNotify {
			t = time.AfterFunc(left, func() { _ = c.raw.SetWriteDeadline(past()) })
		}
		_ = c.tls.Close() // sends close_notify, closes the raw conn
		if t != nil {
			t.Stop()
		}
		c.mu.Lock()
		c.closeNotifySent = true
		c.setFlag(flagCloseNotifySent)
		c.mu.Unlock()
		if c.hsDone.Load() && c.hsErr == nil {
			c.event(context.Background(), Event{Kind: EventAlertSent, Alert: "close_notify"})
		}
	} else {
		_ = c.raw.Close()
	}
	c.rw.release()
	c.ww.release()
	return nil
}

// halfCloser is the raw connection's TCP half-close (*net.TCPConn, *net.UnixConn).
type halfCloser interface{ CloseWrite() error }

// CloseWriteContext half-closes the connection (ssl-shutdown! conn 'write,
// tls-socket-shutdown SHUT_WR), interrupted when ctx is done: it completes
// the handshake if needed, flushes, sends close_notify and then a TCP FIN.
// Reading continues until the peer's close_notify or EOF; later writes
// fail with status ssl "tls: protocol is shutdown".
func (c *Conn) CloseWriteContext(ctx context.Context) error {
	if err := c.sendCloseNotify(ctx); err != nil {
		return err
	}
	if hc, ok := c.raw.(halfCloser); ok {
		if err := hc.CloseWrite(); err != nil {
			return c.classify(conditions.OpShutdown, err)
		}
	}
	return nil
}

// sendCloseNotify flushes and sends close_notify without touching TCP,
// then reports it to Options.OnEvent (with no lock held).
func (c *Conn) sendCloseNotify(ctx context.Context) error {
	sentNow := false
	err := c.closeNotify(ctx, &sentNow)
	if sentNow {
		c.event(ctx, Event{Kind: EventAlertSent, Alert: "close_notify"})
	}
	return err
}

// closeNotify is sendCloseNotify under wmu; *sentNow is set when this call sent it.
func (c *Conn) closeNotify(ctx context.Context, sentNow *bool) error {
	if err := c.Flush(ctx); err != nil {
		return err
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if nb := c.nonblock(); nb != nil {
		if err := nb.drain(ctx, c); err != nil {
			return err
		}
	}
	c.mu.Lock()
	sent := c.closeNotifySent
	c.mu.Unlock()
	if sent {
		return nil
	}
	c.wdl.begin(time.Time{})
	stop := watch(ctx, &c.wdl)
	err := c.tls.CloseWrite()
	interrupted := stop()
	c.mu.Lock()
	c.closeNotifySent = true
	c.setFlag(flagCloseNotifySent)
	c.mu.Unlock()
	if err == nil {
		*sentNow = true
	}
	if err != nil {
		if interrupted {
			return c.classify(conditions.OpShutdown, ctx.Err())
		}
		return c.classify(conditions.OpShutdown, err)
	}
	return nil
}

// Unwrap ends TLS on the connection but keeps the socket (ssl-unwrap-ports,
// tls::unimport): it sends close_notify without a TCP FIN, reads and
// discards plaintext until the peer's close_notify (bounded by
// Options.ShutdownTimeout and ctx), clears the raw connection's deadlines
// and returns it with the bytes the peer sent after its close_notify. The
// Conn becomes closed; closing it later does not close the socket. If the
// peer closes TCP instead, Unwrap returns a syscall/eof condition; on a
// timeout the connection is unusable.
func (c *Conn) Unwrap(ctx context.Context) (net.Conn, []byte, error) {
	if err := c.sendCloseNotify(ctx); err != nil {
		return nil, nil, err
	}
	c.rmu.Lock()
	defer c.rmu.Unlock()
	c.in.take()
	c.rdl.begin(deadline(c.opts.ShutdownTimeout))
	stop := watch(ctx, &c.rdl)
	var err error
	if !c.CloseNotifyReceived() {
		scratch := make([]byte, minFill+1024)
		for {
			_, err = c.tls.Read(scratch)
			if err != nil {
				break
			}
		}
	}
	interrupted := stop()
	if err != nil && !errors.Is(err, io.EOF) {
		if interrupted {
			return nil, nil, c.classify(conditions.OpShutdown, ctx.Err())
		}
		return nil, nil, c.classify(conditions.OpShutdown, err)
	}
	if err != nil && c.fr.RawEOF() {
		c.mu.Lock()
		c.truncated = true
		c.mu.Unlock()
		st := c.condState(conditions.OpShutdown, -1)
		st.SuppressRaggedEOFs = false
		return nil, nil, conditions.Classify(conditions.OpRead, err, st)
	}
	_ = c.raw.SetDeadline(time.Time{})
	c.mu.Lock()
	c.closeNotifyRecv = true
	c.closed = true
	c.setFlag(flagCloseNotifyRecv | flagClosed)
	c.unwrapped = true
	c.state = StateClosed
	c.mu.Unlock()
	c.rw.release()
	c.ww.release()
	return c.raw, c.fr.held(), nil
}
