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
)

// hang bounds every wait of these tests: a call still blocked after it
// hangs (the defect), which fails the test instead of the run.
const hang = 20 * time.Second

// mkfifo makes a FIFO in a fresh directory of t.
func mkfifo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	return p
}

// writer opens fifo for writing (waiting for a reader) on a goroutine,
// writes data, and closes it once release is closed (nil: at once). The
// returned channel yields the error of the open, or nil once data is
// written: data larger than a pipe holds is written only when the reader
// has read some of it.
func writer(fifo string, data []byte, release <-chan struct{}) <-chan error {
	written := make(chan error, 1)
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			written <- err
			return
		}
		f.Write(data)
		written <- nil
		if release != nil {
			<-release
		}
		f.Close()
	}()
	return written
}

// resources counts the goroutines and the open descriptors of the process.
func resources() (goroutines, fds int) {
	ents, _ := os.ReadDir("/proc/self/fd")
	return runtime.NumGoroutine(), len(ents)
}

// settle waits until the goroutines and descriptors are back to what
// resources returned before (the abandoned goroutine has closed its file
// and ended), failing after hang.
func settle(t *testing.T, goroutines, fds int) {
	t.Helper()
	deadline := time.Now().Add(hang)
	for {
		g, f := resources()
		if g <= goroutines && f <= fds {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the other end came: %d goroutines, %d descriptors; want %d, %d", g, f, goroutines, fds)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// call runs f on a goroutine and returns its result, failing t when f is
// still blocked after hang.
func call[T any](t *testing.T, f func() (T, error)) (T, error) {
	t.Helper()
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() { v, err := f(); done <- result{v, err} }()
	select {
	case r := <-done:
		return r.v, r.err
	case <-time.After(hang):
		t.Fatalf("still blocked after %v", hang)
		panic("unreachable")
	}
}

// opening waits until a goroutine of wait is in the open system call
// (which only a writer ends, so that one is sure to be needed), failing
// after hang.
func opening(t *testing.T) {
	t.Helper()
	buf := make([]byte, 1<<20)
	call(t, func() (any, error) {
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

// waitCtx is a wait context as a Scheme thread's: its end cuts a wait
// short, but a read must run until base ends (see wholeReader).
type waitCtx struct {
	context.Context
	base context.Context
}

func (w waitCtx) HandshakeContext() context.Context { return w.base }

var errCut = errors.New("cut short")

// TestReadFileFIFO reads FIFOs whose other end comes late, never, or
// stops half-way, under a context ended part-way. The call returns the
// context's cause as an *fs.PathError naming the step (open or read), and
// once the other end has come and gone no goroutine or descriptor is
// left; under a wait context, the end of the wait does not cut a read
// already under way, whose data arrives whole.
func TestReadFileFIFO(t *testing.T) {
	// more than a pipe holds: once written, the reader has read some
	part := bytes.Repeat([]byte("0123456789abcdef"), 16<<10)
	for _, tc := range []struct {
		name string
		// wait context: the cancel ends the wait context only; a read
		// honours base, which the test never ends
		wait bool
		// writeFirst: a writer opens and writes part before the cancel
		// (the read is under way); else nobody opens until after
		writeFirst bool
		wantOp     string // "": the data arrives whole
	}{
		{name: "open, nobody writes", wantOp: "open"},
		{name: "read, the writer stops half-way", writeFirst: true, wantOp: "read"},
		{name: "wait context, open", wait: true, wantOp: "open"},
		{name: "wait context, the read goes on", wait: true, writeFirst: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fifo := mkfifo(t)
			g0, fd0 := resources()
			cctx, cancel := context.WithCancelCause(context.Background())
			var ctx context.Context = cctx
			if tc.wait {
				ctx = waitCtx{cctx, context.Background()}
			}
			release := make(chan struct{})
			var written <-chan error
			if tc.writeFirst {
				written = writer(fifo, part, release)
			}
			type result struct {
				data []byte
				err  error
			}
			done := make(chan result, 1)
			go func() { data, err := ReadFile(ctx, fifo); done <- result{data, err} }()
			if tc.writeFirst {
				if _, err := call(t, func() (any, error) { return nil, <-written }); err != nil {
					t.Fatal(err)
				}
			} else {
				opening(t) // the late writer ends it
			}
			cancel(errCut)
			if tc.wantOp == "" { // the read goes on: the writer ends it
				close(release)
				r, _ := call(t, func() (result, error) { return <-done, nil })
				if r.err != nil || !bytes.Equal(r.data, part) {
					t.Fatalf("ReadFile = %d bytes, %v; want the %d bytes written", len(r.data), r.err, len(part))
				}
				settle(t, g0, fd0)
				return
			}
			r, _ := call(t, func() (result, error) { return <-done, nil })
			var pe *fs.PathError
			if !errors.As(r.err, &pe) || pe.Op != tc.wantOp || pe.Path != fifo || !errors.Is(r.err, errCut) || r.data != nil {
				t.Fatalf("ReadFile = %d bytes, %v; want a %s error on %s whose cause is the context's", len(r.data), r.err, tc.wantOp, fifo)
			}
			// the other end comes (or goes) after: the abandoned
			// goroutine closes what it opened and ends
			if tc.writeFirst {
				close(release)
			} else if _, err := call(t, func() (any, error) { return nil, <-writer(fifo, []byte("late"), nil) }); err != nil {
				t.Fatal(err)
			}
			settle(t, g0, fd0)
		})
	}
}

// TestReadFileWritten: a FIFO whose writer writes more than a pipe holds
// and closes is read whole, under a context that never ends and under a
// wait context.
func TestReadFileWritten(t *testing.T) {
	data := make([]byte, 300_000)
	for i := range data {
		data[i] = byte(i * 7)
	}
	for _, ctx := range []context.Context{context.Background(), waitCtx{context.Background(), context.Background()}} {
		fifo := mkfifo(t)
		writer(fifo, data, nil)
		got, err := call(t, func() ([]byte, error) { return ReadFile(ctx, fifo) })
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("ReadFile = %d bytes, %v; want the %d bytes written, intact", len(got), err, len(data))
		}
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
	fifo := mkfifo(t)
	g0, fd0 := resources()
	ctx, cancel := context.WithCancelCause(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Open(ctx, fifo, fdOpener(fifo), func(fd int) { syscall.Close(fd) })
		done <- err
	}()
	opening(t)
	cancel(errCut)
	if _, err := call(t, func() (any, error) { return nil, <-done }); !errors.Is(err, errCut) {
		t.Fatalf("Open = %v; want the context's cause", err)
	}
	if _, err := call(t, func() (any, error) { return nil, <-writer(fifo, nil, nil) }); err != nil {
		t.Fatal(err)
	}
	settle(t, g0, fd0)

	writer(fifo, []byte("x"), nil)
	f, err := call(t, func() (*os.File, error) { return OpenFile(context.Background(), fifo, os.O_RDONLY, 0) })
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// TestEndedContext: given a context that has ended, a FIFO is neither
// opened nor waited for (no goroutine is left behind), while a regular
// file, which cannot wait, is read as os.ReadFile reads it.
func TestEndedContext(t *testing.T) {
	fifo := mkfifo(t)
	reg := filepath.Join(t.TempDir(), "reg")
	if err := os.WriteFile(reg, []byte("regular"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(errCut)
	g0, fd0 := resources()
	if _, err := ReadFile(ctx, fifo); !errors.Is(err, errCut) {
		t.Fatalf("ReadFile(FIFO) = %v; want the context's cause", err)
	}
	if _, err := OpenFile(ctx, fifo, os.O_RDONLY, 0); !errors.Is(err, errCut) {
		t.Fatalf("OpenFile(FIFO) = %v; want the context's cause", err)
	}
	if g, f := resources(); g > g0 || f > fd0 {
		t.Fatalf("%d goroutines, %d descriptors after calls that waited for nothing; want %d, %d", g, f, g0, fd0)
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
