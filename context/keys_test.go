package tlsctx_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
)

func TestReadPrivateKey(t *testing.T) {
	dir := t.TempDir()
	ec, _ := certgen.NewKey(certgen.ECDSA, 0)
	rk, _ := certgen.NewKey(certgen.RSA, 1024)
	ed, _ := certgen.NewKey(certgen.Ed25519, 0)
	sec1, _ := x509.MarshalECPrivateKey(ec.(*ecdsa.PrivateKey))
	pkcs1 := x509.MarshalPKCS1PrivateKey(rk.(*rsa.PrivateKey))
	p8ed, _ := x509.MarshalPKCS8PrivateKey(ed)
	pemOf := func(typ string, der []byte) []byte { return pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}) }
	//nolint:staticcheck // legacy format under test
	legacy, err := x509.EncryptPEMBlock(rand.Reader, "RSA PRIVATE KEY", pkcs1, []byte("secret"), x509.PEMCipherAES256)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o600)
		return p
	}
	rows := []struct {
		name   string
		src    any
		pw     any
		want   string // Go type prefix, or "" for error
		reason string
	}{
		{"SEC1 PEM file", write("ec.pem", pemOf("EC PRIVATE KEY", sec1)), nil, "*ecdsa", ""},
		{"PKCS#1 PEM string", string(pemOf("RSA PRIVATE KEY", pkcs1)), nil, "*rsa", ""},
		{"PKCS#8 Ed25519 DER bytes", p8ed, nil, "ed25519", ""},
		{"SEC1 DER file", write("ec.der", sec1), nil, "*ecdsa", ""},
		{"legacy encrypted", string(pem.EncodeToMemory(legacy)), "secret", "*rsa", ""},
		{"legacy encrypted via callback", string(pem.EncodeToMemory(legacy)), func() (string, error) { return "secret", nil }, "*rsa", ""},
		{"legacy no password", string(pem.EncodeToMemory(legacy)), nil, "", "bad password read"},
		{"legacy wrong password", string(pem.EncodeToMemory(legacy)), "nope", "", "wrong password"},
		{"missing file", filepath.Join(dir, "absent.pem"), nil, "", "absent.pem"},
		{"garbage", []byte("garbage"), nil, "", "failed to parse private key"},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			k, err := tlsctx.ReadPrivateKey(r.src, r.pw)
			if r.want == "" {
				e := cond(t, err)
				if e.Status != conditions.StatusNone || !strings.Contains(e.Reason, r.reason) {
					t.Errorf("error %q, want reason containing %q", e.Message, r.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := typeName(k); !strings.HasPrefix(got, r.want) {
				t.Errorf("key type %s, want %s", got, r.want)
			}
		})
	}
}

func typeName(k any) string {
	switch k.(type) {
	case *rsa.PrivateKey:
		return "*rsa"
	case *ecdsa.PrivateKey:
		return "*ecdsa"
	case ed25519.PrivateKey:
		return "ed25519"
	}
	return "?"
}

func TestEncryptedPKCS8WithOpenSSL(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skipf("openssl not in PATH; install it (apt-get install openssl) to run: %v", err)
	}
	s := certgen.MustSet(t)
	dir := t.TempDir()
	for _, prf := range []string{"hmacWithSHA1", "hmacWithSHA256"} {
		out := filepath.Join(dir, prf+".pem")
		cmd := exec.Command("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-v2prf", prf,
			"-in", s.Files.LeafKey, "-out", out, "-passout", "pass:pw123")
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("openssl: %v\n%s", err, b)
		}
		k, err := tlsctx.ReadPrivateKey(out, "pw123")
		if err != nil {
			t.Fatalf("%s: %v", prf, err)
		}
		if !k.(*ecdsa.PrivateKey).Equal(s.Leaf.Key) {
			t.Errorf("%s: key differs", prf)
		}
		_, err = tlsctx.ReadPrivateKey(out, "wrong")
		if e := cond(t, err); !strings.Contains(e.Reason, "wrong password") {
			t.Errorf("wrong password: %q", e.Reason)
		}
		_, err = tlsctx.ReadPrivateKey(out, nil)
		if e := cond(t, err); e.Reason != "bad password read" {
			t.Errorf("no password: %q", e.Reason)
		}
	}
	// DSA keys are unsupported.
	dsa := filepath.Join(dir, "dsa.pem")
	if b, err := exec.Command("openssl", "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:1024", "-out", dsa+".param").CombinedOutput(); err != nil {
		t.Skipf("openssl cannot make DSA params: %s", b)
	}
	if b, err := exec.Command("openssl", "genpkey", "-paramfile", dsa+".param", "-out", dsa).CombinedOutput(); err != nil {
		t.Skipf("openssl cannot make DSA keys: %s", b)
	}
	_, err := tlsctx.ReadPrivateKey(dsa, nil)
	if e := cond(t, err); !e.HasKind(conditions.KindUnsupported) || !strings.Contains(e.Reason, "DSA") {
		t.Errorf("DSA: %q", e.Message)
	}
}

