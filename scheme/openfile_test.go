package scheme

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestOpenFIFOHonoursContext: opening a FIFO waits for its other end; the
// open-* procedures and file-open wait under the thread's context, so a
// deadline (or Ctrl-C) ends them, and they open at once once a writer is
// there. Regular files open as before.
func TestOpenFIFOHonoursContext(t *testing.T) {
	dir := t.TempDir()
	mkfifo := func(name string) string {
		p := filepath.Join(dir, name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skip("no FIFOs here:", err)
		}
		return p
	}
	in := New()
	// a FIFO each: an abandoned open stays the FIFO's other end until then
	for _, src := range []string{`(open-input-file "` + mkfifo("in") + `")`, `(open-output-file "` + mkfifo("out") + `")`} {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		start := time.Now()
		_, err := in.EvalString(ctx, src)
		cancel()
		if err == nil || time.Since(start) > 5*time.Second {
			t.Fatalf("%s: %v after %v, want an error at the deadline", src, err, time.Since(start))
		}
		if !strings.Contains(err.Error(), "deadline") && !strings.Contains(err.Error(), "interrupted") {
			t.Fatalf("%s: %v, want the deadline named", src, err)
		}
	}
	// with a writer, the read side opens
	fifo := mkfifo("both")
	go func() {
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.WriteString("hi\n")
			f.Close()
		}
	}()
	v, err := in.EvalString(context.Background(), `(let ((p (open-input-file "`+fifo+`"))) (let ((l (read-line p))) (close-input-port p) l))`)
	if err != nil || WriteString(v) != `"hi"` {
		t.Fatalf("read from the FIFO: %v %v", WriteString(v), err)
	}
	// a regular file and a missing one: at once, as before
	reg := filepath.Join(dir, "reg")
	if _, err := in.EvalString(context.Background(), `(call-with-output-file "`+reg+`" (lambda (p) (write-string "x" p)))`); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenFile(context.Background(), filepath.Join(dir, "missing"), os.O_RDONLY, 0); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a missing file: %v, want ErrNotExist", err)
	}
}
