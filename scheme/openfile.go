// Opening files without blocking past a context: a FIFO's open waits for
// its other end.

package scheme

import (
	"context"
	"os"
	"syscall"

	"github.com/tlsport/tlsport/internal/ctxio"
)

// OpenFile is os.OpenFile for a primitive running under ctx (a thread's
// wait context). Opening a regular file or a directory, or a name that
// does not exist (an error, or a new regular file), cannot block and is
// done at once. Anything else — a FIFO, whose open waits for its other
// end, a device — is opened on a goroutine of its own: when ctx ends
// first (a timeout, Ctrl-C, thread-signal!), OpenFile returns ctx's cause
// in an *os.PathError, and the file, if its open ever completes, is
// closed. It is ctxio.OpenFile, for the libraries.
func OpenFile(ctx context.Context, name string, flag int, perm os.FileMode) (*os.File, error) {
	return ctxio.OpenFile(ctx, name, flag, perm)
}

// OpenFd is syscall.Open under ctx, as [OpenFile]: the descriptor of
// CHICKEN's file-open.
func OpenFd(ctx context.Context, name string, flag int, perm uint32) (int, error) {
	return ctxio.Open(ctx, name, func() (int, error) { return syscall.Open(name, flag, perm) }, func(fd int) { syscall.Close(fd) })
}
