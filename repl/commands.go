// commands: the comma commands and the table ,help lists them from.

package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/tlsport/tlsport/internal/refdoc"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickencsi"
	"github.com/tlsport/tlsport/scheme/chickenprettyprint"
)

// command is one comma command.
type command struct {
	names []string // the name ,help shows first, then csi's and Racket's spellings
	args  string
	doc   string
	run   func(s *session, ctx context.Context, arg string) error
}

// errQuit is what ,quit returns to end the session.
var errQuit = errors.New("repl: quit")

// usageError is a command used without its argument; it prints as
// "Error: ,NAME needs ARGS".
type usageError struct{ c *command }

func (e usageError) Error() string { return "," + e.c.names[0] + " needs " + e.c.args }

// commands lists the comma commands in the order ,help shows them. It is
// filled in by init: the entries refer to the table (,help).
var commands []command

func init() {
	commands = []command{
		{[]string{"help", "?"}, "[NAME]", "list the commands, or show what NAME is", (*session).cmdHelp},
		{[]string{"doc"}, "NAME", "the reference manual's entry for NAME", (*session).cmdDoc},
		{[]string{"apropos", "a", "ap"}, "TEXT", "list the bound names containing TEXT", (*session).cmdApropos},
		{[]string{"describe", "d", "desc"}, "EXPR", "what the value of EXPR is and what it holds", (*session).cmdDescribe},
		{[]string{"pp", "p"}, "EXPR", "pretty-print the value of EXPR", (*session).cmdPP},
		{[]string{"time", "t"}, "EXPR", "evaluate EXPR; print its real and CPU time and allocation", (*session).cmdTime},
		{[]string{"trace"}, "NAME ...", "print the calls of the procedures NAME and their results", (*session).cmdTrace},
		{[]string{"untrace"}, "[NAME ...]", "stop tracing NAME (without NAME: all)", (*session).cmdUntrace},
		{[]string{"exn"}, "", "the last error in full: kinds, every property, stack", (*session).cmdExn},
		{[]string{"bt", "c", "backtrace"}, "", "the Scheme call stack of the last error", (*session).cmdBT},
		{[]string{"threads"}, "", "the live SRFI-18 threads, and what each waits for", (*session).cmdThreads},
		{[]string{"load", "l", "ld"}, "FILE ...", "load Scheme source files", (*session).cmdLoad},
		{[]string{"ln"}, "FILE ...", "load files, writing each expression and its results", (*session).cmdLoadNoisy},
		{[]string{"history", "h"}, "", "list the results: #N in an expression is result N, # the last", (*session).cmdHistory},
		{[]string{"ch"}, "", "clear the results of the history (their numbers stay)", (*session).cmdClearHistory},
		{[]string{"x"}, "EXPR", "pretty-print the expansion of EXPR (not evaluated)", (*session).cmdExpand},
		{[]string{"du"}, "EXPR", "dump the bytes of a string, bytevector or blob in hex", (*session).cmdDump},
		{[]string{"dur"}, "EXPR N", "dump its first N bytes", (*session).cmdDumpRange},
		{[]string{"s"}, "TEXT", "run the shell command TEXT; print its exit status", (*session).cmdShell},
		{[]string{"e"}, "FILE", "edit FILE with (editor-command), $EDITOR, $VISUAL or vi", (*session).cmdEdit},
		{[]string{"r"}, "", "show system information: features, platform, memory, command line", (*session).cmdSysInfo},
		{[]string{"m"}, "MODULE", "evaluate input in MODULE (its unexported names too); ,m #f: the top level", (*session).cmdModule},
		{[]string{"cd"}, "[DIR]", "change the working directory", (*session).cmdCd},
		{[]string{"pwd"}, "", "print the working directory", (*session).cmdPwd},
		{[]string{"quit", "q", "exit", "ex"}, "", "end the session", (*session).cmdQuit},
	}
}

// findCommand returns the command with name (or alias) name.
func findCommand(name string) *command {
	for i := range commands {
		for _, n := range commands[i].names {
			if n == name {
				return &commands[i]
			}
		}
	}
	return nil
}

// runCommand executes a command line (without the leading comma). It
// returns quit=true for ,quit; err is an evaluation error to report (an
// *scheme.ExitError ends the session).
func (s *session) runCommand(ctx context.Context, line string) (quit bool, err error) {
	name, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
	arg = strings.TrimSpace(arg)
	c := findCommand(name)
	if c == nil {
		if sc, ok := chickencsi.Lookup(s.interp, name); ok {
			return false, s.runSchemeCommand(ctx, sc, arg)
		}
		fmt.Fprintf(s.errw, "Error: unknown command ,%s (,help lists them)\n", name)
		return false, nil
	}
	if arg == "" && c.args != "" && !strings.HasPrefix(c.args, "[") {
		fmt.Fprintf(s.errw, "Error: %v\n", usageError{c})
		return false, nil
	}
	err = c.run(s, ctx, arg)
	if errors.Is(err, errQuit) {
		return true, nil
	}
	return false, err
}

