package scheme

import (
	"context"
	"io"
	"sync"
	"testing"
	"time"
)

// loopback is an in-memory pipe backend: bytes written (and flushed) to it
// are read back from it. Reads block until data arrives, the pipe is
// closed or ctx is done.
type loopback struct {
	mu      sync.Mutex
	data    []byte
	closed  bool
	closes  int
	flushes int
	notify  chan struct{}
}

func newLoopback() *loopback { return &loopback{notify: make(chan struct{}, 1)} }

func (l *loopback) ReadContext(ctx context.Context, p []byte) (int, error) {
	for {
		l.mu.Lock()
		if len(l.data) > 0 {
			n := copy(p, l.data)
			l.data = l.data[n:]
			l.mu.Unlock()
			return n, nil
		}
		if l.closed {
			l.mu.Unlock()
			return 0, io.EOF
		}
		l.mu.Unlock()
		select {
		case <-l.notify:
		case <-ctx.Done():
			return 0, ctx.Err()
		}
	}
}

func (l *loopback) WriteContext(ctx context.Context, p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return 0, io.ErrClosedPipe
	}
	l.data = append(l.data, p...)
	select {
	case l.notify <- struct{}{}:
	default:
	}
	return len(p), nil
}

func (l *loopback) FlushContext(ctx context.Context) error {
	l.mu.Lock()
	l.flushes++
	l.mu.Unlock()
	return nil
}

func (l *loopback) Close() error {
	l.mu.Lock()
	l.closed = true
	l.closes++
	l.mu.Unlock()
	select {
	case l.notify <- struct{}{}:
	default:
	}
	return nil
}

func (l *loopback) counts() (closes, flushes int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closes, l.flushes
}

// directLoopback makes the loopback self-buffering, so the port uses its
// direct mode.
type directLoopback struct{ *loopback }

func (d directLoopback) ReadByteContext(ctx context.Context) (byte, error) {
	var b [1]byte
	_, err := d.ReadContext(ctx, b[:])
	return b[0], err
}

func (d directLoopback) PeekByteContext(ctx context.Context) (byte, error) {
	c, err := d.ReadByteContext(ctx)
	if err == nil {
		d.mu.Lock()
		d.data = append([]byte{c}, d.data...)
		d.mu.Unlock()
	}
	return c, err
}

func TestInputOutputPort(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		want   string
		closes int // backend Close calls afterwards
	}{
		{"predicates", `(list (port? p) (input-port? p) (output-port? p) (binary-port? p) (textual-port? p)
			(input-port-open? p) (output-port-open? p))`, "(#t #t #t #t #t #t #t)", 0},
		{"text round trip", `(write-string "hello\nworld" p) (newline p) (flush-output p)
			(list (read-line p) (read-char p) (peek-char p) (read-line p))`, `("hello" #\w #\o "orld")`, 0},
		{"binary round trip", `(write-bytevector (bytevector 1 2 3 4 5) p) (write-u8 9 p) (flush-output-port p)
			(list (read-u8 p) (peek-u8 p) (read-bytevector 4 p) (u8-ready? p) (read-u8 p))`, "(1 2 #u8(2 3 4 5) #t 9)", 0},
		{"write and display", `(write '(a "b") p) (display " x" p) (flush-output p) (read-string 9 p)`, `"(a \"b\") x"`, 0},
		{"close output side", `(write-string "late" p) (close-output-port p)
			(list (input-port-open? p) (output-port-open? p) (read-string 4 p)
			      (guard (e (#t 'raised)) (write-string "x" p) 'wrote))`, `(#t #f "late" raised)`, 0},
		{"close input side", `(close-input-port p)
			(list (input-port-open? p) (output-port-open? p)
			      (guard (e (#t 'raised)) (read-u8 p))
			      (begin (write-string "still" p) (flush-output p) 'wrote))`, `(#f #t raised wrote)`, 0},
		{"both halves close the backend", `(close-input-port p) (close-output-port p) (close-port p)
			(list (input-port-open? p) (output-port-open? p))`, "(#f #f)", 1},
		{"close-port closes both once", `(write-string "pending" p) (close-port p) (close-port p)
			(list (input-port-open? p) (output-port-open? p)
			      (guard (e (#t 'raised)) (read-char p))
			      (guard (e (#t 'raised)) (write-char #\a p)))`, "(#f #f raised raised)", 1},
		{"current ports accept it", `(parameterize ((current-output-port p)) (display "cur") (flush-output))
			(parameterize ((current-input-port p)) (read-string 3))`, `"cur"`, 0},
	}
	for _, direct := range []bool{false, true} {
		for _, tc := range tests {
			name := tc.name
			if direct {
				name += "/direct"
			}
			t.Run(name, func(t *testing.T) {
				lb := newLoopback()
				var r ByteReader = lb
				if direct {
					r = directLoopback{lb}
				}
				// In direct mode r and w are the same (comparable) value:
				// the backend must still be closed once.
				p := NewInputOutputPort("pipe", r, r.(ByteWriter), lb)
				if p.direct != direct {
					t.Fatalf("direct mode = %v, want %v", p.direct, direct)
				}
				in := New()
				in.Define("p", p)
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
				defer cancel()
				v, err := in.EvalString(ctx, tc.src)
				if err != nil {
					t.Fatal(err)
				}
				if got := WriteString(v); got != tc.want {
					t.Errorf("got %s, want %s", got, tc.want)
				}
				if closes, _ := lb.counts(); closes != tc.closes {
					t.Errorf("backend closed %d times, want %d", closes, tc.closes)
				}
			})
		}
	}
}

func TestInputOutputPortGoSide(t *testing.T) {
	lb := newLoopback()
	p := NewInputOutputPort("pipe", lb, lb, nil)
	if !p.IsInput() || !p.IsOutput() || p.Repr() != `#<input/output port "pipe">` {
		t.Fatalf("IsInput %v IsOutput %v Repr %s", p.IsInput(), p.IsOutput(), p.Repr())
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	// A read blocked in the backend holds the input lock only: writing and
	// flushing from another goroutine must go through and feed it.
	got := make(chan byte, 1)
	go func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		b, err := p.readByte(ctx)
		if err != nil {
			t.Error(err)
		}
		got <- b
	}()
	time.Sleep(20 * time.Millisecond)
	if err := p.Write(ctx, []byte("Z")); err != nil {
		t.Fatal(err)
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-got:
		if b != 'Z' {
			t.Errorf("read %q, want 'Z'", b)
		}
	case <-ctx.Done():
		t.Fatal("read did not see the concurrent write")
	}
	if _, flushes := lb.counts(); flushes != 1 {
		t.Errorf("flushes = %d, want 1", flushes)
	}

	// Close unblocks a pending read and closes the backend once.
	done := make(chan error, 1)
	go func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		_, err := p.readByte(ctx)
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != io.EOF {
			t.Errorf("pending read: %v, want EOF", err)
		}
	case <-ctx.Done():
		t.Fatal("close did not unblock the pending read")
	}
	if err := p.Close(); err != nil {
		t.Fatal(err)
	}
	if closes, _ := lb.counts(); closes != 1 || p.IsOpen() {
		t.Errorf("closes = %d, open = %v; want 1, false", closes, p.IsOpen())
	}
	if err := p.Write(ctx, []byte("x")); err == nil {
		t.Error("write after close succeeded")
	}
}
