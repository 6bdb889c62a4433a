// Package ctxio opens and reads files under a context: a FIFO's open
// waits for its other end and its read for data, and neither may outlast
// the context's end (a timeout, Ctrl-C, a thread's termination).
//
// A regular file, a directory or a name that does not exist cannot make
// an open or a read wait, so they are opened and read at once, on the
// caller's goroutine, as the os package does. Anything else (a FIFO, a
// device, /dev/stdin) is opened and read on a goroutine of its own. When
// the context ends first, the call returns the context's cause (wrapped
// in an *fs.PathError naming the file) and the goroutine is abandoned:
// a read already under way is ended where the file allows it (a pollable
// file, e.g. a FIFO on Linux, through its read deadline; otherwise at its
// next read), and whatever the goroutine opened is closed once its open
// completes. So nothing leaks once the other end of a FIFO turns up.
//
// The tlsctx package (certificates, keys, CA files, CRLs) and the
// interpreter (file ports, load, include, import) both use it.
package ctxio

import (
	"context"
	"io"
	"io/fs"
	"os"
	"sync/atomic"
	"time"
)

// mayBlock reports whether opening or reading name can wait: it exists
// and is neither a regular file nor a directory.
func mayBlock(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && !fi.Mode().IsRegular() && !fi.IsDir()
}

// Open runs open, which opens name, at once when name is a regular file,
// a directory or absent; else on a goroutine of its own. When ctx ends
// first, Open returns context.Cause(ctx), and closeFn closes the result
// of open if it ever succeeds. It is the generic form of [OpenFile], for
// other kinds of handle (a descriptor from syscall.Open).
func Open[T any](ctx context.Context, name string, open func() (T, error), closeFn func(T)) (T, error) {
	if !mayBlock(name) {
		return open()
	}
	return wait(ctx, open, closeFn)
}

// OpenFile is os.OpenFile under ctx (see [Open]). An error is an
// *fs.PathError, whose Err is context.Cause(ctx) when ctx ended first.
func OpenFile(ctx context.Context, name string, flag int, perm os.FileMode) (*os.File, error) {
	if !mayBlock(name) { // (not through Open: its closure would cost a regular file an allocation)
		return os.OpenFile(name, flag, perm)
	}
	f, err := wait(ctx, func() (*os.File, error) { return os.OpenFile(name, flag, perm) }, closeFile)
	return f, pathError("open", name, err)
}

// ReadFile is os.ReadFile under ctx: a regular file is read at once; a
// FIFO or a device is opened, then read to its end, on a goroutine that
// ctx's end abandons. An error is an *fs.PathError, whose Err is the
// context's cause when the context ended first; what was read is then
// dropped, so a caller that would make the call again (a Scheme
// primitive after thread-signal!) passes a context that a wake-up does
// not end: a FIFO's data, once read, is gone.
func ReadFile(ctx context.Context, name string) ([]byte, error) {
	if !mayBlock(name) {
		return os.ReadFile(name)
	}
	// one goroutine opens and reads: an open that completes after ctx
	// ended goes on to a read that stops at once, and closes the file
	var opened atomic.Bool
	data, err := wait(ctx, func() ([]byte, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		opened.Store(true)
		return readAll(ctx, f)
	}, nil)
	if err != nil {
		op := "open"
		if opened.Load() {
			op = "read"
		}
		return nil, pathError(op, name, err)
	}
	return data, nil
}

// readAll reads f to its end and closes it. A read waiting when ctx ends
// stops at once where f can have a read deadline (a pollable file, such
// as a FIFO on Linux), and any read stops at the next chunk (/dev/zero).
func readAll(ctx context.Context, f *os.File) ([]byte, error) {
	defer f.Close()
	stop := context.AfterFunc(ctx, func() { f.SetReadDeadline(time.Unix(1, 0)) })
	defer stop()
	data, err := io.ReadAll(ctxReader{ctx, f})
	if err != nil && ctx.Err() != nil {
		err = context.Cause(ctx)
	}
	return data, err
}

// ctxReader reads from r until ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (r ctxReader) Read(p []byte) (int, error) {
	if r.ctx.Err() != nil {
		return 0, context.Cause(r.ctx)
	}
	return r.r.Read(p)
}

// wait runs op on a goroutine and returns its result, or
// context.Cause(ctx) when ctx ends first; closeFn (nil: nothing to close)
// then closes op's result if op succeeds. An ended ctx runs nothing.
func wait[T any](ctx context.Context, op func() (T, error), closeFn func(T)) (T, error) {
	var zero T
	if ctx.Err() != nil {
		return zero, context.Cause(ctx)
	}
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		v, err := op()
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		select {
		case r := <-done: // op ended too: its result is not lost
			return r.v, r.err
		default:
		}
		if closeFn != nil {
			go func() {
				if r := <-done; r.err == nil {
					closeFn(r.v)
				}
			}()
		}
		return zero, context.Cause(ctx)
	}
}

func closeFile(f *os.File) { f.Close() }

// pathError returns err as an *fs.PathError for op on name (nil stays nil).
func pathError(op, name string, err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*fs.PathError); ok {
		return err
	}
	return &fs.PathError{Op: op, Path: name, Err: err}
}
