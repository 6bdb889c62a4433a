// Tests of session resumption across connections of one context (server ticket key, client cache).

package tlsctx_test

import (
	"crypto/tls"
	"crypto/x509"
	"sync"
	"testing"
	"time"

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

func TestSessionExportImportInspect(t *testing.T) {
	for _, proto := range []string{"tls12", "tls13"} {
		t.Run(proto, func(t *testing.T) {
			srv, _ := tlsctx.New(tlsctx.Server, proto)
			if err := srv.UseEphemeralCertificate(); err != nil {
				t.Fatal(err)
			}
			newClient := func() *tlsctx.Context {
				cli, _ := tlsctx.New(tlsctx.Client, proto)
				cli.AddTrustAnchors([]*x509.Certificate{srv.Certificate()})
				cli.SetVerify(true)
				return cli
			}
			p := tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"}
			cli := newClient()
			before := time.Now().Add(-time.Second)
			if r := shake(t, cli, srv, p); r.cerr != nil {
				t.Fatal(r.cerr)
			}
			sess, ok := cli.SessionCache().Get("localhost")
			if !ok {
				t.Fatal("no session cached")
			}
			info, err := tlsctx.InspectSession(sess)
			if err != nil {
				t.Fatal(err)
			}
			wantV := uint16(tls.VersionTLS12)
			wantLife := time.Duration(0)
			if proto == "tls13" {
				wantV, wantLife = tls.VersionTLS13, tlsctx.MaxTicketLifetime
			}
			if info.Version != wantV || info.Lifetime != wantLife || len(info.Ticket) == 0 || len(info.ID) != 32 ||
				len(info.PeerCertificates) != 1 || !info.PeerCertificates[0].Equal(srv.Certificate()) ||
				info.CreatedAt.Before(before) || !info.Resumable(time.Now()) || info.Resumable(time.Now().Add(8*24*time.Hour)) {
				t.Fatalf("info %+v", info)
			}
			if _, ok := tlsctx.SuiteByID(info.CipherSuite); !ok {
				t.Fatalf("suite %x", info.CipherSuite)
			}
			data, err := tlsctx.ExportSession(sess)
			if err != nil {
				t.Fatal(err)
			}
			// another client context (as in another process) resumes with it
			other := newClient()
			imported, err := tlsctx.ImportSession(data)
			if err != nil {
				t.Fatal(err)
			}
			other.SessionCache().Put("localhost", imported)
			r := shake(t, other, srv, p)
			if r.cerr != nil || !r.cc.ConnectionState().DidResume {
				t.Fatalf("imported session: err %v resumed %v", r.cerr, r.cc.ConnectionState().DidResume)
			}
			// damaged exports are refused with a message
			for _, bad := range [][]byte{nil, []byte("junk"), data[:len(data)-3], append([]byte("tlsport-session-1\x00"), 0, 0, 1, 7, 0, 0, 2, 1, 2)} {
				if _, err := tlsctx.ImportSession(bad); err == nil {
					t.Errorf("ImportSession(%q) accepted", bad)
				}
			}
		})
	}
}

func TestSessionCallback(t *testing.T) {
	for _, proto := range []string{"tls12", "tls13"} {
		t.Run(proto, func(t *testing.T) {
			srv, _ := tlsctx.New(tlsctx.Server, proto)
			srv.UseEphemeralCertificate()
			cli, _ := tlsctx.New(tlsctx.Client, proto)
			cli.AddTrustAnchors([]*x509.Certificate{srv.Certificate()})
			var mu sync.Mutex
			var cev, sev []tlsctx.SessionEvent
			cli.SetSessionCallback(func(h any, ev tlsctx.SessionEvent) {
				mu.Lock()
				defer mu.Unlock()
				if h != "client-handle" {
					t.Errorf("client handle %v", h)
				}
				cev = append(cev, ev)
			})
			srv.SetSessionCallback(func(h any, ev tlsctx.SessionEvent) { mu.Lock(); sev = append(sev, ev); mu.Unlock() })
			r := shake(t, cli, srv, tlsctx.ConnParams{ServerName: "localhost", Handle: "client-handle"})
			if r.cerr != nil || r.serr != nil {
				t.Fatal(r.cerr, r.serr)
			}
			mu.Lock()
			defer mu.Unlock()
			if len(cev) == 0 || len(sev) == 0 {
				t.Fatalf("events: client %d server %d", len(cev), len(sev))
			}
			c, s := cev[0], sev[0]
			if c.Server || c.Session == nil || len(c.ID) != 32 || !s.Server || s.Lifetime != tlsctx.MaxTicketLifetime || len(s.Ticket) == 0 {
				t.Fatalf("client %+v server %+v", c, s)
			}
			if proto == "tls13" && c.Lifetime != tlsctx.MaxTicketLifetime {
				t.Fatalf("client lifetime %v", c.Lifetime)
			}
			// the client holds the ticket the server issued
			if string(c.Ticket) != string(sev[len(sev)-1].Ticket) && string(c.Ticket) != string(s.Ticket) {
				t.Fatal("client ticket is not one the server issued")
			}
		})
	}
}

func TestSessionTicketKeys(t *testing.T) {
	shared, _ := tlsctx.New(tlsctx.Server, "tls13")
	shared.UseEphemeralCertificate()
	newServer := func() *tlsctx.Context {
		srv, _ := tlsctx.New(tlsctx.Server, "tls13")
		srv.SetCertificate([]*x509.Certificate{shared.Certificate()}, shared.PrivateKey())
		return srv
	}
	a, b := newServer(), newServer()
	cli, _ := tlsctx.New(tlsctx.Client, "tls13")
	cli.AddTrustAnchors([]*x509.Certificate{shared.Certificate()})
	p := tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"}
	resumed := func(srv *tlsctx.Context) bool {
		r := shake(t, cli, srv, p)
		if r.cerr != nil {
			t.Fatal(r.cerr)
		}
		return r.cc.ConnectionState().DidResume
	}
	resumed(a)
	if resumed(b) {
		t.Fatal("resumed on a server with another ticket key")
	}
	var k1, k2 [32]byte
	k1[0], k2[0] = 1, 2
	a.SetSessionTicketKeys([][32]byte{k1})
	b.SetSessionTicketKeys([][32]byte{k2, k1}) // rotated: k2 new, k1 still accepted
	resumed(a)
	if !resumed(b) {
		t.Fatal("a ticket of a did not resume on b sharing its key")
	}
	if err := a.SetSessionTicketKeys([][32]byte{}); err == nil {
		t.Error("empty key list accepted")
	}
	if err := cli.SetSessionTicketKeys([][32]byte{k1}); err == nil {
		t.Error("ticket keys on a client accepted")
	}
}

func TestTicketData(t *testing.T) {
	srv, _ := tlsctx.New(tlsctx.Server, "tls13")
	srv.UseEphemeralCertificate()
	cli, _ := tlsctx.New(tlsctx.Client, "tls13")
	cli.AddTrustAnchors([]*x509.Certificate{srv.Certificate()})
	var seen [][]byte
	allow := true
	srv.SetTicketData(&tlsctx.TicketData{
		Wrap: func(h any) ([]byte, error) { return []byte("user=42"), nil },
		Unwrap: func(h any, data []byte) (bool, error) {
			seen = append(seen, data)
			return allow, nil
		},
	})
	p := tlsctx.ConnParams{ServerName: "localhost"}
	resumed := func() bool {
		r := shake(t, cli, srv, p)
		if r.cerr != nil || r.serr != nil {
			t.Fatal(r.cerr, r.serr)
		}
		return r.cc.ConnectionState().DidResume
	}
	resumed()
	if !resumed() || len(seen) != 1 || string(seen[0]) != "user=42" {
		t.Fatalf("resumption with ticket data: seen %q", seen)
	}
	allow = false
	if resumed() {
		t.Fatal("resumed although Unwrap refused")
	}
	if err := cli.SetTicketData(&tlsctx.TicketData{}); err == nil {
		t.Fatal("ticket data on a client accepted")
	}
}
