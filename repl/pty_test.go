// A session through a real pseudo-terminal, driven with tmux: history
// across two sessions, Tab completion and Ctrl-C.

package repl

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestMain doubles as the terminal REPL run inside tmux when
// REPL_PTY_HELPER is set.
func TestMain(m *testing.M) {
	if os.Getenv("REPL_PTY_HELPER") == "1" {
		os.Exit(ptyHelper())
	}
	os.Exit(m.Run())
}

// ptyHelper runs a terminal session on the process's stdio.
func ptyHelper() int {
	in := NewInput(os.Stdin)
	out := NewOutput(os.Stdout)
	interp := newHelperInterp(in, out)
	err := Run(context.Background(), interp, Options{In: in, Out: out, Err: out,
		Terminal: true, HandleInterrupt: true, Banner: "tlsport test — ,help lists the commands"})
	fmt.Printf("[session %s]\n", runResult(err))
	return 0
}

// tmux drives one tmux server on a private socket.
type tmux struct {
	t      *testing.T
	socket string
}

func (x *tmux) run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", x.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (x *tmux) capture() string { return x.run("capture-pane", "-p", "-t", "s") }

// waitFor polls the pane until it contains want.
func (x *tmux) waitFor(want string) string {
	x.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := x.capture()
		if strings.Contains(screen, want) {
			return screen
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("timed out waiting for %q; screen:\n%s", want, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (x *tmux) keys(keys ...string) {
	x.t.Helper()
	x.run(append([]string{"send-keys", "-t", "s"}, keys...)...)
}

// startTmux starts a terminal session in a fresh tmux server; it skips
// the test under -short or without tmux.
func startTmux(t *testing.T, history string) *tmux {
	if testing.Short() {
		t.Skip("pseudo-terminal session skipped under -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skipf("tmux not in PATH; install it (apt-get install tmux) to run: %v", err)
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	x := &tmux{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock")}
	x.run("new-session", "-d", "-s", "s", "-x", "120", "-y", "40",
		"env", "REPL_PTY_HELPER=1", "TLSPORT_HISTORY="+history, "TERM=xterm", exe)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", x.socket, "kill-server").Run() })
	x.run("set-option", "-t", "s", "remain-on-exit", "on")
	x.waitFor("#;1>")
	return x
}

func TestPTYSession(t *testing.T) {
	history := filepath.Join(t.TempDir(), "history")

	x := startTmux(t, history)
	x.waitFor("tlsport test — ,help lists the commands\n#;1>")
	// Tab completion of a name defined in the session.
	x.keys("(define zebra-unicorn-count 41)", "Enter")
	x.waitFor("#;2>")
	x.keys("(+ 1 zebra-uni", "Tab")
	x.waitFor("(+ 1 zebra-unicorn-count")
	x.keys(")", "Enter")
	x.waitFor("42")
	// Tab completion of a library export.
	x.keys("(demo-conn", "Tab")
	x.waitFor("(demo-connect")
	x.keys(" \"h\")", "Enter")
	x.waitFor("443")
	// Ctrl-C while an evaluation blocks cancels it and returns to the prompt.
	x.keys("(demo-block)", "Enter")
	time.Sleep(300 * time.Millisecond)
	x.keys("C-c")
	x.waitFor("*** user interrupt ***")
	x.waitFor("#;5>")
	// Ctrl-C while editing clears the line, multi-line input included.
	x.keys("(list 1", "Enter")
	x.keys("2", "C-c")
	time.Sleep(100 * time.Millisecond)
	x.keys("(* 6 (+ 3 4))", "Enter")
	x.waitFor("\n42\n#;6>")
	// Output without a final newline is not drawn over by the prompt.
	x.keys(`(display "no newline here")`, "Enter")
	x.waitFor("no newline here\n#;7>")
	x.keys("C-d")
	x.waitFor("[session end]")

	data, err := os.ReadFile(history)
	if err != nil {
		t.Fatalf("history file: %v", err)
	}
	if !strings.Contains(string(data), "(* 6 (+ 3 4))") {
		t.Fatalf("history file lacks the last input:\n%s", data)
	}

	// A second session sees the first one's history.
	y := startTmux(t, history)
	y.keys("Up", "Up")
	y.waitFor("#;1> (* 6 (+ 3 4))")
	y.keys("Enter")
	y.waitFor("\n42\n#;2>")
	// Ctrl-C interrupts a (read-line) blocked on the terminal, and the
	// next line typed goes to the REPL, not to the cancelled read.
	if _, ok := newHelperInterp(NewInput(strings.NewReader("")), io.Discard).Lookup("read-line"); ok {
		y.keys("(read-line)", "Enter")
		time.Sleep(300 * time.Millisecond)
		y.keys("C-c")
		y.waitFor("*** user interrupt ***")
		y.waitFor("#;3>")
		y.keys("(+ 100 23)", "Enter")
		y.waitFor("\n123\n#;4>")
	} else {
		t.Log("read-line not bound yet: the (read-line) interrupt step is skipped")
	}
	y.keys(",quit", "Enter")
	y.waitFor("[session end]")
}

// TestPTYLineEditing: Home and End as tmux sends them, a multi-line entry
// recalled from history as it was typed (across sessions too), Ctrl-D
// abandoning an unfinished entry, Tab completing a keyword.
func TestPTYLineEditing(t *testing.T) {
	history := filepath.Join(t.TempDir(), "history")
	x := startTmux(t, history)

	// Home and End (tmux sends ESC [ 1 ~ and ESC [ 4 ~).
	x.keys("2 3)", "Home", "(+ 1 ", "End", " 4", "Left", "Left", "Left", "End", ")")
	x.waitFor("#;1> (+ 1 2 3) 4)")
	x.keys("C-u", "(* 2 3", "Home", "End", ")", "Enter")
	x.waitFor("\n6\n#;2>")

	// A string literal spanning two lines comes back from history with its
	// line break, and evaluates as typed.
	x.keys(`(define s "multi`, "Enter", `line")`, "Enter")
	x.waitFor("#;3>")
	x.keys("(set! s 0)", "Enter")
	x.waitFor("#;4>")
	x.keys("Up", "Up")
	x.waitFor(`#;4> (define s "multi⏎line")`)
	x.keys("Enter")
	x.waitFor("#;5>")
	x.keys("s", "Enter")
	x.waitFor(`"multi\nline"` + "\n#;6>")

	// Ctrl-D on the empty continuation line of an unfinished entry
	// abandons it; so does Ctrl-D at the end of a non-empty line.
	x.keys("(list 1", "Enter", "C-d")
	time.Sleep(100 * time.Millisecond)
	x.keys("(list 9", "C-d")
	time.Sleep(100 * time.Millisecond)
	x.keys("(+ 2 2)", "Enter")
	x.waitFor("\n4\n#;7>")

	// Tab after a keyword procedure's name completes its keywords.
	x.keys("(demo-connect* ho", "Tab")
	x.waitFor("#;7> (demo-connect* hostname:")
	x.keys(` "h")`, "Enter")
	x.waitFor("\n\"h\"\n#;8>")

	// Ctrl-D on an empty line leaves.
	x.keys("C-d")
	x.waitFor("[session end]")

	data, err := os.ReadFile(history)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "(define s \"multi\n\tline\")\n") {
		t.Fatalf("history file lacks the two-line entry:\n%s", data)
	}
	// The next session recalls it too.
	y := startTmux(t, history)
	for range 6 {
		y.keys("Up")
	}
	y.waitFor(`#;1> (define s "multi⏎line")`)
	y.keys("Enter", "s", "Enter")
	y.waitFor(`"multi\nline"` + "\n#;3>")
	y.keys(",quit", "Enter")
	y.waitFor("[session end]")
}
