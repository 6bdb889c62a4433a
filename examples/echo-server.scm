;; echo-server.scm — a TLS echo server serving many clients at once.
;;
;;   go run ./cmd/tlsport examples/echo-server.scm
;;
;; The server accepts on one SRFI-18 thread and starts one thread per
;; connection; five client threads connect at the same time, each sends a
;; few lines and checks that every one comes back. Loopback only; exits 0
;; when all echoes match, 1 otherwise.
(import (openssl) (openssl ext) (srfi 18))

(define clients 5)
(define lines-per-client 4)

(define listener
  (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: 'ephemeral))
(define port (ssl-listener-port listener))
(print "server: listening on 127.0.0.1:" port)

;; Echo every line back, prefixed with "echo: ", until the client closes.
(define (serve in out)
  (let loop ((n 0))
    (let ((line (read-line in)))
      (cond ((eof-object? line)
             (close-input-port in)
             (close-output-port out)
             n)
            (else
             (write-string (string-append "echo: " line "\n") out)
             (flush-output out)
             (loop (+ n 1)))))))

;; The accept loop: one handler thread per connection.
(define acceptor
  (make-thread
   (lambda ()
     (let loop ((i 0) (handlers '()))
       (if (= i clients)
           (map thread-join! handlers)        ; lines served per connection
           (let-values (((in out) (ssl-accept listener)))
             (let ((t (make-thread (lambda () (serve in out)) 'echo-handler)))
               (thread-start! t)
               (loop (+ i 1) (cons t handlers)))))))
   'acceptor))
(thread-start! acceptor)

;; A client: connect (verifying the server), send lines, check each echo.
(define (client id)
  (let-values (((in out) (ssl-connect* hostname: "localhost" port: port
                                       certificate-authorities: (ssl-listener-certificate listener))))
    (let loop ((k 1) (ok 0))
      (if (> k lines-per-client)
          (begin (close-output-port out) (close-input-port in) ok)
          (let ((msg (string-append "client " (number->string id) " line " (number->string k))))
            (write-string (string-append msg "\n") out)
            (flush-output out)
            (let ((reply (read-line in)))
              (loop (+ k 1) (if (equal? reply (string-append "echo: " msg)) (+ ok 1) ok))))))))

(define threads
  (map (lambda (id)
         (let ((t (make-thread (lambda () (client id)) id)))
           (thread-start! t)
           t))
       (iota clients 1)))

(define results (map thread-join! threads))
(for-each (lambda (id ok)
            (print "client " id ": " ok "/" lines-per-client " echoes matched"))
          (iota clients 1) results)

(define served (thread-join! acceptor))
(print "server: served " (length served) " connections, " (apply + served) " lines")
(ssl-close listener)

(if (and (every (lambda (ok) (= ok lines-per-client)) results)
         (= (apply + served) (* clients lines-per-client)))
    (print "ok: " clients " concurrent clients echoed")
    (begin (print "FAIL: some echoes were missing") (exit 1)))
