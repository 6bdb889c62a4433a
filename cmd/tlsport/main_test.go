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
	return tlsportEnv(t, nil, stdin, args...)
}

// tlsportEnv is tlsport with extra environment variables (NAME=value).
func tlsportEnv(t *testing.T, env []string, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	// a home without ~/.tlsportrc, unless env gives one
	cmd.Env = append(append(os.Environ(), "TLSPORT_HISTORY=-", libraryPathEnv+"=", "HOME="+t.TempDir()), env...)
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
	args := script(t, dir, "args.scm", fmt.Sprintf("(import (chicken process-context))\n"+
		"(exit (if (and (equal? (command-line) '(%q \"a\" \"b c\")) (equal? (argv) (command-line)) (equal? (command-line-arguments) '(\"a\" \"b c\"))) 0 99))\n", argsPath))
	shebang := script(t, dir, "shebang.scm", "#!/usr/bin/env tlsport\n(define x 6)\n(exit (* x 7))\n")
	failing := script(t, dir, "fail.scm", "(define x 1)\n(error \"boom\" 42)\n(exit 3)\n")
	exiting := script(t, dir, "exit.scm", "(exit 7)\n(error \"not reached\")\n")
	partial := script(t, dir, "partial.scm", "(display \"line\\n\")\n(display \"no newline\")\n")
	shebangErr := script(t, dir, "shebang-err.scm", "#!/usr/bin/env tlsport\n(define x 1)\n(car x)\n")
	onExitEnd := script(t, dir, "on-exit-end.scm", "(import (chicken base))\n(on-exit (lambda () (display \"1st\\n\")))\n"+
		"(on-exit (lambda () (display \"2nd\\n\")))\n(display \"body\\n\")\n")
	onExitExit := script(t, dir, "on-exit-exit.scm", "(import (chicken base))\n(on-exit (lambda () (display \"cleanup\")))\n"+
		"(display \"partial \")\n(exit 6)\n(display \"not reached\")\n")
	exitHandler := script(t, dir, "exit-handler.scm", "(import (chicken base))\n(on-exit (lambda () (display \"not run\")))\n"+
		"(exit-handler (lambda (code) (display (list 'handler code)) (emergency-exit (+ code 1))))\n(exit 4)\n")
	features := script(t, dir, "features.scm", "(display (list (cond-expand (csi 'csi) (else 'no)) (cond-expand (chicken-script 'script) (else 'no))))\n")
	implicitExit := script(t, dir, "implicit-exit.scm", "(import (chicken base))\n(on-exit (lambda () (display \" cleanup\")))\n"+
		"(implicit-exit-handler (lambda () (display \"implicit\") (exit 8)))\n(display \"body \")\n")
	mainInt := script(t, dir, "main-int.scm", "(define (main args) (display args) 7)\n")
	mainOther := script(t, dir, "main-other.scm", "(define (main args) (display (length args)) \"done\")\n")
	noMain := script(t, dir, "no-main.scm", "(display \"loaded\")\n")
	echoed := script(t, dir, "echoed.scm", "(define (f) (list 1\n  2))\n(display (f))\n(car 5)\n(display \"not run\")\n")
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
		{"on-exit at end of script", []string{onExitEnd}, "", 0, "body\n2nd\n1st\n", ""},
		{"on-exit at exit", []string{onExitExit}, "", 6, "partial cleanup", ""},
		{"exit-handler", []string{exitHandler}, "", 5, "(handler 4)", ""},
		{"implicit-exit-handler", []string{implicitExit}, "", 8, "body implicit cleanup", ""},
		{"on-exit after -e", []string{"-e", "(import (chicken base)) (on-exit (lambda () (display \"done\")))"}, "", 0, "done", ""},
		{"last line without newline", []string{partial}, "", 0, "line\nno newline", ""},
		{"csi -s features", []string{features}, "", 0, "(csi script)", ""}, // as csi -s: both
		{"csi features at -e", []string{"-e", "(display (list (cond-expand (csi 'csi) (else 'no)) (cond-expand (chicken-script 'script) (else 'no))))"}, "", 0, "(csi no)", ""},
		{"output before exit", []string{"-e", "(display \"x\") (exit 4)"}, "", 4, "x", ""},
		{"output before error", []string{"-e", "(display \"y\") (car 1)"}, "", 70, "y", "car"},
		{"missing script", []string{filepath.Join(t.TempDir(), "nope.scm")}, "", 64, "", "nope.scm"},
		{"eval", []string{"-e", "(+ 1 2) (values 'a \"b\")"}, "", 0, "3\na\n\"b\"\n", ""},
		{"eval error", []string{"-e", "(error \"bad thing\" 'x)"}, "", 70, "", "bad thing"},
		{"eval exit", []string{"-e", "(exit 3)"}, "", 3, "", ""},
		{"eval missing", []string{"-e"}, "", 64, "", "-e needs an expression"},
		{"version", []string{"--version"}, "", 0, "~tlsport ", ""},
		{"help", []string{"--help"}, "", 0, "~FILE [ARGS...]", ""},
		{"exit from a thread", []string{"-e", "(begin (thread-start! (lambda () (display \"bye\") (exit 3))) (thread-sleep! 30) (exit 9))"}, "", 3, "bye", ""},
		{"emergency-exit from a thread", []string{"-e", "(begin (thread-start! (make-thread (lambda () (emergency-exit 4)))) (thread-sleep! 30))"}, "", 4, "", ""},
		{"-I without directory", []string{"-I"}, "", 64, "", "-I needs a directory"},
		{"unknown option", []string{"--frob"}, "", 64, "", "unknown option --frob"},
		// csi's options (CHICKEN 5 manual, "Using the interpreter"), each
		// with the result csi 5.3 gives
		{"csi -s", []string{"-s", args, "a", "b c"}, "", 0, "", ""},
		{"csi -q -script", []string{"-q", "-script", args, "a", "b c"}, "", 0, "", ""},
		{"csi -ss: main's integer is the status", []string{"-ss", mainInt, "x", "y"}, "", 7, "(x y)", ""},
		{"csi -ss: any other result is 0", []string{"-ss", mainOther, "x"}, "", 0, "1", ""},
		{"csi -ss without main", []string{"-ss", noMain}, "", 70, "loaded", "unbound variable: main"},
		{"csi -sx: each expression on stderr before it runs", []string{"-sx", echoed}, "", 70, "(1 2)",
			"\n; (define (f) (list 1 2))\n; \n\n; (display (f))\n; \n\n; (car 5)\n; \nError: (car)"},
		{"csi -p: print each value", []string{"-p", "(values 1 \"a\") (if #f #f)"}, "", 0, "1\na\n#<unspecified>\n", ""},
		{"csi -P", []string{"-P", "'(a \"b\")"}, "", 0, "(a \"b\")\n", ""},
		{"csi -e then -p", []string{"-e", "(display 1)", "-p", "2"}, "", 0, "12\n", ""},
		{"csi -p error", []string{"-print", "(car 1)"}, "", 70, "", "car"},
		{"csi -D and -no-feature", []string{"-D", "my-feature", "-no-feature", "csi", "-p", "(list (cond-expand (my-feature 1) (else 0)) (cond-expand (csi 1) (else 0)))"}, "", 0, "(1 0)\n", ""},
		{"csi -R", []string{"-R", "(prefix (srfi 1) s1:)", "-p", "(s1:iota 3)"}, "", 0, "(0 1 2)\n", ""},
		{"csi -i", []string{"-i", "-p", "(list (eq? 'ABC 'abc) (cond-expand (case-insensitive 'ci) (else 'cs)))"}, "", 0, "(#t ci)\n", ""},
		{"csi -K prefix", []string{"-K", "prefix", "-p", "(keyword? ':abc)"}, "", 0, "#t\n", ""},
		{"csi -b: no REPL", []string{"-q", "-b"}, "(display \"not read\")\n", 0, "", ""},
		{"csi -q: the REPL", []string{"-q", "-n"}, "(+ 1 2)\n", 0, "#;1> 3\n#;2> ", ""},
		{"csi -D without a name", []string{"-D"}, "", 64, "", "-D needs a feature name"},
		{"csi -ss without a script", []string{"-ss"}, "", 64, "", "-ss needs a script"},
		{"piped repl", nil, "(define x 20)\n(+ x\n 22)\n,quit\n", 0, "#;1> #;2>    . 42\n#;3> ", ""},
		{"piped repl exit", nil, "(exit 5)\n", 5, "#;1> ", ""},
		{"on-exit at ,quit", nil, "(import (chicken base))\n(on-exit (lambda () (display \"bye\")))\n,quit\n", 0, "~bye", ""},
		{"on-exit at end of input", nil, "(import (chicken base))\n(on-exit (lambda () (display \"eof\")))\n", 0, "~eof", ""},
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

// TestLibraryPath checks that import finds library files in the -I
// directories (csi's spelling, repeatable) and in $TLSPORT_LIBRARY_PATH,
// and that an unknown library's error names it and every place searched.
func TestLibraryPath(t *testing.T) {
	dirI, dirI2, dirEnv, dirScript := t.TempDir(), t.TempDir(), t.TempDir(), t.TempDir()
	if err := os.MkdirAll(filepath.Join(dirI, "util"), 0o755); err != nil {
		t.Fatal(err)
	}
	script(t, filepath.Join(dirI, "util"), "text.sld",
		"(define-library (util text) (export shout) (import (scheme base) (scheme char))\n"+
			"  (begin (define (shout s) (string-append (string-upcase s) \"!\"))))\n")
	script(t, dirI2, "counter.scm", "(module counter (next!) (import scheme) (define n 0) (define (next!) (set! n (+ n 1)) n))\n")
	script(t, dirEnv, "envlib.sls", "(library (envlib (1 0)) (export twice) (import (scheme base)) (define (twice x) (* 2 x)))\n")
	ok := script(t, dirScript, "ok.scm", "(import (util text) counter (envlib (1)))\n"+
		"(next!)\n(display (shout \"hi\")) (display (next!)) (display (twice 21))\n")
	missing := script(t, dirScript, "missing.scm", "(import (no such lib))\n")
	env := []string{libraryPathEnv + "=" + dirEnv + string(os.PathListSeparator) + filepath.Join(dirEnv, "absent")}

	out, errs, code := tlsportEnv(t, env, "", "-I", dirI, "-include-path", dirI2, ok)
	if code != 0 || out != "HI!242" {
		t.Errorf("ok.scm: status %d, stdout %q, want 0 and %q\nstderr: %s", code, out, "HI!242", errs)
	}
	_, errs, code = tlsport(t, "", ok)
	if code != exitSoftware || !strings.Contains(errs, "unknown library (util text)") {
		t.Errorf("ok.scm without -I: status %d, stderr %q", code, errs)
	}
	_, errs, code = tlsportEnv(t, env, "", "-I", dirI, missing)
	if code != exitSoftware || !strings.Contains(errs, "unknown library (no such lib)") {
		t.Errorf("missing.scm: status %d, stderr %q", code, errs)
	}
	for _, d := range []string{dirScript, dirI, dirEnv} {
		if !strings.Contains(errs, d) {
			t.Errorf("missing.scm: error %q does not name the searched directory %s", errs, d)
		}
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
