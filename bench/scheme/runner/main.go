// Command runner loads Scheme files through scheme.New() for the benchmarks
// in bench/scheme.sh (a stand-in until cmd/tlsport exists).
package main

import (
	"context"
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"github.com/tlsport/tlsport/scheme"
)

func main() {
	// An interpreter allocates many short-lived frames; trade memory for
	// fewer collections, as csi's own nursery does.
	debug.SetGCPercent(800)
	if p := os.Getenv("RUNNER_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err == nil {
			_ = pprof.StartCPUProfile(f)
			defer pprof.StopCPUProfile()
		}
	}
	in := scheme.New(scheme.WithCommandLine(os.Args[1:]))
	for _, f := range os.Args[1:] {
		if err := in.Load(context.Background(), f); err != nil {
			if e, ok := err.(*scheme.Error); ok {
				fmt.Fprint(os.Stderr, scheme.FormatCondition(e.Condition))
			} else {
				fmt.Fprintln(os.Stderr, err)
			}
			pprof.StopCPUProfile()
			os.Exit(1)
		}
	}
}
