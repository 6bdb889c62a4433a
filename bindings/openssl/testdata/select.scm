;; ssl-port-select: one thread multiplexing a TLS listener, TLS and TCP connections; timeouts, interruption, bad arguments.
(import (tlsport test) (openssl) (openssl ext) (chicken tcp) (srfi 18))

(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define port (ssl-listener-port l))

;; nothing pending: a poll and a short timeout both give '()
(test '() (ssl-port-select 0 l))
(test '() (ssl-port-select 30 l))

;; two clients connect (the handshake is lazy); the listener becomes ready, twice
(define (client)
  (let-values (((i o) (ssl-connect* hostname: "localhost" port: port certificate-authorities: ca-file)))
    (cons i o)))
(define (both-handshakes c s)
  (let ((t (make-thread (lambda () (ssl-handshake! s)))))
    (thread-start! t)
    (ssl-handshake! (car c))
    (thread-join! t)))
(define c1 (client))
(test (list l) (ssl-port-select 5000 l))
(define-values (s1i s1o) (ssl-accept l))
(define c2 (client))
(test (list l) (ssl-port-select 5000 l))
(define-values (s2i s2o) (ssl-accept l))
(both-handshakes c1 s1i)
(both-handshakes c2 s2i)

;; idle connections are not ready; a line from the second client makes only it ready
(test '() (ssl-port-select 0 s1i s2i l))
(write-string "from two\n" (cdr c2)) (flush-output (cdr c2))
(test (list s2i) (ssl-port-select 5000 s1i s2i l))
(test "from two" (read-line s2i))
(test '() (ssl-port-select 0 s1i s2i))

;; both write: both are reported, in argument order
(write-string "a\n" (cdr c1)) (flush-output (cdr c1))
(write-string "b\n" (cdr c2)) (flush-output (cdr c2))
(thread-sleep! 0.05)
(test (list s2i s1i) (ssl-port-select 5000 s2i s1i))
(test "a" (read-line s1i))
(test "b" (read-line s2i))

;; EOF counts as ready
(close-input-port (car c1)) (close-output-port (cdr c1))
(test (list s1i) (ssl-port-select 5000 s1i s2i))
(test #t (eof-object? (read-line s1i)))

;; a plain TCP connection and a TCP listener
(define tl (tcp-listen 0 100 "127.0.0.1"))
(test '() (ssl-port-select 0 tl))
(define-values (ti to) (tcp-connect "127.0.0.1" (tcp-listener-port tl)))
(test (list tl) (ssl-port-select 5000 tl s2i))
(define-values (tsi tso) (tcp-accept tl))
(write-string "plain\n" to) (flush-output to)
(test (list tsi) (ssl-port-select 5000 s2i tsi))
(test "plain" (read-line tsi))

;; a string port is always ready
(define sp (open-input-string "x"))
(test (list sp) (ssl-port-select #f s2i sp))

;; waiting forever is ended by terminating the thread
(define waiter (make-thread (lambda () (ssl-port-select #f s2i))))
(thread-start! waiter)
(thread-sleep! 0.05)
(thread-terminate! waiter)
(test 'terminated (condition-case (thread-join! waiter 5 'timeout)
                    (e () 'terminated)))

;; bad arguments
(test-error (exn type) (ssl-port-select 0 42))
(test-error (exn type) (ssl-port-select 0 (cdr c2)))
(test-error (exn type) (ssl-port-select 'soon s2i))
(test-error (exn) (ssl-port-select -1 s2i))
