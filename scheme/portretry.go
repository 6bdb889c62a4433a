// Output cut short: the unsent rest kept in the port, the same operation made again finishing it.

package scheme

import (
	"context"
	"errors"
	"hash/maphash"
	"io"
	"os"
	"sync"
	"time"
)

// An output operation (write-string, display, write-bytevector …) that
// fails part way — Ctrl-C, thread-terminate!, a write timeout, a peer
// that stopped reading — has still been taken whole: the bytes the
// backend did not take stay in the port's buffer, first in line, and go
// out with flush-output, the next output operation or close-port, so the
// stream goes on exactly where it stopped. The port also remembers the
// operation (its length and a hash of its bytes): made again next — the
// retry after a timeout, the REPL line run again after Ctrl-C — it only
// sends what is left. Nothing written is lost, and nothing is sent twice.

// opRetry identifies an output operation cut short (see Port.cutShort).
type opRetry struct {
	seed maphash.Seed
	n    int
	sum  uint64
}

// cutShort records op, the bytes of an output operation that failed,
// when its failure left bytes in the buffer, or in the backend (a TLS
// connection keeps the part of a record it had begun to send: see
// [OutputHolder]). The caller holds outMu.
func (p *Port) cutShort(op func() []byte) {
	p.retry = nil
	if p.mem || (len(p.wbuf) == 0 && !p.backendHolds()) {
		return
	}
	b := op()
	seed := maphash.MakeSeed()
	p.retry = &opRetry{seed: seed, n: len(b), sum: maphash.Bytes(seed, b)}
}

// again reports whether op, the bytes of the output operation about to
// run, are those of the operation cut short, and forgets that one: the
// operation is then made again, and finishing the old one does it. The
// caller holds outMu and has checked p.retry.
func (p *Port) again(op []byte) bool {
	r := p.retry
	p.retry = nil
	return len(op) == r.n && maphash.Bytes(r.seed, op) == r.sum
}

// finish sends what the operation cut short left in the buffer, and
// what a direct backend holds of it; failing again, it stays the
// operation to finish.
func (p *Port) finish(ctx context.Context, op []byte) error {
	err := p.flushBuf(ctx)
	if err == nil && p.wdirect && p.backendHolds() {
		err = p.w.FlushContext(ctx)
	}
	if err != nil {
		p.cutShort(func() []byte { return op })
	}
	return err
}

// backendHolds reports whether the backend says it may hold output (see
// [OutputHolder]).
func (p *Port) backendHolds() bool {
	h, ok := p.w.(OutputHolder)
	return ok && h.HoldsOutput()
}

// outputOp runs f, an output operation on p, and ends it (endOp); when
// it is the operation cut short made again, it finishes that one instead.
// The caller holds outMu.
func (p *Port) outputOp(ctx context.Context, f func(p *Port) error) error {
	if p.retry != nil {
		if op := opBytes(f); p.again(op) {
			return p.finish(ctx, op)
		}
	}
	err := f(p)
	if err == nil {
		err = p.endOp(ctx)
	}
	if err != nil {
		p.cutShort(func() []byte { return opBytes(f) })
		p.track(ctx) // (for FlushAllOutput) what it left
	}
	return err
}

// opBytes returns the bytes f, an output operation, writes (f run on a
// scratch string port): to recognise an operation made again.
func opBytes(f func(p *Port) error) []byte {
	m := newMemOutput("", false)
	_ = f(m)
	return m.wbuf
}

// writeDeadliner is a file that can be given a write deadline (a pipe, a
// FIFO, a socket; not a regular file nor a terminal in blocking mode).
type writeDeadliner interface {
	SetWriteDeadline(t time.Time) error
}

// writeCtx writes b to w and returns how much went; a write to a file
// that takes deadlines ends, with ctx's error, when ctx is done.
func writeCtx(ctx context.Context, w io.Writer, b []byte) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	d, ok := w.(writeDeadliner)
	if !ok || ctx.Done() == nil {
		return w.Write(b)
	}
	var mu sync.Mutex
	ended := false
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		if !ended {
			_ = d.SetWriteDeadline(time.Unix(1, 0))
		}
		mu.Unlock()
	})
	n, err := w.Write(b)
	mu.Lock()
	ended = true
	mu.Unlock()
	if !stop() { // ctx ended: its deadline may be set
		_ = d.SetWriteDeadline(time.Time{})
		if err != nil && errors.Is(err, os.ErrDeadlineExceeded) {
			err = ctx.Err()
		}
	}
	return n, err
}
