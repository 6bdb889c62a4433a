// Aborting a handshake from another goroutine (ssl-abort-handshake!; spec §4.11).

package ports

import (
	"context"
	"sync"
	"time"
)

// aborter lets another goroutine cancel the handshake of a Conn.
type aborter struct {
	mu      sync.Mutex
	cancel  context.CancelFunc // of the running handshake, nil if none
	aborted bool
}

// AbortHandshake cancels the handshake: a running one fails at once, one
// not started yet fails when it starts; either way with status syscall
// "handshake aborted" (sticky, like every handshake failure), and Go
// closes the raw connection. It reports false if the handshake had
// already finished.
func (c *Conn) AbortHandshake() bool {
	if c.hsDone.Load() {
		return false
	}
	a := &c.abort
	a.mu.Lock()
	defer a.mu.Unlock()
	a.aborted = true
	if a.cancel != nil {
		a.cancel()
	}
	return true
}

// abortable returns the context of a handshake starting now, limited to
// timeout (0 = none) and cancelled by AbortHandshake (at once if it was
// called before), and its release.
func (c *Conn) abortable(ctx context.Context, timeout time.Duration) (context.Context, func()) {
	var hctx context.Context
	var cancel context.CancelFunc
	if timeout > 0 {
		hctx, cancel = context.WithTimeout(ctx, timeout)
	} else {
		hctx, cancel = context.WithCancel(ctx)
	}
	a := &c.abort
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.aborted {
		cancel()
	}
	a.cancel = cancel
	return hctx, func() {
		a.mu.Lock()
		a.cancel = nil
		a.mu.Unlock()
		cancel()
	}
}
