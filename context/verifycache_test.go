// Tests of the verification kept with a client session (verifycache.go).

package tlsctx_test

import (
	"crypto/x509"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"
	"weak"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
)

// cacheFixture is a CA valid until now+24h, a localhost leaf it issued
// valid until now+72h (outliving its CA), another CA and an empty CRL of
// the first.
type cacheFixture struct {
	ca, leaf, other *certgen.Cert
	crl             []byte
}

func newCacheFixture(t *testing.T) cacheFixture {
	t.Helper()
	var f cacheFixture
	var err error
	if f.ca, err = certgen.NewCA("tlsport verify-cache CA", certgen.ECDSA); err != nil {
		t.Fatal(err)
	}
	o := certgen.Localhost()
	o.NotAfter = time.Now().Add(72 * time.Hour)
	if f.leaf, err = f.ca.Issue(o); err != nil {
		t.Fatal(err)
	}
	if f.other, err = certgen.NewCA("another CA", certgen.ECDSA); err != nil {
		t.Fatal(err)
	}
	if f.crl, err = f.ca.CRL(certgen.CRLOptions{}); err != nil {
		t.Fatal(err)
	}
	return f
}

// verifyWithClock makes c trust ca and verify as of the returned clock
// (now, until a test moves it), after the settings whose errors are errs;
// then it runs setup (nil: none).
func verifyWithClock(t *testing.T, c *tlsctx.Context, ca *certgen.Cert, setup func(*tlsctx.Context) error, errs ...error) *atomic.Int64 {
	t.Helper()
	clock := new(atomic.Int64)
	clock.Store(time.Now().UnixNano())
	errs = append(errs, c.AddTrustAnchors([]*x509.Certificate{ca.Cert}),
		c.SetVerifyClock(func() time.Time { return time.Unix(0, clock.Load()) }))
	if setup != nil {
		errs = append(errs, setup(c))
	}
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return clock
}

// TestResumedVerification resumes a verified session and checks that the
// resumed connection reports the original verification: kept, without
// verifying again, when nothing it depends on changed; verified in full
// otherwise (changed verify time, context, host name; revocation checking
// or a verify callback on).
func TestResumedVerification(t *testing.T) {
	f := newCacheFixture(t)
	ca, leaf, other, crl := f.ca, f.leaf, f.other, f.crl
	var calls atomic.Int32
	rows := []struct {
		name   string
		setup  func(c *tlsctx.Context) error // before the first handshake
		change func(c *tlsctx.Context, clock *atomic.Int64) error
		verify string // VerifyName of the resumed connection ("" = localhost)
		reused bool
		code   int
	}{
		{name: "unchanged", reused: true},
		{name: "clock moved within the chain's validity", change: func(c *tlsctx.Context, clock *atomic.Int64) error {
			clock.Add(int64(12 * time.Hour))
			return nil
		}, reused: true},
		{name: "clock moved past the CA's expiry", change: func(c *tlsctx.Context, clock *atomic.Int64) error {
			clock.Add(int64(30 * time.Hour)) // the leaf is still valid
			return nil
		}, code: conditions.VerifyCertHasExpired},
		{name: "clock moved before the chain's validity", change: func(c *tlsctx.Context, clock *atomic.Int64) error {
			clock.Add(int64(-2 * time.Hour))
			return nil
		}, code: conditions.VerifyCertNotYetValid},
		{name: "trust anchors changed", change: func(c *tlsctx.Context, _ *atomic.Int64) error {
			return c.AddTrustAnchors([]*x509.Certificate{other.Cert})
		}},
		{name: "verify time set", change: func(c *tlsctx.Context, _ *atomic.Int64) error {
			return c.SetVerifyTime(time.Now().Add(48 * time.Hour))
		}, code: conditions.VerifyCertHasExpired},
		{name: "security level raised", change: func(c *tlsctx.Context, _ *atomic.Int64) error {
			return c.SetSecurityLevel(2)
		}},
		{name: "other host name", verify: "elsewhere.example", code: conditions.VerifyHostnameMismatch},
		{name: "CRL checking on", setup: func(c *tlsctx.Context) error {
			return c.LoadCRL(crl, tlsctx.CRLScopeChain)
		}},
		{name: "OCSP checking on", setup: func(c *tlsctx.Context) error {
			return c.SetOCSPCheck(tlsctx.OCSPIfStapled)
		}},
		{name: "verify callback", setup: func(c *tlsctx.Context) error {
			return c.SetVerifyCallback(func(_ any, _ int, _ *x509.Certificate, _ bool, _ string) (int, error) {
				calls.Add(1)
				return tlsctx.VerdictKeep, nil
			})
		}},
	}
	for _, proto := range []string{"tlsv12", "tlsv13"} {
		for _, r := range rows {
			t.Run(proto+"/"+r.name, func(t *testing.T) {
				srv := serverCtx(t, leaf)
				if proto == "tlsv12" {
					if err := srv.SetMaxProtocol("tlsv12"); err != nil {
						t.Fatal(err)
					}
				}
				cli := mustCtx(t, tlsctx.Client, "tlsv12")
				clock := verifyWithClock(t, cli, ca, r.setup)
				calls.Store(0)
				p := tlsctx.ConnParams{ServerName: "localhost"}
				first := shake(t, cli, srv, p)
				if first.cerr != nil || first.serr != nil || first.cc.ConnectionState().DidResume {
					t.Fatalf("first handshake: client %v, server %v, resumed %v", first.cerr, first.serr, first.cc.ConnectionState().DidResume)
				}
				if first.ccfg.Result.Code != 0 || tlsctx.Reused(first.ccfg.Result) {
					t.Fatalf("first handshake: code %d, reused %v", first.ccfg.Result.Code, tlsctx.Reused(first.ccfg.Result))
				}
				firstCalls := calls.Load()
				if r.change != nil {
					if err := r.change(cli, clock); err != nil {
						t.Fatal(err)
					}
				}
				p.VerifyName = r.verify
				again := shake(t, cli, srv, p)
				if !again.cc.ConnectionState().DidResume {
					t.Fatalf("second handshake did not resume (client %v, server %v)", again.cerr, again.serr)
				}
				a, b := first.ccfg.Result, again.ccfg.Result
				if got := tlsctx.Reused(b); got != r.reused {
					t.Errorf("reused %v, want %v", got, r.reused)
				}
				if b.Code != r.code {
					t.Errorf("resumed code %d (%s), want %d", b.Code, b.Message, r.code)
				}
				if (again.cerr != nil) != (r.code != 0) {
					t.Errorf("resumed handshake error %v, want failure=%v", again.cerr, r.code != 0)
				}
				if r.code == 0 {
					// The resumed result is the original one, whether kept or verified again.
					if !b.Done || b.Error != a.Error || b.Message != a.Message || b.Depth != a.Depth || b.Err != nil ||
						!slices.EqualFunc(a.Chain, b.Chain, (*x509.Certificate).Equal) {
						t.Errorf("resumed result %+v, want %+v", b, a)
					}
					if len(b.Chain) != 2 || !b.Chain[0].Equal(leaf.Cert) || !b.Chain[1].Equal(ca.Cert) {
						t.Errorf("resumed chain of %d, want leaf and CA", len(b.Chain))
					}
				}
				if firstCalls > 0 && calls.Load() == firstCalls {
					t.Error("the verify callback did not run on the resumed handshake")
				}
			})
		}
	}
}

