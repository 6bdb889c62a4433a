// Tests of verification as of a given time: SetVerifyTime and SetVerifyClock.

package tlsctx_test

import (
	"crypto/x509"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
)

// TestVerifyTime verifies chains valid only in the past or only in the
// future (CA and leaf alike) as of times inside and outside their window.
func TestVerifyTime(t *testing.T) {
	now := time.Now()
	day := 24 * time.Hour
	pastCA, pastLeaf, err := certgen.Dated(now.Add(-30*day), now.Add(-10*day))
	if err != nil {
		t.Fatal(err)
	}
	futureCA, futureLeaf, err := certgen.Dated(now.Add(10*day), now.Add(30*day))
	if err != nil {
		t.Fatal(err)
	}
	rows := []struct {
		name     string
		ca, leaf *certgen.Cert
		set      func(c *tlsctx.Context) error
		code     int
	}{
		{"past chain, now", pastCA, pastLeaf, nil, conditions.VerifyCertHasExpired},
		{"past chain, as of 20 days ago", pastCA, pastLeaf, func(c *tlsctx.Context) error { return c.SetVerifyTime(now.Add(-20 * day)) }, 0},
		{"past chain, as of 40 days ago", pastCA, pastLeaf, func(c *tlsctx.Context) error { return c.SetVerifyTime(now.Add(-40 * day)) }, conditions.VerifyCertNotYetValid},
		{"future chain, now", futureCA, futureLeaf, nil, conditions.VerifyCertNotYetValid},
		{"future chain, as of 20 days ahead", futureCA, futureLeaf, func(c *tlsctx.Context) error { return c.SetVerifyTime(now.Add(20 * day)) }, 0},
		{"future chain, clock 20 days ahead", futureCA, futureLeaf, func(c *tlsctx.Context) error {
			return c.SetVerifyClock(func() time.Time { return time.Now().Add(20 * day) })
		}, 0},
		{"future chain, time reset", futureCA, futureLeaf, func(c *tlsctx.Context) error {
			c.SetVerifyTime(now.Add(20 * day))
			return c.SetVerifyTime(time.Time{})
		}, conditions.VerifyCertNotYetValid},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			cli := mustCtx(t, tlsctx.Client, "tlsv12")
			if err := cli.AddTrustAnchors([]*x509.Certificate{r.ca.Cert}); err != nil {
				t.Fatal(err)
			}
			if r.set != nil {
				if err := r.set(cli); err != nil {
					t.Fatal(err)
				}
			}
			p := shake(t, cli, serverCtx(t, r.leaf), tlsctx.ConnParams{ServerName: "localhost"})
			if got := p.ccfg.Result.Code; got != r.code {
				t.Errorf("verify code %d (%s), want %d (handshake error %v)", got, p.ccfg.Result.Message, r.code, p.cerr)
			}
			if (p.cerr != nil) != (r.code != 0) {
				t.Errorf("handshake error %v, want failure=%v", p.cerr, r.code != 0)
			}
		})
	}
	// VerifyTime reports the setting.
	c := mustCtx(t, tlsctx.Client, "tlsv12")
	if !c.VerifyTime().IsZero() {
		t.Errorf("default VerifyTime %v, want zero (now)", c.VerifyTime())
	}
	at := now.Add(-day)
	c.SetVerifyTime(at)
	if !c.VerifyTime().Equal(at) {
		t.Errorf("VerifyTime %v, want %v", c.VerifyTime(), at)
	}
	// A sealed context refuses the change.
	c.Seal()
	if err := c.SetVerifyTime(now); err == nil {
		t.Error("SetVerifyTime on a sealed context succeeded")
	}
}

// TestClientDefaults: a new client context verifies chain and host name;
// a server context requests no certificate.
func TestClientDefaults(t *testing.T) {
	c := mustCtx(t, tlsctx.Client, "tls")
	if on, name := c.VerifyHostname(); !c.Verify() || !on || name != "" {
		t.Errorf("client defaults: verify %v, hostname %v %q; want both on", c.Verify(), on, name)
	}
	if m := c.VerifyMode(); len(m) != 1 || m[0] != "peer" {
		t.Errorf("client verify mode %v, want [peer]", m)
	}
	c.SetInsecureSkipHostname(true)
	if on, _ := c.VerifyHostname(); on || !c.Verify() {
		t.Errorf("SetInsecureSkipHostname: hostname %v, chain %v", on, c.Verify())
	}
	c.SetInsecureSkipVerify(true)
	if c.Verify() {
		t.Error("SetInsecureSkipVerify left verification on")
	}
	// With no name to check, the default refuses; SetHostnameOptional
	// verifies the chain only.
	set := certgen.MustSet(t)
	for _, optional := range []bool{false, true} {
		cli := mustCtx(t, tlsctx.Client, "tls")
		cli.AddTrustAnchors([]*x509.Certificate{set.CA.Cert})
		cli.SetHostnameOptional(optional)
		p := shake(t, cli, serverCtx(t, set.WrongHost), tlsctx.ConnParams{})
		want := conditions.VerifyHostnameMismatch
		if optional {
			want = 0
		}
		if p.ccfg.Result.Code != want || (p.cerr == nil) != optional {
			t.Errorf("optional %v: code %d, error %v; want code %d", optional, p.ccfg.Result.Code, p.cerr, want)
		}
	}
	s := mustCtx(t, tlsctx.Server, "tls")
	if s.Verify() || s.ClientAuth() != tlsctx.AuthNone {
		t.Errorf("server defaults: verify %v, client auth %s", s.Verify(), s.ClientAuth())
	}
}
