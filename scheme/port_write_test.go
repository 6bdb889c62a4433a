package scheme

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
)

// directSink is a DirectWriter (like the TLS engine with tcp-buffer-size
// #f) recording each WriteContext call.
type directSink struct{ writes []string }

func (d *directSink) WriteContext(ctx context.Context, p []byte) (int, error) {
	d.writes = append(d.writes, string(p))
	return len(p), nil
}
func (d *directSink) FlushContext(ctx context.Context) error { return nil }
func (d *directSink) DirectWrite()                           {}

// TestDirectWriterOneWritePerOperation: on a DirectWriter port every output
// procedure call reaches the backend when it returns, in one write (never
// one per character, never held back).
func TestDirectWriterOneWritePerOperation(t *testing.T) {
	wide := strings.Repeat("λx", 3000) // encoded piecewise, across buffer steps
	tests := []struct {
		expr string
		want string
	}{
		{`(write-line "NICK x" o)`, "NICK x\n"},
		{`(write-string "PRIVMSG #c :hi\r\n" o)`, "PRIVMSG #c :hi\r\n"},
		{`(display '(a "b" #\c 1.5) o)`, `(a b c 1.5)`},
		{`(write '(a "b" #\c) o)`, `(a "b" #\c)`},
		{`(write-char #\λ o)`, "λ"},
		{`(newline o)`, "\n"},
		{`(write-u8 65 o)`, "A"},
		{`(write-bytevector (bytevector 1 2 3) o)`, "\x01\x02\x03"},
		{`(fprintf o "~a=~s~%" 'k "v")`, "k=\"v\"\n"},
		{`(display (make-string 5 #\λ) o)`, "λλλλλ"},
		{`(write-string wide o)`, wide},
	}
	for _, tc := range tests {
		t.Run(tc.expr, func(t *testing.T) {
			d := &directSink{}
			in := New()
			in.Define("o", NewOutputPort("direct", d, nil))
			in.Define("wide", NewString(wide))
			if _, err := in.EvalString(context.Background(), tc.expr); err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(d.writes, ""); got != tc.want {
				t.Errorf("backend got %q, want %q", got, tc.want)
			}
			if len(d.writes) != 1 && len(tc.want) < portBufSize {
				t.Errorf("%d backend writes %q, want 1", len(d.writes), d.writes)
			}
		})
	}
}

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
