// (sagittarius crypto signatures) against openssl: RSA, DSA, ECDSA, Ed25519 and Ed448 signatures made in Scheme verify with openssl dgst and pkeyutl, and openssl's verify in Scheme, with keys made on either side.

package sagcrypto_test

import (
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/scheme"
)

// sigCase is one signature scheme: how Scheme makes its signer and
// verifier (the options after the key) and how openssl signs and verifies.
type sigCase struct {
	name, key, alg, opts string
	dgst                 []string // openssl dgst options; nil: pkeyutl -rawin (EdDSA)
}

var sigCases = []sigCase{
	{"RSA-PSS-SHA256", "rsa", "*signature:rsa*", "", []string{"-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"}},
	{"RSA-PSS-SHA512-salt10", "rsa", "*signature:rsa*", ":digest *digest:sha-512* :salt-length 10",
		[]string{"-sha512", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:10"}},
	{"RSA-PKCS1-SHA256", "rsa", "*signature:rsa*", ":encoder pkcs1-emsa-v1.5-encode :verifier pkcs1-emsa-v1.5-verify", []string{"-sha256"}},
	{"RSA-PKCS1-SHA3-384", "rsa", "*signature:rsa*", ":digest *digest:sha3-384* :encoder pkcs1-emsa-v1.5-encode :verifier pkcs1-emsa-v1.5-verify", []string{"-sha3-384"}},
	{"ECDSA-P256-SHA256", "ec", "*signature:ecdsa*", "", []string{"-sha256"}},
	{"ECDSA-P384-SHA384", "ec384", "*signature:ecdsa*", ":digest *digest:sha-384*", []string{"-sha384"}},
	{"Ed25519", "ed", "*signature:ed25519*", "", nil},
	{"Ed448", "ed448", "*signature:ed448*", "", nil},
	{"DSA-SHA256", "dsa", "*signature:dsa*", "", []string{"-sha256"}},
	{"DSA-SHA512", "dsa", "*signature:dsa*", ":digest *digest:sha-512*", []string{"-sha512"}}, // the digest truncated to q's 256 bits
	{"DSA-SHA384-RFC6979", "dsa", "*signature:dsa*", ":digest *digest:sha-384* :k-generator (make-hmac-k-generator *digest:sha-384*)", []string{"-sha384"}},
}

// keyFiles writes the private key (PKCS #8) and public key (SPKI) PEM
// files of the Scheme key pair named name.
func keyFiles(t *testing.T, in *scheme.Interp, dir, name string) (priv, pub string) {
	t.Helper()
	write := func(file, typ string, der []byte) string {
		p := filepath.Join(dir, file)
		if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	priv = write(name+".key", "PRIVATE KEY", evalBytes(t, in, "(export-private-key (key-pair-private "+name+") 'private-key-info)"))
	pub = write(name+".pub", "PUBLIC KEY", evalBytes(t, in, "(export-public-key (key-pair-public "+name+") 'subject-public-key-info)"))
	return priv, pub
}

func TestSignaturesAgainstOpenSSL(t *testing.T) {
	openssl := testpeer.Need(t, "openssl", "openssl")
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.WriteFile(data, testData(), 0o600); err != nil {
		t.Fatal(err)
	}
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	in.Define("msg", &scheme.Bytevector{B: testData()})
	// DSA parameters made by openssl, for the keys of both sides.
	params := filepath.Join(dir, "dsa-params.pem")
	runOpenSSL(t, openssl, "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-pkeyopt", "dsa_paramgen_q_bits:256", "-out", params)
	in.Define("dsa-params", &scheme.Bytevector{B: runOpenSSL(t, openssl, "dsaparam", "-in", params, "-outform", "DER")})
	// Keys made in Scheme; below, keys made by openssl imported from PKCS #8.
	if _, err := in.EvalString(t.Context(), `(begin
	  (define rsa (generate-key-pair *key:rsa* :size 2048))
	  (define ec (generate-key-pair *key:ecdsa*))
	  (define ec384 (generate-key-pair *key:ecdsa* :ec-parameter *ec-parameter:p384*))
	  (define ed (generate-key-pair *key:ed25519*))
	  (define ed448 (generate-key-pair *key:ed448*))
	  (define dsa (generate-key-pair *key:dsa* :parameter dsa-params)))`); err != nil {
		t.Fatal(err)
	}
	// ossl runs openssl; a failure is logged when the test fails.
	ossl := func(t *testing.T, args ...string) error {
		out, err := exec.Command(openssl, args...).CombinedOutput()
		if err != nil {
			t.Cleanup(func() {
				if t.Failed() {
					t.Logf("openssl %s: %v: %s", strings.Join(args, " "), err, out)
				}
			})
		}
		return err
	}
	genArgs := map[string][]string{
		"rsa": {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"}, "ec": {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"},
		"ec384": {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"}, "ed": {"-algorithm", "ED25519"},
		"ed448": {"-algorithm", "ED448"}, "dsa": {"-paramfile", params},
	}
	for _, tc := range sigCases {
		t.Run(tc.name, func(t *testing.T) {
			priv, pub := keyFiles(t, in, dir, tc.key)
			sig := filepath.Join(dir, tc.name+".sig")
			verify := func(pubFile, dataFile string) error {
				if tc.dgst == nil {
					return ossl(t, "pkeyutl", "-verify", "-pubin", "-inkey", pubFile, "-rawin", "-in", dataFile, "-sigfile", sig)
				}
				return ossl(t, append(append([]string{"dgst"}, tc.dgst...), "-verify", pubFile, "-signature", sig, dataFile)...)
			}
			sign := func(keyFile string) []byte {
				var err error
				if tc.dgst == nil {
					err = ossl(t, "pkeyutl", "-sign", "-inkey", keyFile, "-rawin", "-in", data, "-out", sig)
				} else {
					err = ossl(t, append(append([]string{"dgst"}, tc.dgst...), "-sign", keyFile, "-out", sig, data)...)
				}
				if err != nil {
					t.Skip("openssl cannot sign this")
				}
				b, err := os.ReadFile(sig)
				if err != nil {
					t.Fatal(err)
				}
				return b
			}
			// Scheme signs, openssl verifies.
			s := evalBytes(t, in, "(signer-sign-message (make-signer "+tc.alg+" (key-pair-private "+tc.key+") "+tc.opts+") msg)")
			if err := os.WriteFile(sig, s, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := verify(pub, data); err != nil {
				t.Errorf("openssl does not verify the Scheme signature")
			}
			other := filepath.Join(dir, "other")
			if err := os.WriteFile(other, []byte("other data"), 0o600); err != nil {
				t.Fatal(err)
			}
			if verify(pub, other) == nil {
				t.Errorf("openssl verifies the Scheme signature of other data")
			}
			// openssl signs, Scheme verifies.
			in.Define("sig", &scheme.Bytevector{B: sign(priv)})
			check := func(what, expr string, want scheme.Value) {
				v, err := in.EvalString(t.Context(), expr)
				if err != nil || v != want {
					t.Errorf("%s: %s gives %v, %v", what, expr, v, err)
				}
			}
			check("openssl's signature", "(verifier-verify-signature (make-verifier "+tc.alg+" (key-pair-public "+tc.key+") "+tc.opts+") msg sig)", scheme.True)
			check("openssl's signature of other data", "(verifier-verify-signature (make-verifier "+tc.alg+" (key-pair-public "+tc.key+") "+tc.opts+") #vu8(1 2 3) sig)", scheme.False)
			// A key made by openssl, imported from PKCS #8 DER, signs in Scheme.
			keyPEM, keyDER := filepath.Join(dir, tc.key+"-openssl.pem"), filepath.Join(dir, tc.key+"-openssl.der")
			pubPEM := filepath.Join(dir, tc.key+"-openssl.pub")
			if ossl(t, append(append([]string{"genpkey"}, genArgs[tc.key]...), "-out", keyPEM)...) != nil ||
				ossl(t, "pkcs8", "-topk8", "-nocrypt", "-in", keyPEM, "-outform", "DER", "-out", keyDER) != nil ||
				ossl(t, "pkey", "-in", keyPEM, "-pubout", "-out", pubPEM) != nil {
				t.Fatal("openssl genpkey, pkcs8 or pkey failed")
			}
			der, err := os.ReadFile(keyDER)
			if err != nil {
				t.Fatal(err)
			}
			in.Define("openssl-key-der", &scheme.Bytevector{B: der})
			s = evalBytes(t, in, "(signer-sign-message (make-signer "+tc.alg+" (import-private-key openssl-key-der 'private-key-info) "+tc.opts+") msg)")
			if err := os.WriteFile(sig, s, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := verify(pubPEM, data); err != nil {
				t.Errorf("openssl does not verify the signature made with its key imported into Scheme")
			}
		})
	}
}