func TestLoadKeyAndChain(t *testing.T) {
	s := certgen.MustSet(t)
	c := mustCtx(t, tlsctx.Server, "tlsv12")
	if err := c.LoadCertificateChain(s.Files.ChainLeafCert, false); err != nil {
		t.Fatal(err)
	}
	if n := len(c.Chain()); n != 2 {
		t.Errorf("chain length %d", n)
	}
	// Mismatch, both load orders.
	if e := cond(t, c.LoadPrivateKey(s.Files.LeafKey, tlsctx.KeyRSA, false)); e.Reason != "key values mismatch" {
		t.Errorf("mismatch: %q", e.Reason)
	}
	if err := c.LoadPrivateKey(s.Files.ChainLeafKey, tlsctx.KeyRSA, false); err != nil {
		t.Fatal(err) // rsa? falls back to the ECDSA key
	}
	if e := cond(t, c.LoadCertificateChain(s.Files.LeafCert, false)); e.Reason != "key values mismatch" {
		t.Errorf("mismatch (chain second): %q", e.Reason)
	}
	// DER chain and DER key bytes.
	d := mustCtx(t, tlsctx.Server, "tlsv12")
	if err := d.LoadCertificateChain(s.RSALeaf.DER, true); err != nil {
		t.Fatal(err)
	}
	der := x509.MarshalPKCS1PrivateKey(s.RSALeaf.Key.(*rsa.PrivateKey))
	if err := d.LoadPrivateKey(der, tlsctx.KeyRSA, true); err != nil {
		t.Fatal(err)
	}
	for kt, word := range map[tlsctx.KeyType]string{tlsctx.KeyDSA: "DSA", tlsctx.KeyDH: "DH"} {
		if e := cond(t, d.LoadPrivateKey(der, kt, true)); !e.HasKind(conditions.KindUnsupported) || !strings.HasPrefix(e.Reason, word) {
			t.Errorf("%s: %q", word, e.Reason)
		}
	}
	if e := cond(t, d.LoadCertificateChain(filepath.Join(t.TempDir(), "none.pem"), false)); !strings.Contains(e.Reason, "none.pem") {
		t.Errorf("missing file reason %q", e.Reason)
	}
	certs, err := tlsctx.ReadCertificates(string(s.Leaf.ChainPEM()))
	if err != nil || len(certs) != 1 {
		t.Errorf("ReadCertificates: %v", err)
	}
}

func TestTrustDirectory(t *testing.T) {
	s := certgen.MustSet(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ca.pem"), s.CA.CertPEM(), 0o600)
	os.WriteFile(filepath.Join(dir, "deadbeef.r0"), s.OtherCA.CertPEM(), 0o600) // a "CRL": skipped
	os.WriteFile(filepath.Join(dir, "junk.txt"), []byte("junk"), 0o600)
	os.Symlink("ca.pem", filepath.Join(dir, "12345678.0")) // same-dir hash link: skipped
	if _, err := exec.LookPath("openssl"); err == nil {
		exec.Command("openssl", "rehash", dir).Run()
	}
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "other.pem"), s.OtherCA.CertPEM(), 0o600)
	os.Symlink(filepath.Join(outside, "other.pem"), filepath.Join(dir, "87654321.0"))
	certs := tlsctx.ScanCADirectory(dir + ":" + filepath.Join(dir, "missing"))
	if len(certs) != 2 {
		t.Fatalf("scanned %d certificates, want 2 (ca + outside link)", len(certs))
	}
	c := mustCtx(t, tlsctx.Client, "tlsv12")
	if err := c.LoadVerifyRoots("", dir); err != nil {
		t.Fatal(err)
	}
	if err := c.LoadVerifyRoots("", "/nonexistent/dir"); err != nil {
		t.Errorf("missing dir: %v", err)
	}
	if err := c.LoadVerifyRoots(filepath.Join(dir, "junk.txt"), ""); err == nil {
		t.Error("CA file without certificates accepted")
	}
	c.SetVerify(true)
	p := shake(t, c, serverCtx(t, s.Unknown), tlsctx.ConnParams{ServerName: "localhost"})
	if p.cerr != nil {
		t.Errorf("outside-linked CA not trusted: %v", p.cerr)
	}
}

func TestNames(t *testing.T) {
	s := certgen.MustSet(t)
	if got := tlsctx.SubjectName(s.CA.Cert); got != "/O=tlsport test/CN=tlsport test CA" {
		t.Errorf("one-line %q", got)
	}
	if got := tlsctx.IssuerName(s.Leaf.Cert); got != "/O=tlsport test/CN=tlsport test CA" {
		t.Errorf("issuer %q", got)
	}
	if got := tlsctx.RFC4514(s.CA.Cert.RawSubject); got != "CN=tlsport test CA,O=tlsport test" {
		t.Errorf("rfc4514 %q", got)
	}
	if got := strings.Join(tlsctx.CertificateHostnames(s.Leaf.Cert), " "); got != "localhost 127.0.0.1 ::1" {
		t.Errorf("hostnames %q", got)
	}
	if got := tlsctx.CertificateHostnames(s.CA.Cert); len(got) != 1 || got[0] != "tlsport test CA" {
		t.Errorf("CN fallback %q", got)
	}
}

// TestIsCRLName: the CApath names of CRLs (<8 hex digits>.r<digits>, as
// c_rehash makes them), which ScanCADirectory skips and readCRLDir reads.
func TestIsCRLName(t *testing.T) {
	for _, c := range []struct {
		name string
		want bool
	}{
		{"deadbeef.r0", true}, {"0BADC0DE.r12", true}, {"01234567.r9999", true},
		{"deadbeef.0", false}, {"deadbeef.r", false}, {"deadbeef.rx", false}, {"deadbeef.r0x", false},
		{"deadbeeg.r0", false}, {"deadbee.r0", false}, {"deadbeef0.r0", false}, {"deadbeef.R0", false},
		{"deadbeef.r-1", false}, {"", false}, {"ca.pem", false}, {"deadbeefxr0", false},
	} {
		if got := tlsctx.IsCRLName(c.name); got != c.want {
			t.Errorf("isCRLName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}
