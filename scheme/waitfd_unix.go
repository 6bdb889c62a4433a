//go:build unix

package scheme

import (
	"context"

	"golang.org/x/sys/unix"
)

// waitFD blocks until fd is ready for input (in) or output (out), polling
// it in slices of fdSlice so that the wait ends with ctx.
func waitFD(ctx context.Context, fd int, in, out bool) error {
	var events int16
	if in {
		events |= unix.POLLIN
	}
	if out {
		events |= unix.POLLOUT
	}
	fds := []unix.PollFd{{Fd: int32(fd), Events: events}}
	for {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		n, err := unix.Poll(fds, int(fdSlice.Milliseconds()))
		switch {
		case err == unix.EINTR:
		case err != nil:
			return err
		case n > 0 && fds[0].Revents&unix.POLLNVAL != 0:
			return errBadFD
		case n > 0: // ready, or hung up or failed: the next read or write says which
			return nil
		}
	}
}
