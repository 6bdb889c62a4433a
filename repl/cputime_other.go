// cputime (other systems): CPU time is not measured.

//go:build !unix

package repl

import "time"

// cpuTime returns zero where the process's CPU time is not available.
func cpuTime() (user, sys time.Duration) { return 0, 0 }
