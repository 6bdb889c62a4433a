// fileSink: the buffered backend of file output ports, kept by the interpreter until closed.

package scheme

import (
	"context"
	"errors"
	"io"
	"runtime"
	"sync"
)

// fileSink is the backend of a file output port made by
// [Interp.NewFileOutputPort]. It does the port's buffering itself (the
// port hands it each operation's bytes, as to a [DirectWriter]), so that
// what a program wrote does not depend on the port object staying alive:
// the interpreter keeps the sink (never the port) until it is closed,
// closes it when the port is collected, and flushes the sinks still open
// at the end of the program.
type fileSink struct {
	mu     sync.Mutex
	f      io.WriteCloser
	buf    []byte
	closed bool
}

var errSinkClosed = errors.New("scheme: file output port closed")

// DirectWrite implements DirectWriter.
func (*fileSink) DirectWrite() {}

// WriteContext buffers b, writing the buffer out when it is full; it
// returns 0 when that failed (b is not taken).
func (s *fileSink) WriteContext(ctx context.Context, b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, errSinkClosed
	}
	if len(s.buf)+len(b) > portBufSize {
		if err := s.flush(ctx); err != nil {
			return 0, err
		}
		if len(b) >= portBufSize {
			return writeCtx(ctx, s.f, b)
		}
	}
	s.buf = append(s.buf, b...)
	return len(b), nil
}

// FlushContext writes the buffer out.
func (s *fileSink) FlushContext(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	return s.flush(ctx)
}

// buffered returns the number of bytes waiting in the buffer.
func (s *fileSink) buffered() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.buf)
}

// flush writes the buffer out; a write cut short (ctx done, a pipe
// that takes a deadline) keeps the bytes that did not go.
func (s *fileSink) flush(ctx context.Context) error {
	if len(s.buf) == 0 {
		return nil
	}
	n, err := writeCtx(ctx, s.f, s.buf)
	s.buf = s.buf[:copy(s.buf, s.buf[n:])]
	return err
}

// Close writes the buffer out and closes the file (once).
func (s *fileSink) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.flush(context.Background())
	s.buf = nil
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// NewFileOutputPort returns an output port writing to the file f, named
// name (open-output-file and the like). The port buffers its output until
// flush-output, a full buffer or close; a program that drops the port
// without closing it loses nothing: once the port is collected its output
// is written and f closed (so dropped ports do not hold descriptors), and
// [Interp.FlushAllOutput] writes that of the ports still open when the
// program ends.
func (in *Interp) NewFileOutputPort(name string, f io.WriteCloser) *Port {
	s := &fileSink{f: f}
	p := NewOutputPort(name, s, f)
	o := &in.outputs
	o.mu.Lock()
	if o.sinks == nil {
		o.sinks = map[*fileSink]struct{}{}
	}
	o.sinks[s] = struct{}{}
	o.mu.Unlock()
	runtime.AddCleanup(p, o.release, s)
	return p
}

// release closes the sink of a collected port and forgets it. The close
// runs on a goroutine of its own, as a write to a pipe may block.
func (o *outputPorts) release(s *fileSink) {
	go func() {
		_ = s.Close()
		o.mu.Lock()
		delete(o.sinks, s)
		o.mu.Unlock()
	}()
}

// flushSinks writes out the buffers of the file sinks not closed yet; the
// first error is returned.
func (o *outputPorts) flushSinks(ctx context.Context) error {
	o.mu.Lock()
	ss := make([]*fileSink, 0, len(o.sinks))
	for s := range o.sinks {
		ss = append(ss, s)
	}
	o.mu.Unlock()
	var first error
	for _, s := range ss {
		if err := s.FlushContext(ctx); err != nil && first == nil {
			first = err
		}
	}
	return first
}
