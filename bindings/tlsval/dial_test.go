package tlsval

import (
	"context"
	"net"
	"strconv"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/conditions"
)

// TestDial: an IP literal host and a host name (through the resolver)
// reach a listener; a refused connection is an (exn i/o net) condition
// naming host:port either way;
// a port out of range is refused with a condition, not wrapped.
func TestDial(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Close()
		}
	}()
	refused, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := refused.Addr().(*net.TCPAddr).Port
	refused.Close()
	ctx := context.Background()
	for _, tc := range []struct {
		host string
		port int
		ok   bool
		what string // the address the condition names
	}{
		{"127.0.0.1", port, true, ""},
		{"localhost", port, true, ""},
		{"127.0.0.1", closedPort, false, "127.0.0.1:" + strconv.Itoa(closedPort)},
		{"localhost", closedPort, false, "localhost:" + strconv.Itoa(closedPort)},
		{"127.0.0.1", 70000, false, "127.0.0.1:70000"},
	} {
		c, err := Dial(ctx, tc.host, tc.port, 0, nil)
		if tc.ok {
			if err != nil {
				t.Errorf("Dial(%s, %d): %v", tc.host, tc.port, err)
				continue
			}
			if got := c.RemoteAddr().(*net.TCPAddr).Port; got != tc.port {
				t.Errorf("Dial(%s, %d) reached port %d", tc.host, tc.port, got)
			}
			c.Close()
			continue
		}
		if err == nil {
			c.Close()
			t.Errorf("Dial(%s, %d) connected, want a refusal", tc.host, tc.port)
			continue
		}
		ce, ok := err.(*conditions.Error)
		if !ok || !strings.Contains(ce.Error(), tc.what) {
			t.Errorf("Dial(%s, %d) = %v (%T), want a condition naming %s", tc.host, tc.port, err, err, tc.what)
		}
	}
}
