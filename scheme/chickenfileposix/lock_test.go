package chickenfileposix_test

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme/stdlib"
)

// lockHelperEnv, when set to a file name, makes the test binary a process
// that write-locks bytes 0-9 of the file, says "locked" and waits to be
// killed.
const lockHelperEnv = "FILEPOSIX_LOCK_HELPER"

func TestMain(m *testing.M) {
	if name := os.Getenv(lockHelperEnv); name != "" {
		f, err := os.OpenFile(name, os.O_RDWR, 0)
		if err != nil {
			os.Exit(2)
		}
		if err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &syscall.Flock_t{Type: syscall.F_WRLCK, Start: 0, Len: 10}); err != nil {
			os.Exit(3)
		}
		os.Stdout.WriteString("locked\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startHolder starts a process holding a write lock on bytes 0-9 of name.
func startHolder(t *testing.T, name string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=XXX")
	cmd.Env = append(os.Environ(), lockHelperEnv+"="+name)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "locked\n" {
		t.Fatalf("lock holder: %q, %v", line, err)
	}
	return cmd
}

// TestFileLockBlockingCancel checks that file-lock/blocking, waiting for
// a lock another process holds, ends when its evaluation is cancelled.
func TestFileLockBlockingCancel(t *testing.T) {
	name := filepath.Join(t.TempDir(), "locked")
	if err := os.WriteFile(name, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	startHolder(t, name)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := stdlib.New().EvalString(ctx, `(import (chicken file posix)) (file-lock/blocking (open-output-file "`+name+`" #:append))`)
	if err == nil {
		t.Fatal("file-lock/blocking took a lock another process holds")
	}
	if d := time.Since(start); d < 250*time.Millisecond || d > 3*time.Second {
		t.Fatalf("file-lock/blocking returned after %v (%v), want it to wait until the cancellation at 300ms", d, err)
	}
}
