package scheme

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// chunkReader delivers its data in fixed-size pieces, then io.EOF.
type chunkReader struct {
	data  []byte
	chunk int
}

func (c *chunkReader) ReadContext(ctx context.Context, p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), c.chunk, len(c.data))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

// blockReader blocks until ctx is done.
type blockReader struct{}

func (blockReader) ReadContext(ctx context.Context, p []byte) (int, error) {
	<-ctx.Done()
	return 0, ctx.Err()
}

type sink struct {
	b       []byte
	flushes int
}

func (s *sink) WriteContext(ctx context.Context, p []byte) (int, error) {
	s.b = append(s.b, p...)
	return len(p), nil
}
func (s *sink) FlushContext(ctx context.Context) error { s.flushes++; return nil }

// readAllLines reads lines from p until EOF.
func readAllLines(t *testing.T, p *Port) []string {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	var got []string
	for {
		l, err := p.readLine(context.Background())
		if errors.Is(err, io.EOF) {
			return got
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(l))
	}
}

func TestPortReadAcrossChunks(t *testing.T) {
	// "λ" is split across reads; \r\n is split across reads.
	p := NewInputPort("t", &chunkReader{data: []byte("aλb\r\nc\rd"), chunk: 2}, nil)
	got := readAllLines(t, p)
	if strings.Join(got, "|") != "aλb|c|d" {
		t.Errorf("lines = %q", got)
	}
}

func TestPortReadChars(t *testing.T) {
	p := NewInputPort("t", &chunkReader{data: []byte("héllo wörld"), chunk: 3}, nil)
	p.mu.Lock()
	b, n, err := p.readChars(context.Background(), nil, 7)
	p.mu.Unlock()
	if err != nil || n != 7 || string(b) != "héllo w" {
		t.Errorf("readChars = %q, %d, %v", b, n, err)
	}
}

func TestPortCancel(t *testing.T) {
	in := New()
	p := NewInputPort("block", blockReader{}, nil)
	in.Define("blocked-port", p)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := in.EvalString(ctx, "(read-line blocked-port)")
	if err == nil {
		t.Fatal("read-line on a blocked port returned without error")
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("cancellation took %v", time.Since(start))
	}
}

func TestPortWriteBuffering(t *testing.T) {
	s := &sink{}
	p := NewOutputPort("s", s, nil)
	ctx := context.Background()
	if err := p.Write(ctx, []byte("abc")); err != nil {
		t.Fatal(err)
	}
	if len(s.b) != 0 {
		t.Errorf("output reached the backend before flush: %q", s.b)
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if string(s.b) != "abc" || s.flushes != 1 {
		t.Errorf("after flush: %q, %d flushes", s.b, s.flushes)
	}
	if got := p.TakeBuffered(); len(got) != 0 {
		t.Errorf("TakeBuffered on output port = %q", got)
	}
}

func TestTakeBuffered(t *testing.T) {
	p := NewInputPort("t", &chunkReader{data: []byte("line1\nrest"), chunk: 100}, nil)
	p.mu.Lock()
	l, _ := p.readLine(context.Background())
	p.mu.Unlock()
	if string(l) != "line1" {
		t.Fatalf("line = %q", l)
	}
	if got := string(p.TakeBuffered()); got != "rest" {
		t.Errorf("TakeBuffered = %q, want rest", got)
	}
}

func TestSchemeOverGoPorts(t *testing.T) {
	s := &sink{}
	in := New()
	in.Define("ip", NewInputPort("ip", &chunkReader{data: []byte("hello\r\nworld"), chunk: 4}, nil))
	in.Define("op", NewOutputPort("op", s, nil))
	v, err := in.EvalString(context.Background(), `(let ((l (read-line ip))) (write-string l op) (write-string (read-string 10 ip) op) (flush-output op) l)`)
	if err != nil {
		t.Fatal(err)
	}
	if WriteString(v) != `"hello"` || string(s.b) != "helloworld" {
		t.Errorf("got %s and %q", WriteString(v), s.b)
	}
}

func BenchmarkReadString64K(b *testing.B) {
	data := []byte(strings.Repeat("abcdefgh", 8<<10))
	in := New()
	th := in.newThread(context.Background())
	proc, _ := in.Lookup("read-string")
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		p := NewInputPort("b", &chunkReader{data: data, chunk: len(data)}, nil)
		v, err := th.Call(proc, Fixnum(len(data)), p)
		if err != nil || v.(*String).Len() != len(data) {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteString64K(b *testing.B) {
	s := NewString(strings.Repeat("abcdefgh", 8<<10))
	in := New()
	th := in.newThread(context.Background())
	proc, _ := in.Lookup("write-string")
	p := NewOutputPort("b", discard{}, nil)
	b.SetBytes(int64(s.Len()))
	for i := 0; i < b.N; i++ {
		if _, err := th.Call(proc, s, p); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) WriteContext(ctx context.Context, p []byte) (int, error) { return len(p), nil }
func (discard) FlushContext(ctx context.Context) error                  { return nil }

func BenchmarkStringRef(b *testing.B) {
	in := New()
	th := in.newThread(context.Background())
	proc, _ := in.Lookup("string-ref")
	s := NewString(strings.Repeat("x", 1000))
	for i := 0; i < b.N; i++ {
		if _, err := th.Call(proc, s, Fixnum(i%1000)); err != nil {
			b.Fatal(err)
		}
	}
}
