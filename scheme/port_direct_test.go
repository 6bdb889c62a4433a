package scheme

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// selfBuf is a self-buffering backend (like the TLS engine): it implements
// ByteReadByter and BytePeeker and serves its data in pieces of chunk
// bytes; consumed counts the bytes taken from it.
type selfBuf struct {
	data     []byte
	chunk    int
	consumed int
}

func (s *selfBuf) ReadContext(ctx context.Context, p []byte) (int, error) {
	if len(s.data) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), s.chunk, len(s.data))
	copy(p, s.data[:n])
	s.data = s.data[n:]
	s.consumed += n
	return n, nil
}

func (s *selfBuf) ReadByteContext(ctx context.Context) (byte, error) {
	if len(s.data) == 0 {
		return 0, io.EOF
	}
	c := s.data[0]
	s.data = s.data[1:]
	s.consumed++
	return c, nil
}

func (s *selfBuf) PeekByteContext(ctx context.Context) (byte, error) {
	if len(s.data) == 0 {
		return 0, io.EOF
	}
	return s.data[0], nil
}

// lineBuf adds a LineReader to selfBuf.
type lineBuf struct{ *selfBuf }

func (l lineBuf) ReadLineContext(ctx context.Context) ([]byte, error) {
	if len(l.data) == 0 {
		return nil, io.EOF
	}
	i := strings.IndexAny(string(l.data), "\r\n")
	if i < 0 {
		line := l.data
		l.consumed += len(line)
		l.data = nil
		return line, nil
	}
	line := l.data[:i]
	skip := i + 1
	if l.data[i] == '\r' && i+1 < len(l.data) && l.data[i+1] == '\n' {
		skip++
	}
	l.data = l.data[skip:]
	l.consumed += skip
	return line, nil
}

// readAllStrings reads strings of k characters until EOF.
func readAllStrings(t *testing.T, p *Port, k int) []string {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for {
		b, n, err := p.readChars(context.Background(), nil, k)
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		s := MakeStringFromBytes(b)
		if s.Len() != n {
			t.Fatalf("readChars counted %d characters, got %d (%q)", n, s.Len(), b)
		}
		out = append(out, s.String())
	}
}

func TestPortReadCharsSplitUTF8(t *testing.T) {
	text := "aλb€c😀dé" + strings.Repeat("x", 5000) + "ü\xffz\xe2\x82"
	want := []rune(strings.ToValidUTF8(text[:len(text)-2], "\uFFFD") + "\uFFFD\uFFFD")
	for _, tc := range []struct {
		name   string
		direct bool
		chunk  int
		k      int
	}{
		{"buffered chunk 1 k 3", false, 1, 3},
		{"buffered chunk 2 k 5000", false, 2, 5000},
		{"buffered chunk 3 all", false, 3, -1},
		{"direct chunk 1 k 2", true, 1, 2},
		{"direct chunk 2 k 7", true, 2, 7},
		{"direct chunk 5 k 4096", true, 5, 4096},
		{"direct chunk 4096 all", true, 4096, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var r ByteReader = &chunkReader{data: []byte(text), chunk: tc.chunk}
			if tc.direct {
				r = &selfBuf{data: []byte(text), chunk: tc.chunk}
			}
			p := NewInputPort("t", r, nil)
			if p.direct != tc.direct {
				t.Fatalf("direct = %v", p.direct)
			}
			got := readAllStrings(t, p, tc.k)
			joined := []rune(strings.Join(got, ""))
			if string(joined) != string(want) {
				t.Fatalf("got %q\nwant %q", string(joined), string(want))
			}
			for i, s := range got[:len(got)-1] {
				if tc.k > 0 && len([]rune(s)) != tc.k {
					t.Fatalf("piece %d has %d characters, want %d", i, len([]rune(s)), tc.k)
				}
			}
		})
	}
}

func TestPortDirectNoReadAhead(t *testing.T) {
	ctx := context.Background()
	sb := &selfBuf{data: []byte("hé\nworld rest"), chunk: 64}
	p := NewInputPort("t", sb, nil)
	p.mu.Lock()
	if c, _, err := p.peekRune(ctx); err != nil || c != 'h' || sb.consumed != 0 {
		t.Fatalf("peek-char = %q, %v; consumed %d, want 'h' and 0", c, err, sb.consumed)
	}
	line, err := p.readLine(ctx)
	if err != nil || string(line) != "hé" || sb.consumed != 4 {
		t.Fatalf("read-line = %q, %v; consumed %d, want \"hé\" and 4", line, err, sb.consumed)
	}
	b, n, err := p.readChars(ctx, nil, 5)
	if err != nil || string(b) != "world" || n != 5 || sb.consumed != 9 {
		t.Fatalf("read-string 5 = %q, %v; consumed %d", b, err, sb.consumed)
	}
	p.mu.Unlock()
	if got := p.TakeBuffered(); len(got) != 0 {
		t.Fatalf("TakeBuffered = %q, want nothing held by the port", got)
	}
	// A multi-byte character peeked is held by the port, and handed over.
	sb2 := &selfBuf{data: []byte("λx"), chunk: 64}
	p2 := NewInputPort("t", sb2, nil)
	p2.mu.Lock()
	if c, _, _ := p2.peekRune(ctx); c != 'λ' {
		t.Fatalf("peek-char = %q", c)
	}
	p2.mu.Unlock()
	if got := p2.TakeBuffered(); string(got) != "λ" {
		t.Fatalf("TakeBuffered = %q, want \"λ\"", got)
	}
}

