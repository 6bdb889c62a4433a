;; Revocation: CRLs (file, directory, bytevector; leaf and chain) and OCSP stapling, Scheme to Scheme and against openssl s_server / s_client.
(import (tlsport test) (openssl) (openssl ext) (tlsport revocation-fixture) (srfi 18))

(load "testdata/lib/hello-server.scm")   ; serve

;; connect with a client context prepared by setup; the first line (or, with
;; handshake-only, the handshake result) or the verify fields of the failure.
(define (try port setup . handshake-only)
  (let ((ctx (ssl-make-client-context* certificate-authorities: ca-file)))
    (setup ctx)
    (condition-case
     (let-values (((i o) (ssl-connect "localhost" port ctx)))
       (let ((line (if (null? handshake-only) (read-line i) (ssl-handshake! i))))
         (write-string "bye\n" o) (flush-output o)
         (close-input-port i) (close-output-port o)
         line))
     (e (exn i/o net openssl)
        (list (ssl-error-verify-code e)
              (get-condition-property e 'openssl 'verify-error)
              (ssl-error-verify-message e))))))

(define (scheme-server-try cert key setup)
  (let* ((s (serve cert key)) (r (try (ssl-listener-port (car s)) setup)))
    (thread-join! (cdr s))
    (ssl-close (car s))
    r))

(define (first2 l) (if (pair? l) (list (car l) (cadr l)) l))

