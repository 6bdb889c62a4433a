package scheme

import (
	"syscall"
	"unsafe"
)

// poll is poll(2) on one descriptor (ppoll: not every Linux port has poll).
func poll(p *pollFd, ms int) (int, error) {
	ts := syscall.NsecToTimespec(int64(ms) * 1e6)
	n, _, e := syscall.Syscall6(syscall.SYS_PPOLL, uintptr(unsafe.Pointer(p)), 1, uintptr(unsafe.Pointer(&ts)), 0, 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}
