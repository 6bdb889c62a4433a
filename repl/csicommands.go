// csicommands: csi's toplevel commands beyond the common ones — the result
// history (,h ,ch and #n), ,x, ,s, ,e, ,du, ,dur, ,ln, ,r and ,m (CHICKEN 5
// manual, "Using the interpreter", "Toplevel commands").

package repl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/chickenplatform"
	"github.com/tlsport/tlsport/scheme/chickenprettyprint"
)

// cmdHistory lists the results #1, #2 … as csi's ,h does.
func (s *session) cmdHistory(ctx context.Context, _ string) error {
	for i, v := range s.results {
		text, err := s.interp.WriteValue(ctx, v, scheme.ModeWrite)
		if err != nil {
			return err
		}
		fmt.Fprintf(s.out, "#%d: %s\n", i+1, text)
	}
	return nil
}

// cmdClearHistory lets the results go, as csi's ,ch does: the entries
// stay, unspecified, so the numbers of later results do not change.
func (s *session) cmdClearHistory(context.Context, string) error {
	for i := range s.results {
		s.results[i] = scheme.Unspecified
	}
	return nil
}

// cmdExpand pretty-prints the expansion of an expression, not evaluated.
func (s *session) cmdExpand(ctx context.Context, arg string) error {
	d, err := s.readArg(arg)
	if err != nil {
		return err
	}
	return s.withInterrupt(ctx, func(ctx context.Context) error {
		v, err := s.interp.Eval(ctx, scheme.List(scheme.Intern("expand"), scheme.List(scheme.Intern("quote"), d)))
		if err != nil {
			return err
		}
		_, err = s.interp.Apply(ctx, chickenprettyprint.Print, v)
		return err
	})
}

// cmdShell runs a shell command with the REPL's output (its standard input
// is empty: the REPL's own is the REPL's); its exit status is printed, as
// csi's ,s prints what system returns.
func (s *session) cmdShell(ctx context.Context, arg string) error {
	s.flush()
	return s.withInterrupt(ctx, func(ctx context.Context) error {
		cmd := exec.CommandContext(ctx, "/bin/sh", "-c", arg)
		cmd.Stdout, cmd.Stderr = s.out, s.errw
		err := cmd.Run()
		status := 0
		var exit *exec.ExitError
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.As(err, &exit):
			status = exit.ExitCode()
		case err != nil:
			return fmt.Errorf("repl: ,s: %w", err)
		}
		s.out.FreshLine()
		fmt.Fprintln(s.out, status)
		return nil
	})
}

// cmdEdit runs an editor on a file, as csi's ,e: (editor-command) when it
// is a string, else $EDITOR, $VISUAL, emacsclient when $EMACS is set, else
// vi; the editor gets the terminal.
func (s *session) cmdEdit(ctx context.Context, file string) error {
	editor := ""
	if v, err := s.interp.EvalString(ctx, "(editor-command)"); err == nil {
		if str, ok := v.(*scheme.String); ok {
			editor = str.String()
		}
	}
	for _, env := range []string{"EDITOR", "VISUAL"} {
		if editor == "" {
			editor = os.Getenv(env)
		}
	}
	switch {
	case editor != "":
	case os.Getenv("EMACS") != "":
		editor = "emacsclient"
	default:
		editor = "vi"
	}
	s.flush()
	return s.withInterrupt(ctx, func(ctx context.Context) error {
		cmd := exec.CommandContext(ctx, "/bin/sh", "-c", editor+` "$1"`, "sh", file)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil && ctx.Err() == nil {
			return fmt.Errorf("repl: ,e: %s: %w", editor, err)
		}
		return ctx.Err()
	})
}

// cmdDump writes the bytes of a string, bytevector or blob in hex and as
// text, 16 a line, as csi's ,du does.
func (s *session) cmdDump(ctx context.Context, arg string) error {
	return s.dump(ctx, arg, -1)
}

// cmdDumpRange is ,dur EXPR N: the first N bytes.
func (s *session) cmdDumpRange(ctx context.Context, arg string) error {
	i := strings.LastIndexAny(arg, " \t")
	n, err := strconv.Atoi(strings.TrimSpace(arg[i+1:]))
	if i < 0 || err != nil || n < 0 {
		return errors.New("repl: ,dur needs EXPR N, N a count of bytes")
	}
	return s.dump(ctx, arg[:i], n)
}

func (s *session) dump(ctx context.Context, arg string, limit int) error {
	v, err := s.evalArg(ctx, arg)
	if err != nil {
		return err
	}
	var b []byte
	if str, ok := v.(*scheme.String); ok {
		b = []byte(str.String())
	} else if b, ok = scheme.BytesOf(v); !ok {
		return fmt.Errorf("repl: ,du: cannot dump %s: a string, bytevector or blob is needed", scheme.WriteString(v))
	}
	if limit >= 0 && limit < len(b) {
		b = b[:limit]
	}
	hexDump(s.out, b)
	return nil
}

