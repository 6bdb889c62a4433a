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

;; ssl-abort-handshake! from another thread: the peer (a plain TCP listener) never answers
(import (chicken tcp))
(define tl (tcp-listen 0 100 "127.0.0.1"))
(define-values (ai ao) (ssl-connect* hostname: "localhost" port: (tcp-listener-port tl) certificate-authorities: ca-file))
(define waiter (make-thread (lambda () (condition-case (ssl-handshake! ai)
                                         (e (exn openssl) (list (ssl-error-status e) (ssl-error-reason e)))))))
(thread-start! waiter)
(thread-sleep! 0.05)
(test #t (ssl-abort-handshake! ai))
(define r (thread-join! waiter 5 'hung))
(test 'syscall (car r))
(test #t (number? (string-search "handshake aborted" (cadr r))))
(test #f (ssl-abort-handshake! ai))                 ; already finished (failed)
(test-error (exn type) (ssl-abort-handshake! 'nope))
