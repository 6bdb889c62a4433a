;; tls-repl.scm — a debugging console over TLS: (chicken repl)'s repl on
;; the ports of an accepted connection.
;;
;;   go run ./cmd/tlsport examples/tls-repl.scm
;;
;; A server offers a read-eval-print loop to one client over TLS; the
;; client, here in the same program, sends expressions and reads what the
;; loop writes back (results, and error reports, which do not end it)
;; until quit closes the session. Loopback only; exits 0 when the replies
;; are the expected ones, 1 otherwise.
(import (openssl) (openssl ext) (srfi 18) (chicken repl) (chicken port))

(define listener
  (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: 'ephemeral))
(print "server: listening on 127.0.0.1:" (ssl-listener-port listener))

;; The server: the loop reads from the connection and writes its results
;; and error reports to it; quit's value is repl's.
(define server
  (make-thread
   (lambda ()
     (let-values (((in out) (ssl-accept listener)))
       (let ((result (with-input-from-port in
                       (lambda ()
                         (with-output-to-port out
                           (lambda ()
                             (with-error-output-to-port out repl)))))))
         (close-output-port out)
         (close-input-port in)
         result)))
   'console))
(thread-start! server)

(define requests
  '("(define greeting \"hello\")"
    "(string-append greeting \" over \" (symbol->string 'TLS))"
    "(values (+ 1 2) (* 6 7))"
    "(car '())"
    "(length (list greeting greeting))"
    "(quit 'session-closed)"))

;; The client: send every request, then read the replies to the end.
(let-values (((in out) (ssl-connect* hostname: "localhost" port: (ssl-listener-port listener)
                                     certificate-authorities: (ssl-listener-certificate listener))))
  (for-each (lambda (r) (print "client: > " r) (write-string (string-append r "\n") out)) requests)
  (flush-output out)
  (let loop ((replies '()))
    (let ((line (read-line in)))
      (cond ((eof-object? line)
             (close-output-port out)
             (close-input-port in)
             (let ((replies (reverse replies))
                   (result (thread-join! server)))
               (print "server: repl returned " result)
               (if (and (equal? replies '("\"hello over TLS\"" "3" "42" "; 2 values" ""
                                          "Error: (car) bad argument type in argument 1 (expected pair): ()" "2"))
                        (eq? result 'session-closed))
                   (print "ok: console session over TLS")
                   (begin (print "FAIL: unexpected replies " replies) (exit 1)))))
            (else (print "client: " line) (loop (cons line replies)))))))
