//go:build darwin || freebsd

package chickenfileposix

import "syscall"

// The system calls and structure fields that differ between the BSDs
// and Linux (sys_linux.go); fdset_*.go name the fd_set's words.

func atime(st *syscall.Stat_t) int64 { return int64(st.Atimespec.Sec) }
func ctime(st *syscall.Stat_t) int64 { return int64(st.Ctimespec.Sec) }
func mtime(st *syscall.Stat_t) int64 { return int64(st.Mtimespec.Sec) }

func selectFds(n int, r, w *syscall.FdSet, tv *syscall.Timeval) error {
	return syscall.Select(n, r, w, nil, tv)
}

func dup2(old, new int) error { return syscall.Dup2(old, new) }
