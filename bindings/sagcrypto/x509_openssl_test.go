// (sagittarius crypto x509) and (sagittarius crypto keystores) against openssl: certificates, CSRs and CRLs made here verify with openssl verify/req/crl and ones openssl makes read here with their fields; a keystore written here is read by openssl pkcs12, and files openssl writes (modern default, -legacy, certificates only) are read here.

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

// opensslRun runs openssl with args in dir and returns its combined output;
// a failure fails the test.
func opensslRun(t *testing.T, openssl, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command(openssl, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("openssl %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// evalIn evaluates expr in in, failing the test on an error.
func evalIn(t *testing.T, in *scheme.Interp, expr string) scheme.Value {
	t.Helper()
	v, err := in.EvalString(t.Context(), expr)
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// x509Setup is the Scheme of a CA (ECDSA, 2020-2040), a leaf it issued
// (RSA, 2020-2030, serial 4660), a CSR of the leaf key and a CRL of the CA
// (2025-02-01) revoking the leaf since 2025-01-01.
const x509Setup = `(begin
  (import (rnrs) (srfi 19) (sagittarius crypto keys) (sagittarius crypto signatures) (sagittarius crypto x509))
  (define (utc y mo d) (make-date 0 0 0 0 d mo y 0))
  (define fixture-ca (bytevector->x509-certificate (call-with-port (open-file-input-port "testdata/x509/ca.der") get-bytevector-all)))
  (define ca-key (generate-key-pair *key:ecdsa*))
  (define leaf-key (generate-key-pair *key:rsa* :size 2048))
  (define ca-dn (x509-name '(C "NL") '(O "Scheme CA") '(CN "Scheme Root")))
  (define leaf-dn (x509-name '(O "Scheme") '(CN "leaf.scheme.example")))
  (define ca (sign-x509-certificate-template
    (x509-certificate-template-builder (issuer-dn ca-dn) (subject-dn ca-dn) (serial-number 1) (not-before (utc 2020 1 1)) (not-after (utc 2040 1 1))
      (public-key (key-pair-public ca-key))
      (extensions (filter (lambda (e) (not (equal? (x509-extension-id e) *extension:subject-key-identifier*))) (x509-certificate-extensions fixture-ca))))
    *signature-algorithm:ecdsa-sha256* (key-pair-private ca-key)))
  (define leaf (sign-x509-certificate-template
    (x509-certificate-template-builder (issuer-dn ca-dn) (subject-dn leaf-dn) (serial-number 4660) (not-before (utc 2020 1 1)) (not-after (utc 2030 1 1))
      (public-key (key-pair-public leaf-key)))
    *signature-algorithm:ecdsa-sha384* (key-pair-private ca-key)))
  (define csr (sign-x509-certification-request-template
    (x509-certification-request-template-builder (subject-dn leaf-dn) (attributes (list (make-x509-challenge-password-attribute "pw"))))
    *signature-algorithm:rsa-pkcs-v1.5-sha256* leaf-key))
  (define crl (sign-x509-certificate-revocation-list-template
    (x509-certificate-revocation-list-template-builder (issuer-dn ca-dn) (this-update (utc 2025 2 1)) (next-update (utc 2035 1 1))
      (revoked-certificates (list (make-x509-revoked-certificate 4660 (utc 2025 1 1)))))
    *signature-algorithm:ecdsa-sha256* (key-pair-private ca-key))))`

// attime is 2026-01-01 as openssl verify's -attime.
const attime = "1767225600"

func TestX509MadeHereVerifiedByOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	evalIn(t, in, x509Setup)
	for name, expr := range map[string]string{
		"ca.der": "(x509-certificate->bytevector ca)", "leaf.der": "(x509-certificate->bytevector leaf)",
		"csr.der": "(x509-certification-request->bytevector csr)", "crl.der": "(x509-certificate-revocation-list->bytevector crl)",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), evalBytes(t, in, expr), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	opensslRun(t, openssl, dir, "x509", "-inform", "der", "-in", "ca.der", "-out", "ca.pem")
	opensslRun(t, openssl, dir, "x509", "-inform", "der", "-in", "leaf.der", "-out", "leaf.pem")
	opensslRun(t, openssl, dir, "crl", "-inform", "der", "-in", "crl.der", "-out", "crl.pem")

	text := opensslRun(t, openssl, dir, "x509", "-in", "leaf.pem", "-noout", "-subject", "-issuer", "-serial", "-dates")
	for _, want := range []string{"subject=O = Scheme, CN = leaf.scheme.example", "issuer=C = NL, O = Scheme CA, CN = Scheme Root",
		"serial=1234", "notBefore=Jan  1 00:00:00 2020 GMT", "notAfter=Jan  1 00:00:00 2030 GMT"} {
		if !strings.Contains(text, want) {
			t.Errorf("openssl x509 shows %q, want %q in it", text, want)
		}
	}
	if out := opensslRun(t, openssl, dir, "verify", "-attime", attime, "-CAfile", "ca.pem", "leaf.pem"); !strings.Contains(out, "leaf.pem: OK") {
		t.Errorf("openssl verify: %s", out)
	}
	if out := opensslRun(t, openssl, dir, "req", "-inform", "der", "-in", "csr.der", "-verify", "-noout", "-subject"); !strings.Contains(out, "verify OK") ||
		!strings.Contains(out, "subject=O = Scheme, CN = leaf.scheme.example") {
		t.Errorf("openssl req -verify: %s", out)
	}
	if out := opensslRun(t, openssl, dir, "req", "-inform", "der", "-in", "csr.der", "-noout", "-text"); !strings.Contains(out, "challengePassword") || !strings.Contains(out, "pw") {
		t.Errorf("openssl req -text lacks the challenge password: %s", out)
	}
	if out := opensslRun(t, openssl, dir, "crl", "-in", "crl.pem", "-CAfile", "ca.pem", "-noout", "-text"); !strings.Contains(out, "verify OK") ||
		!strings.Contains(out, "Serial Number: 1234") || !strings.Contains(out, "Next Update: Jan  1 00:00:00 2035 GMT") {
		t.Errorf("openssl crl: %s", out)
	}
	// CSRs and CRLs are signed here (not by crypto/x509): each algorithm verifies with openssl
	// (OpenSSL 3.0 knows neither ECDSA with SHA-3 nor RSA with SHA-512/256)
	for _, alg := range []struct{ aid, key string }{
		{"*signature-algorithm:ecdsa-sha224*", "ca-key"}, {"*signature-algorithm:ecdsa-sha512*", "ca-key"},
		{"*signature-algorithm:rsa-pkcs-v1.5-sha3-256*", "leaf-key"}, {"*signature-algorithm:rsa-pkcs-v1.5-sha224*", "leaf-key"},
		{"*signature-algorithm:rsa-ssa-pss*", "leaf-key"}, {"*signature-algorithm:ed25519*", "(generate-key-pair *key:ed25519*)"},
	} {
		evalIn(t, in, "(define k "+alg.key+")")
		csr := evalBytes(t, in, "(x509-certification-request->bytevector (sign-x509-certification-request-template (x509-certification-request-template-builder (subject-dn leaf-dn)) "+alg.aid+" k))")
		if err := os.WriteFile(filepath.Join(dir, "alg.csr"), csr, 0o600); err != nil {
			t.Fatal(err)
		}
		if out := opensslRun(t, openssl, dir, "req", "-inform", "der", "-in", "alg.csr", "-verify", "-noout"); !strings.Contains(out, "verify OK") {
			t.Errorf("openssl req -verify of a CSR signed with %s: %s", alg.aid, out)
		}
		crl := evalBytes(t, in, `(x509-certificate-revocation-list->bytevector (sign-x509-certificate-revocation-list-template
		  (x509-certificate-revocation-list-template-builder (issuer-dn leaf-dn) (this-update (utc 2025 2 1)) (revoked-certificates '())) `+alg.aid+` k))`)
		// a certificate of k (signed with an algorithm crypto/x509 has) for openssl crl -CAfile
		signer := evalBytes(t, in, `(x509-certificate->bytevector (sign-x509-certificate-template
		  (x509-certificate-template-builder (issuer-dn leaf-dn) (subject-dn leaf-dn) (serial-number 9) (not-before (utc 2020 1 1)) (not-after (utc 2040 1 1))
		    (public-key (key-pair-public k)))
		  (cond ((eq? k ca-key) *signature-algorithm:ecdsa-sha256*) ((eq? k leaf-key) *signature-algorithm:rsa-pkcs-v1.5-sha256*) (else *signature-algorithm:ed25519*))
		  (key-pair-private k)))`)
		for name, b := range map[string][]byte{"alg.crl": crl, "signer.der": signer} {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		opensslRun(t, openssl, dir, "x509", "-inform", "der", "-in", "signer.der", "-out", "signer.pem")
		if out := opensslRun(t, openssl, dir, "crl", "-inform", "der", "-in", "alg.crl", "-CAfile", "signer.pem", "-noout"); !strings.Contains(out, "verify OK") {
			t.Errorf("openssl crl of a CRL signed with %s: %s", alg.aid, out)
		}
	}
	// the CRL revokes the leaf
	cmd := exec.Command(openssl, "verify", "-attime", attime, "-crl_check", "-CRLfile", "crl.pem", "-CAfile", "ca.pem", "leaf.pem")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "certificate revoked") {
		t.Errorf("openssl verify -crl_check: %v: %s", err, out)
	}
}

// opensslCA makes, with openssl, an ECDSA CA, a leaf it issued with a SAN
// and a CSR of the leaf key with an extension request, revokes the leaf and
// makes a CRL, in dir: ca.pem, leaf.pem, csr.pem, crl.pem.
func opensslCA(t *testing.T, openssl, dir string) {
	t.Helper()
	cfg := `[ca]
default_ca = testca
[testca]
dir = .
database = index.txt
crlnumber = crlnumber
default_md = sha256
default_crl_days = 30
`
	for name, body := range map[string]string{"ca.cnf": cfg, "index.txt": "", "crlnumber": "01\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	opensslRun(t, openssl, dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca-key.pem",
		"-subj", "/C=NL/O=OpenSSL Org/CN=OpenSSL Root", "-days", "30", "-out", "ca.pem")
	opensslRun(t, openssl, dir, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf-key.pem",
		"-subj", "/O=OpenSSL Org/CN=leaf.openssl.example", "-addext", "subjectAltName=DNS:leaf.openssl.example", "-out", "csr.pem")
	opensslRun(t, openssl, dir, "x509", "-req", "-in", "csr.pem", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-set_serial", "77",
		"-days", "30", "-copy_extensions", "copy", "-out", "leaf.pem")
	opensslRun(t, openssl, dir, "ca", "-config", "ca.cnf", "-keyfile", "ca-key.pem", "-cert", "ca.pem", "-revoke", "leaf.pem", "-crl_reason", "keyCompromise")
	opensslRun(t, openssl, dir, "ca", "-config", "ca.cnf", "-keyfile", "ca-key.pem", "-cert", "ca.pem", "-gencrl", "-out", "crl.pem")
	for _, f := range [][]string{{"x509", "ca"}, {"x509", "leaf"}, {"req", "csr"}, {"crl", "crl"}} {
		opensslRun(t, openssl, dir, f[0], "-in", f[1]+".pem", "-outform", "der", "-out", f[1]+".der")
	}
}

func TestX509MadeByOpenSSLReadHere(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	opensslCA(t, openssl, dir)
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	evalIn(t, in, `(import (rnrs) (srfi 19) (sagittarius crypto keys) (sagittarius crypto x509))`)
	for _, name := range []string{"ca", "leaf", "csr", "crl"} {
		b, err := os.ReadFile(filepath.Join(dir, name+".der"))
		if err != nil {
			t.Fatal(err)
		}
		in.Define(name+"-der", &scheme.Bytevector{B: b})
	}
	evalIn(t, in, `(begin
	  (define ca (bytevector->x509-certificate ca-der))
	  (define leaf (read-x509-certificate (open-bytevector-input-port leaf-der)))
	  (define csr (bytevector->x509-certification-request csr-der))
	  (define crl (bytevector->x509-certificate-revocation-list crl-der))
	  (define far (make-date 0 0 0 0 1 1 2100 0)))`)
	for _, tc := range []struct{ expr, want string }{
		{"(x509-name->string (x509-certificate-subject-dn ca))", `"CN=OpenSSL Root,O=OpenSSL Org,C=NL"`},
		{"(x509-name->string (x509-certificate-issuer-dn leaf))", `"CN=OpenSSL Root,O=OpenSSL Org,C=NL"`},
		{"(x509-name->string (x509-certificate-subject-dn leaf))", `"CN=leaf.openssl.example,O=OpenSSL Org"`},
		{"(x509-certificate-serial-number leaf)", "77"},
		{"(x509-certificate-version leaf)", "3"},
		{"(x509-algorithm-identifier-oid (x509-certificate-signature-algorithm leaf))", `"1.2.840.10045.4.3.2"`},
		{"(x509-certificate-signed-by? leaf ca)", "#t"},
		{"(x509-certificate-signed-by? ca ca)", "#t"},
		{"(validate-x509-certificate leaf (x509-certificate-signature-validator (x509-certificate-public-key ca)))", "#t"},
		{"(and (find (x509-extension-of *extension:subject-alt-name*) (x509-certificate-extensions leaf)) #t)", "#t"},
		{"(x509-certificate-expired? leaf far)", "#t"},
		{"(x509-name->string (x509-certification-request-subject csr))", `"CN=leaf.openssl.example,O=OpenSSL Org"`},
		{"(x509-certification-request-version csr)", "1"},
		{"(validate-x509-certification-request csr x509-certification-request-signature-validator)", "#t"},
		{"(map x509-extension-id (x509-attribute->x509-extension-list (find (x509-attribute-of *pkcs-9:extenion-request*) (x509-certification-request-attributes csr))))",
			`("2.5.29.17")`},
		{"(x509-name->string (x509-certificate-revocation-list-issuer crl))", `"CN=OpenSSL Root,O=OpenSSL Org,C=NL"`},
		{"(map x509-revoked-certificate-serial-number (x509-certificate-revocation-list-revoked-certificates crl))", "(77)"},
		{"(map x509-extension-id (x509-revoked-certificate-crl-entry-extensions (car (x509-certificate-revocation-list-revoked-certificates crl))))", `("2.5.29.21")`},
		{"(map x509-extension-id (x509-certificate-revocation-list-crl-extensions crl))", `("2.5.29.20")`},
		{"(date? (x509-certificate-revocation-list-next-update crl))", "#t"},
		{"(validate-x509-certificate-revocation-list crl (x509-certificate-revocation-list-signature-validator (x509-certificate-public-key ca)) (x509-certificate-revocation-list-issuer-validator (x509-certificate-subject-dn ca)))", "#t"},
		{"(x509-certificate-revoked? leaf ca crl far)", "#t"},
		{"(x509-certificate-revoked? ca ca crl far)", "#f"},
	} {
		if got := scheme.WriteString(evalIn(t, in, tc.expr)); got != tc.want {
			t.Errorf("%s = %s, want %s", tc.expr, got, tc.want)
		}
	}
}

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
