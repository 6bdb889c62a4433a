;; (sagittarius crypto signatures): RSA PSS and PKCS #1 v1.5, ECDSA (RFC 6979 vectors), Ed25519, Ed25519ctx and Ed25519ph (RFC 8032 vectors).
(import (tlsport test) (rnrs) (sagittarius crypto keys) (sagittarius crypto digests) (sagittarius crypto random)
        (sagittarius crypto signatures))

(include "lib/hex.scm")
(define msg (string->utf8 "The quick brown fox jumps over the lazy dog"))
(define (flip bv i)
  (let ((c (bytevector-copy bv)))
    (bytevector-u8-set! c i (bitwise-xor 1 (bytevector-u8-ref c i)))
    c))

(define (sign-verify alg kp . opts)
  (let* ((s (apply make-signer alg (key-pair-private kp) opts))
         (v (apply make-verifier alg (key-pair-public kp) opts))
         (sig (signer-sign-message s msg)))
    (test #t (verifier-verify-signature v msg sig))
    (test #f (verifier-verify-signature v (string->utf8 "another message") sig))
    ;; in pieces
    (signer-init! s)
    (signer-process! s msg 0 10)
    (signer-process! s msg 10)
    (let ((sig2 (signer-sign! s)))
      (verifier-init! v)
      (verifier-process! v (bytevector-append #vu8(9 9) msg) 2)
      (test #t (verifier-verify! v sig2)))
    sig))

(define rsa (generate-key-pair *key:rsa* :size 1024))
(define ec (generate-key-pair *key:ecdsa*))
(define ed (generate-key-pair *key:ed25519*))

(test-group "RSA"
  (test #t (signer? (make-signer *signature:rsa* (key-pair-private rsa))))
  (test #f (signer? rsa))
  (test #t (verifier? (make-verifier *signature:rsa* (key-pair-public rsa))))
  (test #f (verifier? (make-signer *signature:rsa* (key-pair-private rsa))))
  (define pss (sign-verify *signature:rsa* rsa))
  (test 128 (bytevector-length pss))
  (test #f (verifier-verify-signature (make-verifier *signature:rsa* (key-pair-public rsa)) msg (flip pss 5)))
  ;; PSS is randomised, v1.5 is not
  (test #f (equal? pss (signer-sign-message (make-signer *signature:rsa* (key-pair-private rsa)) msg)))
  (define v15 (sign-verify *signature:rsa* rsa :encoder pkcs1-emsa-v1.5-encode :verifier pkcs1-emsa-v1.5-verify))
  (test v15 (signer-sign-message (make-signer *signature:rsa* (key-pair-private rsa) :encoder pkcs1-emsa-v1.5-encode) msg))
  ;; a PSS verifier does not take a v1.5 signature
  (test #f (verifier-verify-signature (make-verifier *signature:rsa* (key-pair-public rsa)) msg v15))
  (sign-verify *signature:rsa* rsa :digest *digest:sha-512* :salt-length 20)
  (sign-verify *signature:rsa* rsa :digest *digest:sha3-256* :mgf mgf-1 :mgf-digest *digest:sha3-256*)
  (sign-verify *signature:rsa* rsa :digest *digest:sha-1* :encoder pkcs1-emsa-v1.5-encode :verifier pkcs1-emsa-v1.5-verify)
  (sign-verify *signature:rsa* rsa :digest *digest:blake2b-256* :encoder pkcs1-emsa-v1.5-encode :verifier pkcs1-emsa-v1.5-verify)
  ;; the digest is part of the signature
  (test #f (verifier-verify-signature (make-verifier *signature:rsa* (key-pair-public rsa) :digest *digest:sha-384*) msg pss))
  ;; unknown keywords are ignored
  (sign-verify *signature:rsa* rsa :no-such-keyword 1 :der-encode #f)
  ;; a malformed signature is an error
  (test-error (verifier-verify-signature (make-verifier *signature:rsa* (key-pair-public rsa)) msg #vu8(1 2 3)))
  (test-error (exn unsupported) (make-signer *signature:rsa* (key-pair-private rsa) :salt #vu8(1 2 3)))
  (test-error (exn unsupported) (make-signer *signature:rsa* (key-pair-private rsa) :mgf-digest *digest:sha-1*))
  (test-error (exn unsupported) (make-signer *signature:rsa* (key-pair-private rsa) :digest *digest:blake2s-256*))
  (test-error (exn unsupported) (make-signer *signature:rsa* (key-pair-private rsa) :digest *digest:whirlpool*))
  (test-error (exn type) (make-signer *signature:rsa* (key-pair-private rsa) :encoder 'pss))
  (test-error (exn type) (make-signer *signature:rsa* (key-pair-private ec)))
  (test-error (exn type) (make-verifier *signature:rsa* 'key)))

(test-group "ECDSA"
  (define der (sign-verify *signature:ecdsa* ec))
  (test #x30 (bytevector-u8-ref der 0))
  (define raw (sign-verify *signature:ecdsa* ec :der-encode #f))
  (test 64 (bytevector-length raw))
  (sign-verify *signature:ecdsa* (generate-key-pair *key:ecdsa* :ec-parameter *ec-parameter:p521*) :digest *digest:sha-512*)
  (sign-verify *signature:ecdsa* ec :k-generator (make-random-k-generator (secure-random-generator *prng:chacha20*)))
  (test #f (verifier-verify-signature (make-verifier *signature:ecdsa* (key-pair-public ec) :der-encode #f) msg (flip raw 40)))
  (test-error (verifier-verify-signature (make-verifier *signature:ecdsa* (key-pair-public ec)) msg raw))
  (test-error (verifier-verify-signature (make-verifier *signature:ecdsa* (key-pair-public ec) :der-encode #f) msg der))
  (test #f (verifier-verify-signature (make-verifier *signature:ecdsa* (key-pair-public ec) :der-encode #f) msg (make-bytevector 64 0)))
  ;; RFC 6979 A.2.5, P-256 with SHA-256: the ECPrivateKey of x
  (define x (hex->bv "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721"))
  (define priv (import-private-key *key:ecdsa* (bytevector-append #vu8(#x30 #x31 2 1 1 4 #x20) x
                                                                   #vu8(#xa0 #x0a 6 8 #x2a #x86 #x48 #xce #x3d 3 1 7))))
  (define det (make-signer *signature:ecdsa* priv :k-generator (make-hmac-k-generator *digest:sha-256*) :der-encode #f))
  (test (string-append "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716"
                       "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8")
        (bv->hex (signer-sign-message det (string->utf8 "sample"))))
  (test (string-append "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367"
                       "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083")
        (bv->hex (signer-sign-message det (string->utf8 "test"))))
  (test-error (exn unsupported) (make-signer *signature:ecdsa* priv :k-generator (make-hmac-k-generator *digest:sha-1*)))
  (test-error (exn type) (make-signer *signature:ecdsa* priv :k-generator 'random)))

(test-group "EdDSA"
  (define sig (sign-verify *signature:ed25519* ed))
  (test 64 (bytevector-length sig))
  (test sig (signer-sign-message (make-signer *signature:eddsa* (key-pair-private ed)) msg))
  (sign-verify *signature:ed25519ctx* ed :context #vu8(1 2 3))
  (sign-verify *signature:eddsa* ed :context #vu8(1 2 3))
  (sign-verify *signature:ed25519ph* ed)
  (sign-verify *signature:eddsa* ed :scheme *signature:ed25519ph* :context (string->utf8 "ctx"))
  (test #f (verifier-verify-signature (make-verifier *signature:ed25519ctx* (key-pair-public ed) :context #vu8(1 2 4))
                                      msg (signer-sign-message (make-signer *signature:ed25519ctx* (key-pair-private ed) :context #vu8(1 2 3)) msg)))
  (test-error (verifier-verify-signature (make-verifier *signature:ed25519* (key-pair-public ed)) msg #vu8(1 2 3)))
  ;; RFC 8032 7.1 TEST 1 (empty message)
  (define priv1 (import-private-key *key:ed25519* (hex->bv "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")))
  (define sig1 (string-append "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                              "d25bf5f0595bbe24655141438e7a100b"))
  (test sig1 (bv->hex (signer-sign-message (make-signer *signature:ed25519* priv1) #vu8())))
  (test #t (verifier-verify-signature
            (make-verifier *signature:ed25519* (import-public-key *key:ed25519* (hex->bv "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")))
            #vu8() (hex->bv sig1)))
  ;; RFC 8032 7.3 (Ed25519ph, message "abc")
  (define priv3 (import-private-key *key:ed25519* (hex->bv "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42")))
  (test (string-append "98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae4131f85042463c2a355a2003d062adf5aa"
                       "a10b8c61e636062aaad11c2a26083406")
        (bv->hex (signer-sign-message (make-signer *signature:ed25519ph* priv3) (string->utf8 "abc"))))
  ;; RFC 8032 7.2 (Ed25519ctx, context "foo")
  (define priv2 (import-private-key *key:ed25519* (hex->bv "0305334e381af78f141cb666f6199f57bc3495335a256a95bd2a55bf546663f6")))
  (test (string-append "55a4cc2f70a54e04288c5f4cd1e45a7bb520b36292911876cada7323198dd87a8b36950b95130022907a7fb7c4e9b2d5"
                       "f6cca685a587b4b21f4b888e4e7edb0d")
        (bv->hex (signer-sign-message (make-signer *signature:ed25519ctx* priv2 :context (string->utf8 "foo"))
                                      (hex->bv "f726936d19c800494e3fdaff20b276a8"))))
  (test-error (exn bounds) (make-signer *signature:ed25519ctx* (key-pair-private ed)))
  (test-error (exn type) (make-signer *signature:ed25519* (key-pair-private rsa)))
  (test-error (make-signer *signature:eddsa* (key-pair-private ed) :scheme *signature:rsa*)))

(test-group "keys of other algorithms"
  (for-each (lambda (alg) (test-error (exn type) (make-signer alg (key-pair-private ed))))
            (list *signature:dsa* *signature:ed448* *signature:ed448ph*))
  (test-error (exn type) (make-signer *signature:eddsa* (key-pair-private ed) :scheme *signature:ed448*))
  (let ((e (guard (e (#t e)) (make-verifier *signature:ed448* (key-pair-public ed)))))
    (test "Ed448 needs an Ed448 key, not ed25519" (condition-message e))))

(test-group "OIDs and MGF1"
  (test "1.2.840.113549.1.1.11" *signature-algorithm:rsa-pkcs-v1.5-sha256*)
  (test "1.2.840.113549.1.1.10" *signature-algorithm:rsa-ssa-pss*)
  (test "1.2.840.10045.4.3.2" *signature-algorithm:ecdsa-sha256*)
  (test "1.3.101.112" *signature-algorithm:ed25519*)
  (test "1.3.101.113" *signature-algorithm:ed448*)
  ;; MGF1-SHA1 of "foo" (RFC 8017 B.2.1; the PyCrypto sample)
  (test "1ac907" (bv->hex (mgf-1 (string->utf8 "foo") 3 *digest:sha-1*)))
  (test "1ac9075cd4" (bv->hex (mgf-1 (string->utf8 "foo") 5 *digest:sha-1*)))
  (test 100 (bytevector-length (mgf-1 #vu8(1) 100 *digest:sha-256*))))

(test-group "bad input"
  (define s (make-signer *signature:ed25519* (key-pair-private ed)))
  (test-error (exn type) (make-signer 'rsa (key-pair-private rsa)))
  (test-error (exn type) (make-signer *signature:rsa* (key-pair-private rsa) :digest))
  (test-error (exn type) (make-signer *signature:rsa* (key-pair-private rsa) :digest 'sha-256))
  (test-error (exn type) (make-signer *signature:rsa* (key-pair-public rsa)))
  (test-error (exn type) (signer-sign-message s "msg"))
  (test-error (exn type) (signer-sign-message 'signer msg))
  (test-error (exn bounds) (signer-process! s msg 100))
  (test-error (exn type) (verifier-verify! s msg))
  (test-error (exn type) (make-hmac-k-generator 'sha-256))
  (test-error (exn type) (make-random-k-generator #f))
  (test-error (exn type) (mgf-1 "seed" 3 *digest:sha-1*)))
