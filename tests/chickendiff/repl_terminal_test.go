package chickendiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
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
	if testing.Short() {
		t.Skip("pseudo-terminal session skipped under -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skipf("tmux not in PATH; install it (apt-get install tmux): %v", err)
	}
	dir := t.TempDir()
	prog := filepath.Join(dir, "repl-term.scm")
	if err := os.WriteFile(prog, []byte(replProgram), 0o644); err != nil {
		t.Fatal(err)
	}
	screen := func(t *testing.T, cmd ...string) string {
		x := &tmuxSession{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock")}
		x.run(append([]string{"new-session", "-d", "-s", "s", "-x", "100", "-y", "50", "env", "TERM=xterm"}, cmd...)...)
		t.Cleanup(func() { _ = exec.Command("tmux", "-S", x.socket, "kill-server").Run() })
		x.run("set-option", "-t", "s", "remain-on-exit", "on")
		x.waitFor("ready\n#;1>")
		x.keys("(+ 1 2)", "Enter")
		x.waitFor("\n3\n#;")
		x.keys("(values 'a 'b)", "Enter")
		x.waitFor("; 2 values\n#;")
		x.keys("(car '())", "Enter")
		x.waitFor("bad argument type")
		x.waitForFunc("a fourth prompt", func(screen string) bool { return strings.Count(screen, "\n#;") == 4 })
		x.keys("(quit 'done)", "Enter")
		return x.waitFor("bye")
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

// tmuxSession drives one tmux server on a private socket.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func (x *tmuxSession) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", x.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (x *tmuxSession) keys(keys ...string) {
	x.t.Helper()
	x.run(append([]string{"send-keys", "-t", "s"}, keys...)...)
}

// waitFor polls the pane until it contains want, and returns it.
func (x *tmuxSession) waitFor(want string) string {
	x.t.Helper()
	return x.waitForFunc(strconv.Quote(want), func(screen string) bool { return strings.Contains(screen, want) })
}

// waitForFunc polls the pane (trailing blanks of each line removed) until
// ok accepts it, and returns it; what names the wait for the report.
func (x *tmuxSession) waitForFunc(what string, ok func(screen string) bool) string {
	x.t.Helper()
	deadline := time.Now().Add(runDeadline)
	for {
		lines := strings.Split(x.run("capture-pane", "-p", "-t", "s"), "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		screen := strings.Join(lines, "\n")
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("timed out waiting for %s; screen:\n%s", what, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
