// (sagittarius crypto keys) against openssl: ECDH, X25519 and X448 secrets agree with openssl pkeyutl -derive, and keys openssl makes import and export byte for byte.

package sagcrypto_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/scheme"
)

// runOpenSSL runs the openssl command and returns its standard output,
// failing the test with its standard error when it fails.
func runOpenSSL(t *testing.T, path string, args ...string) []byte {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(path, args...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openssl %s: %v: %s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

// TestKeyAgreementAgainstOpenSSL: the secret of a Scheme private key and
// a Scheme public key is openssl's of the same keys; and the secret of an
// openssl private key, imported from PKCS #8, with a Scheme public key is
// openssl's.
func TestKeyAgreementAgainstOpenSSL(t *testing.T) {
	path := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	for _, tc := range []struct {
		name, gen, scheme, genpkey string
		size                       int
	}{
		{"ECDH-P384", "*key:ecdsa* :ec-parameter *ec-parameter:p384*", "*key:ecdh*", "EC -pkeyopt ec_paramgen_curve:P-384", 48},
		{"X25519", "*key:x25519*", "*key:x25519*", "X25519", 32},
		{"X448", "*key:x448*", "*key:x448*", "X448", 56},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := in.EvalString(t.Context(), "(begin (define a (generate-key-pair "+tc.gen+")) (define b (generate-key-pair "+tc.gen+")))"); err != nil {
				t.Fatal(err)
			}
			privA, _ := keyFiles(t, in, dir, "a")
			_, pubB := keyFiles(t, in, dir, "b")
			want := runOpenSSL(t, path, "pkeyutl", "-derive", "-inkey", privA, "-peerkey", pubB)
			got := evalBytes(t, in, "(calculate-key-agreement "+tc.scheme+" (key-pair-private a) (key-pair-public b))")
			if !bytes.Equal(got, want) || len(got) != tc.size {
				t.Errorf("Scheme's secret %x, openssl's %x", got, want)
			}
			// an openssl key, imported into Scheme
			key := filepath.Join(dir, tc.name+".pem")
			runOpenSSL(t, path, append(append([]string{"genpkey", "-algorithm"}, strings.Fields(tc.genpkey)...), "-out", key)...)
			in.Define("openssl-key", &scheme.Bytevector{B: runOpenSSL(t, path, "pkcs8", "-topk8", "-nocrypt", "-in", key, "-outform", "DER")})
			want = runOpenSSL(t, path, "pkeyutl", "-derive", "-inkey", key, "-peerkey", pubB)
			got = evalBytes(t, in, "(calculate-key-agreement "+tc.scheme+" (import-private-key openssl-key 'private-key-info) (key-pair-public b))")
			if !bytes.Equal(got, want) {
				t.Errorf("with openssl's key: Scheme's secret %x, openssl's %x", got, want)
			}
		})
	}
}

// TestKeysAgainstOpenSSL: keys openssl genpkey makes read in Scheme from
// PKCS #8 and SubjectPublicKeyInfo DER (and DSA's from the raw
// DSAPrivateKey), and Scheme writes them back as openssl does.
func TestKeysAgainstOpenSSL(t *testing.T) {
	path := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	params := filepath.Join(dir, "dsa-params.pem")
	runOpenSSL(t, path, "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-pkeyopt", "dsa_paramgen_q_bits:256", "-out", params)
	for _, tc := range []struct {
		name, scheme string
		genpkey      []string
	}{
		{"X25519", "*key:x25519*", []string{"-algorithm", "X25519"}},
		{"X448", "*key:x448*", []string{"-algorithm", "X448"}},
		{"Ed448", "*key:ed448*", []string{"-algorithm", "ED448"}},
		{"Ed25519", "*key:ed25519*", []string{"-algorithm", "ED25519"}},
		{"DSA", "*key:dsa*", []string{"-paramfile", params}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			key := filepath.Join(dir, tc.name+".pem")
			runOpenSSL(t, path, append(append([]string{"genpkey"}, tc.genpkey...), "-out", key)...)
			p8 := runOpenSSL(t, path, "pkcs8", "-topk8", "-nocrypt", "-in", key, "-outform", "DER")
			spki := runOpenSSL(t, path, "pkey", "-in", key, "-pubout", "-outform", "DER")
			in.Define("p8", &scheme.Bytevector{B: p8})
			in.Define("spki", &scheme.Bytevector{B: spki})
			check := func(what, expr string, want []byte) {
				t.Helper()
				if got := evalBytes(t, in, expr); !bytes.Equal(got, want) {
					t.Errorf("%s: %s gives\n%x\nopenssl's is\n%x", what, expr, got, want)
				}
			}
			check("PKCS #8", "(export-private-key (import-private-key p8 'private-key-info) 'private-key-info)", p8)
			check("SubjectPublicKeyInfo", "(export-public-key (import-public-key spki 'subject-public-key-info) 'subject-public-key-info)", spki)
			check("SubjectPublicKeyInfo", "(export-public-key "+tc.scheme+" (import-public-key "+tc.scheme+" spki 'subject-public-key-info) 'subject-public-key-info)", spki)
			if tc.name == "DSA" { // the raw DSAPrivateKey, the form openssl pkey writes in DER
				raw := runOpenSSL(t, path, "pkey", "-in", key, "-outform", "DER")
				in.Define("raw", &scheme.Bytevector{B: raw})
				check("DSAPrivateKey", "(export-private-key (import-private-key *key:dsa* raw))", raw)
				check("DSAPrivateKey of PKCS #8", "(export-private-key (import-private-key p8 'private-key-info) 'raw)", raw)
				// Scheme's key of openssl's parameters, read back by openssl
				paramsDER := runOpenSSL(t, path, "dsaparam", "-in", params, "-outform", "DER")
				in.Define("params", &scheme.Bytevector{B: paramsDER})
				file := filepath.Join(dir, "scheme-dsa.der")
				if err := os.WriteFile(file, evalBytes(t, in, "(export-private-key (key-pair-private (generate-key-pair *key:dsa* :parameter params)))"), 0o600); err != nil {
					t.Fatal(err)
				}
				if !bytes.Contains(runOpenSSL(t, path, "pkey", "-in", file, "-inform", "DER", "-text", "-noout"), []byte("Private-Key: (2048 bit)")) {
					t.Errorf("openssl does not read the DSA key made in Scheme of its parameters as a 2048-bit key")
				}
				runOpenSSL(t, path, "pkey", "-in", file, "-inform", "DER", "-check", "-noout") // y = g^x mod p
			}
		})
	}
}
