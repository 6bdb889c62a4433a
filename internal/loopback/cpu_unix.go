//go:build unix

package loopback

import (
	"syscall"
	"time"
)

// CPUTime returns the CPU time (user + system) the process has used, so a
// benchmark can compare the CPU two transfers cost in the same run, which
// other jobs on a shared machine disturb less than wall time.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
