package stdlib_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// BenchmarkPrograms runs each program of bench/scheme/ (what bench/scheme.sh
// times against csi) in an interpreter made by stdlib.New, as the tlsport
// command does; the interpreter's creation is counted, as start-up is.
// Profile one with -bench 'Programs/alist-hash' -cpuprofile.
func BenchmarkPrograms(b *testing.B) {
	files, err := filepath.Glob("../../bench/scheme/*.scm")
	if err != nil || len(files) == 0 {
		b.Fatalf("no bench programs: %v", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".scm")
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				in := stdlib.New(scheme.WithStdio(strings.NewReader(""), io.Discard, io.Discard))
				if _, err := in.EvalSource(context.Background(), string(src), f); err != nil {
					b.Fatalf("%s: %v", name, err)
				}
			}
		})
	}
}
