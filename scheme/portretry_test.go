package scheme

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// numbered returns n numbered lines, so that a repeated or missing part
// shows.
func numbered(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%07d\n", i)
	}
	return b.String()
}

// TestInterruptedWritePipe writes more than a pipe holds to a pipe no one
// reads, interrupts the evaluation (Ctrl-C: its context cancelled), then
// lets a reader drain the pipe and goes on as a user would: the write
// made again, flush-output, another write, close-port. The reader gets
// every byte once, in order.
func TestInterruptedWritePipe(t *testing.T) {
	big := numbered(40000) // 320,000 bytes: five pipe buffers
	wide := strings.Repeat("λ", 150000)
	for _, tc := range []struct {
		name, op, then, want string
	}{
		{"write-string again", `(write-string big p)`, `(write-string big p)`, big},
		{"write-string then flush-output", `(write-string big p)`, `(flush-output p)`, big},
		{"write-string then another", `(write-string big p)`, `(write-string "end\n" p)`, big + "end\n"},
		{"write-string then close", `(write-string big p)`, ``, big},
		{"display again", `(display big p)`, `(display big p)`, big},
		{"wide write-string again", `(write-string wide p)`, `(write-string wide p)`, wide},
		{"wide write-string then flush-output", `(write-string wide p)`, `(flush-output p)`, wide},
		{"write-bytevector again", `(write-bytevector (string->utf8 big) p)`, `(write-bytevector (string->utf8 big) p)`, big},
		{"write-bytevector then another", `(write-bytevector (string->utf8 big) p)`, `(write-string "end\n" p)`, big + "end\n"},
		{"buffered then newline again", `(write-string big p) (newline p)`, `(newline p)`, big + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, w, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close(); w.Close() })
			in := New()
			in.Define("big", NewString(big))
			in.Define("wide", NewString(wide))
			p := NewOutputPort("pipe", WriterBackend(w), w)
			in.Define("p", p)
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(200*time.Millisecond, cancel)
			if err := evalWithin(t, in, ctx, tc.op); err == nil {
				t.Fatalf("%s returned while no one read the pipe", tc.op)
			}
			got := make(chan string, 1)
			go func() {
				b, _ := io.ReadAll(r)
				got <- string(b)
			}()
			if tc.then != "" {
				if _, err := in.EvalString(context.Background(), tc.then); err != nil {
					t.Fatalf("%s after the interruption: %v", tc.then, err)
				}
			}
			if _, err := in.EvalString(context.Background(), `(close-port p)`); err != nil {
				t.Fatal(err)
			}
			select {
			case s := <-got:
				if s != tc.want {
					t.Errorf("the reader got %d bytes, want %d: %s", len(s), len(tc.want), firstDiff(s, tc.want))
				}
			case <-time.After(10 * time.Second):
				t.Fatal("the reader got no end of file")
			}
		})
	}
}

// evalWithin evaluates src under ctx and returns its error; it fails the
// test when the evaluation has not returned 5 s after ctx ended.
func evalWithin(t *testing.T, in *Interp, ctx context.Context, src string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := in.EvalString(ctx, src)
		done <- err
	}()
	<-ctx.Done()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s still blocked 5 s after the interruption", src)
		return nil
	}
}

// firstDiff describes where got first differs from want.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	return fmt.Sprintf("first difference at byte %d: got %q, want %q", i, clip(got[i:]), clip(want[i:]))
}

func clip(s string) string { return s[:min(len(s), 24)] }

// holdingWriter is a DirectWriter backend whose first write is cut short
// after it has taken every byte, holding the last ones (as the TLS engine
// holds the rest of a record it had begun): it reports them
// (OutputHolder) and sends them first with the next write or flush.
type holdingWriter struct {
	out, held []byte
	cut       bool // the first write has been cut short
}

func (w *holdingWriter) WriteContext(ctx context.Context, p []byte) (int, error) {
	if !w.cut {
		w.cut = true
		k := max(0, len(p)-3)
		w.out, w.held = append(w.out, p[:k]...), append(w.held, p[k:]...)
		return len(p), context.Canceled
	}
	_ = w.FlushContext(ctx)
	w.out = append(w.out, p...)
	return len(p), nil
}

func (w *holdingWriter) FlushContext(context.Context) error {
	w.out, w.held = append(w.out, w.held...), nil
	return nil
}

func (*holdingWriter) DirectWrite()        {}
func (w *holdingWriter) HoldsOutput() bool { return len(w.held) > 0 }

// TestCutShortHeldByBackend: an output operation whose backend took all
// its bytes but was cut short holding some raises, and made again only
// has the backend send what it holds; another operation goes after them.
func TestCutShortHeldByBackend(t *testing.T) {
	for _, tc := range []struct{ name, then, want string }{
		{"again", `(write-string "hello, world" p)`, "hello, world"},
		{"another", `(write-string "!" p)`, "hello, world!"},
		{"flush", `(flush-output p)`, "hello, world"},
		{"again-bytevector", `(write-bytevector (string->utf8 "hello, world") p)`, "hello, world"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := New()
			defer in.Close()
			w := &holdingWriter{}
			in.Define("p", NewOutputPort("held", w, nil))
			if _, err := in.EvalString(context.Background(), `(write-string "hello, world" p)`); err == nil {
				t.Fatal("the write cut short raised nothing")
			}
			if _, err := in.EvalString(context.Background(), tc.then); err != nil {
				t.Fatal(err)
			}
			if string(w.out) != tc.want || len(w.held) > 0 {
				t.Errorf("the backend sent %q (holding %q), want %q", w.out, w.held, tc.want)
			}
		})
	}
}
