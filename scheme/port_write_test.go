package scheme

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"testing"
	"time"
)

// TestFlushAllOutput: output held by a buffered port (a file-like backend)
// that Scheme wrote to reaches the backend by Interp.FlushAllOutput, except
// on closed ports; a port only Go wrote to is not tracked.
func TestFlushAllOutput(t *testing.T) {
	in := New()
	held, closed, goSide := &sink{}, &sink{}, &sink{}
	in.Define("held", NewOutputPort("held", held, nil))
	in.Define("closed", NewOutputPort("closed", closed, nil))
	gp := NewOutputPort("go", goSide, nil)
	if err := gp.Write(context.Background(), []byte("go")); err != nil {
		t.Fatal(err)
	}
	if _, err := in.EvalString(context.Background(), `(write-string "kept" held) (write-string "x" closed) (close-port closed)`); err != nil {
		t.Fatal(err)
	}
	if len(held.b) != 0 {
		t.Fatalf("buffered port wrote %q before FlushAllOutput", held.b)
	}
	closed.flushes = 0
	if err := in.FlushAllOutput(context.Background()); err != nil {
		t.Fatal(err)
	}
	if string(held.b) != "kept" || held.flushes != 1 {
		t.Errorf("held port: %q, %d flushes; want \"kept\", 1", held.b, held.flushes)
	}
	if closed.flushes != 0 {
		t.Errorf("closed port flushed again")
	}
	if len(goSide.b) != 0 {
		t.Errorf("port written only from Go was flushed: %q", goSide.b)
	}
}

// holdingSink is a direct backend that holds the output it is given while
// hold is set (as a TLS port with tcp-buffer-size does) and says so
// (OutputHolder).
type holdingSink struct {
	sink
	hold bool
	held []byte
}

func (s *holdingSink) WriteContext(ctx context.Context, p []byte) (int, error) {
	if s.hold {
		s.held = append(s.held, p...)
		return len(p), nil
	}
	return s.sink.WriteContext(ctx, p)
}
func (s *holdingSink) FlushContext(ctx context.Context) error {
	s.b, s.held = append(s.b, s.held...), nil
	return s.sink.FlushContext(ctx)
}
func (*holdingSink) DirectWrite()        {}
func (s *holdingSink) HoldsOutput() bool { return s.hold }

// TestFlushAllOutputHolder: a port over a direct backend that holds no
// output is not registered for FlushAllOutput (it would have nothing to
// flush), by write-string nor by a Go write on the thread's context (the
// Port.Write fast path); once its backend may hold output, the next
// output operation registers it and FlushAllOutput delivers what it holds.
// It fails when the port is registered while its backend holds nothing,
// or when a port whose backend holds output is left out.
func TestFlushAllOutputHolder(t *testing.T) {
	in := New()
	hs := &holdingSink{}
	p := NewOutputPort("holder", hs, nil)
	in.Define("p", p)
	in.Define("go-write", NewPrimitive(nil, &Proc{Name: "go-write", Args: Params{Required: []string{"s"}},
		Fn: func(th *Thread, a []Value) (Value, error) {
			return Unspecified, p.Write(th.Context(), []byte(a[0].(*String).String()))
		}}))
	registered := func() bool {
		for _, q := range in.outputs.written.keys() {
			if q == p {
				return true
			}
		}
		return false
	}
	if _, err := in.EvalString(context.Background(), `(write-string "a" p) (go-write "b")`); err != nil {
		t.Fatal(err)
	}
	if string(hs.b) != "ab" || registered() {
		t.Fatalf("backend holding nothing: got %q, registered %v; want \"ab\", not registered", hs.b, registered())
	}
	hs.hold = true
	if _, err := in.EvalString(context.Background(), `(write-string "c" p)`); err != nil {
		t.Fatal(err)
	}
	if !registered() {
		t.Fatal("port not registered once its backend holds output")
	}
	if err := in.FlushAllOutput(context.Background()); err != nil {
		t.Fatal(err)
	}
	if string(hs.b) != "abc" {
		t.Errorf("after FlushAllOutput the backend got %q, want \"abc\"", hs.b)
	}
}

// errReader fails with err.
type errReader struct{ err error }

func (r errReader) ReadContext(ctx context.Context, p []byte) (int, error) { return 0, r.err }

// TestWrappedEOFRaised: only io.EOF itself is the end of input; an error
// wrapping it (the TLS engine's truncation condition) is raised.
func TestWrappedEOFRaised(t *testing.T) {
	wrapped := fmt.Errorf("tls: truncated: %w", io.EOF)
	for _, expr := range []string{"(read-char p)", "(read-line p)", "(read-string 3 p)", "(read-u8 p)", "(read-bytevector 3 p)", "(peek-char p)", "(read p)"} {
		in := New()
		in.Define("p", NewInputPort("truncated", errReader{wrapped}, nil))
		if v, err := in.EvalString(context.Background(), expr); err == nil {
			t.Errorf("%s = %s, want an error", expr, WriteString(v))
		}
		in.Define("p", NewInputPort("eof", errReader{io.EOF}, nil))
		if v, err := in.EvalString(context.Background(), expr); err != nil || v != EOF {
			t.Errorf("%s at plain EOF = %v, %v; want the eof object", expr, v, err)
		}
	}
}

// TestUnclosedFilePortKept: a file output port the program drops without
// flushing or closing it does not lose its buffered output: the output
// reaches the file at FlushAllOutput (the end of the program) while the
// port lives, and once the port is collected its output is written and
// its file closed, so many dropped ports neither lose data nor hold
// descriptors.
func TestUnclosedFilePortKept(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/out.txt"
	in := New()
	kept := fmt.Sprintf(`(define p (open-output-file %q)) (write-string "written, never flushed" p)`, path)
	if _, err := in.EvalString(context.Background(), kept); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); len(b) != 0 {
		t.Fatalf("file holds %q before any flush, want the output buffered", b)
	}
	if err := in.FlushAllOutput(context.Background()); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "written, never flushed" {
		t.Fatalf("file holds %q (%v), want the unflushed output", b, err)
	}

	before := openFDs(t)
	const n = 200
	drop := fmt.Sprintf(`(do ((i 0 (+ i 1))) ((= i %d)) (let ((p (open-output-file (string-append %q (number->string i))))) (write-string "dropped" p)))`, n, dir+"/d")
	if _, err := in.EvalString(context.Background(), drop); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		runtime.GC()
		in.outputs.mu.Lock()
		left := len(in.outputs.sinks)
		in.outputs.mu.Unlock()
		if left <= 1 || time.Now().After(deadline) { // 1: p above, still defined
			if left > 1 {
				t.Fatalf("%d file sinks left after the ports were collected, want 1", left)
			}
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	for i := range n {
		if b, err := os.ReadFile(fmt.Sprintf("%s/d%d", dir, i)); err != nil || string(b) != "dropped" {
			t.Fatalf("dropped port %d: file holds %q (%v), want its output", i, b, err)
		}
	}
	if after := openFDs(t); after > before+5 {
		t.Errorf("%d descriptors open after %d dropped ports were collected, %d before", after, n, before)
	}
}

// openFDs counts the process's open file descriptors.
func openFDs(t *testing.T) int {
	es, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(es)
}
