//go:build darwin || freebsd

package sagittarius

import (
	"os"
	"syscall"
	"time"
)

// statTime is the file's access ('a'), status change ('c') or
// modification ('m') time.
func statTime(fi os.FileInfo, which byte) time.Time {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fi.ModTime()
	}
	switch which {
	case 'a':
		return time.Unix(int64(st.Atimespec.Sec), int64(st.Atimespec.Nsec))
	case 'c':
		return time.Unix(int64(st.Ctimespec.Sec), int64(st.Ctimespec.Nsec))
	}
	return fi.ModTime()
}
