// repl: Options and the read-eval-print loop (Run).

package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/tlsport/tlsport/scheme"
)

// Options configures a session. The zero value reads plain lines from
// os.Stdin and writes to os.Stdout and os.Stderr.
type Options struct {
	// In is the session's input. Use the same [*Input] as the
	// interpreter's Stdin so that Scheme reads from standard input see the
	// lines after the current one; any other reader is wrapped with
	// [NewInput]. nil means os.Stdin.
	In io.Reader
	// Out receives prompts and results, Err the error reports; nil means
	// os.Stdout / os.Stderr. Give both the same writer for one transcript.
	// When Out is an [*Output] that the interpreter also writes to (and Err
	// an [*Output] sharing its cursor, see [Output.Also]), a prompt or error
	// report after text that did not end in a newline starts on a fresh line.
	Out, Err io.Writer
	// Terminal turns on line editing (history, completion, Ctrl-C/Ctrl-D
	// handling) with github.com/chzyer/readline. In must then be the
	// terminal (standard input).
	Terminal bool
	// HistoryFile is where terminal mode keeps its history across sessions.
	// "" means the TLSPORT_HISTORY environment variable, else
	// ~/.tlsport_history; "-" means no history file.
	HistoryFile string
	// Prompt returns the prompt for input number n (1, 2, …); nil means
	// CHICKEN's "#;n> ".
	Prompt func(n int) string
	// HandleInterrupt installs a SIGINT handler while an evaluation runs,
	// so that Ctrl-C cancels it and returns to the prompt.
	HandleInterrupt bool
	// Banner, when not "", is written on its own line before the first
	// prompt (cmd/tlsport: the version and how to get help).
	Banner string
}

// session is the state of one Run.
type session struct {
	interp    *scheme.Interp
	opts      Options
	in        *Input
	out, errw *Output        // share one cursor (fresh-line before the prompt)
	n         int            // number of the next result: its history index, the prompt's number
	results   []scheme.Value // the history of results (#n, ,h): each evaluation's first value
	module    string         // ,m: the module input is evaluated in ("" the top level)
	moduleEnv scheme.Value   // its environment (module-environment)
	interrupt atomic.Bool    // set when Ctrl-C cancelled the running evaluation
	lastErr   error          // the last error reported (,exn and ,bt)
	// pendingText is the input of the unfinished datum before the line
	// being edited (for keyword completion).
	pendingText string
	traced      map[string]scheme.Value // ,trace: the original value of each traced name
}

// DefaultPrompt is CHICKEN's prompt: "#;n> ".
func DefaultPrompt(n int) string { return "#;" + strconv.Itoa(n) + "> " }

// continuation returns the prompt for the continuation lines of a datum:
// blanks as wide as the prompt, ending in ". ".
func continuation(prompt string) string {
	w := len([]rune(prompt))
	if w < 2 {
		return ". "
	}
	return strings.Repeat(" ", w-2) + ". "
}

