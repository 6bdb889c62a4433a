// Non-blocking mode: background handshake, poll reads, queued writes (spec §3.4).

package ports

import (
	"context"
	"sync"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

// QueueSize is the capacity of the non-blocking send queue in bytes.
const QueueSize = 64 << 10

// nonblock is the state of a connection in non-blocking mode: the
// background handshake and the writer goroutine with its bounded queue.
type nonblock struct {
	hsOnce   sync.Once
	hsCancel context.CancelFunc
	hsCh     chan struct{} // closed when the background handshake ends

	mu       sync.Mutex
	cond     *sync.Cond
	q        []byte // queued bytes not yet taken by the writer
	inflight int    // bytes the writer is writing now
	stop     bool
	werr     *conditions.Error // latched writer error
	done     chan struct{}     // closed when the writer exits
}

func (c *Conn) nonblock() *nonblock {
	if c.flags.Load()&flagNonblock == 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.nb
}

// Blocking reports whether the connection is in blocking mode (the default).
func (c *Conn) Blocking() bool { return c.nonblock() == nil }

// SetBlocking switches between blocking (the default) and non-blocking
// mode (ssl-set-blocking!). Entering non-blocking mode flushes the output
// buffer first. Leaving it waits, bounded by ctx, for the background
// handshake and for the send queue to drain (the write timeout bounds the
// latter too).
func (c *Conn) SetBlocking(ctx context.Context, on bool) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	nb := c.nonblock()
	if !on {
		if nb != nil {
			return nil
		}
		if c.isClosed() {
			return conditions.Closed()
		}
		if c.out.Pending() > 0 {
			if e := c.preWrite(ctx); e != nil {
				return e
			}
			if err := c.out.Flush(ctx); err != nil {
				return err
			}
		}
		nb = &nonblock{hsCh: make(chan struct{}), done: make(chan struct{})}
		nb.cond = sync.NewCond(&nb.mu)
		go nb.writer(c)
		c.mu.Lock()
		c.nb = nb
		c.setFlag(flagNonblock)
		c.mu.Unlock()
		return nil
	}
	if nb == nil {
		return nil
	}
	if e := nb.waitHandshake(ctx, c); e != nil && !c.hsDone.Load() {
		return e
	}
	wctx := ctx
	if c.opts.WriteTimeout > 0 {
		var cancel context.CancelFunc
		wctx, cancel = context.WithTimeout(ctx, c.opts.WriteTimeout)
		defer cancel()
	}
	err := nb.drain(wctx, c)
	nb.shutdown()
	c.mu.Lock()
	c.nb = nil
	c.flags.And(^uint32(flagNonblock))
	c.mu.Unlock()
	return err
}

// startHandshake launches the background handshake once.
func (nb *nonblock) startHandshake(c *Conn) {
	nb.hsOnce.Do(func() {
		ctx, cancel := context.WithCancel(context.Background())
		nb.hsCancel = cancel
		go func() {
			defer close(nb.hsCh)
			defer cancel()
			c.runHandshake(ctx)
		}()
	})
}

// pollHandshake starts the background handshake if needed and returns the
// want-status s while it runs, or its result.
func (nb *nonblock) pollHandshake(c *Conn, s conditions.Status, op conditions.Op) *conditions.Error {
	if c.hsDone.Load() {
		return c.hsErr
	}
	nb.startHandshake(c)
	select {
	case <-nb.hsCh:
		return c.hsErr
	default:
		if a, ok := c.raw.(*AsyncConn); ok && !a.Connected() {
			s = conditions.WantConnect // still dialling (twapi -async)
		}
		return conditions.Want(s, op)
	}
}

// waitHandshake starts the background handshake if needed and waits for it.
func (nb *nonblock) waitHandshake(ctx context.Context, c *Conn) *conditions.Error {
	if c.hsDone.Load() {
		return c.hsErr
	}
	nb.startHandshake(c)
	select {
	case <-nb.hsCh:
		return c.hsErr
	case <-ctx.Done():
		return c.classify(conditions.OpHandshake, ctx.Err())
	}
}

