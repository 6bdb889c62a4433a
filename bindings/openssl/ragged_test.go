// A peer that closes TCP without close_notify: Scheme cannot make one (closing
// a TLS port always sends close_notify), so the peer is a Go server.

package openssl

import (
	"crypto/tls"
	"net"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestRaggedEOF runs testdata/ragged/ragged.scm against a server that sends
// "bye\n" after the handshake and closes the TCP connection without
// close_notify.
func TestRaggedEOF(t *testing.T) {
	set := certgen.MustSet(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	cfg := &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close() // the raw socket: no close_notify
				tc := tls.Server(c, cfg)
				if tc.Handshake() == nil {
					_, _ = tc.Write([]byte("bye\n"))
				}
			}()
		}
	}()
	in := bindingtest.NewInterp(t, testOptions(set))
	in.Define("ragged-port", scheme.Fixnum(ln.Addr().(*net.TCPAddr).Port))
	schemetest.RunFile(t, in, "testdata/ragged/ragged.scm")
}
