package tlsctx_test

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
)

func mustCtx(t *testing.T, role tlsctx.Role, proto string) *tlsctx.Context {
	t.Helper()
	c, err := tlsctx.New(role, proto)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// insecureClient is a client context that verifies nothing, for tests of
// other features (client auth, ALPN, SNI) with untrusted server chains.
func insecureClient(t *testing.T) *tlsctx.Context {
	t.Helper()
	c := mustCtx(t, tlsctx.Client, "tlsv12")
	if err := c.SetInsecureSkipVerify(true); err != nil {
		t.Fatal(err)
	}
	return c
}

func serverCtx(t *testing.T, c *certgen.Cert) *tlsctx.Context {
	t.Helper()
	s := mustCtx(t, tlsctx.Server, "tlsv12")
	if err := s.SetCertificate([]*x509.Certificate{c.Cert}, c.Key); err != nil {
		t.Fatal(err)
	}
	return s
}

func cond(t *testing.T, err error) *conditions.Error {
	t.Helper()
	var e *conditions.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a condition", err, err)
	}
	return e
}

func TestProtocols(t *testing.T) {
	rows := []struct {
		sym      string
		min, max uint16
		kind     string // expected extra kind on error
	}{
		{"sslv2-or-v3", tls.VersionTLS10, tls.VersionTLS13, ""},
		{"auto", tls.VersionTLS10, tls.VersionTLS13, ""},
		{"secure", tls.VersionTLS10, tls.VersionTLS13, ""},
		{"tls", tls.VersionTLS10, tls.VersionTLS13, ""},
		{"tlsv1", tls.VersionTLS10, tls.VersionTLS13, ""},
		{"tlsv11", tls.VersionTLS11, tls.VersionTLS13, ""},
		{"tlsv12", tls.VersionTLS12, tls.VersionTLS13, ""},
		{"tlsv13", tls.VersionTLS13, tls.VersionTLS13, ""},
		{"tls11", tls.VersionTLS11, tls.VersionTLS11, ""},
		{"tls12", tls.VersionTLS12, tls.VersionTLS12, ""},
		{"tls13", tls.VersionTLS13, tls.VersionTLS13, ""},
		{"tls1.2", tls.VersionTLS12, tls.VersionTLS13, ""},
		{"sslv3", 0, 0, conditions.KindUnsupported},
		{"sslv2", 0, 0, conditions.KindUnsupported},
		{"bogus", 0, 0, conditions.KindType},
	}
	for _, r := range rows {
		t.Run(r.sym, func(t *testing.T) {
			c, err := tlsctx.New(tlsctx.Client, r.sym)
			if r.kind != "" {
				e := cond(t, err)
				if !e.HasKind(r.kind) {
					t.Fatalf("kinds %v, want %s", e.Kinds, r.kind)
				}
				if r.kind == conditions.KindType && e.Message != "invalid SSL/TLS connection protocol" {
					t.Errorf("message %q", e.Message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			mn, mx := c.ProtocolRange()
			if mn != r.min || mx != r.max {
				t.Errorf("range %x-%x, want %x-%x", mn, mx, r.min, r.max)
			}
			cc, _ := c.ConnConfig(tlsctx.ConnParams{})
			if cc.TLS.MinVersion != r.min || cc.TLS.MaxVersion != r.max {
				t.Errorf("config range %x-%x", cc.TLS.MinVersion, cc.TLS.MaxVersion)
			}
		})
	}
	c := mustCtx(t, tlsctx.Client, "tlsv12")
	if err := c.SetProtocolRange("tlsv13", "tlsv12"); err == nil {
		t.Error("min > max accepted")
	}
	if err := c.SetProtocolRange("tlsv11", "tlsv12"); err != nil {
		t.Fatal(err)
	}
	if mn, mx := c.ProtocolRange(); mn != tls.VersionTLS11 || mx != tls.VersionTLS12 {
		t.Errorf("range %x-%x", mn, mx)
	}
}

func TestVerification(t *testing.T) {
	s := certgen.MustSet(t)
	rows := []struct {
		name     string
		cert     *certgen.Cert
		verifyOn bool
		host     string
		code     int
		fail     bool
	}{
		{"valid", s.Leaf, true, "localhost", 0, false},
		{"valid by IP", s.Leaf, true, "127.0.0.1", 0, false},
		{"expired", s.Expired, true, "localhost", 10, true},
		{"unknown CA", s.Unknown, true, "localhost", 20, true},
		{"wrong host", s.WrongHost, true, "localhost", 62, true},
		{"self-signed", s.SelfSigned, true, "localhost", 18, true},
		{"expired, not enforced", s.Expired, false, "localhost", 10, false},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			cli := mustCtx(t, tlsctx.Client, "tlsv12")
			if err := cli.LoadVerifyRoots(s.Files.CACert, ""); err != nil {
				t.Fatal(err)
			}
			cli.SetVerify(r.verifyOn)
			cli.SetVerifyHostname(true, "")
			p := shake(t, cli, serverCtx(t, r.cert), tlsctx.ConnParams{ServerName: r.host, VerifyName: r.host})
			if (p.cerr != nil) != r.fail {
				t.Fatalf("client error %v, want failure=%v", p.cerr, r.fail)
			}
			if p.ccfg.Result.Code != r.code || !p.ccfg.Result.Done {
				t.Errorf("result code %d (%s), want %d", p.ccfg.Result.Code, p.ccfg.Result.Message, r.code)
			}
			if p.ccfg.Result.OK() != (r.code == 0) {
				t.Errorf("OK() = %v", p.ccfg.Result.OK())
			}
			if r.fail {
				e := conditions.Classify(conditions.OpHandshake, p.cerr, conditions.State{})
				if e.Status != conditions.SSL || e.VerifyCode != conditions.Some(r.code) {
					t.Errorf("client condition %s verify %v", e.Status, e.VerifyCode)
				}
				se := conditions.Classify(conditions.OpHandshake, p.serr, conditions.State{})
				if se == nil || se.Alert != conditions.Some(42) || se.AlertOrigin != "remote" {
					t.Errorf("server condition %+v", se)
				}
			}
		})
	}
}

func TestVerifyCallback(t *testing.T) {
	s := certgen.MustSet(t)
	rows := []struct {
		name    string
		cert    *certgen.Cert
		verdict int
		fail    bool
		code    int
	}{
		{"accept overrides failure, which stays recorded", s.Unknown, tlsctx.VerdictAccept, false, 20},
		{"keep failure", s.Unknown, tlsctx.VerdictKeep, true, 20},
		{"reject valid", s.Leaf, tlsctx.VerdictReject, true, 50},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			cli := mustCtx(t, tlsctx.Client, "tlsv12")
			cli.LoadVerifyRoots(s.Files.CACert, "")
			cli.SetVerify(true)
			var depths []int
			cli.SetVerifyCallback(func(h any, depth int, c *x509.Certificate, ok bool, msg string) (int, error) {
				if h != "conn" {
					t.Errorf("handle %v", h)
				}
				depths = append(depths, depth)
				return r.verdict, nil
			})
			p := shake(t, cli, serverCtx(t, r.cert), tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost", Handle: "conn"})
			if (p.cerr != nil) != r.fail {
				t.Fatalf("client error %v", p.cerr)
			}
			if p.ccfg.Result.Code != r.code {
				t.Errorf("code %d want %d", p.ccfg.Result.Code, r.code)
			}
			if len(depths) == 0 || (r.verdict != tlsctx.VerdictReject && depths[len(depths)-1] != 0) {
				t.Errorf("depths %v", depths)
			}
			if r.verdict == tlsctx.VerdictReject {
				e := conditions.Classify(conditions.OpHandshake, p.cerr, conditions.State{})
				if e.VerifyCode != conditions.Some(50) {
					t.Errorf("verify code %v", e.VerifyCode)
				}
			}
		})
	}
	// A callback error becomes openssl.cause.
	cli := mustCtx(t, tlsctx.Client, "tlsv12")
	boom := errors.New("boom")
	cli.SetVerifyCallback(func(any, int, *x509.Certificate, bool, string) (int, error) { return 0, boom })
	p := shake(t, cli, serverCtx(t, s.Leaf), tlsctx.ConnParams{})
	e := conditions.Classify(conditions.OpHandshake, p.cerr, conditions.State{})
	if e == nil || e.CallbackCause != boom {
		t.Fatalf("cause = %+v", e)
	}
}

