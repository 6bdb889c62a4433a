// terminal-size on Linux: the TIOCGWINSZ ioctl.

package chickenport

import (
	"os"
	"syscall"
	"unsafe"
)

// winsize returns the rows and columns of the terminal f, 0 0 when unknown.
func winsize(f *os.File) (rows, cols int) {
	var ws struct{ row, col, x, y uint16 }
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, f.Fd(), syscall.TIOCGWINSZ, uintptr(unsafe.Pointer(&ws))); e != 0 {
		return 0, 0
	}
	return int(ws.row), int(ws.col)
}
