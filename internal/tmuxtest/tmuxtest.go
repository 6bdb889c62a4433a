// Package tmuxtest drives a program on a real pseudo-terminal for tests:
// a tmux server on a private socket running one session, its screen read
// with capture-pane and keys sent with send-keys.
package tmuxtest

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Session is a tmux session named s on a private tmux server.
type Session struct {
	t       testing.TB
	socket  string
	timeout time.Duration
}

// Start starts cmd in a new width×height terminal; the server is killed
// when the test ends, and a session whose program ended stays on screen.
// WaitFor gives up after timeout. It skips the test under -short or when
// tmux is not installed.
func Start(t testing.TB, width, height int, timeout time.Duration, cmd ...string) *Session {
	t.Helper()
	if testing.Short() {
		t.Skip("pseudo-terminal session skipped under -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skipf("tmux not in PATH; install it (apt-get install tmux) to run: %v", err)
	}
	x := &Session{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock"), timeout: timeout}
	x.Run(append([]string{"new-session", "-d", "-s", "s", "-x", strconv.Itoa(width), "-y", strconv.Itoa(height)}, cmd...)...)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", x.socket, "kill-server").Run() })
	x.Run("set-option", "-t", "s", "remain-on-exit", "on")
	return x
}

// Run runs a tmux command on the session's server and returns its output.
func (x *Session) Run(args ...string) string {
	x.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", x.socket, "-f", "/dev/null"}, args...)...).CombinedOutput()
	if err != nil {
		x.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// Keys sends keys (tmux key names such as Enter, C-c, or text).
func (x *Session) Keys(keys ...string) {
	x.t.Helper()
	x.Run(append([]string{"send-keys", "-t", "s"}, keys...)...)
}

// Screen returns the screen, the trailing blanks of each line removed.
func (x *Session) Screen() string {
	x.t.Helper()
	lines := strings.Split(x.Run("capture-pane", "-p", "-t", "s"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// WaitFor polls the screen until it contains want, and returns it.
func (x *Session) WaitFor(want string) string {
	x.t.Helper()
	return x.WaitForFunc(strconv.Quote(want), func(screen string) bool { return strings.Contains(screen, want) })
}

// WaitForFunc polls the screen until ok accepts it, and returns it; what
// names the wait in the failure.
func (x *Session) WaitForFunc(what string, ok func(screen string) bool) string {
	x.t.Helper()
	deadline := time.Now().Add(x.timeout)
	for {
		screen := x.Screen()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			x.t.Fatalf("timed out waiting for %s; screen:\n%s", what, screen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
