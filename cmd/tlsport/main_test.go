// End-to-end tests of the tlsport command: the binary is built once.

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "tlsport-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "tlsport")
	out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// tlsport runs the binary with stdin and returns stdout, stderr and the
// exit status.
func tlsport(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "TLSPORT_HISTORY=-")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatalf("tlsport %v: %v", args, err)
	}
	return out.String(), errb.String(), code
}

// script writes a script file and returns its path.
func script(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCommand(t *testing.T) {
	// The scripts report through their exit status, so they need only
	// the core forms.
	dir := t.TempDir()
	argsPath := filepath.Join(dir, "args.scm")
	args := script(t, dir, "args.scm", fmt.Sprintf("(exit (if (equal? (command-line) '(%q \"a\" \"b c\")) 0 99))\n", argsPath))
	shebang := script(t, dir, "shebang.scm", "#!/usr/bin/env tlsport\n(define x 6)\n(exit (* x 7))\n")
	failing := script(t, dir, "fail.scm", "(define x 1)\n(error \"boom\" 42)\n(exit 3)\n")
	exiting := script(t, dir, "exit.scm", "(exit 7)\n(error \"not reached\")\n")
	partial := script(t, dir, "partial.scm", "(display \"line\\n\")\n(display \"no newline\")\n")
	shebangErr := script(t, dir, "shebang-err.scm", "#!/usr/bin/env tlsport\n(define x 1)\n(car x)\n")
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		stdout   string // exact, unless "~" prefix: contains
		stderrIn string // stderr contains this
	}{
		{"script args", []string{args, "a", "b c"}, "", 0, "", ""},
		{"shebang line", []string{shebang}, "", 42, "", ""},
		{"shebang error location", []string{shebangErr}, "", 70, "", filepath.Join(dir, "shebang-err.scm") + ":3:1"},
		{"uncaught error", []string{failing}, "", 70, "", "Error: boom: 42"},
		{"exit code", []string{exiting}, "", 7, "", ""},
		{"last line without newline", []string{partial}, "", 0, "line\nno newline", ""},
		{"output before exit", []string{"-e", "(display \"x\") (exit 4)"}, "", 4, "x", ""},
		{"output before error", []string{"-e", "(display \"y\") (car 1)"}, "", 70, "y", "car"},
		{"missing script", []string{filepath.Join(t.TempDir(), "nope.scm")}, "", 64, "", "nope.scm"},
		{"eval", []string{"-e", "(+ 1 2) (values 'a \"b\")"}, "", 0, "3\na\n\"b\"\n", ""},
		{"eval error", []string{"-e", "(error \"bad thing\" 'x)"}, "", 70, "", "bad thing"},
		{"eval exit", []string{"-e", "(exit 3)"}, "", 3, "", ""},
		{"eval missing", []string{"-e"}, "", 64, "", "-e needs an expression"},
		{"version", []string{"--version"}, "", 0, "~tlsport ", ""},
		{"help", []string{"--help"}, "", 0, "~tlsport FILE [ARGS...]", ""},
		{"unknown option", []string{"--frob"}, "", 64, "", "unknown option --frob"},
		{"piped repl", nil, "(define x 20)\n(+ x\n 22)\n,quit\n", 0, "#;1> x\n#;2>    . 42\n#;3> ", ""},
		{"piped repl exit", nil, "(exit 5)\n", 5, "#;1> ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := tlsport(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errs)
			}
			if want, ok := strings.CutPrefix(tc.stdout, "~"); ok {
				if !strings.Contains(out, want) {
					t.Errorf("stdout %q does not contain %q", out, want)
				}
			} else if out != tc.stdout {
				t.Errorf("stdout %q, want %q\nstderr:\n%s", out, tc.stdout, errs)
			}
			if !strings.Contains(errs, tc.stderrIn) {
				t.Errorf("stderr %q does not contain %q", errs, tc.stderrIn)
			}
		})
	}
}

func TestVersionNamesGo(t *testing.T) {
	out, _, code := tlsport(t, "", "--version")
	if code != 0 || !strings.Contains(out, runtime.Version()) {
		t.Fatalf("--version = %q (status %d); want the Go version %s", out, code, runtime.Version())
	}
}

// TestInterruptScript: SIGINT during a script cancels it; the status is 130.
func TestInterruptScript(t *testing.T) {
	p := script(t, t.TempDir(), "sleep.scm", "(thread-sleep! 100)\n")
	cmd := exec.Command(binary, p)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	time.Sleep(300 * time.Millisecond)
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 130 {
			t.Fatalf("interrupted script: %v, want exit status 130; stderr:\n%s", err, errb.String())
		}
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("script not interrupted within 10s")
	}
}

// TestOutputFlushedAtEnd: output a program wrote to a port and never
// flushed reaches its destination however the program ends.
func TestOutputFlushedAtEnd(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.txt")
	write := fmt.Sprintf("(define o (open-output-file %q)) (write-string \"kept\" o)", out)
	tests := []struct {
		name  string
		args  []string
		stdin string
	}{
		{"end of script", []string{script(t, dir, "end.scm", write+"\n")}, ""},
		{"exit", []string{script(t, dir, "exit.scm", write+"\n(exit 3)\n")}, ""},
		{"uncaught error", []string{script(t, dir, "err.scm", write+"\n(car 1)\n")}, ""},
		{"error in -e", []string{"-e", write + " (error \"boom\")"}, ""},
		{"repl ,quit", nil, write + "\n,quit\n"},
		{"repl end of input", nil, write + "\n"},
		{"repl exit", nil, write + "\n(exit 2)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_ = os.Remove(out)
			stdout, stderr, code := tlsport(t, tc.stdin, tc.args...)
			got, err := os.ReadFile(out)
			if err != nil || string(got) != "kept" {
				t.Errorf("file holds %q (%v), want \"kept\"; status %d\nstdout:\n%s\nstderr:\n%s", got, err, code, stdout, stderr)
			}
		})
	}
}