// runSchemeCommand runs a command defined by (chicken csi)'s
// toplevel-command: its procedure, with the rest of the command line as
// the current input port, from which it reads its arguments.
func (s *session) runSchemeCommand(ctx context.Context, c chickencsi.Command, arg string) error {
	in := scheme.NewMemInputPort("(,"+c.Name+")", []byte(arg+"\n"), true)
	return s.withInterrupt(ctx, func(ctx context.Context) error {
		_, err := s.interp.Eval(ctx, scheme.List(scheme.Intern("with-input-from-port"), in, c.Proc))
		return err
	})
}

// quitFlushLimit bounds ,quit's flush of the program's output ports.
const quitFlushLimit = 10 * time.Second

// cmdQuit flushes every output port the program wrote to (nothing written
// is lost), then ends the session.
func (s *session) cmdQuit(ctx context.Context, _ string) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), quitFlushLimit)
	defer cancel()
	_ = s.interp.FlushAllOutput(ctx)
	return errQuit
}

func (s *session) cmdHelp(_ context.Context, arg string) error {
	w := s.out
	if arg == "" {
		fmt.Fprintln(w, "Commands:")
		for _, c := range commands {
			line := fmt.Sprintf("  ,%-18s %s", strings.TrimSpace(c.names[0]+" "+c.args), c.doc)
			if len(c.names) > 1 {
				line += " (also ," + strings.Join(c.names[1:], " ,") + ")"
			}
			fmt.Fprintln(w, line)
		}
		for _, c := range chickencsi.Commands(s.interp) {
			fmt.Fprintf(w, "  ,%-18s %s\n", c.Name, c.Help)
		}
		fmt.Fprintln(w, "Any other input is evaluated as Scheme. Reference manual: "+refdoc.Dir+"/README.md")
		return nil
	}
	if c := findCommand(strings.TrimPrefix(arg, ",")); c != nil && strings.HasPrefix(arg, ",") {
		fmt.Fprintf(w, ",%s %s\n  %s\n", c.names[0], c.args, c.doc)
		return nil
	}
	found := false
	for _, e := range s.entries() {
		if e.Name != arg {
			continue
		}
		found = true
		fmt.Fprintf(w, "%s: %s in %s\n", e.Name, e.Kind, e.Lib)
		if e.Sig != "" {
			fmt.Fprintln(w, "  "+e.Sig)
		}
		if e.Doc != "" {
			fmt.Fprintln(w, "  "+e.Doc)
		}
		fmt.Fprintln(w, "  see "+e.Link()+" (,doc "+e.Name+")")
	}
	if !found {
		s.undocumented(w, arg)
	}
	return nil
}

// undocumented says what a name no table documents is bound to.
func (s *session) undocumented(w io.Writer, name string) {
	if v, ok := s.interp.Lookup(name); ok {
		s.locked(context.Background(), func() { fmt.Fprintf(w, "%s: %s (no documentation)\n", name, scheme.WriteString(v)) })
		return
	}
	fmt.Fprintf(w, "%s: not bound%s\n", name, s.didYouMean(name))
}

func (s *session) cmdDoc(_ context.Context, arg string) error {
	found := false
	for _, e := range s.entries() {
		if e.Name == arg {
			if found {
				fmt.Fprintln(s.out)
			}
			found = true
			fmt.Fprint(s.out, e.Text())
		}
	}
	if !found {
		s.undocumented(s.out, arg)
	}
	return nil
}

