package chickenfileposix

import "syscall"

// The system calls and structure fields that differ between Linux and
// the BSDs (sys_bsd.go).

func atime(st *syscall.Stat_t) int64 { return int64(st.Atim.Sec) }
func ctime(st *syscall.Stat_t) int64 { return int64(st.Ctim.Sec) }
func mtime(st *syscall.Stat_t) int64 { return int64(st.Mtim.Sec) }

func fdSet(s *syscall.FdSet, fd int)        { setBit(s.Bits[:], fd) }
func fdIsSet(s *syscall.FdSet, fd int) bool { return bitIsSet(s.Bits[:], fd) }

func selectFds(n int, r, w *syscall.FdSet, tv *syscall.Timeval) error {
	_, err := syscall.Select(n, r, w, nil, tv)
	return err
}

// dup2 is dup2(2) through dup3, the call every Linux has (arm64 has no
// dup2); dup3 refuses old = new, which dup2 accepts for an open old.
func dup2(old, new int) error {
	if old != new {
		return syscall.Dup3(old, new, 0)
	}
	if _, _, errno := syscall.Syscall(syscall.SYS_FCNTL, uintptr(old), syscall.F_GETFD, 0); errno != 0 {
		return errno
	}
	return nil
}
