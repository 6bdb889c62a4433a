//go:build linux

package tlsval

import (
	"context"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// timeWaitChildEnv marks the run of TestDialReusesTimeWait inside its
// network namespace.
const timeWaitChildEnv = "TLSVAL_TIMEWAIT_CHILD"

// TestDialReusesTimeWait: Dial leaves the choice of the local port to
// connect(2), which reuses a port whose connection to the same peer is in
// TIME_WAIT (past a second, on loopback), instead of binding one first,
// which never does: with ten ephemeral ports, ten connections closed by
// the client and then eight more all succeed. Dialling with a bind first
// (net.Dialer.DialTCP with a zero local address) fails at the eleventh.
// It runs in a network namespace of its own (unshare -n), whose port
// range it sets; it needs root.
func TestDialReusesTimeWait(t *testing.T) {
	if os.Getenv(timeWaitChildEnv) != "" {
		dialThroughTimeWait(t)
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root for a network namespace of its own (unshare -n)")
	}
	for _, tool := range []string{"unshare", "ip", "sysctl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not in PATH; apt-get install util-linux iproute2 procps", tool)
		}
	}
	cmd := exec.Command("unshare", "-n", "sh", "-c",
		`ip link set lo up && sysctl -q -w net.ipv4.ip_local_port_range="40000 40009" && exec "$0" -test.run '^TestDialReusesTimeWait$' -test.v`,
		os.Args[0])
	cmd.Env = append(os.Environ(), timeWaitChildEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil && strings.HasPrefix(string(out), "unshare:") {
		t.Skipf("no network namespace here: %s", out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS") {
		t.Fatalf("in a network namespace with ten ephemeral ports: %v\n%s", err, out)
	}
}

// dialThroughTimeWait makes 18 connections with ten ephemeral ports,
// pausing after ten so that their ports in TIME_WAIT may be reused.
func dialThroughTimeWait(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:8443") // outside the ephemeral range
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				_, _ = c.Read(make([]byte, 1)) // until the client closes
				c.Close()
			}()
		}
	}()
	for i := range 18 {
		if i == 10 {
			time.Sleep(1500 * time.Millisecond)
		}
		c, err := Dial(context.Background(), "127.0.0.1", 8443, 0, nil)
		if err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
		c.Close() // the client closes first: its end goes to TIME_WAIT
	}
}

// TestNoKeepAlive: neither end of a connection made by Dial and accepted
// from ListenTCP (whose listener ssl-listen's shares) has TCP keep-alive
// probes on (SO_KEEPALIVE 0), as with CHICKEN's sockets; Go's default
// turns them on at both ends.
func TestNoKeepAlive(t *testing.T) {
	l, err := ListenTCP("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	c, err := Dial(context.Background(), "127.0.0.1", l.Port(), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	a, err := l.Accept(context.Background(), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	for name, conn := range map[string]net.Conn{"dialed": c, "accepted": a} {
		rc, err := conn.(*net.TCPConn).SyscallConn()
		if err != nil {
			t.Fatal(err)
		}
		v, serr := -1, error(nil)
		if err := rc.Control(func(fd uintptr) { v, serr = syscall.GetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_KEEPALIVE) }); err != nil || serr != nil {
			t.Fatal(err, serr)
		}
		if v != 0 {
			t.Errorf("%s connection: SO_KEEPALIVE = %d, want 0", name, v)
		}
	}
}
