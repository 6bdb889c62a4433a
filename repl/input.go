// Input: a shared, cancellable standard input for the REPL and the Scheme ports.

package repl

import (
	"context"
	"errors"
	"io"
	"os"
	"sync"
)

// Input wraps a reader (usually os.Stdin) so that the REPL and the Scheme
// program can share it and a blocked read can be cancelled. Reads from the
// underlying reader happen on demand in one background goroutine; a read
// whose context is cancelled returns at once, and the data that arrives
// later is kept for the next read. Input is safe for concurrent use; reads
// are served one at a time.
type Input struct {
	r    io.Reader
	sem  chan struct{} // one reader at a time
	want chan struct{} // asks the pump goroutine for one Read
	res  chan chunk    // the pump's answers
	once sync.Once

	// guarded by sem
	buf      []byte
	err      error // sticky error from the underlying reader
	inflight bool  // a Read on r is pending
}

type chunk struct {
	b   []byte
	err error
}

// File returns the reader Input wraps when it is an *os.File (standard
// input), else nil: it makes Input a [scheme.Filer], so terminal-port?
// and repl's prompt see the terminal behind it.
func (in *Input) File() *os.File {
	f, _ := in.r.(*os.File)
	return f
}

// NewInput returns an Input reading from r.
func NewInput(r io.Reader) *Input {
	return &Input{r: r, sem: make(chan struct{}, 1), want: make(chan struct{}, 1), res: make(chan chunk, 1)}
}

func (in *Input) pump() {
	for range in.want {
		b := make([]byte, 4096)
		n, err := in.r.Read(b)
		in.res <- chunk{b[:n], err}
		if err != nil {
			return
		}
	}
}

// fill makes sure in.buf is non-empty or in.err is set; it holds sem.
func (in *Input) fill(ctx context.Context) error {
	for len(in.buf) == 0 && in.err == nil {
		if !in.inflight {
			in.once.Do(func() { go in.pump() })
			in.inflight = true
			in.want <- struct{}{}
		}
		select {
		case c := <-in.res:
			in.inflight = false
			in.buf = append(in.buf, c.b...)
			if c.err != nil {
				in.err = c.err
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

func (in *Input) lock(ctx context.Context) error {
	select {
	case in.sem <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (in *Input) unlock() { <-in.sem }

// withBuffered runs f with the lock held and at least one byte in in.buf,
// waiting for input; it returns the reader's error (io.EOF) when none comes.
func (in *Input) withBuffered(ctx context.Context, f func()) error {
	if err := in.lock(ctx); err != nil {
		return err
	}
	defer in.unlock()
	if err := in.fill(ctx); err != nil {
		return err
	}
	if len(in.buf) == 0 {
		return in.err
	}
	f()
	return nil
}

// ReadContext reads up to len(p) bytes, waiting until at least one is
// available, the reader ends (io.EOF) or ctx is done.
func (in *Input) ReadContext(ctx context.Context, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	var n int
	err := in.withBuffered(ctx, func() {
		n = copy(p, in.buf)
		in.buf = in.buf[n:]
	})
	return n, err
}

// Read implements io.Reader (not cancellable).
func (in *Input) Read(p []byte) (int, error) { return in.ReadContext(context.Background(), p) }

// ReadByteContext reads one byte; with it a Scheme port keeps no read-ahead
// buffer of its own, so the REPL sees every byte the program did not read.
func (in *Input) ReadByteContext(ctx context.Context) (byte, error) {
	var b [1]byte
	_, err := in.ReadContext(ctx, b[:])
	return b[0], err
}

// PeekByteContext returns the next byte without consuming it.
func (in *Input) PeekByteContext(ctx context.Context) (byte, error) {
	var b byte
	err := in.withBuffered(ctx, func() { b = in.buf[0] })
	return b, err
}

// Ready reports whether a byte can be read without blocking.
func (in *Input) Ready(ctx context.Context) (bool, error) {
	if err := in.lock(ctx); err != nil {
		return false, err
	}
	defer in.unlock()
	if len(in.buf) > 0 || in.err != nil {
		return true, nil
	}
	if in.inflight {
		select {
		case c := <-in.res:
			in.inflight = false
			in.buf = append(in.buf, c.b...)
			in.err = c.err
			return true, nil
		default:
		}
	}
	return false, nil
}

// ReadLineContext reads up to and including the next newline (the newline
// is kept; the last line of the input may lack it). At the end of input it
// returns io.EOF with no data.
func (in *Input) ReadLineContext(ctx context.Context) (string, error) {
	if err := in.lock(ctx); err != nil {
		return "", err
	}
	defer in.unlock()
	var line []byte
	for {
		if err := in.fill(ctx); err != nil {
			// keep what was taken for the next reader
			in.buf = append(line, in.buf...)
			return "", err
		}
		if len(in.buf) == 0 {
			if len(line) > 0 {
				return string(line), nil
			}
			if errors.Is(in.err, io.EOF) {
				return "", io.EOF
			}
			return "", in.err
		}
		for i, c := range in.buf {
			if c == '\n' {
				line = append(line, in.buf[:i+1]...)
				in.buf = in.buf[i+1:]
				return string(line), nil
			}
		}
		line = append(line, in.buf...)
		in.buf = in.buf[:0]
	}
}
