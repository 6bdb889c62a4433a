;; thread-signal! reaches a thread blocked reading a TLS port at once: the
;; handler runs in that thread; when it returns the read goes on, losing
;; nothing of what it had read, and the connection goes on too.
(import (tlsport test) (openssl) (chicken io) (srfi 13) (srfi 18))

(define l (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: leaf-cert private-key: leaf-key))
(define server (thread-start! (make-thread (lambda ()
  (let-values (((in out) (ssl-accept l)))
    (let loop ()
      (let ((line (read-line in)))
        (cond ((eof-object? line) (close-input-port in) (close-output-port out) 'done)
              (else (write-string line #f out)      ; a line ending in "." with its newline
                    (if (string-suffix? "." line) (newline out))
                    (flush-output out) (loop))))))))))
(define-values (in out) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(define (send s) (write-string (string-append s "\n") #f out) (flush-output out))

(define handled '())
(define reader (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored)
    (lambda () (read-line in)))))))
(send "par")
(thread-sleep! 0.05)
(thread-signal! reader 'sig)
(let loop ((i 0)) (if (and (null? handled) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1)))))
(test '(sig) handled)
(test 'waiting (thread-join! reader 0.05 'waiting))
(send "tial.")
(test "partial." (thread-join! reader 30 'stuck))
(send "next.")
(test "next." (read-line in))          ; the connection goes on
(close-output-port out) (close-input-port in)
(test 'done (thread-join! server 30 'stuck))
(ssl-close l)
