// Per-connection costs of the bindings' connection values: what a peer query allocates.

package tlsval

import (
	"crypto/tls"
	"net"
	"testing"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
)

// TestPeerQueryAllocs: looking up the connection behind a port (every
// peer query does), locating a nil error, and the handshake state a
// Handle keeps for callbacks allocate nothing; ConnOf answers the same
// ConnRef each time, with the pair's metadata and handle.
func TestPeerQueryAllocs(t *testing.T) {
	a, b := net.Pipe()
	defer b.Close()
	m := NewConnMetaHandle(nil, "peer.example", "peer.example")
	cc := &tlsctx.ConnConfig{TLS: &tls.Config{}, Role: tlsctx.Client}
	m.SetConfig(cc)
	c, in, _ := NewSSLPorts(ports.Client(a, cc, ports.Options{}))
	defer c.E.Close()
	c.Meta = m
	r, err := ConnOf("test", in)
	if err != nil {
		t.Fatal(err)
	}
	if r.Meta != m || r.Meta.H != &m.own || r.Pair != c || r.E != c.E {
		t.Fatalf("ConnOf = %+v, want the pair's engine, metadata and handle", r)
	}
	if n := testing.AllocsPerRun(100, func() {
		if r2, _ := ConnOf("test", in); r2 != r {
			t.Fatal("ConnOf answered another ConnRef")
		}
	}); n != 0 {
		t.Errorf("ConnOf allocates %v objects per call", n)
	}
	if n := testing.AllocsPerRun(100, func() {
		if Located("test", nil) != nil {
			t.Fatal("Located(nil) is not nil")
		}
	}); n != 0 {
		t.Errorf("Located(nil) allocates %v objects per call", n)
	}
	h := m.H
	if _, seen, _ := h.HandshakeState(); seen {
		t.Fatal("a handshake state before verification")
	}
	cs := tls.ConnectionState{Version: tls.VersionTLS12, ServerName: "peer.example"}
	if n := testing.AllocsPerRun(100, func() {
		h.ObserveState(cs)
		if got, seen, in := h.HandshakeState(); !seen || in || got.ServerName != "peer.example" {
			t.Fatalf("HandshakeState = %v, %v, %v", got.ServerName, seen, in)
		}
	}); n != 0 {
		t.Errorf("ObserveState and HandshakeState allocate %v objects", n)
	}
}
