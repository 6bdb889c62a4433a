// Opening files without blocking past a context: a FIFO's open waits for
// its other end.

package scheme

import (
	"context"
	"os"
	"syscall"
)

// OpenFile is os.OpenFile for a primitive running under ctx (a thread's
// wait context). Opening a regular file or a directory, or a name that
// does not exist (an error, or a new regular file), cannot block and is
// done at once. Anything else — a FIFO, whose open waits for its other
// end, a device — is opened on a goroutine of its own: when ctx ends
// first (a timeout, Ctrl-C, thread-signal!), OpenFile returns ctx's cause,
// and the file, if its open ever completes, is closed.
func OpenFile(ctx context.Context, name string, flag int, perm os.FileMode) (*os.File, error) {
	f, err := openUnder(ctx, name, func() (*os.File, error) { return os.OpenFile(name, flag, perm) }, func(f *os.File) { f.Close() })
	if f == nil && err != nil {
		if _, isPath := err.(*os.PathError); !isPath {
			err = &os.PathError{Op: "open", Path: name, Err: err}
		}
	}
	return f, err
}

// OpenFd is syscall.Open under ctx, as [OpenFile]: the descriptor of
// CHICKEN's file-open.
func OpenFd(ctx context.Context, name string, flag int, perm uint32) (int, error) {
	return openUnder(ctx, name, func() (int, error) { return syscall.Open(name, flag, perm) }, func(fd int) { syscall.Close(fd) })
}

// openUnder runs open at once when name is a regular file, a directory or
// absent, else on a goroutine abandoned (its result closed by closeFn)
// when ctx ends first.
func openUnder[T any](ctx context.Context, name string, open func() (T, error), closeFn func(T)) (T, error) {
	if fi, err := os.Stat(name); err != nil || fi.Mode().IsRegular() || fi.IsDir() {
		return open()
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := open()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		go func() {
			if r := <-done; r.err == nil {
				closeFn(r.v)
			}
		}()
		var zero T
		return zero, context.Cause(ctx)
	}
}
