package ctxio

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tlsport/tlsport/internal/fifotest"
)

// opening waits until a goroutine of wait is in the open system call
// (which only a writer ends), failing after fifotest.Hang: the test then
// knows that the call it cancels has a goroutine to abandon.
func opening(t *testing.T) {
	t.Helper()
	buf := make([]byte, 1<<20)
	fifotest.Within(t, func() (any, error) {
		for {
			for _, g := range strings.Split(string(buf[:runtime.Stack(buf, true)]), "\n\n") {
				if strings.Contains(g, "syscall.open") && strings.Contains(g, "ctxio.wait[") {
					return nil, nil
				}
			}
			time.Sleep(time.Millisecond)
		}
	})
}

var errCut = errors.New("cut short")

// TestReadFileFIFO reads FIFOs whose other end comes late, never, or
// stops half-way, under a context ended part-way. The call returns the
// context's cause as an *fs.PathError naming the step (open or read), and
// once the other end has come and gone no goroutine or descriptor is
// left.
func TestReadFileFIFO(t *testing.T) {
	// more than a pipe holds: once written, the reader has read some
	part := bytes.Repeat([]byte("0123456789abcdef"), 16<<10)
	for _, tc := range []struct {
		name string
		// writeFirst: a writer opens and writes part before the cancel
		// (the read is under way); else nobody opens until after
		writeFirst bool
		wantOp     string
	}{
		{name: "open, nobody writes", wantOp: "open"},
		{name: "read, the writer stops half-way", writeFirst: true, wantOp: "read"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fifo := fifotest.Make(t, "fifo")
			before := fifotest.Count()
			ctx, cancel := context.WithCancelCause(context.Background())
			release := make(chan struct{})
			var written <-chan error
			if tc.writeFirst {
				written = fifotest.Write(fifo, part, release)
			}
			type result struct {
				data []byte
				err  error
			}
			done := make(chan result, 1)
			go func() { data, err := ReadFile(ctx, fifo); done <- result{data, err} }()
			if tc.writeFirst {
				if _, err := fifotest.Within(t, func() (any, error) { return nil, <-written }); err != nil {
					t.Fatal(err)
				}
			} else {
				opening(t) // the late writer ends it
			}
			cancel(errCut)
			r, _ := fifotest.Within(t, func() (result, error) { return <-done, nil })
			var pe *fs.PathError
			if !errors.As(r.err, &pe) || pe.Op != tc.wantOp || pe.Path != fifo || !errors.Is(r.err, errCut) || r.data != nil {
				t.Fatalf("ReadFile = %d bytes, %v; want a %s error on %s whose cause is the context's", len(r.data), r.err, tc.wantOp, fifo)
			}
			// the other end goes (or comes) after: the abandoned
			// goroutine closes what it opened and ends
			close(release)
			before.Settle(t, fifo)
		})
	}
}

// TestReadFileWritten: a FIFO whose writer writes more than a pipe holds
// and closes is read whole.
func TestReadFileWritten(t *testing.T) {
	data := make([]byte, 300_000)
	for i := range data {
		data[i] = byte(i * 7)
	}
	fifo := fifotest.Make(t, "fifo")
	fifotest.Write(fifo, data, nil)
	got, err := fifotest.Within(t, func() ([]byte, error) { return ReadFile(context.Background(), fifo) })
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("ReadFile = %d bytes, %v; want the %d bytes written, intact", len(got), err, len(data))
	}
}

// fdOpener returns an open of fifo's read end by syscall.Open.
func fdOpener(fifo string) func() (int, error) {
	return func() (int, error) { return syscall.Open(fifo, syscall.O_RDONLY, 0) }
}

// TestOpenFIFO: Open of a FIFO nobody writes ends with the context, and
// closeFn closes the descriptor once the writer comes; OpenFile of one
// with a writer returns the file at once.
func TestOpenFIFO(t *testing.T) {
	fifo := fifotest.Make(t, "fifo")
	before := fifotest.Count()
	ctx, cancel := context.WithCancelCause(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Open(ctx, fifo, fdOpener(fifo), func(fd int) { syscall.Close(fd) })
		done <- err
	}()
	opening(t)
	cancel(errCut)
	if _, err := fifotest.Within(t, func() (any, error) { return nil, <-done }); !errors.Is(err, errCut) {
		t.Fatalf("Open = %v; want the context's cause", err)
	}
	before.Settle(t, fifo)

	fifotest.Write(fifo, []byte("x"), nil)
	f, err := fifotest.Within(t, func() (*os.File, error) { return OpenFile(context.Background(), fifo, os.O_RDONLY, 0) })
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestEndedContext: given a context that has ended, a FIFO is neither
// opened nor waited for (no goroutine is left behind), while a regular
// file, which cannot wait, is read as os.ReadFile reads it.
func TestEndedContext(t *testing.T) {
	fifo := fifotest.Make(t, "fifo")
	reg := filepath.Join(t.TempDir(), "reg")
	if err := os.WriteFile(reg, []byte("regular"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errCut)
	before := fifotest.Count()
	if _, err := ReadFile(ctx, fifo); !errors.Is(err, errCut) {
		t.Fatalf("ReadFile(FIFO) = %v; want the context's cause", err)
	}
	if _, err := OpenFile(ctx, fifo, os.O_RDONLY, 0); !errors.Is(err, errCut) {
		t.Fatalf("OpenFile(FIFO) = %v; want the context's cause", err)
	}
	if now := fifotest.Count(); now.Goroutines > before.Goroutines || now.FDs > before.FDs {
		t.Fatalf("%+v after calls that waited for nothing; want %+v", now, before)
	}
	if got, err := ReadFile(ctx, reg); err != nil || string(got) != "regular" {
		t.Fatalf("ReadFile(regular) = %q, %v", got, err)
	}
	if _, err := ReadFile(ctx, filepath.Join(t.TempDir(), "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("ReadFile(missing) = %v; want ErrNotExist", err)
	}
}

// TestRegularFileFastPath: a regular file is read on the caller's
// goroutine with no allocation beyond os.ReadFile's and the os.Stat that
// tells it is regular (no goroutine, channel or closure).
func TestRegularFileFastPath(t *testing.T) {
	reg := filepath.Join(t.TempDir(), "reg")
	if err := os.WriteFile(reg, bytes.Repeat([]byte("x"), 4096), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	read := testing.AllocsPerRun(50, func() { os.ReadFile(reg) })
	stat := testing.AllocsPerRun(50, func() { os.Stat(reg) })
	got := testing.AllocsPerRun(50, func() { ReadFile(ctx, reg) })
	if got > read+stat {
		t.Errorf("ReadFile of a regular file: %v allocations; os.ReadFile makes %v and os.Stat %v", got, read, stat)
	}
	open := testing.AllocsPerRun(50, func() {
		if f, err := os.Open(reg); err == nil {
			f.Close()
		}
	})
	got = testing.AllocsPerRun(50, func() {
		if f, err := OpenFile(ctx, reg, os.O_RDONLY, 0); err == nil {
			f.Close()
		}
	})
	if got > open+stat {
		t.Errorf("OpenFile of a regular file: %v allocations; os.Open makes %v and os.Stat %v", got, open, stat)
	}
}
