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
	"testing"
	"time"
)

// buildDeadline bounds the build (the machine may be slow and busy).
const buildDeadline = 5 * time.Minute

// Main, for a TestMain, builds ./cmd/tlsport of the module whose root is
// root (relative to the test's directory) into a temporary directory, sets
// *bin to the binary's path, runs m's tests and removes the directory; it
// returns m.Run's exit code, or 1 after reporting a failed build on
// standard error.
func Main(m *testing.M, root string, bin *string) int {
	dir, err := os.MkdirTemp("", "tlsport-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "testbin:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "tlsport")
	if runtime.GOOS == "windows" {
		path += ".exe"
	}
	ctx, cancel := context.WithTimeout(context.Background(), buildDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, GoTool(), "build", "-o", path, "./cmd/tlsport")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "testbin: building ./cmd/tlsport: %v\n%s", err, out)
		return 1
	}
	*bin = path
	return m.Run()
}

// GoTool finds the go command: PATH first, then $GOROOT/bin.
func GoTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}
