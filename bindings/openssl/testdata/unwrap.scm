;; ssl-unwrap-ports (tls::unimport): both ends leave TLS and go on in plaintext on the same socket; a silent peer times out.
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define server
  (make-thread
   (lambda ()
     (let-values (((i o) (ssl-accept l)))
       (let ((tls-line (read-line i)))
         (write-string "tls ok\n" o)
         (let-values (((pi po) (ssl-unwrap-ports i o)))
           (write-string "plain from server\n" po) (flush-output po)
           (let ((plain-line (read-line pi)))
             (close-input-port pi) (close-output-port po)
             (list tls-line plain-line (ssl-port-state i)))))))))
(thread-start! server)

(define-values (i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(write-string "tls line\n" o) (flush-output o)
(test "tls ok" (read-line i))
(define-values (pi po) (ssl-unwrap-ports i o 5000))
(test #f (ssl-port? pi))
(test 'closed (ssl-port-state i))
(test "plain from server" (read-line pi))
(write-string "plain from client\n" po) (flush-output po)
(test '("tls line" "plain from client" closed) (thread-join! server))
(test #t (eof-object? (read-line pi)))
(close-input-port pi) (close-output-port po)

;; a peer that stays in TLS and never answers the close_notify: timeout
(define idle
  (make-thread (lambda () (let-values (((i o) (ssl-accept l))) (read-line i) (thread-sleep! 1) (close-input-port i) (close-output-port o)))))
(thread-start! idle)
(define-values (i2 o2) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(write-string "x\n" o2) (flush-output o2)
(ssl-handshake! i2)
(test 'timeout (condition-case (ssl-unwrap-ports i2 o2 200)
                 (e (exn i/o net timeout) 'timeout)))
(thread-join! idle)

;; bad arguments
(define-values (i3 o3) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(test-error (exn type) (ssl-unwrap-ports i3 o))
(test-error (exn type) (ssl-unwrap-ports 'in 'out))
