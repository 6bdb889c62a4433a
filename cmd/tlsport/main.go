// Command tlsport is the tlsport Scheme: a REPL, a script runner and a
// one-line evaluator, with the TLS libraries ((openssl), (chicken tcp),
// (rfc tls) …) bound without an import.
//
// Usage:
//
//	tlsport                   start the REPL
//	tlsport FILE [ARGS…]      run a script; (command-line) is (FILE ARGS…)
//	tlsport -e EXPR [ARGS…]   evaluate EXPR and print its results
//	tlsport connect [OPTIONS] HOST:PORT
//	                          connect with TLS or STARTTLS, report, open the REPL
//	tlsport --version         print the version
//	tlsport --help            print this help
//
// Before any of these, -I DIR (or -include-path DIR, as csi spells it),
// repeatable, adds DIR to the directories import searches for library files
// (foo/bar.sld, .scm or .sls for (foo bar)), after the importing file's
// directory and the current directory; so do the colon-separated
// directories of $TLSPORT_LIBRARY_PATH, searched after the -I ones.
//
// A script may start with a "#!" line. When a script or -e raises an
// uncaught condition it is printed on standard error and tlsport exits
// with status 70; (exit n) exits with n; Ctrl-C exits with 130.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/chzyer/readline"
	"github.com/tlsport/tlsport/bindings/all"
	"github.com/tlsport/tlsport/repl"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// version is the tlsport release; a module version from the build info
// takes precedence.
const version = "0.1.0-dev"

// Exit statuses.
const (
	exitOK        = 0
	exitUsage     = 64  // EX_USAGE
	exitSoftware  = 70  // EX_SOFTWARE: uncaught condition
	exitInterrupt = 130 // 128 + SIGINT
)