(define revoked-leaf-crl (test-crl 'ca 'leaf))
(define clean-ca-crl (test-crl 'ca))

(test-group "CRL, Scheme to Scheme"
  ;; a CRL file revoking the leaf
  (define r (scheme-server-try leaf-cert leaf-key
              (lambda (ctx) (ssl-load-crl! ctx (test-file "revoked.pem" revoked-leaf-crl)))))
  (test '(23 certificate-revoked) (list (car r) (cadr r)))
  (test #t (number? (string-search "keyCompromise" (caddr r))))
  ;; the same CRL as a bytevector, and in an OpenSSL hashed directory
  (test 23 (car (scheme-server-try leaf-cert leaf-key (lambda (ctx) (ssl-load-crl! ctx revoked-leaf-crl)))))
  (test-file "crldir/0badc0de.r0" revoked-leaf-crl)
  (define dir (test-file "crldir/README" (string->utf8 "not a CRL")))
  (test 23 (car (scheme-server-try leaf-cert leaf-key
                  (lambda (ctx) (ssl-load-crl! ctx (substring dir 0 (- (string-length dir) 7)))))))
  ;; a clean CRL lets the connection through; the RSA leaf is not the revoked one
  (test "hello" (scheme-server-try leaf-cert leaf-key (lambda (ctx) (ssl-load-crl! ctx clean-ca-crl))))
  (test "hello" (scheme-server-try rsa-leaf-cert rsa-leaf-key (lambda (ctx) (ssl-load-crl! ctx revoked-leaf-crl))))
  ;; expired CRL; missing CRL for the intermediate with scope 'chain
  (test '(12 crl-has-expired) (first2 (scheme-server-try leaf-cert leaf-key
                                           (lambda (ctx) (ssl-load-crl! ctx (test-expired-crl 'ca)))) ))
  (test '(3 unable-to-get-crl) (first2 (scheme-server-try chain-leaf-cert chain-leaf-key
                                            (lambda (ctx) (ssl-load-crl! ctx (test-crl 'intermediate) scope: 'chain))) ))
  (test "hello" (scheme-server-try chain-leaf-cert chain-leaf-key
                  (lambda (ctx) (ssl-load-crl! ctx (test-crl 'intermediate) scope: 'leaf))))
  (test '(23 certificate-revoked)
        (first2 (scheme-server-try chain-leaf-cert chain-leaf-key
                     (lambda (ctx) (ssl-load-crl! ctx (test-crl 'intermediate) scope: 'chain)
                                   (ssl-load-crl! ctx (test-crl 'ca 'intermediate) scope: 'chain))) ))
  ;; bad arguments
  (test-error (exn openssl) (ssl-load-crl! (ssl-make-client-context) (string->utf8 "junk")))
  (test-error (exn openssl) (ssl-load-crl! (ssl-make-client-context) clean-ca-crl scope: 'everything))
  (test-error (exn openssl) (ssl-set-ocsp-check! (ssl-make-client-context) 'sometimes))
  (test-error (exn openssl) (ssl-set-ocsp-staple! (ssl-make-server-context) (string->utf8 "junk"))))

(test-group "OCSP stapling, Scheme to Scheme"
  (define (with-staple staple mode)
    (let* ((s (serve leaf-cert leaf-key))
           (_ (ssl-set-ocsp-staple! (car s) staple))
           (r (try (ssl-listener-port (car s)) (lambda (ctx) (ssl-set-ocsp-check! ctx mode)))))
      (thread-join! (cdr s))
      r))
  (test "hello" (with-staple (test-ocsp-response 'leaf 'good) 'require))
  (define r (with-staple (test-ocsp-response 'leaf 'revoked) 'if-stapled))
  (test 23 (car r))
  (test #t (number? (string-search "superseded" (caddr r))))
  (test '(75 ocsp-cert-unknown) (first2 (with-staple (test-ocsp-response 'leaf 'unknown) 'require) ))
  (test "hello" (with-staple (test-ocsp-response 'leaf 'unknown) 'if-stapled))
  (test '(74 ocsp-verify-failed) (first2 (with-staple (test-ocsp-response 'leaf 'expired) 'if-stapled) ))
  (test '(73 ocsp-verify-needed) (first2 (with-staple #f 'require) ))
  (test "hello" (with-staple (test-ocsp-response 'leaf 'revoked) #f))
  ;; fetched per handshake by a procedure (leaf issuer)
  (define seen #f)
  (test "hello" (with-staple (lambda (leaf issuer) (set! seen (ssl-certificate? leaf))
                               (test-ocsp-response 'leaf 'good))
                             'require))
  (test #t seen))

(test-group "openssl s_server -status_file"
  (define (against staple-file mode)
    (let ((srv (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-status_file" staple-file "-naccept" "1")))
      (try (peer-port srv) (lambda (ctx) (ssl-set-ocsp-check! ctx mode)) 'handshake-only)))
  (test #t (against (test-file "good.der" (test-ocsp-response 'leaf 'good)) 'require))
  (test 23 (car (against (test-file "revoked.der" (test-ocsp-response 'leaf 'revoked)) 'require))))

(test-group "openssl s_client -status / -crl_check"
  (define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
  (ssl-set-ocsp-staple! l (test-ocsp-response 'leaf 'good))
  (define cli (openssl-s-client (ssl-listener-port l) "-status" "-CAfile" ca-file "-servername" "localhost"))
  (define-values (i o) (ssl-accept l))
  (test #t (ssl-handshake! i))
  (test #t (string? (peer-read-until cli "OCSP Response Status: successful")))
  (test #t (string? (peer-read-until cli "Cert Status: good")))
  (close-input-port i) (close-output-port o)
  ;; s_client with our CRL rejects our revoked leaf
  (define cli2 (openssl-s-client (ssl-listener-port l) "-CAfile" ca-file "-crl_check"
                                 "-CRL" (test-file "revoked-for-openssl.pem" revoked-leaf-crl)
                                 "-verify_return_error" "-servername" "localhost"))
  (condition-case (let-values (((i o) (ssl-accept l))) (ssl-handshake! i)) (e () #f))
  (test #t (string? (peer-read-until cli2 "certificate revoked")))
  (ssl-close l))

(test-group "servers check client certificates against CRLs"
  (define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key
                         certificate-authorities: ca-file verify?: #t))
  (ssl-load-crl! l (test-crl 'ca 'client))
  (define t (make-thread (lambda ()
              (let-values (((i o) (ssl-accept l)))
                (condition-case (read-line i)
                  (e (exn openssl) (list (ssl-error-verify-code e) (get-condition-property e 'openssl 'verify-error))))))))
  (thread-start! t)
  (condition-case
   (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file
                                     certificate: client-cert private-key: client-key)))
     (write-string "hi\n" o) (flush-output o)
     (read-line i))
   (e () #f))
  (test '(23 certificate-revoked) (thread-join! t))
  (ssl-close l))

(test-group "signed certificate timestamps"
  (define s (serve leaf-cert leaf-key))
  (ssl-set-scts! (car s) (list (bytevector 1 2 3) (bytevector 4 5)))
  (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s)) certificate-authorities: ca-file)))
    (read-line i)
    (test (list (bytevector 1 2 3) (bytevector 4 5)) (cdr (assq 'scts (ssl-connection-info i))))
    (write-string "bye\n" o) (flush-output o))
  (thread-join! (cdr s))
  (test-error (exn openssl) (ssl-set-scts! (car s) (list (bytevector))))
  (test-error (exn type) (ssl-set-scts! (car s) 42))
  (ssl-set-scts! (car s) #f))
