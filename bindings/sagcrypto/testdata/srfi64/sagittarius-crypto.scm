;; A Sagittarius program doing TLS-side crypto with the libraries of the
;; field defect "most real Sagittarius programs would not load": a
;; certificate made in Scheme goes through PEM and back, is fingerprinted,
;; MACed with a secure random key, and keys are derived from a password.
(import (rnrs) (rfc pem) (rfc base64) (rfc x509)
        (sagittarius crypto keys) (sagittarius crypto digests) (sagittarius crypto random)
        (sagittarius crypto mac) (sagittarius crypto kdfs) (srfi 64))

(test-begin "sagittarius-crypto")

(define kp (generate-key-pair *key:ecdsa*))
(define name (make-x509-subject '((CN . "localhost"))))
(define cert (make-x509-basic-certificate kp 7 name
               (make-validity (make-date 0 0 0 0 1 1 2020 0) (make-date 0 0 0 0 1 1 2100 0)) name))
(define der (x509-certificate->bytevector cert))
(define pem (string-append "-----BEGIN CERTIFICATE-----\n" (utf8->string (base64-encode der)) "\n-----END CERTIFICATE-----\n"))

(let-values (((params content) (parse-pem-string pem)))
  (test-equal "PEM label" "CERTIFICATE" (cdr (assoc "BEGIN" params)))
  (test-equal "PEM content is the DER" der content)
  (test-equal "certificate back from PEM" 7
              (x509-certificate-serial-number (bytevector->x509-certificate content))))
(test-equal "PEM :builder" 7
            (let-values (((params c) (parse-pem (open-string-input-port pem) :builder bytevector->x509-certificate)))
              (x509-certificate-serial-number c)))
(test-equal "two certificates with :multiple" 2 (length (parse-pem-string (string-append pem pem) :multiple #t)))

(define fingerprint (digest-message (make-message-digest *digest:sha-256*) der))
(test-equal "SHA-256 fingerprint size" 32 (bytevector-length fingerprint))
(test-equal "streamed fingerprint" fingerprint
            (let ((md (make-message-digest *digest:sha-256*)))
              (message-digest-process! md der 0 10)
              (message-digest-process! md der 10 (- (bytevector-length der) 10))
              (message-digest-done md)))

(define prng (secure-random-generator *prng:chacha20*))
(define key (random-generator-read-random-bytes prng 32))
(define mac (make-mac *mac:hmac* key :digest *digest:sha-256*))
(define tag (generate-mac mac der))
(test-assert "HMAC verifies" (verify-mac mac der tag))
(test-assert "a changed certificate does not verify"
             (guard (e ((error? e) #t))
               (verify-mac mac (bytevector-append der #vu8(0)) tag)
               #f))

(define dk (pbkdf-2 (string->utf8 "secret") (random-generator-read-random-bytes prng 16) 10000 32
                    :prf (mac->prf-provider *mac:hmac* :digest *digest:sha-256*)))
(test-equal "PBKDF2 key" 32 (bytevector-length dk))
(test-equal "HKDF key" 42 (bytevector-length (hkdf *digest:sha-256* dk #f (string->utf8 "tls13 key") 42)))

(test-end "sagittarius-crypto")
