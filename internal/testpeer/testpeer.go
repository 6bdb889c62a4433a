// Package testpeer starts real TLS peers (openssl, curl, gnutls-cli, python3) for tests, with deadlines and cleanup.
//
// Every helper skips the test under -short and when its binary is missing
// (with an install hint), gives the peer a deadline, kills it in
// t.Cleanup, and quotes the peer's stderr when something fails. Servers
// listen on 127.0.0.1 with an OS-chosen port.
//
//	srv := testpeer.OpenSSLServer(t, "-cert", cert, "-key", key, "-tls1_3")
//	conn := dial(srv.Addr)
//
// Only the standard library is imported (STYLE.md §5.1), so the Scheme
// test runners of the bindings can use it too.
package testpeer

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Timeout is the deadline of every peer process started by this package.
const Timeout = 60 * time.Second

// Need skips t under -short or when binary is not in PATH; it returns the
// binary's path. pkg is the Debian package that provides it.
func Need(t testing.TB, binary, pkg string) string {
	t.Helper()
	if testing.Short() {
		t.Skipf("real peer %s skipped under -short", binary)
	}
	path, err := exec.LookPath(binary)
	if err != nil {
		t.Skipf("%s not in PATH; install it (apt-get install %s) to run: %v", binary, pkg, err)
	}
	return path
}

// syncBuffer is a goroutine-safe bytes.Buffer.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

// Write appends p under the lock.
func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// String returns the contents under the lock.
func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Peer is a running peer process.
type Peer struct {
	Addr   string         // "127.0.0.1:port" for servers, "" for clients
	Cmd    *exec.Cmd      // the running process
	Stdin  io.WriteCloser // the peer's stdin (Close sends EOF)
	Stdout *bufio.Reader  // the peer's stdout (servers: after the ACCEPT line)
	stderr *syncBuffer
	cancel context.CancelFunc
	done   chan struct{}
	err    error
}

// Stderr returns what the peer wrote to stderr so far.
func (p *Peer) Stderr() string { return p.stderr.String() }

// Wait waits for the peer to exit (bounded by Timeout) and returns its
// exit error.
func (p *Peer) Wait() error {
	<-p.done
	return p.err
}

// Stop kills the peer and waits for it.
func (p *Peer) Stop() {
	p.cancel()
	<-p.done
}

// Start runs name with args under Timeout, stopped in t.Cleanup.
func Start(t testing.TB, name string, args ...string) *Peer {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), Timeout)
	cmd := exec.CommandContext(ctx, name, args...)
	p := &Peer{Cmd: cmd, stderr: &syncBuffer{}, cancel: cancel, done: make(chan struct{})}
	cmd.Stderr = p.stderr
	cmd.WaitDelay = time.Second
	var err error
	if p.Stdin, err = cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.Stdout = bufio.NewReader(out)
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("testpeer: start %s: %v", name, err)
	}
	go func() {
		p.err = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		p.Stop()
		if t.Failed() {
			t.Logf("%s stderr:\n%s", name, p.Stderr())
		}
	})
	return p
}

var acceptLine = regexp.MustCompile(`^ACCEPT\s+(\S+):(\d+)\s*$`)

// ParseAccept parses a server's "ACCEPT host:port" line (as printed by
// openssl s_server and by the Python servers of PythonServer) and returns
// "127.0.0.1:port". ok is false for any other line and for port 0.
func ParseAccept(line string) (addr string, ok bool) {
	m := acceptLine.FindStringSubmatch(strings.TrimRight(line, "\r\n"))
	if m == nil {
		return "", false
	}
	port, err := strconv.Atoi(m[2])
	if err != nil || port <= 0 || port > 65535 {
		return "", false
	}
	return "127.0.0.1:" + m[2], true
}

// waitAccept reads p's stdout until an ACCEPT line (setting p.Addr) or
// fails t after 10 s or when the peer's output ends.
func (p *Peer) waitAccept(t testing.TB, name string) {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		for {
			line, err := p.Stdout.ReadString('\n')
			if addr, ok := ParseAccept(line); ok {
				found <- addr
				return
			}
			if err != nil {
				found <- ""
				return
			}
		}
	}()
	select {
	case addr := <-found:
		if addr == "" {
			t.Fatalf("%s exited without an ACCEPT line; stderr:\n%s", name, p.Stderr())
		}
		p.Addr = addr
	case <-time.After(10 * time.Second):
		t.Fatalf("%s printed no ACCEPT line in 10 s; stderr:\n%s", name, p.Stderr())
	}
}

// OpenSSLServer starts `openssl s_server -accept 127.0.0.1:0 args…` and
// waits (up to 10 s) for its "ACCEPT host:port" line. Addr is then set.
func OpenSSLServer(t testing.TB, args ...string) *Peer {
	t.Helper()
	bin := Need(t, "openssl", "openssl")
	p := Start(t, bin, append([]string{"s_server", "-accept", "127.0.0.1:0"}, args...)...)
	p.waitAccept(t, "openssl s_server")
	return p
}

// PythonServer starts `python3 -c script args…`; the script must listen on
// 127.0.0.1 port 0 and print (and flush) "ACCEPT 127.0.0.1:<port>" before
// accepting. It waits for that line like OpenSSLServer; Addr is then set.
func PythonServer(t testing.TB, script string, args ...string) *Peer {
	t.Helper()
	p := Python(t, script, args...)
	p.waitAccept(t, "python3 server")
	return p
}

// OpenSSLClient starts `openssl s_client -connect addr args…`.
func OpenSSLClient(t testing.TB, addr string, args ...string) *Peer {
	t.Helper()
	bin := Need(t, "openssl", "openssl")
	return Start(t, bin, append([]string{"s_client", "-connect", addr}, args...)...)
}

// Curl starts `curl args…` (add -s, --cacert …). Read its output from
// Stdout and call Wait.
func Curl(t testing.TB, args ...string) *Peer {
	t.Helper()
	return Start(t, Need(t, "curl", "curl"), args...)
}

// GnuTLSClient starts `gnutls-cli args…` (e.g. -p PORT --x509cafile ca 127.0.0.1).
func GnuTLSClient(t testing.TB, args ...string) *Peer {
	t.Helper()
	return Start(t, Need(t, "gnutls-cli", "gnutls-bin"), args...)
}

// Python starts `python3 -c script args…`.
func Python(t testing.TB, script string, args ...string) *Peer {
	t.Helper()
	return Start(t, Need(t, "python3", "python3"), append([]string{"-c", script}, args...)...)
}

// ReadUntil reads the peer's stdout until a line containing substr
// (returned) or EOF/timeout (t.Fatal with the peer's stderr).
func (p *Peer) ReadUntil(t testing.TB, substr string, timeout time.Duration) string {
	t.Helper()
	res := make(chan string, 1)
	go func() {
		var all strings.Builder
		for {
			line, err := p.Stdout.ReadString('\n')
			all.WriteString(line)
			if strings.Contains(line, substr) {
				res <- line
				return
			}
			if err != nil {
				res <- "\x00" + all.String()
				return
			}
		}
	}()
	select {
	case l := <-res:
		if strings.HasPrefix(l, "\x00") {
			t.Fatalf("peer output ended before %q; stdout:\n%s\nstderr:\n%s", substr, l[1:], p.Stderr())
		}
		return l
	case <-time.After(timeout):
		t.Fatalf("peer printed no %q in %v; stderr:\n%s", substr, timeout, p.Stderr())
	}
	return ""
}
