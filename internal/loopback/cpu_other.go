//go:build !unix

package loopback

import "time"

// CPUTime returns 0: the process CPU clock is read on unix systems only.
func CPUTime() time.Duration { return 0 }