// entries returns every name exported by the registered libraries, with
// its reference, sorted by name then library.
func (s *session) entries() []refdoc.Entry {
	var out []refdoc.Entry
	for _, l := range refdoc.FromTables(s.interp.Libraries()) {
		out = append(out, l.Entries...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (s *session) cmdApropos(_ context.Context, text string) error {
	w := s.out
	docs := map[string]string{}
	for _, e := range s.entries() {
		if docs[e.Name] == "" {
			docs[e.Name] = firstLine(e.Doc)
		}
	}
	names := map[string]bool{}
	for n := range docs {
		names[n] = true
	}
	for _, n := range s.interp.GlobalNames() {
		names[n] = true
	}
	var hits []string
	for n := range names {
		if strings.Contains(n, text) {
			hits = append(hits, n)
		}
	}
	sort.Strings(hits)
	if len(hits) == 0 {
		fmt.Fprintf(w, "no bound name contains %q\n", text)
		return nil
	}
	width := 0
	for _, n := range hits {
		width = max(width, len(n))
	}
	for _, n := range hits {
		if d := docs[n]; d != "" {
			fmt.Fprintf(w, "%-*s  %s\n", width, n, d)
		} else {
			fmt.Fprintln(w, n)
		}
	}
	return nil
}

// firstLine returns the first sentence or line of a doc string.
func firstLine(doc string) string {
	doc, _, _ = strings.Cut(strings.TrimSpace(doc), "\n")
	if i := strings.Index(doc, ". "); i >= 0 {
		doc = doc[:i+1]
	}
	return doc
}

// readArg reads the one datum of a command's argument (#n reads as a
// result, as in an expression).
func (s *session) readArg(arg string) (scheme.Value, error) {
	datums, incomplete, err := parseInput(s.interp, arg+"\n", s.result)
	switch {
	case err != nil:
		return nil, err
	case incomplete || len(datums) != 1:
		return nil, errors.New("repl: expected one complete expression: " + arg)
	}
	return datums[0], nil
}

// evalArg reads the one expression of a command's argument and evaluates
// it as the REPL does (Ctrl-C cancels it).
func (s *session) evalArg(ctx context.Context, arg string) (scheme.Value, error) {
	d, err := s.readArg(arg)
	if err != nil {
		return nil, err
	}
	var v scheme.Value
	err = s.withInterrupt(ctx, func(ctx context.Context) error {
		var err error
		v, err = s.interp.Eval(ctx, s.inModule(d))
		return err
	})
	return v, err
}

func (s *session) cmdPP(ctx context.Context, arg string) error {
	v, err := s.evalArg(ctx, arg)
	if err != nil {
		return err
	}
	return s.withInterrupt(ctx, func(ctx context.Context) error {
		for _, x := range valuesOf(v) {
			if x == scheme.Unspecified {
				continue
			}
			if _, err := s.interp.Apply(ctx, chickenprettyprint.Print, x); err != nil {
				return err
			}
		}
		return nil
	})
}

// cmdLoad loads each file in turn, stopping at the first error.
func (s *session) cmdLoad(ctx context.Context, arg string) error {
	for _, path := range strings.Fields(arg) {
		if err := s.withInterrupt(ctx, func(ctx context.Context) error { return s.interp.Load(ctx, path) }); err != nil {
			return err
		}
	}
	return nil
}

func (s *session) cmdCd(_ context.Context, dir string) error {
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return fmt.Errorf("repl: ,cd: %w", err)
		}
		dir = home
	}
	if err := os.Chdir(dir); err != nil {
		return fmt.Errorf("repl: ,cd: %w", err)
	}
	return s.cmdPwd(nil, "")
}

func (s *session) cmdPwd(context.Context, string) error {
	wd, err := os.Getwd()
	if err != nil {
		return fmt.Errorf("repl: ,pwd: %w", err)
	}
	fmt.Fprintln(s.out, wd)
	return nil
}

func (s *session) cmdExn(context.Context, string) error {
	if s.lastErr == nil {
		fmt.Fprintln(s.out, "no error yet")
		return nil
	}
	s.locked(context.Background(), func() { fmt.Fprint(s.out, FormatErrorFull(s.lastErr)) })
	var se *scheme.Error
	if errors.As(s.lastErr, &se) && se.Condition != nil {
		s.remember(se.Condition) // as csi's ,exn, it becomes the last result
	}
	return nil
}

func (s *session) cmdBT(context.Context, string) error {
	var se *scheme.Error
	if !errors.As(s.lastErr, &se) {
		fmt.Fprintln(s.out, "no error yet")
		return nil
	}
	stack := stackOf(se)
	if len(stack) == 0 {
		fmt.Fprintln(s.out, "the last error has no call stack")
		return nil
	}
	for i, f := range stack {
		fmt.Fprintf(s.out, "%2d: %s\n", i, f)
	}
	return nil
}

func (s *session) cmdThreads(context.Context, string) error {
	ts := s.interp.Threads()
	if len(ts) == 0 {
		fmt.Fprintln(s.out, "no threads running (besides the REPL's)")
		return nil
	}
	for _, t := range ts {
		what := "running"
		if t.Blocked != "" {
			what = "blocked in " + t.Blocked
		}
		s.locked(context.Background(), func() { fmt.Fprintf(s.out, "%s  %s, %s\n", scheme.WriteString(t.Thread), t.State, what) })
	}
	return nil
}