// HistoryPath returns the history file terminal mode uses for the option
// value h: h itself, else $TLSPORT_HISTORY, else ~/.tlsport_history; ""
// when there is none.
func HistoryPath(h string) string {
	switch {
	case h == "-":
		return ""
	case h != "":
		return h
	}
	if e := os.Getenv("TLSPORT_HISTORY"); e != "" {
		if e == "-" {
			return ""
		}
		return e
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return home + string(os.PathSeparator) + ".tlsport_history"
}

// sharedOutputs returns the session's output and error writers, sharing
// one cursor: out and errw themselves when they are [*Output]s, else
// wrappers (nil means os.Stdout / os.Stderr).
func sharedOutputs(out, errw io.Writer) (*Output, *Output) {
	if out == nil {
		out = os.Stdout
	}
	if errw == nil {
		errw = os.Stderr
	}
	o, ok := out.(*Output)
	if !ok {
		o = NewOutput(out)
	}
	if e, ok := errw.(*Output); ok {
		return o, e
	}
	if errw == out {
		return o, o
	}
	return o, o.Also(errw)
}

// lineSource yields input lines.
type lineSource interface {
	// readLine returns one line without its newline. errInterrupted means
	// Ctrl-C while editing; io.EOF the end of input (Ctrl-D).
	readLine(ctx context.Context, prompt string) (string, error)
	// addHistory records a complete input.
	addHistory(entry string)
	// abandons reports whether the end of input inside an unfinished
	// datum (Ctrl-D on an empty continuation line) abandons the datum and
	// goes on, as at a terminal, rather than ending the session.
	abandons() bool
	close()
}

// errInterrupted is Ctrl-C while editing, errAbandoned Ctrl-D at the end
// of a non-empty line: both drop the entry being typed.
var (
	errInterrupted = errors.New("repl: interrupted")
	errAbandoned   = errors.New("repl: entry abandoned")
)

// Run runs a session with interp until the input ends, ,quit or (exit n).
// It returns nil at the end of input or ,quit, an *scheme.ExitError for
// (exit n), and other errors only when the terminal cannot be set up or
// ctx is done.
func Run(ctx context.Context, interp *scheme.Interp, o Options) error {
	s := &session{interp: interp, opts: o, n: 1, traced: map[string]scheme.Value{}}
	s.out, s.errw = sharedOutputs(o.Out, o.Err)
	switch r := o.In.(type) {
	case *Input:
		s.in = r
	case nil:
		s.in = NewInput(os.Stdin)
	default:
		s.in = NewInput(r)
	}
	if o.Prompt == nil {
		s.opts.Prompt = DefaultPrompt
	}
	var src lineSource
	if o.Terminal {
		t, err := newTerminal(s)
		if err != nil {
			return err
		}
		src = t
	} else {
		src = &plainSource{in: s.in, out: s.out}
	}
	defer src.close()
	if o.Banner != "" {
		fmt.Fprintln(s.out, o.Banner)
	}
	return s.loop(ctx, src)
}

// loop reads, evaluates and prints until the end.
func (s *session) loop(ctx context.Context, src lineSource) error {
	var pending strings.Builder
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		prompt := s.prompt()
		if pending.Len() > 0 {
			prompt = continuation(prompt)
		}
		s.out.FreshLine()
		s.pendingText = pending.String()
		line, err := src.readLine(ctx, prompt)
		s.out.atLineStart()
		switch {
		case errors.Is(err, errInterrupted), errors.Is(err, errAbandoned):
			pending.Reset()
			continue
		case errors.Is(err, io.EOF) && pending.Len() > 0 && src.abandons():
			pending.Reset()
			continue
		case errors.Is(err, io.EOF):
			if pending.Len() > 0 {
				fmt.Fprintln(s.errw, "Error: read: input ended inside a datum")
			}
			return nil
		case err != nil:
			return err
		}
		if pending.Len() == 0 {
			trimmed := strings.TrimSpace(line)
			if trimmed == "" {
				continue
			}
			if cmd, ok := strings.CutPrefix(trimmed, ","); ok {
				src.addHistory(trimmed)
				quit, err := s.runCommand(ctx, cmd)
				if quit {
					return nil
				}
				if err := s.report(err); err != nil {
					return err
				}
				continue
			}
		}
		pending.WriteString(line)
		pending.WriteString("\n")
		datums, incomplete, rerr := parseInput(s.interp, pending.String(), s.result)
		if incomplete {
			continue
		}
		text := pending.String()
		pending.Reset()
		src.addHistory(strings.TrimSpace(text))
		for _, d := range datums {
			if err := s.eval(ctx, d); err != nil {
				return err
			}
		}
		if rerr != nil {
			s.out.FreshLine()
			fmt.Fprint(s.errw, FormatError(rerr))
		}
	}
}

