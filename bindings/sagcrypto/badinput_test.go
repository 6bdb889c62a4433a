// Every procedure of the crypto libraries called with arguments of every wrong kind: errors, never panics.

package sagcrypto_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/sagcrypto"
	"github.com/tlsport/tlsport/scheme"
)

// badValues are the arguments tried: wrong types, negative and huge
// numbers, empty and short bytevectors, closed ports, and the libraries'
// own values in the wrong places.
const badValues = `(list #f 0 -1 1 (expt 2 62) 2.5 "" "x" 'sym #vu8() #vu8(1 2 3) (make-bytevector 40 1) '()
  :multiple :builder :decoder :asn1 :digest :custom :prf :id car (lambda (x) x) (lambda (x) (make-mac *mac:hmac* x))
  *digest:sha-256* *digest:shake-128* *digest:whirlpool* *mac:hmac* *mac:kmac-256* *mac:cmac* *prng:chacha20* *prng:system* *prng:sober-128*
  (make-message-digest *digest:sha-1*) (make-message-digest *digest:shake-256*)
  (make-mac *mac:hmac* #vu8(1)) (make-mac *mac:kmac* #vu8(1))
  (pseudo-random-generator *prng:rc4*) (secure-random-generator *prng:system*)
  (let ((p (open-input-string "-----BEGIN A-----\nAQ==\n-----END A-----\n"))) (close-input-port p) p)
  (open-input-string "-----BEGIN A-----\n") (open-input-bytevector #vu8(1)) *hmac-sha1-prf*
  :encoder :verifier :der-encode :k-generator :context :salt-length :mgf-digest :encoding :label 'raw 'private-key-info 'encrypt 'decrypt
  *signature:rsa* *signature:ecdsa* *signature:ed25519ctx* *signature:ed448* pkcs1-emsa-v1.5-encode mgf-1 (make-hmac-k-generator *digest:sha-256*)
  *key:rsa* *key:ecdsa* *key:ed25519* *key:x25519* *ec-parameter:p256* *ec-parameter:sect163k1*
  sig-rsa sig-ec sig-ed (key-pair-private sig-ec) (key-pair-public sig-ed) (make-symmetric-key (make-bytevector 16 0))
  (make-signer *signature:ecdsa* (key-pair-private sig-ec)) (make-verifier *signature:ed25519* (key-pair-public sig-ed))
  *scheme:aes* *scheme:des3* *scheme:chacha20-poly1305* *scheme:seed* *mode:cbc* *mode:gcm* *mode:ctr* *mode:ocb* pkcs7-padding oaep-encoding
  (make-iv-parameter (make-bytevector 16 0)) (make-cipher-parameter (make-iv-parameter (make-bytevector 12 0)) (make-aad-parameter #vu8(1)))
  (make-block-cipher *scheme:aes* *mode:cbc*) (make-block-cipher *scheme:aes* *mode:gcm*) (make-stream-cipher *scheme:chacha20-poly1305*)
  (block-cipher-init (make-block-cipher *scheme:aes* *mode:gcm*) 'encrypt (make-symmetric-key (make-bytevector 16 0)) (make-iv-parameter (make-bytevector 12 0)))
  (block-cipher-init (make-block-cipher *scheme:aes* *mode:cbc*) 'decrypt (make-symmetric-key (make-bytevector 16 0)) (make-iv-parameter (make-bytevector 16 0)))
  (asymmetric-cipher-init (make-asymmetric-cipher *scheme:rsa*) (key-pair-private sig-rsa))
  x-cert x-csr x-crl x-name x-ks (make-pkcs12-keystore) (x509-certificate-validity x-cert) (x509-certificate-signature-algorithm x-cert)
  (car (x509-certificate-extensions x-cert)) (x509-certificate-extensions x-cert) (car (x509-certification-request-attributes x-csr))
  (car (x509-certificate-revocation-list-revoked-certificates x-crl)) (list x-cert) (public-key->subject-public-key-info (key-pair-public sig-ed))
  *signature-algorithm:ecdsa-sha256* *signature-algorithm:dsa-sha256* *extension:key-usage* '((CN "x")) "CN=x" (make-date 0 0 0 0 1 1 2025 0)
  (x509-certificate-template-builder (issuer-dn x-name) (subject-dn x-name) (serial-number 1) (not-before (make-date 0 0 0 0 1 1 2020 0))
    (not-after (make-date 0 0 0 0 1 1 2030 0)) (public-key (key-pair-public sig-ec)))
  (x509-certification-request-template-builder (subject-dn x-name))
  (x509-certificate-revocation-list-template-builder (issuer-dn x-name) (this-update (make-date 0 0 0 0 1 1 2020 0)) (revoked-certificates '())))`

// x509Values defines the (sagittarius crypto x509) and keystore values of
// badValues: a certificate (the fixture leaf), CSR, CRL, name and keystore.
const x509Values = `(begin (import (rnrs) (srfi 19))
  (define x-name (x509-name '(CN "bad input")))
  (define x-cert (call-with-port (open-file-input-port "testdata/x509/leaf.der") read-x509-certificate))
  (define x-csr (sign-x509-certification-request-template (x509-certification-request-template-builder (subject-dn x-name)
    (attributes (list (make-x509-challenge-password-attribute "pw")))) *signature-algorithm:ecdsa-sha256* sig-ec))
  (define x-crl (sign-x509-certificate-revocation-list-template (x509-certificate-revocation-list-template-builder (issuer-dn x-name)
    (this-update (make-date 0 0 0 0 1 1 2020 0)) (revoked-certificates (list (make-x509-revoked-certificate 1 (make-date 0 0 0 0 1 1 2020 0)))))
    *signature-algorithm:ecdsa-sha256* (key-pair-private sig-ec)))
  (define x-ks (make-pkcs12-keystore))
  (pkcs12-keystore-private-key-set! x-ks "k" (key-pair-private sig-ec) "pw" '()))`

func TestBadInputNeverPanics(t *testing.T) {
	in := bindingtest.NewInterp(t, bindingtest.Options{Libs: libs()})
	pool := bindingtest.ValuePool(t, in, badValues, `(begin (define sig-rsa (generate-key-pair *key:rsa* :size 1024))
	  (define sig-ec (generate-key-pair *key:ecdsa*)) (define sig-ed (generate-key-pair *key:ed25519*)))`, x509Values)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, lib := range []*scheme.Library{sagcrypto.Library, sagcrypto.PEMLibrary, sagcrypto.DigestsLibrary, sagcrypto.RandomLibrary, sagcrypto.MACLibrary,
		sagcrypto.KDFsLibrary, sagcrypto.SignaturesLibrary, sagcrypto.CiphersLibrary, sagcrypto.X509Library, sagcrypto.KeystoresLibrary} {
		for i := range lib.Procs {
			p := &lib.Procs[i]
			if p.IsSyntax() || p.Name == "generate-key-pair" { // key generation is slow and takes no input to go wrong on
				continue
			}
			proc, ok := in.Lookup(p.Name)
			if !ok {
				t.Fatalf("%s is unbound", p.Name)
			}
			t.Run(p.Name, func(t *testing.T) { bindingtest.BadCalls(t, in, p, proc, pool, rng, 400, 10*time.Second) })
		}
	}
}
