//go:build unix

package ports

import (
	"net"
	"time"

	"golang.org/x/sys/unix"
)

// pending reports whether ln has a connection waiting to be accepted,
// waiting up to d for one: poll(2) on the listening socket. ok is false
// when the socket cannot be polled (then the caller tries an accept).
func pending(ln *net.TCPListener, d time.Duration) (ready, ok bool) {
	rc, err := ln.SyscallConn()
	if err != nil {
		return false, false
	}
	perr := rc.Control(func(fd uintptr) {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		for {
			n, err := unix.Poll(fds, int(d.Milliseconds()))
			if err == unix.EINTR {
				continue
			}
			ready, ok = err == nil && n > 0 && fds[0].Revents&unix.POLLIN != 0, err == nil
			return
		}
	})
	return ready, ok && perr == nil
}