func TestClientAuth(t *testing.T) {
	s := certgen.MustSet(t)
	rows := []struct {
		name       string
		mode       string
		sendCert   *certgen.Cert
		fail       bool
		serverCode int
	}{
		{"require, none sent", tlsctx.AuthRequire, nil, true, -1},
		{"require, trusted", tlsctx.AuthRequire, s.Client, false, 0},
		{"require, untrusted", tlsctx.AuthRequire, s.Unknown, true, 20},
		{"request, untrusted", tlsctx.AuthRequest, s.Unknown, false, 20},
		{"request, none", tlsctx.AuthRequest, nil, false, 50},
		{"verify-if-given, none", tlsctx.AuthVerifyIfGiven, nil, false, 50},
		{"require-any, untrusted", tlsctx.AuthRequireAny, s.Unknown, false, 20},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			srv := serverCtx(t, s.Leaf)
			srv.LoadVerifyRoots(s.Files.CACert, "")
			if err := srv.SetClientAuth(r.mode); err != nil {
				t.Fatal(err)
			}
			cli := insecureClient(t)
			if r.sendCert != nil {
				cli.SetCertificate([]*x509.Certificate{r.sendCert.Cert}, r.sendCert.Key)
			}
			p := shake(t, cli, srv, tlsctx.ConnParams{})
			if (p.serr != nil) != r.fail {
				t.Fatalf("server error %v, want failure=%v", p.serr, r.fail)
			}
			if r.serverCode >= 0 && p.scfg.Result.Code != r.serverCode {
				t.Errorf("server result %d (%s), want %d", p.scfg.Result.Code, p.scfg.Result.Message, r.serverCode)
			}
			if r.mode != tlsctx.AuthNone && len(p.ccfg.Result.AcceptableCAs) == 0 && r.sendCert != nil {
				t.Errorf("acceptable CAs not recorded")
			}
		})
	}
}

