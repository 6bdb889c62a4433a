;; (sagittarius crypto keystores): PKCS #12 keystores of keys with chains and of certificates, written and read back.
(import (tlsport test) (rnrs) (srfi 19) (sagittarius crypto keys) (sagittarius crypto signatures) (sagittarius crypto x509)
        (sagittarius crypto keystores))

(define (utc y mo d) (make-date 0 0 0 0 d mo y 0))
(define (file-bytes f) (call-with-port (open-file-input-port f) get-bytevector-all))
(define ca (bytevector->x509-certificate (file-bytes "testdata/x509/ca.der")))
(define ca-key (import-private-key (file-bytes "testdata/x509/ca-key.der") (private-key-format private-key-info)))
(define leaf (bytevector->x509-certificate (file-bytes "testdata/x509/leaf.der")))
(define leaf-key (import-private-key (file-bytes "testdata/x509/leaf-key.der") (private-key-format private-key-info)))
(define ed (generate-key-pair *key:ed25519*))
(define ed-dn (x509-name '(CN "ed")))
(define ed-cert
  (sign-x509-certificate-template
   (x509-certificate-template-builder (issuer-dn ed-dn) (subject-dn ed-dn) (serial-number 5) (not-before (utc 2020 1 1)) (not-after (utc 2030 1 1))
                                      (public-key (key-pair-public ed)))
   *signature-algorithm:ed25519* (key-pair-private ed)))
(define (der c) (x509-certificate->bytevector c))
(define (p8 k) (export-private-key k (private-key-format private-key-info)))

(define ks (make-pkcs12-keystore))
(test #t (pkcs12-keystore? ks))
(test #f (pkcs12-keystore? ca))
(test #f (pkcs12-keystore-private-key-ref ks "leaf" "pw"))
(test #f (pkcs12-keystore-certificate-ref ks "leaf"))
(test '() (pkcs12-keystore-certificate-chain-ref ks "leaf"))

(pkcs12-keystore-private-key-set! ks "leaf" leaf-key "key-pw" (list leaf ca))
(pkcs12-keystore-private-key-set! ks "ed" (key-pair-private ed) "ed-pw" (list ed-cert))
(pkcs12-keystore-certificate-set! ks "root" ca)

(test-group "in memory"
  (test (p8 leaf-key) (p8 (pkcs12-keystore-private-key-ref ks "leaf" "key-pw")))
  (test (p8 (key-pair-private ed)) (p8 (pkcs12-keystore-private-key-ref ks "ed" "ed-pw")))
  (test-error (pkcs12-keystore-private-key-ref ks "leaf" "wrong"))
  (test (der leaf) (der (pkcs12-keystore-certificate-ref ks "leaf")))
  (test (list (der leaf) (der ca)) (map der (pkcs12-keystore-certificate-chain-ref ks "leaf")))
  (test (der ca) (der (pkcs12-keystore-certificate-ref ks "root")))
  (test (list (der ca)) (map der (pkcs12-keystore-certificate-chain-ref ks "root")))
  (test #f (pkcs12-keystore-private-key-ref ks "root" "pw"))
  ;; the leaf certificate must be the key's
  (test-error (pkcs12-keystore-private-key-set! ks "bad" ca-key "pw" (list leaf)))
  (test-error (pkcs12-keystore-private-key-set! ks "bad" ca-key "pw" (list "not a certificate"))))

(test-group "written and read back"
  (define bv (pkcs12-keystore->bytevector ks "key-pw"))
  (define back (bytevector->pkcs12-keystore bv "key-pw"))
  (test #t (pkcs12-keystore? back))
  (test (p8 leaf-key) (p8 (pkcs12-keystore-private-key-ref back "leaf" "key-pw")))
  (test (p8 (key-pair-private ed)) (p8 (pkcs12-keystore-private-key-ref back "ed" "ed-pw")))
  (test (list (der leaf) (der ca)) (map der (pkcs12-keystore-certificate-chain-ref back "leaf")))
  (test (list (der ed-cert)) (map der (pkcs12-keystore-certificate-chain-ref back "ed")))
  (test (der ca) (der (pkcs12-keystore-certificate-ref back "root")))
  (test-error (bytevector->pkcs12-keystore bv "wrong"))
  (test-error (bytevector->pkcs12-keystore (der ca) "key-pw"))
  ;; ports
  (let-values (((out get) (open-bytevector-output-port)))
    (write-pkcs12-keystore ks "store" out)
    (let ((again (read-pkcs12-keystore "store" (open-bytevector-input-port (get)))))
      (test (der ca) (der (pkcs12-keystore-certificate-ref again "root")))
      (test (p8 leaf-key) (p8 (pkcs12-keystore-private-key-ref again "leaf" "key-pw")))))
  (test-error (write-pkcs12-keystore ks "store" (open-output-string))))

(test-group "deleting"
  (pkcs12-keystore-delete-entry! ks "ed")
  (test #f (pkcs12-keystore-private-key-ref ks "ed" "ed-pw"))
  (test (der ca) (der (pkcs12-keystore-certificate-ref ks "root")))
  (pkcs12-keystore-delete-entry! ks "no such alias")
  (pkcs12-keystore-delete-all-entries! ks)
  (test #f (pkcs12-keystore-certificate-ref ks "root"))
  (test #f (pkcs12-keystore-certificate-ref (bytevector->pkcs12-keystore (pkcs12-keystore->bytevector ks "pw") "pw") "leaf")))