func TestPortDirectLineReader(t *testing.T) {
	sb := &selfBuf{data: []byte("a\r\nbb\rc\n\nlast")}
	sb.chunk = 64
	p := NewInputPort("t", lineBuf{sb}, nil)
	got := readAllLines(t, p)
	if strings.Join(got, "|") != "a|bb|c||last" {
		t.Fatalf("lines %q", got)
	}
}

func TestPortCloseDropsUndeliverableOutput(t *testing.T) {
	w := &failSink{}
	p := NewOutputPort("t", w, nil)
	if err := p.Write(context.Background(), []byte("pending")); err != nil {
		t.Fatal(err)
	}
	if err := p.Close(); err != nil {
		t.Fatalf("Close = %v, want nil (pending output dropped)", err)
	}
	if !w.closed || p.IsOpen() {
		t.Fatalf("backend closed %v, port open %v; want closed", w.closed, p.IsOpen())
	}
}

type failSink struct{ closed bool }

func (f *failSink) WriteContext(ctx context.Context, p []byte) (int, error) {
	return 0, errors.New("shut down")
}
func (f *failSink) FlushContext(ctx context.Context) error { return nil }
func (f *failSink) Close() error                           { f.closed = true; return nil }

func TestStdioLineBuffered(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	in := New(WithStdio(strings.NewReader(""), w, io.Discard))
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `(display "one") (display " two") (newline) (display "tail")`); err != nil {
		t.Fatal(err)
	}
	if err := in.FlushOutput(ctx); err != nil {
		t.Fatal(err)
	}
	w.Close()
	got, _ := io.ReadAll(r)
	if string(got) != "one two\ntail" {
		t.Fatalf("stdout %q", got)
	}
}

// nullBackend reads full pieces at once (their bytes are left as they
// are) and takes every write: a port over it costs only the port layer.
type nullBackend struct{}

func (nullBackend) ReadContext(ctx context.Context, p []byte) (int, error)  { return len(p), nil }
func (nullBackend) WriteContext(ctx context.Context, p []byte) (int, error) { return len(p), nil }
func (nullBackend) FlushContext(ctx context.Context) error                  { return nil }
func (nullBackend) DirectWrite()                                            {}

// TestBulkPrimitiveAllocs: the bulk primitives allocate nothing per call
// beyond what they return — read-bytevector! into the caller's buffer and
// write-bytevector / write-string of an ASCII string allocate nothing,
// read-string only its string (the storage it reads into and the string
// object), read-string! (ReadStringInto) into the caller's ASCII string
// nothing, the count it returns included (64 KiB, above the preallocated
// fixnums) — whatever the evaluator allocates to call them.
func TestBulkPrimitiveAllocs(t *testing.T) {
	in := New()
	th := in.newThread(context.Background())
	ip, op := NewInputPort("null", nullBackend{}, nil), NewOutputPort("null", nullBackend{}, nil)
	bv := &Bytevector{B: make([]byte, 16<<10)}
	s := NewString(strings.Repeat("a", 64<<10))
	ipArgs := []Value{ip}
	for _, c := range []struct {
		name string
		max  float64
		f    func() (Value, error)
	}{
		{"read-bytevector!", 0, func() (Value, error) { return readBytevectorBang(th, []Value{bv, ip, Default, Default}) }},
		{"write-bytevector", 0, func() (Value, error) { return writeBytevector(th, []Value{bv, op, Default, Default}) }},
		{"write-string", 0, func() (Value, error) { return WriteStringTo(th, s, op, Default, Default) }},
		{"read-string", 2, func() (Value, error) { return readString(th, []Value{Fixnum(64 << 10), ip}) }},
		{"read-string!", 0, func() (Value, error) { return ReadStringInto(th, ipArgs, 0, s, 0, s.Len()) }},
	} {
		var err error
		got := testing.AllocsPerRun(100, func() {
			if _, e := c.f(); e != nil {
				err = e
			}
		})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got > c.max {
			t.Errorf("%s: %v allocations per call, want at most %v", c.name, got, c.max)
		}
	}
}
