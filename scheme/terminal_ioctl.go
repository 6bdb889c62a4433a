//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package scheme

import (
	"os"
	"syscall"
	"unsafe"
)

// isTerminal reports whether f's terminal attributes can be read (isatty).
func isTerminal(f *os.File) bool {
	sc, err := f.SyscallConn()
	if err != nil {
		return false
	}
	var t syscall.Termios
	ok := false
	sc.Control(func(fd uintptr) {
		_, _, errno := syscall.Syscall(syscall.SYS_IOCTL, fd, ioctlReadTermios, uintptr(unsafe.Pointer(&t)))
		ok = errno == 0
	})
	return ok
}
