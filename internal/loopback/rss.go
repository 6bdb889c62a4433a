// Resident memory of idle TLS connections, measured in a child process (the test binary run again).

package loopback

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// VmRSS returns the resident set size of this process in bytes (VmRSS of
// /proc/self/status), or 0 where that file does not exist.
func VmRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range bytes.Lines(b) {
		if rest, ok := bytes.CutPrefix(line, []byte("VmRSS:")); ok {
			kb, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(string(rest)), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// rssEnv names the server an IdleRSS child runs (the mode).
const rssEnv = "TLSPORT_BENCH_IDLE_RSS"

// Lines of the child's protocol on its standard output.
const (
	rssAddr   = "idle-rss-addr "
	rssResult = "idle-rss "
)

// IdleRSSChild is the body of the test that IdleRSS runs in the child
// process; it skips unless started by IdleRSS. serve starts the server of
// mode on a loopback listener (a TLS 1.3 server keeping each connection
// open, with a goroutine or thread blocked reading it) and returns its
// address. The child then reports its VmRSS before any connection and
// once the parent has opened its connections, and exits when the parent
// closes its standard input. The child runs with Go's default GC
// settings and the process's own, like any server.
func IdleRSSChild(t *testing.T, serve func(mode string) (addr string)) {
	mode := os.Getenv(rssEnv)
	if mode == "" {
		t.Skip("the server process of BenchmarkIdleMemory's RSS measurement")
	}
	addr := serve(mode)
	before := VmRSS()
	fmt.Printf("%s%s\n", rssAddr, addr)
	in := bufio.NewReader(os.Stdin)
	if _, err := in.ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%s%d %d\n", rssResult, before, VmRSS())
	_, _ = io.Copy(io.Discard, in)
}

// rssConnsEnv, when set to a count, overrides the number of connections
// IdleRSS opens (e.g. 10000).
const rssConnsEnv = "TLSPORT_BENCH_IDLE_CONNS"

// IdleRSS runs the test binary again as a child process running only
// test (a test calling IdleRSSChild) with mode, opens n TLS 1.3
// connections (or $TLSPORT_BENCH_IDLE_CONNS) to the server it starts
// (crypto/tls clients in this process, which complete the handshake and
// then stay idle), waits for the server side to settle and returns the
// growth of the child's VmRSS per connection, in bytes.
func IdleRSS(b *testing.B, test, mode string, n int) float64 {
	if v, err := strconv.Atoi(os.Getenv(rssConnsEnv)); err == nil && v > 0 {
		n = v
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+test+"$")
	cmd.Env = append(os.Environ(), rssEnv+"="+mode)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() {
		stdin.Close()
		_, _ = io.Copy(io.Discard, stdout)
		_ = cmd.Wait()
	}()
	out := bufio.NewScanner(stdout)
	line := func(prefix string) string {
		for out.Scan() {
			if rest, ok := strings.CutPrefix(out.Text(), prefix); ok {
				return rest
			}
		}
		b.Fatalf("idle RSS child (%s): no %q line: %v", mode, prefix, out.Err())
		return ""
	}
	addr := line(rssAddr)
	cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS13} // a load generator
	conns := make([]*tls.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range n {
		c, err := tls.Dial("tcp", addr, cfg)
		if err != nil {
			b.Fatalf("idle RSS child (%s): %v", mode, err)
		}
		conns = append(conns, c)
	}
	time.Sleep(time.Second) // the server side finishes its handshakes and blocks reading
	if _, err := io.WriteString(stdin, "measure\n"); err != nil {
		b.Fatal(err)
	}
	var before, after uint64
	if _, err := fmt.Sscan(line(rssResult), &before, &after); err != nil {
		b.Fatal(err)
	}
	return (float64(after) - float64(before)) / float64(n)
}
