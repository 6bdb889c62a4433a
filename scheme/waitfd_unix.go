//go:build linux || darwin || freebsd

package scheme

import (
	"context"
	"syscall"
)

// pollFd is struct pollfd, the same on Linux and the BSDs, as are the
// POLL* bits below.
type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

const (
	pollIn   = 0x1
	pollOut  = 0x4
	pollNval = 0x20
)

// waitFD blocks until fd is ready for input (in) or output (out), polling
// it in slices of fdSlice so that the wait ends with ctx.
func waitFD(ctx context.Context, fd int, in, out bool) error {
	p := pollFd{fd: int32(fd)}
	if in {
		p.events |= pollIn
	}
	if out {
		p.events |= pollOut
	}
	for {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		p.revents = 0
		n, err := poll(&p, int(fdSlice.Milliseconds()))
		switch {
		case err == syscall.EINTR:
		case err != nil:
			return err
		case n > 0 && p.revents&pollNval != 0:
			return errBadFD
		case n > 0: // ready, or hung up or failed: the next read or write says which
			return nil
		}
	}
}
