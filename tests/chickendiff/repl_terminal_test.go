package chickendiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/internal/tmuxtest"
)

// replProgram starts (chicken repl)'s repl on the terminal, then says bye.
const replProgram = `(import (chicken repl))
(display "ready") (newline)
(display (list 'quit-result (repl))) (newline)
(display "bye") (newline)
(let wait () (if (not (eof-object? (read-line))) (wait))) ; stay: tmux shifts a dead pane's screen
`

// TestReplTerminal runs replProgram on a real pseudo-terminal (tmux) under
// tlsport and, when installed, csi: on a terminal repl writes a prompt
// before each read, writes each result on a line, reports an error and
// reads on, and quit ends it with its result. The screens must be the
// same but for the prompt's number (tlsport's counts the expressions read;
// csi's counts its toplevel's history, which a program's repl does not
// add to, so it stays 1) and the error report (wording, csi's call
// history).
func TestReplTerminal(t *testing.T) {
	dir := t.TempDir()
	prog := filepath.Join(dir, "repl-term.scm")
	if err := os.WriteFile(prog, []byte(replProgram), 0o644); err != nil {
		t.Fatal(err)
	}
	screen := func(t *testing.T, cmd ...string) string {
		x := tmuxtest.Start(t, 100, 50, runDeadline, append([]string{"env", "TERM=xterm"}, cmd...)...)
		x.WaitFor("ready\n#;1>")
		x.Keys("(+ 1 2)", "Enter")
		x.WaitFor("\n3\n#;")
		x.Keys("(values 'a 'b)", "Enter")
		x.WaitFor("; 2 values\n#;")
		x.Keys("(car '())", "Enter")
		x.WaitFor("bad argument type")
		x.WaitForFunc("a fourth prompt", func(screen string) bool { return strings.Count(screen, "\n#;") == 4 })
		// The text, then Enter once the terminal has echoed it: a busy
		// machine has lost an Enter sent with the text.
		x.Keys("(quit 'done)")
		x.WaitForFunc("the echo of (quit 'done)", func(screen string) bool {
			return strings.HasSuffix(strings.TrimRight(screen, "\n"), "(quit 'done)")
		})
		x.Keys("Enter")
		return x.WaitFor("bye")
	}
	got := screen(t, tlsportBin, prog)
	want := "#;1> (+ 1 2)\n3\n#;2> (values 'a 'b)\na\nb\n; 2 values\n#;3> (car '())\n\n" +
		"Error: (car) bad argument type in argument 1 (expected pair): ()\n#;4> (quit 'done)\n(quit-result done)\nbye\n"
	if !strings.Contains(got, want) {
		t.Errorf("tlsport's screen:\n%q\nwant it to hold:\n%q", got, want)
	}
	csi, err := exec.LookPath("csi")
	if err != nil {
		t.Logf("csi not in PATH, screen not compared with csi's (apt-get install chicken-bin)")
		return
	}
	if g, c := normalizeRepl(got), normalizeRepl(screen(t, csi, "-s", prog)); g != c {
		t.Errorf("screens differ (prompt numbers and error reports left out)\ntlsport:\n%s\ncsi:\n%s", g, c)
	}
}

// normalizeRepl leaves out of a repl screen what may differ from csi's:
// the prompts' numbers, an error report's lines, blank lines, and the
// screen before the first prompt (tmux may have scrolled "ready" away
// when it sized the window) and after "bye".
func normalizeRepl(screen string) string {
	screen, _, _ = strings.Cut(screen, "bye\n")
	if i := strings.Index(screen, "#;"); i >= 0 {
		screen = screen[i:]
	}
	var out []string
	inError := false
	for _, l := range strings.Split(screen, "\n") {
		if strings.HasPrefix(l, "Error:") {
			inError = true
			out = append(out, "Error: …")
		}
		if strings.HasPrefix(l, "#;") {
			inError = false
			_, rest, _ := strings.Cut(l, ">")
			l = "#;N>" + rest
		}
		if !inError && l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
