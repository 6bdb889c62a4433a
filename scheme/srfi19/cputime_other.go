//go:build !unix

// CPU time where getrusage is missing: the time elapsed since the process
// started stands in.

package srfi19

import "time"

// cpuTime returns the time elapsed since the process started.
func cpuTime() time.Duration { return time.Since(start) }
