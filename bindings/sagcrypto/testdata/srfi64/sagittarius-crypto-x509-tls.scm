;; A CA and a server certificate made with (sagittarius crypto x509) serve
;; (rfc tls): the client verifies the chain against the CA as its only
;; authority, and the peer certificate it sees is inspected with the same
;; library. Fixed validity 2020-2120, so no test depends on today's date
;; for a century.
(import (rnrs)
        (rfc tls)
        (sagittarius crypto keys)
        (sagittarius crypto signatures)
        (sagittarius crypto x509)
        (sagittarius socket)
        (srfi 18)
        (srfi 19)
        (srfi 64))

(test-begin "x509 certificates over TLS")

(define (utc y) (make-date 0 0 0 0 1 1 y 0))
(define (file-bytes f) (call-with-port (open-file-input-port f) get-bytevector-all))
;; the fixtures' CA extensions (basicConstraints CA, keyUsage) and the
;; leaf's keyUsage, extKeyUsage and subjectAltName (leaf.example, 127.0.0.1)
(define (extensions-of file keep)
  (filter (lambda (e) (member (x509-extension-id e) keep))
          (x509-certificate-extensions (bytevector->x509-certificate (file-bytes file)))))

(define ca-key (generate-key-pair *key:ecdsa*))
(define ca-dn (x509-name '(O "Scheme CA") '(CN "Scheme Root")))
(define ca (sign-x509-certificate-template
            (x509-certificate-template-builder
             (issuer-dn ca-dn) (subject-dn ca-dn) (serial-number 1) (not-before (utc 2020)) (not-after (utc 2120))
             (public-key (key-pair-public ca-key))
             (extensions (extensions-of "testdata/x509/ca.der" (list *extension:basic-constraints* *extension:key-usage*))))
            *signature-algorithm:ecdsa-sha256* (key-pair-private ca-key)))
(define server-key (generate-key-pair *key:rsa* :size 2048))
(define server-cert
  (sign-x509-certificate-template
   (x509-certificate-template-builder
    (issuer-dn ca-dn) (subject-dn (x509-name '(CN "leaf.example"))) (serial-number 2) (not-before (utc 2020)) (not-after (utc 2120))
    (public-key (key-pair-public server-key))
    (extensions (extensions-of "testdata/x509/leaf.der" (list *extension:key-usage* *extension:ext-key-usage* *extension:subject-alt-name*))))
   *signature-algorithm:ecdsa-sha256* (key-pair-private ca-key)))

(define server-socket (make-server-tls-socket "0" (list server-cert ca) :private-key (key-pair-private server-key) :host "127.0.0.1"))
(define service (number->string (socket-info-port (tls-socket-info server-socket))))
(define server-thread
  (make-thread
   (lambda ()
     (let ((s (socket-accept server-socket)))
       (tls-socket-send s (string->utf8 "hi") 0)
       (tls-socket-close s)
       'done))))
(thread-start! server-thread)

(let* ((client (make-client-tls-socket "127.0.0.1" service :certificate-verifier #t :authorities (list ca)))
       (peer (tls-socket-peer-certificate client)))
  (test-equal "data" (string->utf8 "hi") (tls-socket-recv client 2 0))
  (test-assert "the peer certificate is an x509-certificate" (x509-certificate? peer))
  (test-equal "its subject" "CN=leaf.example" (x509-name->string (x509-certificate-subject-dn peer)))
  (test-equal "the one made here" (x509-certificate->bytevector server-cert) (x509-certificate->bytevector peer))
  (test-assert "signed by the CA" (x509-certificate-signed-by? peer ca))
  (tls-socket-close client))
(test-eq "server done" 'done (thread-join! server-thread))

;; a client trusting another CA refuses the server
(let ((other (sign-x509-certificate-template
              (x509-certificate-template-builder
               (issuer-dn ca-dn) (subject-dn ca-dn) (serial-number 3) (not-before (utc 2020)) (not-after (utc 2120))
               (public-key (key-pair-public server-key))
               (extensions (extensions-of "testdata/x509/ca.der" (list *extension:basic-constraints* *extension:key-usage*))))
              *signature-algorithm:rsa-pkcs-v1.5-sha256* (key-pair-private server-key)))
      (t (make-thread (lambda () (guard (e (#t 'refused)) (tls-socket-close (socket-accept server-socket)) 'accepted)))))
  (thread-start! t)
  (test-assert "an unknown CA is refused"
               (guard (e (#t #t))
                 (make-client-tls-socket "127.0.0.1" service :certificate-verifier #t :authorities (list other))
                 #f))
  (thread-join! t))

(tls-socket-close server-socket)
(test-end)
