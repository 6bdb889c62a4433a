;; ssl-add-trust-anchor!: an anchor whose procedure may refuse the chains it would anchor (spec §4.9).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(load "testdata/lib/hello-server.scm")   ; serve

(define seen '())
(define (only-localhost chain)
  (set! seen chain)
  (and (member "localhost" (ssl-peer-hostnames-of (car chain))) #t))
(define (ssl-peer-hostnames-of c)
  (map (lambda (s) (substring s 4 (string-length s)))
       (filter (lambda (s) (string-prefix? "DNS:" s)) (cdr (assq 'subject-alt-name (ssl-certificate-info c))))))

(define (try cert key ctx)
  (let ((s (serve cert key)))
    (let ((r (condition-case
              (let-values (((i o) (ssl-connect "localhost" (ssl-listener-port (car s)) ctx)))
                (let ((line (read-line i))) (write-string "bye\n" o) (flush-output o) line))
              (e (exn openssl) (ssl-error-verify-code e)))))
      (thread-join! (cdr s))
      r)))

(define ctx (ssl-make-client-context* certificate-authorities: #f certificate-authority-directory: #f verify-hostname: #f))
(ssl-add-trust-anchor! ctx ca-file only-localhost)
(test "hello" (try leaf-cert leaf-key ctx))
(test #t (ssl-certificate? (car seen)))
(test #t (number? (try wrong-host-cert wrong-host-key ctx)))       ; refused by the procedure
;; without a procedure the same anchor accepts both
(define ctx2 (ssl-make-client-context* certificate-authorities: #f certificate-authority-directory: #f verify-hostname: #f))
(ssl-add-trust-anchor! ctx2 (car (ssl-read-certificates ca-file)))
(test "hello" (try wrong-host-cert wrong-host-key ctx2))
;; a raising procedure refuses
(define ctx3 (ssl-make-client-context* certificate-authorities: #f certificate-authority-directory: #f verify-hostname: #f))
(ssl-add-trust-anchor! ctx3 ca-file (lambda (chain) (error "no")))
(test #t (number? (try leaf-cert leaf-key ctx3)))

(test-error (exn type) (ssl-add-trust-anchor! ctx 42))
(test-error (exn type) (ssl-add-trust-anchor! ctx ca-file 'nope))
(test-error (exn openssl) (ssl-add-trust-anchor! ctx (string->utf8 "junk")))

;; ssl-add-certificate-chain!: ECDSA and RSA chains side by side, one picked per client
(define (peer-key-algorithm . kws)
  (let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
         (_ (ssl-add-certificate-chain! l rsa-leaf-cert rsa-leaf-key))
         (t (make-thread (lambda () (let-values (((i o) (ssl-accept l))) (ssl-handshake! i) (read-line i))))))
    (thread-start! t)
    (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file kws)))
      (let ((alg (cdr (assq 'public-key-algorithm (ssl-certificate-info (ssl-peer-certificate i))))))
        (write-string "bye\n" o) (flush-output o)
        (thread-join! t)
        (ssl-close l)
        alg))))
(define ecdsa (peer-key-algorithm))
(define rsa (peer-key-algorithm protocol: 'tlsv12 max-protocol: 'tlsv12 cipher-list: "ECDHE-RSA-AES128-GCM-SHA256"))
(test #f (equal? ecdsa rsa))
(test #t (number? (string-search "RSA" (string-upcase rsa))))
(define l2 (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(test-error (exn openssl) (ssl-add-certificate-chain! l2 rsa-leaf-cert leaf-key))            ; key mismatch
(test-error (exn openssl) (ssl-add-certificate-chain! (ssl-make-client-context) rsa-leaf-cert rsa-leaf-key))
(ssl-close l2)