// TestResumedVerificationChain: a resumed connection's kept verification
// carries on to the sessions it stores, so later connections resume
// with it too; it is not used once the settings have changed, even back.
func TestResumedVerificationChain(t *testing.T) {
	f := newCacheFixture(t)
	ca, leaf := f.ca, f.leaf
	srv := serverCtx(t, leaf)
	cli := mustCtx(t, tlsctx.Client, "tlsv12")
	if err := cli.AddTrustAnchors([]*x509.Certificate{ca.Cert}); err != nil {
		t.Fatal(err)
	}
	p := tlsctx.ConnParams{ServerName: "localhost"}
	for i, want := range []bool{false, true, true, true} {
		r := shake(t, cli, srv, p)
		if r.cerr != nil || r.cc.ConnectionState().DidResume != (i > 0) {
			t.Fatalf("handshake %d: %v, resumed %v", i, r.cerr, r.cc.ConnectionState().DidResume)
		}
		if got := tlsctx.Reused(r.ccfg.Result); got != want || r.ccfg.Result.Code != 0 {
			t.Fatalf("handshake %d: reused %v code %d, want reused %v code 0", i, got, r.ccfg.Result.Code, want)
		}
	}
	// A change of settings and back is a new snapshot each time: the
	// resumed chain is verified in full.
	if err := cli.SetInsecureSkipVerify(true); err != nil {
		t.Fatal(err)
	}
	shake(t, cli, srv, p)
	if err := cli.SetVerify(true); err != nil {
		t.Fatal(err)
	}
	r := shake(t, cli, srv, p)
	if r.cerr != nil || !r.cc.ConnectionState().DidResume || tlsctx.Reused(r.ccfg.Result) || r.ccfg.Result.Code != 0 {
		t.Fatalf("after re-enabling verification: %v, resumed %v, reused %v, code %d",
			r.cerr, r.cc.ConnectionState().DidResume, tlsctx.Reused(r.ccfg.Result), r.ccfg.Result.Code)
	}
}

