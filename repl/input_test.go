// Tests of the shared, cancellable standard input.

package repl

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"
)

func TestInputLines(t *testing.T) {
	in := NewInput(&chunkReader{chunks: []string{"ab", "c\nde", "f\n", "tail"}})
	ctx := context.Background()
	for _, want := range []string{"abc\n", "def\n", "tail"} {
		got, err := in.ReadLineContext(ctx)
		if err != nil || got != want {
			t.Fatalf("ReadLineContext = %q, %v; want %q", got, err, want)
		}
	}
	if got, err := in.ReadLineContext(ctx); err != io.EOF {
		t.Fatalf("at end: %q, %v; want io.EOF", got, err)
	}
}

func TestInputBytesThenLine(t *testing.T) {
	in := NewInput(&chunkReader{chunks: []string{"xy\nrest\n"}})
	ctx := context.Background()
	if b, err := in.PeekByteContext(ctx); err != nil || b != 'x' {
		t.Fatalf("PeekByteContext = %q, %v", b, err)
	}
	if b, err := in.ReadByteContext(ctx); err != nil || b != 'x' {
		t.Fatalf("ReadByteContext = %q, %v", b, err)
	}
	if ok, err := in.Ready(ctx); !ok || err != nil {
		t.Fatalf("Ready = %v, %v; want true", ok, err)
	}
	for _, want := range []string{"y\n", "rest\n"} {
		if got, err := in.ReadLineContext(ctx); err != nil || got != want {
			t.Fatalf("ReadLineContext = %q, %v; want %q", got, err, want)
		}
	}
}

// TestInputCancelKeepsData: a read cancelled while the underlying Read
// blocks returns at once, and the data that arrives later goes to the
// next reader.
func TestInputCancelKeepsData(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	in := NewInput(pr)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := in.ReadLineContext(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("cancelled read: err %v; want deadline exceeded", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("cancelled read took %v", d)
	}
	go pw.Write([]byte("late line\n"))
	ctx2, cancel2 := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel2()
	got, err := in.ReadLineContext(ctx2)
	if err != nil || got != "late line\n" {
		t.Fatalf("next read = %q, %v; want the late line", got, err)
	}
}

// chunkReader returns its chunks one Read at a time, then io.EOF.
type chunkReader struct{ chunks []string }

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.chunks) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.chunks[0])
	c.chunks[0] = c.chunks[0][n:]
	if c.chunks[0] == "" {
		c.chunks = c.chunks[1:]
	}
	return n, nil
}
