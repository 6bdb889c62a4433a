// Tests of CRL checking and OCSP staple validation in the engine verification.
package tlsctx_test

import (
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
)

// fixture returns a mustPEM that fails t on error.
func fixture(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

func TestRevocation(t *testing.T) {
	set := certgen.MustSet(t)
	mustPEM := fixture(t)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	revokedLeaf := mustPEM(set.CA.CRL(certgen.CRLOptions{Revoked: []certgen.Revoked{{Cert: set.Leaf, Reason: 1}}}))
	cleanCA := mustPEM(set.CA.CRL(certgen.CRLOptions{}))
	cleanInter := mustPEM(set.Intermediate.CRL(certgen.CRLOptions{}))
	revokedInter := mustPEM(set.CA.CRL(certgen.CRLOptions{Revoked: []certgen.Revoked{{Cert: set.Intermediate, Reason: 2}}}))
	expired := mustPEM(set.CA.CRL(certgen.CRLOptions{ThisUpdate: time.Now().Add(-48 * time.Hour), NextUpdate: time.Now().Add(-time.Hour)}))
	// a CRL naming CA as issuer but signed with OtherCA's key
	forgedCA := &certgen.Cert{Cert: set.CA.Cert, Key: set.OtherCA.Key}
	forged := mustPEM(forgedCA.CRL(certgen.CRLOptions{}))
	crlDir := filepath.Join(dir, "crls")
	os.Mkdir(crlDir, 0o700)
	os.WriteFile(filepath.Join(crlDir, "0badc0de.r0"), revokedLeaf, 0o600)
	os.WriteFile(filepath.Join(crlDir, "README"), []byte("not a CRL"), 0o600)

	good := mustPEM(set.Leaf.OCSPResponse(certgen.OCSPGood, 0, time.Time{}))
	revoked := mustPEM(set.Leaf.OCSPResponse(certgen.OCSPRevoked, 4, time.Time{}))
	unknown := mustPEM(set.Leaf.OCSPResponse(certgen.OCSPUnknown, 0, time.Time{}))
	stale := mustPEM(set.Leaf.OCSPResponse(certgen.OCSPGood, 0, time.Now().Add(-2*time.Hour)))
	other := mustPEM(set.RSALeaf.OCSPResponse(certgen.OCSPGood, 0, time.Time{}))

	type tc struct {
		name     string
		leaf     *certgen.Cert
		crl      any
		scope    string
		ocsp     string
		staple   []byte
		wantCode int
		wantMsg  string
	}
	cases := []tc{
		{name: "crl-revoked-leaf", leaf: set.Leaf, crl: write("revoked.pem", revokedLeaf), scope: "leaf", wantCode: 23, wantMsg: "certificate revoked (keyCompromise"},
		{name: "crl-bytes", leaf: set.Leaf, crl: revokedLeaf, scope: "leaf", wantCode: 23},
		{name: "crl-directory", leaf: set.Leaf, crl: crlDir, scope: "leaf", wantCode: 23},
		{name: "crl-clean", leaf: set.Leaf, crl: cleanCA, scope: "leaf"},
		{name: "crl-other-cert-revoked", leaf: set.RSALeaf, crl: revokedLeaf, scope: "leaf"},
		{name: "crl-missing", leaf: set.ChainLeaf, crl: cleanCA, scope: "leaf", wantCode: 3},
		{name: "crl-chain-missing", leaf: set.ChainLeaf, crl: cleanInter, scope: "chain", wantCode: 3},
		{name: "crl-chain-leaf-only", leaf: set.ChainLeaf, crl: cleanInter, scope: "leaf"},
		{name: "crl-chain-revoked-intermediate", leaf: set.ChainLeaf, crl: append(append([]byte{}, cleanInter...), revokedInter...), scope: "chain", wantCode: 23, wantMsg: "cACompromise"},
		{name: "crl-expired", leaf: set.Leaf, crl: expired, scope: "leaf", wantCode: 12},
		{name: "crl-bad-signature", leaf: set.Leaf, crl: forged, scope: "leaf", wantCode: 8},
		{name: "ocsp-good", leaf: set.Leaf, ocsp: "require", staple: good},
		{name: "ocsp-revoked", leaf: set.Leaf, ocsp: "if-stapled", staple: revoked, wantCode: 23, wantMsg: "superseded"},
		{name: "ocsp-unknown-if-stapled", leaf: set.Leaf, ocsp: "if-stapled", staple: unknown},
		{name: "ocsp-unknown-require", leaf: set.Leaf, ocsp: "require", staple: unknown, wantCode: 75},
		{name: "ocsp-missing-require", leaf: set.Leaf, ocsp: "require", wantCode: 73},
		{name: "ocsp-missing-if-stapled", leaf: set.Leaf, ocsp: "if-stapled"},
		{name: "ocsp-stale", leaf: set.Leaf, ocsp: "if-stapled", staple: stale, wantCode: 74, wantMsg: "expired"},
		{name: "ocsp-other-cert", leaf: set.Leaf, ocsp: "if-stapled", staple: other, wantCode: 74},
		{name: "ocsp-off-ignores", leaf: set.Leaf, staple: revoked},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv, _ := tlsctx.New(tlsctx.Server, "tls12")
			if err := srv.SetCertificate(chainCerts(c.leaf.Chain()), c.leaf.Key); err != nil {
				t.Fatal(err)
			}
			if c.staple != nil {
				if err := srv.SetOCSPStaple(c.staple); err != nil {
					t.Fatal(err)
				}
			}
			cli, _ := tlsctx.New(tlsctx.Client, "tls12")
			cli.AddTrustAnchors(chainCerts([]*certgen.Cert{set.CA}))
			cli.SetVerify(true)
			if c.crl != nil {
				if err := cli.LoadCRL(c.crl, c.scope); err != nil {
					t.Fatal(err)
				}
			}
			if err := cli.SetOCSPCheck(c.ocsp); err != nil {
				t.Fatal(err)
			}
			r := shake(t, cli, srv, tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"})
			res := r.ccfg.Result
			if res.Code != c.wantCode {
				t.Fatalf("code %d (%s), want %d; handshake error %v", res.Code, res.Message, c.wantCode, r.cerr)
			}
			if c.wantCode == 0 {
				if r.cerr != nil {
					t.Fatalf("handshake: %v", r.cerr)
				}
				return
			}
			var ve *conditions.VerifyError
			if !errors.As(r.cerr, &ve) {
				t.Fatalf("handshake error %v, want a VerifyError", r.cerr)
			}
			e := conditions.Classify(conditions.OpHandshake, r.cerr, conditions.State{})
			if e.VerifyCode != conditions.Some(c.wantCode) || !strings.Contains(e.VerifyMessage, c.wantMsg) || e.VerifyMessage != res.Message {
				t.Fatalf("condition verify-code %v message %q; result message %q; want %d containing %q", e.VerifyCode, e.VerifyMessage, res.Message, c.wantCode, c.wantMsg)
			}
		})
	}
}

