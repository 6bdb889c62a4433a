// Tests of session resumption across connections of one context (server ticket key, client cache).

package tlsctx_test

import (
	"crypto/x509"
	"testing"

	tlsctx "github.com/tlsport/tlsport/context"
)

func TestSessionResumptionAcrossConnections(t *testing.T) {
	for _, proto := range []string{"tls12", "tls13"} {
		t.Run(proto, func(t *testing.T) {
			srv, err := tlsctx.New(tlsctx.Server, proto)
			if err != nil {
				t.Fatal(err)
			}
			if err := srv.UseEphemeralCertificate(); err != nil {
				t.Fatal(err)
			}
			cli, err := tlsctx.New(tlsctx.Client, proto)
			if err != nil {
				t.Fatal(err)
			}
			cli.AddTrustAnchors([]*x509.Certificate{srv.Certificate()})
			cli.SetVerify(true)
			p := tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"}
			var got []bool
			for range 2 {
				r := shake(t, cli, srv, p)
				if r.cerr != nil || r.serr != nil {
					t.Fatalf("handshake: client %v, server %v", r.cerr, r.serr)
				}
				got = append(got, r.cc.ConnectionState().DidResume)
			}
			// Each ConnConfig is a clone: without the context's shared
			// ticket key the second connection could not resume.
			if got[0] || !got[1] {
				t.Fatalf("DidResume = %v, want [false true]", got)
			}
			// A Copy of the server has its own key: the cached ticket is
			// refused and a full handshake follows.
			r := shake(t, cli, srv.Copy(), p)
			if r.cerr != nil || r.cc.ConnectionState().DidResume {
				t.Fatalf("against a Copy: err %v resumed %v", r.cerr, r.cc.ConnectionState().DidResume)
			}
			// Tickets off: no resumption.
			off := srv.Copy()
			off.SetSessionTickets(false)
			shake(t, cli, off, p)
			if r := shake(t, cli, off, p); r.cerr != nil || r.cc.ConnectionState().DidResume {
				t.Fatalf("tickets off: err %v resumed %v", r.cerr, r.cc.ConnectionState().DidResume)
			}
		})
	}
}
