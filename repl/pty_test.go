// A session through a real pseudo-terminal, driven with tmux: history
// across two sessions, Tab completion and Ctrl-C.

package repl

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/internal/tmuxtest"
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

// startTmux starts a terminal session (ptyHelper) in a fresh tmux server;
// it skips the test under -short or without tmux.
func startTmux(t *testing.T, history string) *tmuxtest.Session {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	x := tmuxtest.Start(t, 120, 40, 10*time.Second, "env", "REPL_PTY_HELPER=1", "TLSPORT_HISTORY="+history, "TERM=xterm", exe)
	x.WaitFor("#;1>")
	return x
}

func TestPTYSession(t *testing.T) {
	history := filepath.Join(t.TempDir(), "history")

	x := startTmux(t, history)
	x.WaitFor("tlsport test — ,help lists the commands\n#;1>")
	// Tab completion of a name defined in the session.
	x.Keys("(define zebra-unicorn-count 41)", "Enter")
	x.WaitFor("#;2>")
	x.Keys("(+ 1 zebra-uni", "Tab")
	x.WaitFor("(+ 1 zebra-unicorn-count")
	x.Keys(")", "Enter")
	x.WaitFor("42")
	// Tab completion of a library export.
	x.Keys("(demo-conn", "Tab")
	x.WaitFor("(demo-connect")
	x.Keys(" \"h\")", "Enter")
	x.WaitFor("443")
	// Ctrl-C while an evaluation blocks cancels it and returns to the prompt.
	x.Keys("(demo-block)", "Enter")
	time.Sleep(300 * time.Millisecond)
	x.Keys("C-c")
	x.WaitFor("*** user interrupt ***")
	x.WaitFor("#;4>") // an interrupted evaluation adds no result
	// Ctrl-C while editing clears the line, multi-line input included.
	x.Keys("(list 1", "Enter")
	x.Keys("2", "C-c")
	time.Sleep(100 * time.Millisecond)
	x.Keys("(* 6 (+ 3 4))", "Enter")
	x.WaitFor("\n42\n#;5>")
	// Output without a final newline is not drawn over by the prompt.
	x.Keys(`(display "no newline here")`, "Enter")
	x.WaitFor("no newline here\n#;6>")
	x.Keys("C-d")
	x.WaitFor("[session end]")

	data, err := os.ReadFile(history)
	if err != nil {
		t.Fatalf("history file: %v", err)
	}
	if !strings.Contains(string(data), "(* 6 (+ 3 4))") {
		t.Fatalf("history file lacks the last input:\n%s", data)
	}

	// A second session sees the first one's history.
	y := startTmux(t, history)
	y.Keys("Up", "Up")
	y.WaitFor("#;1> (* 6 (+ 3 4))")
	y.Keys("Enter")
	y.WaitFor("\n42\n#;2>")
	// Ctrl-C interrupts a (read-line) blocked on the terminal, and the
	// next line typed goes to the REPL, not to the cancelled read.
	if _, ok := newHelperInterp(NewInput(strings.NewReader("")), io.Discard).Lookup("read-line"); ok {
		y.Keys("(read-line)", "Enter")
		time.Sleep(300 * time.Millisecond)
		y.Keys("C-c")
		y.WaitFor("*** user interrupt ***")
		y.WaitFor("#;2>")
		y.Keys("(+ 100 23)", "Enter")
		y.WaitFor("\n123\n#;3>")
	} else {
		t.Log("read-line not bound yet: the (read-line) interrupt step is skipped")
	}
	y.Keys(",quit", "Enter")
	y.WaitFor("[session end]")
}

// TestPTYLineEditing: Home and End as tmux sends them, a multi-line entry
// recalled from history as it was typed (across sessions too), Ctrl-D
// abandoning an unfinished entry, Tab completing a keyword.
func TestPTYLineEditing(t *testing.T) {
	history := filepath.Join(t.TempDir(), "history")
	x := startTmux(t, history)

	// Home and End (tmux sends ESC [ 1 ~ and ESC [ 4 ~).
	x.Keys("2 3)", "Home", "(+ 1 ", "End", " 4", "Left", "Left", "Left", "End", ")")
	x.WaitFor("#;1> (+ 1 2 3) 4)")
	x.Keys("C-u", "(* 2 3", "Home", "End", ")", "Enter")
	x.WaitFor("\n6\n#;2>")

	// A string literal spanning two lines comes back from history with its
	// line break, and evaluates as typed.
	x.Keys(`(define s "multi`, "Enter", `line")`, "Enter")
	x.WaitFor("#;3>")
	x.Keys("(set! s 0)", "Enter")
	x.WaitFor("#;4>")
	x.Keys("Up", "Up")
	x.WaitFor(`#;4> (define s "multi⏎line")`)
	x.Keys("Enter")
	x.WaitFor("#;5>")
	x.Keys("s", "Enter")
	x.WaitFor(`"multi\nline"` + "\n#;6>")

	// Ctrl-D on the empty continuation line of an unfinished entry
	// abandons it; so does Ctrl-D at the end of a non-empty line.
	x.Keys("(list 1", "Enter", "C-d")
	time.Sleep(100 * time.Millisecond)
	x.Keys("(list 9", "C-d")
	time.Sleep(100 * time.Millisecond)
	x.Keys("(+ 2 2)", "Enter")
	x.WaitFor("\n4\n#;7>")

	// Tab after a keyword procedure's name completes its keywords.
	x.Keys("(demo-connect* ho", "Tab")
	x.WaitFor("#;7> (demo-connect* hostname:")
	x.Keys(` "h")`, "Enter")
	x.WaitFor("\n\"h\"\n#;8>")

	// Ctrl-D on an empty line leaves.
	x.Keys("C-d")
	x.WaitFor("[session end]")

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
		y.Keys("Up")
	}
	y.WaitFor(`#;1> (define s "multi⏎line")`)
	y.Keys("Enter", "s", "Enter")
	y.WaitFor(`"multi\nline"` + "\n#;3>")
	y.Keys(",quit", "Enter")
	y.WaitFor("[session end]")
}