// TestKeptVerificationReleased: the kept verification goes with the last
// session holding its certificate (the entry does not keep it alive).
func TestKeptVerificationReleased(t *testing.T) {
	f := newCacheFixture(t)
	ca, leaf := f.ca, f.leaf
	var w weak.Pointer[x509.Certificate]
	t.Run("handshakes", func(t *testing.T) {
		srv := serverCtx(t, leaf)
		cli := mustCtx(t, tlsctx.Client, "tlsv12")
		if err := cli.AddTrustAnchors([]*x509.Certificate{ca.Cert}); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			p := shake(t, cli, srv, tlsctx.ConnParams{ServerName: "localhost"})
			if p.cerr != nil {
				t.Fatal(p.cerr)
			}
			if i == 0 {
				w = weak.Make(p.cc.ConnectionState().PeerCertificates[0])
			} else if !tlsctx.Reused(p.ccfg.Result) {
				t.Fatalf("handshake %d did not reuse the kept verification", i)
			}
		}
		if !tlsctx.Kept(w) {
			t.Fatal("no verification kept for the session's leaf")
		}
	})
	for deadline := time.Now().Add(10 * time.Second); tlsctx.Kept(w) || w.Value() != nil; {
		if time.Now().After(deadline) {
			t.Fatalf("after the sessions went: leaf collected %v, verification kept %v", w.Value() == nil, tlsctx.Kept(w))
		}
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
}

// TestResumedVerificationServer: a server verifying client certificates
// reports, on resumptions, the verification of the full handshake; it
// verifies in full once its context changed, the verify time left the
// chain's validity, or revocation checking is on.
func TestResumedVerificationServer(t *testing.T) {
	f := newCacheFixture(t)
	ca, client, other, crl := f.ca, f.leaf, f.other, f.crl
	srvCert, err := certgen.SelfSigned(certgen.Localhost())
	if err != nil {
		t.Fatal(err)
	}
	rows := []struct {
		name   string
		setup  func(s *tlsctx.Context) error
		change func(s *tlsctx.Context, clock *atomic.Int64) error
		reused bool // on the last resumption
		code   int
	}{
		{name: "unchanged", reused: true},
		{name: "trust anchors changed", change: func(s *tlsctx.Context, _ *atomic.Int64) error {
			return s.AddTrustAnchors([]*x509.Certificate{other.Cert})
		}},
		{name: "clock moved past the CA's expiry", change: func(_ *tlsctx.Context, clock *atomic.Int64) error {
			clock.Add(int64(30 * time.Hour))
			return nil
		}, code: conditions.VerifyCertHasExpired},
		{name: "CRL checking on", setup: func(s *tlsctx.Context) error {
			return s.LoadCRL(crl, tlsctx.CRLScopeChain)
		}},
	}
	for _, proto := range []string{"tlsv12", "tlsv13"} {
		for _, r := range rows {
			t.Run(proto+"/"+r.name, func(t *testing.T) {
				srv := serverCtx(t, srvCert)
				clock := verifyWithClock(t, srv, ca, r.setup, srv.SetMaxProtocol(proto), srv.SetVerify(true))
				cli := insecureClient(t)
				if err := cli.SetCertificate([]*x509.Certificate{client.Cert}, client.Key); err != nil {
					t.Fatal(err)
				}
				p := tlsctx.ConnParams{ServerName: "localhost"}
				// The first resumption parses the session's certificate
				// anew (verifying it); later ones find the kept result.
				var first *tlsctx.VerifyResult
				for i := range 3 {
					h := shake(t, cli, srv, p)
					if h.cerr != nil || h.serr != nil || h.sc.ConnectionState().DidResume != (i > 0) {
						t.Fatalf("handshake %d: client %v, server %v, resumed %v", i, h.cerr, h.serr, h.sc.ConnectionState().DidResume)
					}
					if h.scfg.Result.Code != 0 {
						t.Fatalf("handshake %d: code %d (%s)", i, h.scfg.Result.Code, h.scfg.Result.Message)
					}
					if i == 0 {
						first = h.scfg.Result
					}
				}
				if r.change != nil {
					if err := r.change(srv, clock); err != nil {
						t.Fatal(err)
					}
				}
				h := shake(t, cli, srv, p)
				if !h.sc.ConnectionState().DidResume {
					t.Fatalf("last handshake did not resume (client %v, server %v)", h.cerr, h.serr)
				}
				b := h.scfg.Result
				if got := tlsctx.Reused(b); got != r.reused {
					t.Errorf("reused %v, want %v", got, r.reused)
				}
				if b.Code != r.code {
					t.Errorf("resumed code %d (%s), want %d", b.Code, b.Message, r.code)
				}
				if r.code == 0 && (b.Error != first.Error || b.Depth != first.Depth || b.Err != nil ||
					!slices.EqualFunc(first.Chain, b.Chain, (*x509.Certificate).Equal) || len(b.Chain) != 2) {
					t.Errorf("resumed result %+v, want %+v", b, first)
				}
			})
		}
	}
}
