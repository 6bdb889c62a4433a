//go:build darwin || freebsd

package sagittarius

import "syscall"

// The Stat_t fields that differ between the BSDs and Linux (sys_linux.go).

func atimespec(st *syscall.Stat_t) syscall.Timespec { return st.Atimespec }
func ctimespec(st *syscall.Stat_t) syscall.Timespec { return st.Ctimespec }
