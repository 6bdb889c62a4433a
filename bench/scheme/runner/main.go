// Command runner loads Scheme files through scheme.New() for the benchmarks
// in bench/scheme.sh (a stand-in until cmd/tlsport exists).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/tlsport/tlsport/scheme"
)

func main() {
	in := scheme.New(scheme.WithCommandLine(os.Args[1:]))
	for _, f := range os.Args[1:] {
		if err := in.Load(context.Background(), f); err != nil {
			if e, ok := err.(*scheme.Error); ok {
				fmt.Fprint(os.Stderr, scheme.FormatCondition(e.Condition))
			} else {
				fmt.Fprintln(os.Stderr, err)
			}
			os.Exit(1)
		}
	}
}
