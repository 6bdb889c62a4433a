// Tests of testpeer: ACCEPT-line parsing, skipping when a binary is missing, process control.

package testpeer

import (
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestParseAccept(t *testing.T) {
	for _, tc := range []struct {
		line, addr string
		ok         bool
	}{
		{"ACCEPT 127.0.0.1:4433\n", "127.0.0.1:4433", true},
		{"ACCEPT 127.0.0.1:37855", "127.0.0.1:37855", true},
		{"ACCEPT 0.0.0.0:443\r\n", "127.0.0.1:443", true},
		{"ACCEPT [::]:8443\n", "127.0.0.1:8443", true},
		{"ACCEPT\t127.0.0.1:1\n", "127.0.0.1:1", true},
		{"ACCEPT\n", "", false},
		{"ACCEPT 127.0.0.1:0\n", "", false},
		{"ACCEPT 127.0.0.1:65536\n", "", false},
		{"ACCEPT 127.0.0.1:99999999999999999999\n", "", false},
		{"ACCEPT 127.0.0.1:44x3\n", "", false},
		{"Using default temp DH parameters\n", "", false},
		{"  ACCEPT 127.0.0.1:4433\n", "", false},
		{"", "", false},
	} {
		addr, ok := ParseAccept(tc.line)
		if addr != tc.addr || ok != tc.ok {
			t.Errorf("ParseAccept(%q) = %q, %v; want %q, %v", tc.line, addr, ok, tc.addr, tc.ok)
		}
	}
}

func TestNeedSkips(t *testing.T) {
	// The subtest must skip (never fail) for a binary that is not in PATH,
	// with the install hint in its message.
	const missing = "tlsport-no-such-binary-x9"
	if _, err := exec.LookPath(missing); err == nil {
		t.Skipf("%s unexpectedly exists", missing)
	}
	var reached bool
	ok := t.Run("missing", func(st *testing.T) {
		Need(st, missing, "tlsport-pkg")
		reached = true
	})
	if !ok || reached {
		t.Fatalf("Need did not skip: ok=%v reached=%v", ok, reached)
	}
}

func TestNeedFinds(t *testing.T) {
	if testing.Short() {
		t.Skip("Need skips everything under -short")
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skipf("sh not in PATH: %v", err)
	}
	if got := Need(t, "sh", "dash"); got != sh {
		t.Fatalf("Need(sh) = %q, want %q", got, sh)
	}
}

func TestPeerProcess(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skipf("sh not in PATH: %v", err)
	}
	// Output, stderr capture and exit status.
	p := Start(t, sh, "-c", `read x; echo "got $x"; echo oops >&2; exit 3`)
	p.Stdin.Write([]byte("ping\n"))
	if l := p.ReadUntil(t, "got", 5*time.Second); l != "got ping\n" {
		t.Errorf("ReadUntil = %q", l)
	}
	var ee *exec.ExitError
	if err := p.Wait(); !errors.As(err, &ee) || ee.ExitCode() != 3 {
		t.Errorf("Wait = %v, want exit status 3", err)
	}
	if !strings.Contains(p.Stderr(), "oops") {
		t.Errorf("Stderr = %q", p.Stderr())
	}
	// Stop kills a peer that would run for a long time.
	q := Start(t, sh, "-c", "sleep 30")
	start := time.Now()
	q.Stop()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Stop took %v", d)
	}
}

func TestPythonServerAccept(t *testing.T) {
	// A fake server printing an ACCEPT line: Addr comes from the line.
	p := PythonServer(t, `import sys; print("noise"); print("ACCEPT 127.0.0.1:4242", flush=True); sys.stdin.read()`)
	if p.Addr != "127.0.0.1:4242" {
		t.Fatalf("Addr = %q", p.Addr)
	}
	p.Stdin.Close()
	if err := p.Wait(); err != nil {
		t.Fatalf("python exit: %v; stderr %s", err, p.Stderr())
	}
}
