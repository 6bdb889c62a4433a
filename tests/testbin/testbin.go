// Package testbin builds the tlsport command once for the end-to-end test
// packages under tests/, which run it as a user would.
package testbin

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"
)

// buildDeadline bounds the build (the machine may be slow and busy).
const buildDeadline = 5 * time.Minute

// Main builds ./cmd/tlsport of the module whose root is root (relative to
// the test's directory) into a temporary directory, calls run with the
// binary's path (run is testing.M's Run in a TestMain) and removes the
// directory; it returns run's exit code, or 1 after reporting a failed build
// on standard error.
func Main(root string, run func(bin string) int) int {
	dir, err := os.MkdirTemp("", "tlsport-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "testbin:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "tlsport")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	ctx, cancel := context.WithTimeout(context.Background(), buildDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, GoTool(), "build", "-o", bin, "./cmd/tlsport")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "testbin: building ./cmd/tlsport: %v\n%s", err, out)
		return 1
	}
	return run(bin)
}

// GoTool finds the go command: PATH first, then $GOROOT/bin.
func GoTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}