func TestSuggestedCAsIndependentOfTrust(t *testing.T) {
	s := certgen.MustSet(t)
	srv := serverCtx(t, s.Leaf)
	srv.LoadVerifyRoots(s.Files.CACert, "")
	if err := srv.LoadSuggestedCAs(s.Files.OtherCACert); err != nil {
		t.Fatal(err)
	}
	srv.SetVerify(true)
	cli := insecureClient(t)
	cli.SetCertificate([]*x509.Certificate{s.Client.Cert}, s.Client.Key)
	p := shake(t, cli, srv, tlsctx.ConnParams{})
	if p.serr != nil {
		t.Fatalf("server: %v", p.serr)
	}
	cas := p.ccfg.Result.AcceptableCAs
	if len(cas) != 1 || !bytes.Equal(cas[0], s.OtherCA.Cert.RawSubject) {
		t.Errorf("advertised %d names, want the other CA only", len(cas))
	}
	if got := srv.SuggestedCANames(); len(got) != 1 || !strings.Contains(got[0], "other CA") {
		t.Errorf("SuggestedCANames = %v", got)
	}
}

func TestALPN(t *testing.T) {
	s := certgen.MustSet(t)
	rows := []struct {
		name     string
		server   []string
		client   []string
		allow    bool
		fallback string
		want     string
		fail     bool
	}{
		{"server preference", []string{"h2", "http/1.1"}, []string{"http/1.1", "h2"}, true, "", "h2", false},
		{"no overlap, allowed", []string{"x"}, []string{"y"}, true, "none", "", false},
		{"no overlap, client-first", []string{"x"}, []string{"y", "z"}, true, "client-first", "y", false},
		{"no overlap, refused", []string{"x"}, []string{"y"}, false, "", "", true},
		{"client without ALPN", []string{"x"}, nil, false, "", "", false},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			srv := serverCtx(t, s.Leaf)
			srv.SetALPN(r.server, r.allow, r.fallback)
			cli := insecureClient(t)
			cli.SetALPN(r.client, true, "")
			p := shake(t, cli, srv, tlsctx.ConnParams{})
			if (p.cerr != nil) != r.fail {
				t.Fatalf("client error %v", p.cerr)
			}
			if r.fail {
				if e := conditions.Classify(conditions.OpHandshake, p.cerr, conditions.State{}); e.Alert != conditions.Some(120) {
					t.Errorf("alert %v", e.Alert)
				}
				return
			}
			if got := p.cc.ConnectionState().NegotiatedProtocol; got != r.want {
				t.Errorf("negotiated %q want %q", got, r.want)
			}
		})
	}
}

