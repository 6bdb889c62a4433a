;; ssl-serve: a handler thread per connection, handler errors reported, a clean stop; clients in Scheme and openssl s_client.
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define errors '())
(define m (make-mutex))
(define srv
  (ssl-serve l
             (lambda (i o)
               (let ((line (read-line i)))
                 (if (equal? line "boom")
                     (error "handler failed on purpose" line)
                     (begin (write-string (string-append "echo " line "\n") o) (flush-output o)))))
             error-handler: (lambda (c i o)
                              (mutex-lock! m)
                              (set! errors (cons (condition/report-string c) errors))
                              (mutex-unlock! m))))

(define (ask line)
  (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file)))
    (write-string (string-append line "\n") o) (flush-output o)
    (let ((r (read-line i))) (close-input-port i) (close-output-port o) r)))

;; several clients at once, each on its own handler thread
(define clients (map (lambda (n) (make-thread (lambda () (ask (number->string n))))) '(1 2 3 4)))
(for-each thread-start! clients)
(test '("echo 1" "echo 2" "echo 3" "echo 4") (map thread-join! clients))

;; a failing handler is reported; its connection is closed; the server goes on
(test #t (eof-object? (ask "boom")))
(test "echo after" (ask "after"))
(test 1 (length errors))
(test #t (number? (string-search "handler failed on purpose" (car errors))))

;; a real peer
(define cli (openssl-s-client (ssl-listener-port l) "-CAfile" ca-file "-servername" "localhost" "-quiet"))
(peer-send cli "from s_client\n")
(test #t (string? (peer-read-until cli "echo from s_client")))

(define info (ssl-server-info srv))
(test #t (cdr (assq 'running? info)))
(test 7 (cdr (assq 'served info)))
(test 1 (cdr (assq 'failed info)))
(test #t (condition? (cdr (assq 'last-error info))))

;; stop: a handler still running is waited for
(define-values (si so) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
(ssl-handshake! si)
(thread-sleep! 0.1)
(test 1 (cdr (assq 'active (ssl-server-info srv))))
(test #f (ssl-server-stop! srv 0.1))       ; the handler waits for a line
(write-string "late\n" so) (flush-output so)
(test "echo late" (read-line si))
(test #t (ssl-server-stop! srv 5))
(test #f (cdr (assq 'running? (ssl-server-info srv))))
(test 0 (cdr (assq 'active (ssl-server-info srv))))
;; no longer accepting: the listener is still open but nobody accepts
(test '() (begin (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file)
                 (thread-sleep! 0.1)
                 (list)))
(ssl-close l)

;; without error-handler: (ssl-callback-error-handler) gets (condition conn)
(define l2 (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define seen #f)
(define srv2 (parameterize ((ssl-callback-error-handler (lambda (c conn) (set! seen (ssl-port? conn)))))
               (ssl-serve l2 (lambda (i o) (read-line i) (raise 'oops)))))
(let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l2) certificate-authorities: ca-file)))
  (write-string "x\n" o) (flush-output o)
  (test #t (eof-object? (read-line i))))
(test #t seen)
(test #t (ssl-server-stop! srv2))

;; closing the listener ends the accepting thread
(define l3 (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define srv3 (ssl-serve l3 (lambda (i o) #t)))
(ssl-close l3)
(test #f (let loop ((n 0))
           (cond ((not (cdr (assq 'running? (ssl-server-info srv3)))) #f)
                 ((> n 200) #t)
                 (else (thread-sleep! 0.01) (loop (+ n 1))))))
(test #t (ssl-server-stop! srv3))

(test-error (exn type) (ssl-serve 'nope (lambda (i o) #t)))
(test-error (exn type) (ssl-serve l2 42))
(test-error (exn type) (ssl-server-stop! 'nope))
