;; A non-blocking handshake that fails in the background is reported to ssl-callback-error-handler as (condition conn) (spec §1.3.1, twapi tls_background_error).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(load "testdata/lib/hello-server.scm")   ; serve

(define reported '())
(define (report c conn)
  (set! reported (cons (list (condition-kinds c) (get-condition-property c 'openssl 'verify-code) conn) reported)))

;; wait-for: poll thunk every 10 ms until it returns true, for at most 10 s.
(define (wait-for thunk)
  (let loop ((k 1000))
    (cond ((thunk) #t)
          ((= k 0) #f)
          (else (thread-sleep! 0.01) (loop (- k 1))))))

;; serve-later: serve, but accepting only after half a second, so that the
;; client's first non-blocking ssl-handshake! finds the handshake in
;; progress however loaded the machine is.
(define (serve-later cert key)
  (let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: cert private-key: key))
         (t (make-thread (lambda ()
              (thread-sleep! 0.5)
              (let-values (((i o) (ssl-accept l)))
                (condition-case
                 (begin (write-string "hello\n" o) (flush-output o) (read-line i))
                 (e () 'failed)))))))
    (thread-start! t)
    (cons l t)))

;; The server's certificate is not trusted: the background handshake fails.
(define s (serve-later unknown-cert unknown-key))
(define-values (i o)
  (parameterize ((ssl-callback-error-handler report))
    (ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s)) certificate-authorities: ca-file)))
(ssl-set-blocking! i #f)
(test #f (ssl-handshake! i))               ; started, in progress
(test #t (wait-for (lambda () (pair? reported))))
(test (list (list '(exn i/o net openssl) 20 i)) reported)
(test 'failed (ssl-port-state i))
;; The failure still sticks: the next operation raises it.
(test 20 (condition-case (ssl-handshake! i) (e (openssl) (get-condition-property e 'openssl 'verify-code))))
(test 1 (length reported))                 ; raised here, not reported again
(close-input-port i) (close-output-port o)
(thread-join! (cdr s))
(ssl-close (car s))

;; A blocking handshake's failure is raised to its thread, not reported.
(set! reported '())
(define s2 (serve unknown-cert unknown-key))
(define-values (i2 o2)
  (parameterize ((ssl-callback-error-handler report))
    (ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s2)) certificate-authorities: ca-file)))
(test 20 (condition-case (ssl-handshake! i2) (e (openssl) (get-condition-property e 'openssl 'verify-code))))
(test '() reported)
(close-input-port i2) (close-output-port o2)
(thread-join! (cdr s2))
(ssl-close (car s2))
