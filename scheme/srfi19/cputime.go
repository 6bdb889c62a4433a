// CPU time of the process, for time-process and time-thread.

package srfi19

import (
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// cpuTime returns the CPU time (user and system) the process has used, or,
// where the system cannot tell, the time elapsed since the process started.
func cpuTime() time.Duration {
	u, s, ok := scheme.ProcessCPUTime()
	if !ok {
		return time.Since(start)
	}
	return u + s
}
