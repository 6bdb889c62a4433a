//go:build linux || freebsd

package chickenprocess

import "syscall"

// sysPipe is pipe(2) with both descriptors closed on exec.
func sysPipe() ([2]int, error) {
	var fds [2]int
	err := syscall.Pipe2(fds[:], syscall.O_CLOEXEC)
	return fds, err
}
