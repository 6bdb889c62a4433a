// Asynchronous connect: a net.Conn usable while its TCP connection is still being dialled (twapi tls_socket -async).

package ports

import (
	"context"
	"net"
	"os"
	"sync"
	"time"
)

// AsyncConn is a net.Conn whose connection is being dialled in the
// background. Read and Write wait for the dial (bounded by the deadlines
// set meanwhile) and then use the dialled connection; a failed dial is
// the error of every Read and Write. Close cancels a dial in progress.
type AsyncConn struct {
	done   chan struct{}
	cancel context.CancelFunc
	c      net.Conn // valid after done, nil if the dial failed
	err    error    // the dial error, valid after done

	mu     sync.Mutex
	rd, wd time.Time // deadlines set before the dial finished
	closed bool
}

// DialAsync starts dial in the background and returns at once.
func DialAsync(dial func(ctx context.Context) (net.Conn, error)) *AsyncConn {
	ctx, cancel := context.WithCancel(context.Background())
	a := &AsyncConn{done: make(chan struct{}), cancel: cancel}
	go func() {
		c, err := dial(ctx)
		a.mu.Lock()
		switch {
		case err != nil:
			a.err = err
		case a.closed:
			c.Close()
			a.err = net.ErrClosed
		default:
			a.c = c
			if !a.rd.IsZero() {
				_ = c.SetReadDeadline(a.rd)
			}
			if !a.wd.IsZero() {
				_ = c.SetWriteDeadline(a.wd)
			}
		}
		a.mu.Unlock()
		close(a.done)
	}()
	return a
}

// Connected reports whether the dial has finished (successfully or not).
func (a *AsyncConn) Connected() bool {
	select {
	case <-a.done:
		return true
	default:
		return false
	}
}

// Err returns the dial error once the dial has finished (nil otherwise).
func (a *AsyncConn) Err() error {
	if !a.Connected() {
		return nil
	}
	return a.err
}

// wait waits for the dial until deadline (zero: no limit).
func (a *AsyncConn) wait(deadline time.Time) (net.Conn, error) {
	if !deadline.IsZero() {
		t := time.NewTimer(time.Until(deadline))
		defer t.Stop()
		select {
		case <-a.done:
		case <-t.C:
			return nil, os.ErrDeadlineExceeded
		}
	} else {
		<-a.done
	}
	if a.err != nil {
		return nil, a.err
	}
	return a.c, nil
}

func (a *AsyncConn) deadlines() (rd, wd time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.rd, a.wd
}

// Read waits for the dial, then reads.
func (a *AsyncConn) Read(b []byte) (int, error) {
	rd, _ := a.deadlines()
	c, err := a.wait(rd)
	if err != nil {
		return 0, err
	}
	return c.Read(b)
}

// Write waits for the dial, then writes.
func (a *AsyncConn) Write(b []byte) (int, error) {
	_, wd := a.deadlines()
	c, err := a.wait(wd)
	if err != nil {
		return 0, err
	}
	return c.Write(b)
}

// Close cancels a dial in progress or closes the connection.
func (a *AsyncConn) Close() error {
	a.mu.Lock()
	a.closed = true
	a.mu.Unlock()
	a.cancel()
	<-a.done
	if a.c != nil {
		return a.c.Close()
	}
	return nil
}

// CloseWrite half-closes a dialled TCP connection.
func (a *AsyncConn) CloseWrite() error {
	c, err := a.wait(time.Time{})
	if err != nil {
		return err
	}
	if hc, ok := c.(halfCloser); ok {
		return hc.CloseWrite()
	}
	return nil
}

// LocalAddr returns the local address, or an empty TCP address while dialling.
func (a *AsyncConn) LocalAddr() net.Addr {
	if a.Connected() && a.c != nil {
		return a.c.LocalAddr()
	}
	return &net.TCPAddr{}
}

// RemoteAddr returns the remote address, or an empty TCP address while dialling.
func (a *AsyncConn) RemoteAddr() net.Addr {
	if a.Connected() && a.c != nil {
		return a.c.RemoteAddr()
	}
	return &net.TCPAddr{}
}

// SetDeadline sets both deadlines (kept until the dial finishes).
func (a *AsyncConn) SetDeadline(t time.Time) error {
	_ = a.SetReadDeadline(t)
	return a.SetWriteDeadline(t)
}

// SetReadDeadline sets the read deadline (kept until the dial finishes).
func (a *AsyncConn) SetReadDeadline(t time.Time) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.rd = t
	if a.c != nil {
		return a.c.SetReadDeadline(t)
	}
	return nil
}

// SetWriteDeadline sets the write deadline (kept until the dial finishes).
func (a *AsyncConn) SetWriteDeadline(t time.Time) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.wd = t
	if a.c != nil {
		return a.c.SetWriteDeadline(t)
	}
	return nil
}

var _ net.Conn = (*AsyncConn)(nil)