// hexDump writes b as csi's dump does: the offset, 16 bytes in hex, and
// the printable ones as text.
func hexDump(w io.Writer, b []byte) {
	for off := 0; off < len(b); off += 16 {
		line := b[off:min(off+16, len(b))]
		var hex, text strings.Builder
		for _, c := range line {
			fmt.Fprintf(&hex, " %02x", c)
			if c < 32 || c > 126 {
				c = '.'
			}
			text.WriteByte(c)
		}
		fmt.Fprintf(w, "%4d:%-48s %s\n", off, hex.String(), text.String())
	}
}

// cmdLoadNoisy loads files, writing each top-level expression and its
// results, as csi's ,ln does.
func (s *session) cmdLoadNoisy(ctx context.Context, arg string) error {
	for _, path := range strings.Fields(arg) {
		src, err := os.ReadFile(path)
		if err != nil {
			return fmt.Errorf("repl: ,ln: %w", err)
		}
		fmt.Fprintf(s.out, "; loading %s ...\n", path)
		datums, _, err := parseInput(s.interp, string(src)+"\n", nil)
		if err != nil {
			return err
		}
		for _, d := range datums {
			fmt.Fprintln(s.out, scheme.WriteString(d))
			err := s.withInterrupt(ctx, func(ctx context.Context) error {
				v, err := s.interp.Eval(ctx, d)
				if err != nil {
					return err
				}
				vals := valuesOf(v)
				texts := make([]string, len(vals))
				for i, x := range vals {
					if x == nil {
						x = scheme.Unspecified
					}
					if texts[i], err = s.interp.WriteValue(ctx, x, scheme.ModeWrite); err != nil {
						return err
					}
				}
				fmt.Fprintf(s.out, "==> %s\n", strings.Join(texts, " "))
				return nil
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// cmdSysInfo prints what csi's ,r does: the features, the platform, the
// keyword style, memory and the command line.
func (s *session) cmdSysInfo(ctx context.Context, _ string) error {
	w := s.out
	fmt.Fprintln(w, "Features:")
	fs := slices.Sorted(slices.Values(s.interp.Features()))
	for i := 0; i < len(fs); i += 3 {
		fmt.Fprint(w, " ")
		for _, f := range fs[i:min(i+3, len(fs))] {
			fmt.Fprintf(w, " %-17s", f)
		}
		fmt.Fprintln(w)
	}
	p := scheme.PlatformOf(runtime.GOOS, runtime.GOARCH)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	style, cmdline := "?", "?"
	if v, err := s.interp.EvalString(ctx, "(keyword-style)"); err == nil {
		style = strings.TrimPrefix(scheme.WriteString(v), "#:")
	}
	if v, err := s.interp.EvalString(ctx, "(command-line)"); err == nil {
		cmdline = scheme.WriteString(v)
	}
	fmt.Fprintf(w, "\nMachine type:    \t%s (%d-bit)\n", p.MachineType, p.WordBits)
	fmt.Fprintf(w, "Software type:   \t%s\n", p.SoftwareType)
	fmt.Fprintf(w, "Software version:\t%s\n", p.SoftwareVersion)
	fmt.Fprintf(w, "Build platform:  \t%s (%s)\n", "unknown", runtime.Version())
	fmt.Fprintf(w, "CHICKEN API:     \t%s\n", chickenplatform.Version)
	fmt.Fprintf(w, "Keyword style:   \t%s\n", style)
	fmt.Fprintf(w, "Memory:\theap size is %d bytes with %d bytes currently in use\n", ms.HeapSys, ms.HeapAlloc)
	fmt.Fprintf(w, "Command line:    \t%s\n", cmdline)
	return nil
}

// cmdModule selects the module input is evaluated in, as csi's ,m: its
// environment (module-environment), or the top level again for #f.
func (s *session) cmdModule(ctx context.Context, arg string) error {
	name, err := s.readArg(arg)
	if err != nil {
		return err
	}
	if name == scheme.False {
		s.module, s.moduleEnv = "", nil
		fmt.Fprintln(s.out, "; resetting current module to toplevel")
		return nil
	}
	env, err := s.interp.Eval(ctx, scheme.List(scheme.Intern("module-environment"), scheme.List(scheme.Intern("quote"), name)))
	if err != nil {
		return err
	}
	s.module, s.moduleEnv = scheme.DisplayString(name), env
	fmt.Fprintf(s.out, "; switching current module to `%s'\n", s.module)
	return nil
}
