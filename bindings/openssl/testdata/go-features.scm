;; ssl-post-quantum? and ssl-fips-mode? (spec §4.3, §4.12), Scheme to Scheme and against openssl s_server.
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define (pq? . kws)
  (let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
         (t (make-thread (lambda () (let-values (((i o) (ssl-accept l))) (ssl-handshake! i) (read-line i))))))
    (thread-start! t)
    (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file kws)))
      (let ((r (list (ssl-post-quantum? i) (cdr (assq 'group (ssl-connection-info i))))))
        (write-string "bye\n" o) (flush-output o)
        (thread-join! t)
        (ssl-close l)
        r))))

(test '(#t "X25519MLKEM768") (pq?))
(test '(#f "X25519") (pq? curves: '(x25519)))
(test '(#t "X25519MLKEM768") (pq? curves: '(x25519mlkem768)))
(test #f (car (pq? max-protocol: 'tlsv12)))

;; OpenSSL 3.0 has no ML-KEM: the classical group is used
(define srv (openssl-s-server "-cert" leaf-cert "-key" leaf-key))
(let-values (((i o) (ssl-connect* hostname: "localhost" port: (peer-port srv) certificate-authorities: ca-file)))
  (test #f (ssl-post-quantum? i)))

;; FIPS mode follows GODEBUG (off unless the tests run with fips140=on or only)
(define godebug (or (get-environment-variable "GODEBUG") ""))
(test (and (or (string-search "fips140=on" godebug) (string-search "fips140=only" godebug)) #t)
      (ssl-fips-mode?))
(test-error (exn type) (ssl-post-quantum? 42))
