// Command tlsport is the tlsport Scheme: a REPL, a script runner and a
// one-line evaluator, with the TLS libraries ((openssl), (chicken tcp),
// (rfc tls) …) bound without an import.
//
// Usage:
//
//	tlsport [OPTIONS]                   start the REPL
//	tlsport [OPTIONS] FILE [ARGS…]      run a script; (command-line) is (FILE ARGS…)
//	tlsport -e EXPR [ARGS…]             evaluate EXPR and print its results
//	tlsport connect [OPTIONS] HOST:PORT connect with TLS or STARTTLS, report, open the REPL
//	tlsport --version                   print the version
//	tlsport --help                      print this help
//
// The options are csi's (CHICKEN 5 manual, "Using the interpreter"): -s
// FILE, -ss FILE (which then calls main) and -sx FILE (which prints each
// expression to the error port first), -e, -p and -P expressions,
// -b, -q, -D and -no-feature, -R, -i, -K, -no-parentheses-synonyms,
// -no-symbol-escape, and -I DIR (or -include-path DIR), repeatable, which
// adds DIR to the directories import searches for library files
// (foo/bar.sld, .scm or .sls for (foo bar)), after the importing file's
// directory and the current directory; so do the colon-separated
// directories of $TLSPORT_LIBRARY_PATH, searched after the -I ones.
//
// The REPL (and tlsport connect's) loads ~/.tlsportrc before its first
// prompt, as csi loads ~/.csirc; -n skips it.
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
  tlsport [OPTIONS]              start the REPL (,help inside lists its commands)
  tlsport [OPTIONS] FILE [ARGS...]
                                 run a Scheme script; (command-line) is (FILE ARGS...)
  tlsport -e EXPR [ARGS...]      evaluate EXPR and print its results
  tlsport connect [OPTIONS] HOST:PORT
                                 connect with TLS or STARTTLS, report the session
                                 and the server's chain, then open the REPL with
                                 the connection bound (connect --help for options)
  tlsport --version              print the version
  tlsport --help                 print this help