func TestSNICallback(t *testing.T) {
	s := certgen.MustSet(t)
	def := serverCtx(t, s.Leaf)
	other := serverCtx(t, s.WrongHost)
	other.SetALPN([]string{"other"}, true, "")
	var seen string
	def.SetServerNameCallback(func(name string) (*tlsctx.Context, error) {
		seen = name
		if name == "wrong.example" {
			return other, nil
		}
		return nil, nil
	})
	cli := insecureClient(t)
	cli.SetALPN([]string{"other"}, true, "")
	p := shake(t, cli, def, tlsctx.ConnParams{ServerName: "wrong.example"})
	if p.cerr != nil {
		t.Fatal(p.cerr)
	}
	cs := p.cc.ConnectionState()
	if seen != "wrong.example" || cs.PeerCertificates[0].Subject.CommonName != "wrong.example" {
		t.Errorf("SNI switch failed: seen %q, got %s", seen, cs.PeerCertificates[0].Subject.CommonName)
	}
	if cs.NegotiatedProtocol != "other" {
		t.Errorf("ALPN of switched context not applied: %q", cs.NegotiatedProtocol)
	}
	p = shake(t, cli, def, tlsctx.ConnParams{ServerName: "localhost"})
	if p.cerr != nil || p.cc.ConnectionState().PeerCertificates[0].Subject.CommonName != "localhost" {
		t.Errorf("default context not kept: %v", p.cerr)
	}
}

func TestSealingAndSnapshots(t *testing.T) {
	c := mustCtx(t, tlsctx.Client, "tlsv12")
	cc, _ := c.ConnConfig(tlsctx.ConnParams{ServerName: "a.example"})
	if err := c.SetCipherList("AES128-SHA"); err != nil {
		t.Fatal(err)
	}
	c.SetALPN([]string{"h2"}, true, "")
	if cc.TLS.CipherSuites != nil || cc.TLS.NextProtos != nil {
		t.Errorf("live config changed: %v %v", cc.TLS.CipherSuites, cc.TLS.NextProtos)
	}
	cc2, _ := c.ConnConfig(tlsctx.ConnParams{ServerName: "127.0.0.1"})
	if !slices.Equal(cc2.TLS.CipherSuites, []uint16{0x002F}) || cc2.TLS.ServerName != "" {
		t.Errorf("new config: %v %q", cc2.TLS.CipherSuites, cc2.TLS.ServerName)
	}
	if cc.TLS.ServerName != "a.example" || !cc.TLS.InsecureSkipVerify || cc.TLS.VerifyConnection == nil {
		t.Errorf("config basics wrong")
	}
	cp := c.Copy()
	c.Seal()
	for _, err := range []error{c.SetVerify(true), c.SetCipherList("ALL"), c.SetSessionCache(0), c.LoadVerifyRoots("", "/nonexistent")} {
		if e := cond(t, err); e.Reason != "context is sealed" || e.Status != conditions.StatusNone {
			t.Errorf("sealed error %q", e.Message)
		}
	}
	if err := cp.SetVerify(true); err != nil || cp.Sealed() {
		t.Errorf("copy not independent: %v", err)
	}
	// Trust pool is copy-on-write.
	s := certgen.MustSet(t)
	d := mustCtx(t, tlsctx.Client, "tlsv12")
	d.LoadVerifyRoots(s.Files.CACert, "")
	before := d.Roots()
	d.LoadVerifyRoots(s.Files.OtherCACert, "")
	if before.Equal(d.Roots()) {
		t.Error("pool mutated in place")
	}
}

