;; A Sagittarius program sealing a message the way its own documents show:
;; a fresh AES key wrapped for the recipient with RSA-OAEP, the message
;; encrypted with AES-GCM, the whole signed with ECDSA and Ed25519 over
;; exported and re-imported keys, then everything checked and opened.
(import (rnrs) (sagittarius crypto keys) (sagittarius crypto digests) (sagittarius crypto random)
        (sagittarius crypto ciphers) (sagittarius crypto signatures) (sagittarius crypto mac) (srfi 64))

(test-begin "sagittarius-crypto-seal")

(define prng (secure-random-generator *prng:chacha20*))
(define recipient (generate-key-pair *key:rsa* :size 2048))
(define sender (generate-key-pair *key:ecdsa* :ec-parameter *ec-parameter:p384*))
(define message (string->utf8 "Meet me at the usual place at 10, bring the documents."))

;; the session key travels RSA-OAEP encrypted
(define session-key (generate-symmetric-key *scheme:aes-256* prng))
(define rsa-enc (make-asymmetric-cipher *scheme:rsa* :digest *digest:sha-256* :mgf-digest *digest:sha-256*))
(asymmetric-cipher-init! rsa-enc (key-pair-public recipient))
(define sealed-key (asymmetric-cipher-encrypt-bytevector rsa-enc (symmetric-key-value session-key)))
(test-equal "OAEP output is the modulus size" 256 (bytevector-length sealed-key))

;; AES-GCM with a random IV, the header as AAD
(define iv (random-generator-read-random-bytes prng 12))
(define header (string->utf8 "v1"))
(define gcm (make-block-cipher *scheme:aes-256* *mode:gcm*))
(block-cipher-init! gcm (cipher-direction encrypt) session-key
                    (make-cipher-parameter (make-iv-parameter iv) (make-aad-parameter header)))
(define body (block-cipher-encrypt-last-block gcm message))
(define tag (block-cipher-done/tag gcm 16))
(test-equal "GCM keeps the length" (bytevector-length message) (bytevector-length body))

;; the sender signs header ‖ IV ‖ body ‖ tag with a key it exported and imported again
(define sender-private (import-private-key (export-private-key (key-pair-private sender) 'private-key-info) 'private-key-info))
(define sender-public (import-public-key (export-public-key (key-pair-public sender)) 'subject-public-key-info))
(define signer (make-signer *signature:ecdsa* sender-private :digest *digest:sha-384*))
(for-each (lambda (part) (signer-process! signer part)) (list header iv body tag))
(define signature (signer-sign! signer))

;; the recipient checks the signature, unwraps the key and opens the message
(define verifier (make-verifier *signature:ecdsa* sender-public :digest *digest:sha-384*))
(test-assert "signature verifies"
             (verifier-verify-signature verifier (bytevector-append header iv body tag) signature))
(test-assert "a changed body does not verify"
             (not (verifier-verify-signature verifier (bytevector-append header iv body (make-bytevector 16 0)) signature)))
(define rsa-dec (asymmetric-cipher-init (make-asymmetric-cipher *scheme:rsa* :digest *digest:sha-256* :mgf-digest *digest:sha-256*)
                                        (key-pair-private recipient)))
(define key2 (make-symmetric-key (asymmetric-cipher-decrypt-bytevector rsa-dec sealed-key)))
(define gcm2 (make-block-cipher *scheme:aes-256* *mode:gcm*))
(block-cipher-init! gcm2 (cipher-direction decrypt) key2 (make-cipher-parameter (make-iv-parameter iv) (make-aad-parameter header)))
(define opened (block-cipher-decrypt-last-block gcm2 body))
(test-equal "the tag checks" 16 (block-cipher-done/tag! gcm2 tag))
(test-equal "the message comes back" message opened)

;; the same key wrapped RFC 3394 style, and an Ed25519 detached signature
(define kek (generate-symmetric-key *scheme:aes-128* prng))
(test-equal "AES key wrap round trip" (symmetric-key-value session-key)
            ((make-aes-key-unwrap kek) ((make-aes-key-wrap kek) (symmetric-key-value session-key))))
(define ed (generate-key-pair *key:ed25519*))
(define ed-sig (signer-sign-message (make-signer *signature:ed25519* (key-pair-private ed)) message))
(test-assert "Ed25519 verifies with the raw-exported public key"
             (verifier-verify-signature
              (make-verifier *signature:ed25519* (import-public-key *key:ed25519* (export-public-key (key-pair-public ed))))
              message ed-sig))
(test-assert "CMAC of the body verifies"
             (let ((cmac (make-mac *mac:cmac* (symmetric-key-value kek))))
               (verify-mac cmac body (generate-mac cmac body))))

(test-end "sagittarius-crypto-seal")