Options, in csi's spelling (CHICKEN 5 manual, "Using the interpreter"):
  -s, -script FILE [ARGS...]     run FILE as a script (as without -s)
  -ss FILE [ARGS...]             run FILE, then (main (command-line-arguments));
                                 an integer result is the exit status
  -sx FILE [ARGS...]             run FILE, printing each expression to
                                 (current-error-port) before it is evaluated
  -e, -eval EXPR                 evaluate EXPR and write its results (csi writes
                                 none); implies -b
  -p, -print EXPR                evaluate EXPR and print its results; implies -b
  -P, -pretty-print EXPR         the same with pretty-print; implies -b
  -b, -batch                     no REPL after the options
  -q, -quiet                     no banner
  -D, -feature NAME              register a cond-expand feature
  -no-feature NAME               unregister one
  -R, -require-extension NAME    (import NAME) first; NAME may be a list, "(srfi 1)"
  -i, -case-insensitive          read symbols case-insensitively
  -K, -keyword-style STYLE       prefix, suffix or none
  -no-parentheses-synonyms       [ ] and { } are not parentheses
  -no-symbol-escape              |...| is not a symbol
  -n, -no-init                   the REPL does not load ~/.tlsportrc first
  -w, -no-warnings               accepted and ignored (there are no warnings)
  -I, -include-path DIR          add DIR to the directories searched for library
                                 files by import, after the importing file's
                                 directory and the current directory;
                                 $TLSPORT_LIBRARY_PATH (colon-separated) adds more
  --                             the next argument is the script

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
	inv, err := parseArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "tlsport: %v\n%s", err, usage)
		return exitUsage
	}
	switch {
	case inv.help:
		fmt.Fprint(stdout, usage)
		return exitOK
	case inv.version:
		fmt.Fprintf(stdout, "tlsport %s (%s %s/%s)\n", versionString(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return exitOK
	}
	libPath := inv.libPath
	for _, d := range filepath.SplitList(os.Getenv(libraryPathEnv)) {
		if d != "" {
			libPath = append(libPath, d)
		}
	}
	opts := []scheme.Option{scheme.WithLibraryPath(libPath...), scheme.WithExitHandler(exitProcess(stdin))}
	switch {
	case inv.connect != nil:
		return runConnect(inv.connect, opts, stdin, stdout, stderr)
	case inv.script != "":
		return runScript(inv, opts, stdin, stdout, stderr)
	case inv.batch:
		return runEval(inv, opts, stdin, stdout, stderr)
	}
	return runREPL(inv, opts, stdin, stdout, stderr)
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

// prepare applies the command line's features and prelude (reader
// settings, -R imports) and evaluates its -e, -p and -P steps, in order.
func prepare(ctx context.Context, interp *scheme.Interp, inv *invocation, stdout io.Writer) error {
	for _, f := range inv.features {
		name, off := strings.CutPrefix(f, "!")
		interp.SetFeature(name, !off)
	}
	for _, src := range inv.prelude {
		if _, err := interp.EvalString(ctx, src); err != nil {
			return err
		}
	}
	for _, st := range inv.steps {
		var err error
		if st.show == "write" {
			err = repl.EvalPrint(ctx, interp, st.src, stdout)
		} else {
			err = showEach(ctx, interp, st.src, st.show)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// showEach evaluates each expression of src and shows each of its values
// with the procedure show (print or pretty-print), as csi -p and -P do.
func showEach(ctx context.Context, interp *scheme.Interp, src, show string) error {
	_, err := interp.EvalString(ctx, fmt.Sprintf(`(let ((p (open-input-string %s)))
  (let loop ((x (read p)))
    (unless (eof-object? x)
      (call-with-values (lambda () (eval x)) (lambda vals (for-each %s vals)))
      (loop (read p)))))`, scheme.WriteString(scheme.NewString(src)), show))
	return err
}

func runEval(inv *invocation, opts []scheme.Option, stdin io.Reader, stdout, stderr io.Writer) int {
	cmdline := inv.args
	if cmdline == nil {
		cmdline = []string{"tlsport"}
	}
	interp, err := newInterp(repl.NewInput(stdin), stdout, stderr, cmdline, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitSoftware
	}
	ctx, stop := interruptible()
	defer stop()
	err = prepare(ctx, interp, inv, stdout)
	if err == nil {
		err = interp.ImplicitExit(ctx)
	}
	flushAll(ctx, interp)
	return exitStatus(ctx, interp, err, stderr)
}

func runScript(inv *invocation, opts []scheme.Option, stdin io.Reader, stdout, stderr io.Writer) int {
	if _, err := os.Stat(inv.script); err != nil {
		fmt.Fprintf(stderr, "tlsport: %v\n", err)
		return exitUsage
	}
	interp, err := newInterp(repl.NewInput(stdin), stdout, stderr, inv.args, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitSoftware
	}
	interp.SetFeature("chicken-script", true) // as csi -s
	ctx, stop := interruptible()
	defer stop()
	err = prepare(ctx, interp, inv, stdout)
	if err == nil {
		// The reader skips a #! first line, so error locations name the file.
		if inv.echo {
			err = loadEchoing(ctx, interp, inv.script)
		} else {
			err = interp.Load(ctx, inv.script)
		}
	}
	if err == nil && inv.callMain {
		// csi -ss: main's integer result is the exit status, anything else 0
		var v scheme.Value
		if v, err = interp.EvalString(ctx, "(main (command-line-arguments))"); err == nil {
			if n, ok := v.(scheme.Fixnum); ok {
				err = &scheme.ExitError{Code: int(n)}
			}
		}
	}
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

func runREPL(inv *invocation, opts []scheme.Option, stdin io.Reader, stdout, stderr io.Writer) int {
	in := repl.NewInput(stdin)
	out, errw := console(stdout, stderr)
	interp, err := newInterp(in, out, errw, []string{"tlsport"}, opts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitSoftware
	}
	if err := prepare(context.Background(), interp, inv, out); err != nil {
		return exitStatus(context.Background(), interp, err, errw)
	}
	if !inv.noInit {
		loadInitFile(interp, errw)
	}
	return replLoop(in, interp, stdin, stdout, out, errw, inv.quiet)
}

// initFileName is the file the REPL loads before its first prompt, in the
// home directory, as csi loads ~/.csirc (-n skips it).
const initFileName = ".tlsportrc"

// loadInitFile loads ~/.tlsportrc when there is one; an error in it is
// printed and the REPL starts anyway. Ctrl-C stops the load.
func loadInitFile(interp *scheme.Interp, errw io.Writer) {
	home, err := os.UserHomeDir()
	if err != nil {
		return
	}
	path := filepath.Join(home, initFileName)
	if _, err := os.Stat(path); err != nil {
		return
	}
	ctx, stop := interruptible()
	defer stop()
	if err := interp.Load(ctx, path); err != nil {
		code := exitStatus(ctx, interp, err, errw) // prints the condition or the interrupt
		if exit := (*scheme.ExitError)(nil); errors.As(err, &exit) {
			os.Exit(code)
		}
	}
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
func replLoop(in *repl.Input, interp *scheme.Interp, stdin io.Reader, stdout io.Writer, out, errw *repl.Output, quiet bool) int {
	term := false
	if f, ok := stdin.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		if g, ok := stdout.(*os.File); ok && readline.IsTerminal(int(g.Fd())) {
			term = true
		}
	}
	err := repl.Run(context.Background(), interp, repl.Options{
		In: in, Out: out, Err: errw, Terminal: term, HandleInterrupt: true, Banner: banner(term && !quiet),
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