func TestOCSPFetcherAndMustStaple(t *testing.T) {
	set := certgen.MustSet(t)
	mustPEM := fixture(t)
	ms, err := set.CA.Issue(func() certgen.Options { o := certgen.Localhost(); o.MustStaple = true; return o }())
	if err != nil {
		t.Fatal(err)
	}
	if !tlsctx.MustStaple(ms.Cert) || tlsctx.MustStaple(set.Leaf.Cert) {
		t.Fatal("MustStaple misreads the TLS feature extension")
	}
	good := mustPEM(ms.OCSPResponse(certgen.OCSPGood, 0, time.Time{}))
	srv, _ := tlsctx.New(tlsctx.Server, "tls13")
	srv.SetCertificate(chainCerts(ms.Chain()), ms.Key)
	srv.AddTrustAnchors(chainCerts([]*certgen.Cert{set.CA})) // where the fetcher's issuer comes from
	cli, _ := tlsctx.New(tlsctx.Client, "tls13")
	cli.AddTrustAnchors(chainCerts([]*certgen.Cert{set.CA}))
	cli.SetVerify(true)
	cli.SetOCSPCheck("if-stapled")
	cli.SetSessionCache(0) // every handshake is a full one and asks for the staple
	p := tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"}
	// must-staple leaf, nothing stapled: refused even in if-stapled mode.
	if r := shake(t, cli, srv, p); r.ccfg.Result.Code != conditions.VerifyOCSPVerifyNeeded {
		t.Fatalf("no staple: code %d err %v", r.ccfg.Result.Code, r.cerr)
	}
	var gotLeaf, gotIssuer *x509.Certificate
	if err := srv.SetOCSPFetcher(func(leaf, issuer *x509.Certificate) ([]byte, error) {
		gotLeaf, gotIssuer = leaf, issuer
		return good, nil
	}); err != nil {
		t.Fatal(err)
	}
	r := shake(t, cli, srv, p)
	if r.cerr != nil || r.ccfg.Result.Code != 0 {
		t.Fatalf("fetched staple: code %d err %v", r.ccfg.Result.Code, r.cerr)
	}
	if !gotLeaf.Equal(ms.Cert) || gotIssuer == nil || !gotIssuer.Equal(set.CA.Cert) {
		t.Fatalf("fetcher got leaf %v issuer %v", gotLeaf, gotIssuer)
	}
	if string(r.cc.ConnectionState().OCSPResponse) != string(good) {
		t.Fatal("client did not receive the fetched staple")
	}
	// a failing fetcher aborts the handshake
	srv.SetOCSPFetcher(func(leaf, issuer *x509.Certificate) ([]byte, error) { return nil, errors.New("responder down") })
	if r := shake(t, cli, srv, p); r.serr == nil || !strings.Contains(r.serr.Error(), "OCSP staple callback") {
		t.Fatalf("failing fetcher: server error %v", r.serr)
	}
	// bad input is refused up front
	if err := srv.SetOCSPStaple([]byte("junk")); err == nil {
		t.Fatal("junk staple accepted")
	}
	if err := cli.SetOCSPCheck("sometimes"); err == nil {
		t.Fatal("bad mode accepted")
	}
	if err := cli.LoadCRL([]byte("junk"), "leaf"); err == nil {
		t.Fatal("junk CRL accepted")
	}
	if err := cli.LoadCRL(good, "everything"); err == nil {
		t.Fatal("bad scope accepted")
	}
}

// chainCerts returns the x509 certificates of cs.
func chainCerts(cs []*certgen.Cert) []*x509.Certificate {
	out := make([]*x509.Certificate, len(cs))
	for i, c := range cs {
		out[i] = c.Cert
	}
	return out
}
