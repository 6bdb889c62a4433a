//go:build !unix

// CPU time where getrusage is missing.

package scheme

import "time"

// ProcessCPUTime returns ok false: the platform cannot tell the process's
// CPU time.
func ProcessCPUTime() (user, sys time.Duration, ok bool) { return 0, 0, false }