func TestSecureClientAndEphemeral(t *testing.T) {
	sc, err := tlsctx.SecureClient()
	if err != nil {
		t.Fatal(err)
	}
	if !sc.Sealed() || !sc.Verify() || !slices.Equal(sc.CipherSuites(), []uint16{0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC009, 0xC013, 0xC00A, 0xC014}) {
		t.Errorf("secure client: sealed %v verify %v suites %x", sc.Sealed(), sc.Verify(), sc.CipherSuites())
	}
	srv := mustCtx(t, tlsctx.Server, "auto")
	if err := srv.UseEphemeralCertificate(); err != nil {
		t.Fatal(err)
	}
	cli := mustCtx(t, tlsctx.Client, "tlsv12")
	cli.AddTrustAnchors([]*x509.Certificate{srv.Certificate()})
	cli.SetVerify(true)
	cli.SetVerifyHostname(true, "")
	p := shake(t, cli, srv, tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"})
	if p.cerr != nil || !p.ccfg.Result.OK() {
		t.Fatalf("ephemeral: %v %+v", p.cerr, p.ccfg.Result)
	}
}

func TestTLS13SuiteEnforcement(t *testing.T) {
	s := certgen.MustSet(t)
	cli := mustCtx(t, tlsctx.Client, "tlsv13")
	cli.SetCiphersuites("TLS_CHACHA20_POLY1305_SHA256")
	// Go picks AES-GCM when the CPU has AES; CHACHA only otherwise.
	p := shake(t, cli, serverCtx(t, s.Leaf), tlsctx.ConnParams{})
	suite := p.cc.ConnectionState().CipherSuite
	if p.cerr == nil && suite != tls.TLS_CHACHA20_POLY1305_SHA256 {
		t.Errorf("suite %x accepted", suite)
	}
	if err := cli.SetCiphersuites("TLS_BOGUS"); err == nil {
		t.Error("unknown TLS 1.3 suite accepted")
	}
	cli.SetCiphersuites("")
	cc, _ := cli.ConnConfig(tlsctx.ConnParams{})
	if cc.TLS.MaxVersion != tls.VersionTLS12 {
		t.Errorf("empty ciphersuites: max %x", cc.TLS.MaxVersion)
	}
}

func TestSetters(t *testing.T) {
	c := mustCtx(t, tlsctx.Client, "tlsv12")
	if err := c.SetCurves([]string{"x25519", "secp256r1"}); err != nil {
		t.Fatal(err)
	}
	if e := cond(t, c.SetCurves([]string{"brainpool"})); !e.HasKind(conditions.KindUnsupported) {
		t.Error("bad curve not unsupported")
	}
	if c.SessionCache() == nil || c.SessionCacheMode() != "client" {
		t.Error("default session cache missing")
	}
	c.SetSessionCache(0)
	if c.SessionCache() != nil || c.SessionCacheMode() != "off" {
		t.Error("session cache not disabled")
	}
	s := mustCtx(t, tlsctx.Server, "tlsv12")
	if e := cond(t, s.SetRenegotiation("once")); !e.HasKind(conditions.KindUnsupported) {
		t.Error("server renegotiation accepted")
	}
	if err := c.SetRenegotiation("freely"); err != nil || c.Renegotiation() != "freely" {
		t.Error("renegotiation")
	}
	s.SetVerify(true)
	if !slices.Equal(s.VerifyMode(), []string{"peer", "fail-if-no-peer-cert"}) || s.ClientAuth() != tlsctx.AuthRequire {
		t.Errorf("server verify mode %v", s.VerifyMode())
	}
	if err := c.SetCipherList("eNULL"); err == nil || !slices.Equal(c.CipherSuites(), []uint16{0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC009, 0xC013, 0xC00A, 0xC014}) {
		t.Error("no cipher match changed the context")
	}
	c.SetCipherList("HIGH:@SECLEVEL=3")
	if c.SecurityLevel() != 3 {
		t.Error("@SECLEVEL ignored")
	}
}
