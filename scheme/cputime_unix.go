//go:build unix

// CPU time of the process on Unix: getrusage.

package scheme

import (
	"syscall"
	"time"
)

// ProcessCPUTime returns the user and system CPU time the process has used;
// ok is false when the system cannot tell (getrusage failed, or a platform
// without it), and the library procedures then answer their own stand-in.
func ProcessCPUTime() (user, sys time.Duration, ok bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, 0, false
	}
	return time.Duration(ru.Utime.Nano()), time.Duration(ru.Stime.Nano()), true
}