// TryHandshake is ssl-handshake!: in blocking mode it is Handshake and
// returns true; in non-blocking mode it starts the handshake in the
// background and returns false while it is in progress.
func (c *Conn) TryHandshake(ctx context.Context) (bool, error) {
	nb := c.nonblock()
	if nb == nil || c.hsDone.Load() {
		if err := c.Handshake(ctx); err != nil {
			return false, err
		}
		return true, nil
	}
	e := nb.pollHandshake(c, conditions.WantRead, conditions.OpHandshake)
	if e == nil {
		return true, nil
	}
	if (e.Status == conditions.WantRead || e.Status == conditions.WantConnect) && e.Retry {
		return false, nil
	}
	return false, e
}

// write queues p. Whole writes that do not fit return want-write, except
// that an empty queue accepts any size; partial writes queue what fits.
func (nb *nonblock) write(c *Conn, p []byte, partial bool) (int, error) {
	if c.isClosed() {
		return 0, conditions.Closed()
	}
	if e := nb.pollHandshake(c, conditions.WantWrite, conditions.OpWrite); e != nil {
		return 0, e
	}
	nb.mu.Lock()
	defer nb.mu.Unlock()
	if nb.werr != nil {
		return 0, nb.werr
	}
	c.mu.Lock()
	werr := c.wErr
	c.mu.Unlock()
	if werr != nil {
		return 0, werr
	}
	used := len(nb.q) + nb.inflight
	free := QueueSize - used
	n := len(p)
	switch {
	case n <= free || (used == 0 && !partial):
	case partial && free > 0:
		n = free
	default:
		return 0, conditions.Want(conditions.WantWrite, conditions.OpWrite)
	}
	nb.q = append(nb.q, p[:n]...)
	nb.cond.Broadcast()
	return n, nil
}

// flush returns want-write while bytes are queued, or the latched error.
func (nb *nonblock) flush(c *Conn) error {
	if c.isClosed() {
		return conditions.Closed()
	}
	if e := nb.pollHandshake(c, conditions.WantWrite, conditions.OpFlush); e != nil {
		return e
	}
	nb.mu.Lock()
	defer nb.mu.Unlock()
	if nb.werr != nil {
		return nb.werr
	}
	if len(nb.q)+nb.inflight > 0 {
		return conditions.Want(conditions.WantWrite, conditions.OpFlush)
	}
	return nil
}

// writer drains the queue into tls.Conn until shutdown.
func (nb *nonblock) writer(c *Conn) {
	defer close(nb.done)
	var spare []byte
	for {
		nb.mu.Lock()
		for len(nb.q) == 0 && !nb.stop {
			nb.cond.Wait()
		}
		if len(nb.q) == 0 || nb.werr != nil {
			nb.mu.Unlock()
			return
		}
		chunk := nb.q
		nb.q, spare = spare[:0], nil
		nb.inflight = len(chunk)
		nb.mu.Unlock()

		c.wdl.begin(time.Time{}) // the caller's write deadline, if any, still applies
		_, err := c.tls.Write(chunk)

		nb.mu.Lock()
		nb.inflight = 0
		spare = chunk
		if err != nil {
			nb.werr = c.classify(conditions.OpWrite, err)
			nb.q = nil
			nb.stop = true
		}
		nb.cond.Broadcast()
		nb.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// drain waits until the queue is empty, the writer failed or ctx is done.
func (nb *nonblock) drain(ctx context.Context, c *Conn) error {
	stop := context.AfterFunc(ctx, func() {
		nb.mu.Lock()
		nb.cond.Broadcast()
		nb.mu.Unlock()
	})
	defer stop()
	nb.mu.Lock()
	defer nb.mu.Unlock()
	for len(nb.q)+nb.inflight > 0 && nb.werr == nil {
		if ctx.Err() != nil {
			return c.classify(conditions.OpFlush, ctx.Err())
		}
		nb.cond.Wait()
	}
	if nb.werr != nil {
		return nb.werr
	}
	return nil
}

// shutdown stops the writer (after it finished its current chunk; pending
// bytes are dropped) and waits for it to exit. The caller makes sure a
// blocked write is interrupted (by closing the raw conn) if needed.
func (nb *nonblock) shutdown() {
	nb.mu.Lock()
	nb.stop = true
	nb.q = nil
	nb.cond.Broadcast()
	nb.mu.Unlock()
	<-nb.done
}

// stopHandshake cancels a running background handshake and waits for it.
func (nb *nonblock) stopHandshake() {
	started := false
	nb.hsOnce.Do(func() { close(nb.hsCh) }) // never started: mark ended
	select {
	case <-nb.hsCh:
	default:
		started = true
	}
	if started {
		nb.hsCancel()
		<-nb.hsCh
	}
}
