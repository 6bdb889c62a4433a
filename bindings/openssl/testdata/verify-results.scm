;; What stays recorded after a handshake: a verify callback's override keeps the failure (spec §1.3.1), a closed listener's state (§1.3.2).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(load "testdata/lib/hello-server.scm")   ; serve

;; results: connect to a server presenting cert/key with the extra client
;; keywords, read its line; returns (line verified? ok? code message).
(define (results cert key . kws)
  (let ((s (serve cert key)))
    (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s))
                               certificate-authorities: ca-file kws)))
      (let ((line (read-line i)))
        (write-string "bye\n" o) (flush-output o)
        (let-values (((ok? code msg) (ssl-verify-result i)))
          (let ((r (list line (ssl-peer-verified? i) ok? code msg)))
            (close-input-port i) (close-output-port o)
            (thread-join! (cdr s))
            (ssl-close (car s))
            r))))))

;; A verify callback returning #t lets an untrusted chain through, but the
;; failure stays: ssl-peer-verified? is #f and the result keeps its code
;; (OpenSSL's SSL_get_verify_result, Racket).
(test '("hello" #f #f 20 "unable to get local issuer certificate")
      (results unknown-cert unknown-key verify-callback: (lambda (conn depth cert ok? err) #t)))
(test '("hello" #f #f 20 "unable to get local issuer certificate")
      (results unknown-cert unknown-key validate-callback: (lambda (kind conn . args) 1)))
;; A good chain stays verified when the callback accepts it.
(test '("hello" #t #t 0 "ok")
      (results leaf-cert leaf-key verify-callback: (lambda (conn depth cert ok? err) #t)))

;; A listener's state: listener while open, closed after ssl-close.
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(test 'listener (ssl-port-state l))
(ssl-close l)
(test 'closed (ssl-port-state l))
