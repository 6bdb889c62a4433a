package sagittarius

import "syscall"

// The Stat_t fields that differ between Linux and the BSDs (sys_bsd.go).

func atimespec(st *syscall.Stat_t) syscall.Timespec { return st.Atim }
func ctimespec(st *syscall.Stat_t) syscall.Timespec { return st.Ctim }
