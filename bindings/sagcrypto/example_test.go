// Runnable examples of the crypto libraries.

package sagcrypto_test

import (
	"context"
	"fmt"

	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/srfi19"
)

// newInterp returns an interpreter with libs imported.
func newInterp(libs ...*scheme.Library) *scheme.Interp {
	in := scheme.New()
	for _, l := range libs {
		if err := in.Register(l); err != nil {
			panic(err)
		}
		in.Import(l.Name)
	}
	return in
}

// A SHA-256 digest of "abc" (FIPS 180-4's example), its first bytes.
func ExampleDigestsLibrary() {
	in := newInterp(sagcrypto.DigestsLibrary)
	v, err := in.EvalString(context.Background(),
		`(bytevector-copy (digest-message (make-message-digest *digest:sha-256*) (string->utf8 "abc")) 0 4)`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: #u8(186 120 22 191)
}

// parse-pem-string returns the parameters, RFC 1421 headers included, and
// the decoded content.
func ExamplePEMLibrary() {
	in := newInterp(sagcrypto.PEMLibrary)
	v, err := in.EvalString(context.Background(), `(call-with-values
  (lambda () (parse-pem-string "-----BEGIN KEY-----\nProc-Type: 4,ENCRYPTED\n\nAQID\n-----END KEY-----\n"))
  list)`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: ((("BEGIN" . "KEY") ("Proc-Type" . "4,ENCRYPTED") ("END" . "KEY")) #u8(1 2 3))
}

// AES-128 in ECB on FIPS-197's example block, then back.
func ExampleCiphersLibrary() {
	in := newInterp(sagcrypto.Library, sagcrypto.CiphersLibrary)
	v, err := in.EvalString(context.Background(), `(let ((key (make-symmetric-key #u8(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)))
	      (pt #u8(0 17 34 51 68 85 102 119 136 153 170 187 204 221 238 255)))
	  (define (run dir bv)
	    (block-cipher-encrypt-last-block (block-cipher-init (make-block-cipher *scheme:aes* *mode:ecb* #f) dir key) bv))
	  (define ct (run (cipher-direction encrypt) pt))
	  (list (bytevector-copy ct 0 4)
	        (equal? pt (block-cipher-decrypt-last-block (block-cipher-init (make-block-cipher *scheme:aes* *mode:ecb* #f) (cipher-direction decrypt) key) ct))))`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: (#u8(105 196 224 216) #t)
}

// X25519 key agreement (RFC 7748 §6.1): Alice's private key and Bob's
// public key give the shared secret, its first bytes shown.
func ExampleLibrary() {
	in := newInterp(sagcrypto.Library)
	v, err := in.EvalString(context.Background(), `(let ((alice (import-private-key *key:x25519*
	                    #u8(119 7 109 10 115 24 165 125 60 22 193 114 81 178 102 69 223 76 47 135 235 192 153 42 177 119 251 165 29 185 44 42)))
	      (bob (import-public-key *key:x25519*
	                    #u8(222 158 219 125 123 125 193 180 211 91 97 194 236 228 53 55 63 131 67 200 91 120 103 77 173 252 126 20 111 136 43 79))))
	  (bytevector-copy (calculate-key-agreement *key:x25519* alice bob) 0 4))`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: #u8(74 93 157 91)
}

// An Ed25519 signature (deterministic) made and checked.
func ExampleSignaturesLibrary() {
	in := newInterp(sagcrypto.Library, sagcrypto.SignaturesLibrary)
	v, err := in.EvalString(context.Background(), `(let* ((kp (generate-key-pair *key:ed25519*))
	       (msg (string->utf8 "hello"))
	       (sig (signer-sign-message (make-signer *signature:ed25519* (key-pair-private kp)) msg))
	       (v (make-verifier *signature:ed25519* (key-pair-public kp))))
	  (list (bytevector-length sig) (verifier-verify-signature v msg sig) (verifier-verify-signature v (string->utf8 "hullo") sig)))`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: (64 #t #f)
}

// A self-signed Ed25519 certificate made from a template, then inspected.
func ExampleX509Library() {
	in := newInterp(srfi19.Library, sagcrypto.Library, sagcrypto.SignaturesLibrary, sagcrypto.X509Library)
	v, err := in.EvalString(context.Background(), `(let* ((kp (generate-key-pair *key:ed25519*))
	       (dn (string->x509-name "CN=example.com,O=Example"))
	       (cert (sign-x509-certificate-template
	              (x509-certificate-template-builder
	               (issuer-dn dn) (subject-dn dn) (serial-number 7)
	               (not-before (make-date 0 0 0 0 1 1 2025 0)) (not-after (make-date 0 0 0 0 1 1 2035 0))
	               (public-key (key-pair-public kp)))
	              *signature-algorithm:ed25519* (key-pair-private kp))))
	  (list (x509-name->string (x509-certificate-subject-dn cert))
	        (x509-certificate-serial-number cert)
	        (x509-certificate-signed-by? cert cert)
	        (date-year (x509-validity-not-after (x509-certificate-validity cert)))))`)
	if err != nil {
		panic(err)
	}
	fmt.Println(scheme.WriteString(v))
	// Output: ("CN=example.com,O=Example" 7 #t 2035)
}
