// Package fifotest is test support for waits on FIFOs: making one, being
// its other end, and checking that a call abandoned under a context
// leaves no goroutine or descriptor once that other end has come.
package fifotest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Hang bounds every wait of a test: a call still blocked after it hangs
// (the defect the tests look for), which fails the test instead of
// blocking the run.
const Hang = 20 * time.Second

// Make makes a FIFO named name in a fresh temporary directory of t, and
// skips t where there are no FIFOs.
func Make(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	return p
}

// Write opens fifo for writing on a goroutine (the open waits for a
// reader), writes data and closes it once release is closed (nil: at
// once). The channel yields the open's error, or nil once data is
// written: data larger than a pipe holds (64 KiB on Linux) is written
// only when the reader has read some of it, so its read is under way.
func Write(fifo string, data []byte, release <-chan struct{}) <-chan error {
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

// Within returns f's result, failing t when f is still blocked after
// [Hang], with every goroutine's stack (where it blocks).
func Within[T any](t testing.TB, f func() (T, error)) (T, error) {
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
	case <-time.After(Hang):
		buf := make([]byte, 1<<20)
		t.Fatalf("still blocked after %v; the goroutines:\n%s", Hang, buf[:runtime.Stack(buf, true)])
		panic("unreachable")
	}
}

// pollerOnce makes the runtime's poller before the first Count.
var pollerOnce sync.Once

// Resources are the goroutines and open descriptors of the process.
type Resources struct{ Goroutines, FDs int }

// Count returns the process's resources now (FDs is 0 where
// /proc/self/fd is not there). The runtime's poller, whose descriptors
// (an epoll instance and its wake-up) are made at its first use and kept
// for the life of the process, is made first: a FIFO opened by the call
// under test would otherwise leave them behind when it is the first.
func Count() Resources {
	pollerOnce.Do(func() {
		if r, w, err := os.Pipe(); err == nil {
			_ = r.SetReadDeadline(time.Now())
			r.Close()
			w.Close()
		}
	})
	ents, _ := os.ReadDir("/proc/self/fd")
	return Resources{runtime.NumGoroutine(), len(ents)}
}

// Settle is the other end of fifo coming at last, for the readers that
// calls abandoned: it opens fifo for writing without waiting (which
// succeeds when a reader is waiting in its open, and lets that open
// complete) and closes it again, until no reader waits on fifo and the
// process has no more goroutines or descriptors than r. The count alone
// would not do: another test's goroutines ending meanwhile could bring
// it down while a reader still waits, and that reader would take the
// data the test writes next. It fails t when the process is not back to
// r after [Hang]: an abandoned call left something behind.
func (r Resources) Settle(t testing.TB, fifo string) {
	t.Helper()
	deadline := time.Now().Add(Hang)
	for {
		f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
		if err == nil {
			f.Close()
		} else if !errors.Is(err, syscall.ENXIO) {
			t.Fatal(err)
		}
		now := Count()
		if err != nil && now.Goroutines <= r.Goroutines && now.FDs <= r.FDs {
			return // no reader waited, and nothing is left
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the other end of %s came: %d goroutines, %d descriptors; want %d, %d", fifo, now.Goroutines, now.FDs, r.Goroutines, r.FDs)
		}
		time.Sleep(time.Millisecond)
	}
}

// CheckRead checks a call that reads a file: eval runs it on the file at
// path under ctx and returns what it yields, as text. Given a FIFO named
// name that nobody writes, the call ends with a deadline (its error has
// context.DeadlineExceeded in its chain) and, once the writer comes,
// leaves no goroutine or descriptor behind. Given such a FIFO written
// with data (nil: not checked), it yields what it yields from a regular
// file named name holding data. CheckRead returns the deadline's error,
// for the caller to look at what was raised.
func CheckRead(t testing.TB, name string, data []byte, eval func(ctx context.Context, path string) (string, error)) error {
	t.Helper()
	fifo := Make(t, name)
	before := Count()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	_, deadlineErr := Within(t, func() (string, error) { return eval(ctx, fifo) })
	cancel()
	if !errors.Is(deadlineErr, context.DeadlineExceeded) {
		t.Fatalf("%s, nobody writing: %v; want the deadline's error", name, deadlineErr)
	}
	before.Settle(t, fifo)
	if data == nil {
		return deadlineErr
	}
	reg := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(reg, data, 0o600); err != nil {
		t.Fatal(err)
	}
	want, err := eval(context.Background(), reg)
	if err != nil {
		t.Fatalf("%s, a regular file: %v", name, err)
	}
	Write(fifo, data, nil)
	got, err := Within(t, func() (string, error) { return eval(context.Background(), fifo) })
	if err != nil || got != want {
		t.Fatalf("%s, a FIFO written whole: %s, %v; want %s, as from a regular file", name, got, err, want)
	}
	return deadlineErr
}