// eval evaluates one datum and prints its results or its condition. It
// returns an error only to end the session (*scheme.ExitError).
func (s *session) eval(ctx context.Context, d scheme.Value) error {
	err := s.withInterrupt(ctx, func(ctx context.Context) error {
		v, err := s.interp.Eval(ctx, s.inModule(d))
		if err != nil {
			return err
		}
		s.remember(v)
		return writeResults(ctx, s.interp, s.out, v)
	})
	if err != nil {
		return s.report(err)
	}
	return nil
}

// prompt is the prompt for the next input: with a module selected by ,m,
// the default prompt names it, as csi's does ("#;foo:2> ").
func (s *session) prompt() string {
	p := s.opts.Prompt(s.n)
	if s.module != "" {
		p = strings.Replace(p, "#;", "#;"+s.module+":", 1)
	}
	return p
}

// inModule is the expression evaluating d in the module ,m selected.
func (s *session) inModule(d scheme.Value) scheme.Value {
	if s.moduleEnv == nil {
		return d
	}
	return scheme.List(scheme.Intern("eval"), scheme.List(scheme.Intern("quote"), d), s.moduleEnv)
}

// remember adds a result to the history, as csi's toplevel does: the
// first of several values, unspecified for none.
func (s *session) remember(v scheme.Value) {
	first := scheme.Value(scheme.Unspecified)
	if vals := valuesOf(v); len(vals) > 0 && vals[0] != nil {
		first = vals[0]
	}
	s.results = append(s.results, first)
	s.n = len(s.results) + 1
}

// result is history entry n (1 the first, 0 the last), for #n and #.
func (s *session) result(n int) (scheme.Value, bool) {
	if n == 0 {
		n = len(s.results)
	}
	if n < 1 || n > len(s.results) {
		return nil, false
	}
	return s.results[n-1], true
}

// report prints an evaluation error; it returns the error when it ends
// the session ((exit n)).
func (s *session) report(err error) error {
	if err == nil {
		return nil
	}
	var exit *scheme.ExitError
	if errors.As(err, &exit) {
		return err
	}
	s.out.FreshLine()
	if s.interrupt.Swap(false) {
		if s.opts.Terminal {
			fmt.Fprintln(s.errw) // after the echoed ^C
		}
		fmt.Fprintln(s.errw, "*** user interrupt ***")
		return nil
	}
	s.lastErr = err
	s.locked(context.Background(), func() { fmt.Fprint(s.errw, FormatError(err)+s.unboundHint(err)) }) // its irritants may be shared
	return nil
}

// withInterrupt runs f with a context that Ctrl-C (SIGINT) cancels when
// Options.HandleInterrupt is set; the handler is installed only for the
// duration of f. It also flushes the Scheme output ports afterwards.
func (s *session) withInterrupt(ctx context.Context, f func(ctx context.Context) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.interrupt.Store(false)
	if s.opts.HandleInterrupt {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt)
		done := make(chan struct{})
		defer func() {
			signal.Stop(sig)
			close(done)
		}()
		go func() {
			select {
			case <-sig:
				s.interrupt.Store(true)
				cancel()
			case <-done:
			}
		}()
	}
	err := f(ctx)
	s.flush()
	if err == nil {
		s.interrupt.Store(false)
	}
	return err
}

// flush flushes the interpreter's output and error ports, so that text
// displayed without a newline appears before the next prompt.
func (s *session) flush() { _ = s.interp.FlushOutput(context.Background()) }

// plainSource reads lines from an Input and writes plain prompts.
type plainSource struct {
	in  *Input
	out io.Writer
}

func (p *plainSource) readLine(ctx context.Context, prompt string) (string, error) {
	io.WriteString(p.out, prompt)
	line, err := p.in.ReadLineContext(ctx)
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func (p *plainSource) addHistory(string) {}
func (p *plainSource) abandons() bool    { return false }
func (p *plainSource) close()            {}
