// (sagittarius crypto keystores) against openssl pkcs12: a keystore written here is read by openssl, and files openssl writes (modern default, -legacy, certificates only) are read here.

package sagcrypto_test

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/scheme"
)

const keystoreSetup = `(begin
  (import (rnrs) (sagittarius crypto keys) (sagittarius crypto x509) (sagittarius crypto keystores))
  (define (file-bytes f) (call-with-port (open-file-input-port f) get-bytevector-all))
  (define ca (bytevector->x509-certificate (file-bytes "testdata/x509/ca.der")))
  (define leaf (bytevector->x509-certificate (file-bytes "testdata/x509/leaf.der")))
  (define leaf-key (import-private-key (file-bytes "testdata/x509/leaf-key.der") (private-key-format private-key-info)))
  (define (p8 k) (export-private-key k (private-key-format private-key-info)))
  (define (der c) (x509-certificate->bytevector c)))`

func TestKeystoreWrittenHereReadByOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	evalIn(t, in, keystoreSetup)
	p12 := evalBytes(t, in, `(let ((ks (make-pkcs12-keystore)))
	  (pkcs12-keystore-private-key-set! ks "my leaf" leaf-key "s3cret" (list leaf ca))
	  (pkcs12-keystore-certificate-set! ks "trusted root" ca)
	  (pkcs12-keystore->bytevector ks "s3cret"))`)
	if err := os.WriteFile(filepath.Join(dir, "ks.p12"), p12, 0o600); err != nil {
		t.Fatal(err)
	}
	out := opensslRun(t, openssl, dir, "pkcs12", "-in", "ks.p12", "-passin", "pass:s3cret", "-nodes", "-info")
	for _, want := range []string{"MAC: sha256", "PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC", "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC",
		"friendlyName: my leaf", "friendlyName: trusted root", "subject=O = Fixture, CN = leaf.example", "subject=C = NL, O = Fixture CA, CN = Fixture Root",
		"BEGIN PRIVATE KEY"} {
		if !strings.Contains(out, want) {
			t.Errorf("openssl pkcs12 -info lacks %q:\n%s", want, out)
		}
	}
	// the key openssl decrypts is the leaf key: its public key is the leaf certificate's
	opensslRun(t, openssl, dir, "pkcs12", "-in", "ks.p12", "-passin", "pass:s3cret", "-nodes", "-nocerts", "-out", "key.pem")
	opensslRun(t, openssl, dir, "pkey", "-in", "key.pem", "-pubout", "-outform", "der", "-out", "pub.der")
	got, err := os.ReadFile(filepath.Join(dir, "pub.der"))
	if err != nil {
		t.Fatal(err)
	}
	if want := evalBytes(t, in, "(export-public-key (x509-certificate-public-key leaf) (public-key-format subject-public-key-info))"); !bytes.Equal(got, want) {
		t.Errorf("openssl's key's public key %x, the leaf's %x", got, want)
	}
	cmd := exec.Command(openssl, "pkcs12", "-in", "ks.p12", "-passin", "pass:wrong", "-nodes", "-noout")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Errorf("openssl read the keystore with a wrong password: %s", out)
	}
}

func TestKeystoreWrittenByOpenSSLReadHere(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	for _, f := range []string{"ca", "leaf", "leaf-key"} {
		inform := "x509"
		if f == "leaf-key" {
			inform = "pkey"
		}
		opensslRun(t, openssl, ".", inform, "-inform", "der", "-in", "testdata/x509/"+f+".der", "-out", filepath.Join(dir, f+".pem"))
	}
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	evalIn(t, in, keystoreSetup)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"modern", nil},
		{"legacy", []string{"-legacy"}},
		{"3des-sha1", []string{"-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES", "-macalg", "sha1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"pkcs12", "-export", "-inkey", "leaf-key.pem", "-in", "leaf.pem", "-certfile", "ca.pem",
				"-name", "openssl alias", "-passout", "pass:pw", "-out", tc.name + ".p12"}, tc.args...)
			cmd := exec.Command(openssl, args...)
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				if tc.name == "legacy" {
					t.Skipf("openssl pkcs12 -legacy (needs the legacy provider): %v: %s", err, out)
				}
				t.Fatalf("openssl %s: %v: %s", strings.Join(args, " "), err, out)
			}
			b, err := os.ReadFile(filepath.Join(dir, tc.name+".p12"))
			if err != nil {
				t.Fatal(err)
			}
			in.Define("p12", &scheme.Bytevector{B: b})
			evalIn(t, in, `(define ks (bytevector->pkcs12-keystore p12 "pw"))`)
			for _, c := range []struct{ expr, want string }{
				{`(equal? (p8 (pkcs12-keystore-private-key-ref ks "openssl alias" "pw")) (p8 leaf-key))`, "#t"},
				{`(equal? (map der (pkcs12-keystore-certificate-chain-ref ks "openssl alias")) (list (der leaf) (der ca)))`, "#t"},
				{`(equal? (der (pkcs12-keystore-certificate-ref ks "openssl alias")) (der leaf))`, "#t"},
			} {
				if got := scheme.WriteString(evalIn(t, in, c.expr)); got != c.want {
					t.Errorf("%s = %s, want %s", c.expr, got, c.want)
				}
			}
			if _, err := in.EvalString(t.Context(), `(bytevector->pkcs12-keystore p12 "not pw")`); err == nil {
				t.Error("read with a wrong password")
			}
		})
	}
	// certificates only, a trust store: named by -caname, else by the SHA-1 fingerprint
	ca, err := os.ReadFile("testdata/x509/ca.der")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha1.Sum(ca)
	for alias, args := range map[string][]string{"trusted": {"-caname", "trusted"}, hex.EncodeToString(sum[:]): nil} {
		opensslRun(t, openssl, dir, append([]string{"pkcs12", "-export", "-nokeys", "-in", "ca.pem", "-passout", "pass:pw", "-out", "trust.p12"}, args...)...)
		b, err := os.ReadFile(filepath.Join(dir, "trust.p12"))
		if err != nil {
			t.Fatal(err)
		}
		in.Define("p12", &scheme.Bytevector{B: b})
		expr := `(equal? (der (pkcs12-keystore-certificate-ref (bytevector->pkcs12-keystore p12 "pw") "` + alias + `")) (der ca))`
		if got := scheme.WriteString(evalIn(t, in, expr)); got != "#t" {
			t.Errorf("%s: %s", expr, got)
		}
	}
}