const usage = `usage:
  tlsport                   start the REPL (,help inside lists its commands)
  tlsport FILE [ARGS...]    run a Scheme script; (command-line) is (FILE ARGS...)
  tlsport -e EXPR [ARGS...] evaluate EXPR and print its results
  tlsport connect [OPTIONS] HOST:PORT
                            connect with TLS or STARTTLS, report the session
                            and the server's chain, then open the REPL with
                            the connection bound (connect --help for options)
  tlsport --version         print the version
  tlsport --help            print this help

-I DIR (or -include-path DIR), repeatable and before the rest, adds DIR to
the directories searched for library files by import, after the importing
file's directory and the current directory; $TLSPORT_LIBRARY_PATH
(colon-separated) adds more.

A script may start with a #! line. An uncaught condition is printed on
standard error and exits with status 70; (exit n) exits with n; Ctrl-C
exits with 130. The REPL keeps its history in $TLSPORT_HISTORY
(default ~/.tlsport_history).
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// libraryPathEnv names the environment variable holding extra library
// directories, colon-separated.
const libraryPathEnv = "TLSPORT_LIBRARY_PATH"

// run is the whole command; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var libPath []string
	for len(args) > 0 && (args[0] == "-I" || args[0] == "-include-path" || args[0] == "--include-path") {
		if len(args) < 2 {
			fmt.Fprintf(stderr, "tlsport: %s needs a directory\n%s", args[0], usage)
			return exitUsage
		}
		libPath = append(libPath, args[1])
		args = args[2:]
	}
	for _, d := range filepath.SplitList(os.Getenv(libraryPathEnv)) {
		if d != "" {
			libPath = append(libPath, d)
		}
	}
	opts := []scheme.Option{scheme.WithLibraryPath(libPath...), scheme.WithExitHandler(exitProcess(stdin))}
	if len(args) > 0 {
		switch args[0] {
		case "--help", "-help", "-h":
			fmt.Fprint(stdout, usage)
			return exitOK
		case "--version", "-version":
			fmt.Fprintf(stdout, "tlsport %s (%s %s/%s)\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return exitOK
		case "-e", "--eval":
			if len(args) < 2 {
				fmt.Fprint(stderr, "tlsport: -e needs an expression\n"+usage)
				return exitUsage
			}
			return runEval(args[1], args[2:], opts, stdin, stdout, stderr)
		case "connect":
			return runConnect(args[1:], opts, stdin, stdout, stderr)
		case "--":
			args = args[1:]
		default:
			if strings.HasPrefix(args[0], "-") && args[0] != "-" {
				fmt.Fprintf(stderr, "tlsport: unknown option %s\n%s", args[0], usage)
				return exitUsage
			}
		}
	}
	if len(args) == 0 {
		return runREPL(opts, stdin, stdout, stderr)
	}
	return runScript(args[0], args, opts, stdin, stdout, stderr)
}

// banner is the REPL's one line at start in a terminal ("" when piped).
func banner(term bool) string {
	if !term {
		return ""
	}
	return "tlsport " + versionString() + " — ,help lists the commands, ,doc NAME the reference, Ctrl-D leaves"
}

func versionString() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return version
}

// newInterp builds an interpreter with every library registered and imported.
func newInterp(in *repl.Input, stdout, stderr io.Writer, cmdline []string, opts []scheme.Option) (*scheme.Interp, error) {
	interp := stdlib.New(append(opts, scheme.WithStdio(in, stdout, stderr), scheme.WithCommandLine(cmdline))...)
	if err := all.Register(interp); err != nil {
		return nil, fmt.Errorf("tlsport: registering libraries: %w", err)
	}
	interp.SetFeature("csi", true) // the command is CHICKEN's interpreter: (cond-expand (csi …)) takes it
	return interp, nil
}

// exitStatus maps an evaluation error to the exit status, printing the
// condition when there is one (under the interpreter's lock: threads the
// program started may still be changing its irritants).
func exitStatus(ctx context.Context, interp *scheme.Interp, err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var exit *scheme.ExitError
	if errors.As(err, &exit) {
		return exit.Code
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "*** user interrupt ***")
		return exitInterrupt
	}
	interp.WithLock(context.Background(), func(*scheme.Thread) error {
		fmt.Fprint(stderr, repl.FormatError(err))
		return nil
	})
	return exitSoftware
}

// interruptible returns a context cancelled by SIGINT.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

func runEval(expr string, rest []string, opts []scheme.Option, stdin io.Reader, stdout, stderr io.Writer) int {
	interp, err := newInterp(repl.NewInput(stdin), stdout, stderr, append([]string{"tlsport"}, rest...), opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitSoftware
	}
	ctx, stop := interruptible()
	defer stop()
	err = repl.EvalPrint(ctx, interp, expr, stdout)
	if err == nil {
		err = interp.ImplicitExit(ctx)
	}
	flushAll(ctx, interp)
	return exitStatus(ctx, interp, err, stderr)
}

func runScript(path string, cmdline []string, opts []scheme.Option, stdin io.Reader, stdout, stderr io.Writer) int {
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(stderr, "tlsport: %v\n", err)
		return exitUsage
	}
	interp, err := newInterp(repl.NewInput(stdin), stdout, stderr, cmdline, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitSoftware
	}
	interp.SetFeature("chicken-script", true) // as csi -s
	ctx, stop := interruptible()
	defer stop()
	// The reader skips a #! first line, so error locations name the file.
	err = interp.Load(ctx, path)
	if err == nil {
		err = interp.ImplicitExit(ctx) // implicit-exit-handler, on-exit thunks
	}
	flushAll(ctx, interp)
	return exitStatus(ctx, interp, err, stderr)
}

// flushAll flushes every output port the program wrote to, however it
// ended (normally, by exit, by an uncaught error or an interrupt), so that
// nothing written is lost; it waits at most flushLimit for a stalled peer.
func flushAll(ctx context.Context, interp *scheme.Interp) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), flushLimit)
	defer cancel()
	_ = interp.FlushAllOutput(ctx)
}

// flushLimit bounds the final flush of the program's output ports.
const flushLimit = 10 * time.Second

func runREPL(opts []scheme.Option, stdin io.Reader, stdout, stderr io.Writer) int {
	in := repl.NewInput(stdin)
	out, errw := console(stdout, stderr)
	interp, err := newInterp(in, out, errw, []string{"tlsport"}, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitSoftware
	}
	return replLoop(in, interp, stdin, stdout, out, errw)
}

// console wraps standard output and error for an interpreter the REPL
// will run: shared with the REPL, they let a prompt start on a fresh line
// after output that did not end in a newline.
func console(stdout, stderr io.Writer) (out, errw *repl.Output) {
	out = repl.NewOutput(stdout)
	return out, out.Also(stderr)
}

// exitProcess returns the handler of exit called from a thread: the
// program ends with the code, as in CHICKEN, after the terminal's mode is
// restored when stdin is one (line editing may have it raw at the prompt).
func exitProcess(stdin io.Reader) func(code int) {
	restore := func() {}
	if f, ok := stdin.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		fd := int(f.Fd())
		if st, err := readline.GetState(fd); err == nil {
			restore = func() { _ = readline.Restore(fd, st) }
		}
	}
	return func(code int) {
		restore()
		os.Exit(code)
	}
}

// replLoop runs the REPL on interp (whose standard input is in and whose
// output goes to out and errw, made by console) and returns the exit
// status; stdin and stdout are the raw streams, to tell a terminal.
func replLoop(in *repl.Input, interp *scheme.Interp, stdin io.Reader, stdout io.Writer, out, errw *repl.Output) int {
	term := false
	if f, ok := stdin.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		if g, ok := stdout.(*os.File); ok && readline.IsTerminal(int(g.Fd())) {
			term = true
		}
	}
	err := repl.Run(context.Background(), interp, repl.Options{
		In: in, Out: out, Err: errw, Terminal: term, HandleInterrupt: true, Banner: banner(term),
	})
	if err == nil { // ,quit or end of input: the on-exit thunks run, as under csi
		err = interp.ImplicitExit(context.Background())
	}
	flushAll(context.Background(), interp) // end of input, ,quit or exit
	var exit *scheme.ExitError
	switch {
	case errors.As(err, &exit):
		return exit.Code
	case err != nil:
		fmt.Fprintln(errw, err)
		return exitSoftware
	}
	return exitOK
}
