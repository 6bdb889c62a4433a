package scheme

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"testing"
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
// flushing or closing it is not collected with its buffered output: the
// output reaches the file at FlushAllOutput (the end of the program), after
// any number of collections; many such ports opened and closed in turn do
// not accumulate.
func TestUnclosedFilePortKept(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/out.txt"
	in := New()
	src := fmt.Sprintf(`(define (w) (let ((p (open-output-file %q))) (write-string "written, never flushed" p) #t)) (w)`, path)
	if _, err := in.EvalString(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		runtime.GC()
	}
	if err := in.FlushAllOutput(context.Background()); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "written, never flushed" {
		t.Fatalf("file holds %q (%v), want the unflushed output", b, err)
	}
	loop := fmt.Sprintf(`(do ((i 0 (+ i 1))) ((= i 200)) (let ((p (open-output-file %q))) (write-string "x" p) (close-output-port p)))`, dir+"/loop.txt")
	if _, err := in.EvalString(context.Background(), loop); err != nil {
		t.Fatal(err)
	}
	in.outputs.mu.Lock()
	n := len(in.outputs.open)
	in.outputs.mu.Unlock()
	if n > 64 {
		t.Errorf("%d file ports held after 200 were closed, want the closed ones swept", n)
	}
}
