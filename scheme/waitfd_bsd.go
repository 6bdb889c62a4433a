//go:build darwin || freebsd

package scheme

import (
	"syscall"
	"unsafe"
)

// poll is poll(2) on one descriptor.
func poll(p *pollFd, ms int) (int, error) {
	n, _, e := syscall.Syscall(syscall.SYS_POLL, uintptr(unsafe.Pointer(p)), 1, uintptr(ms))
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}
