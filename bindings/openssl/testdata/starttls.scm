;; STARTTLS: ssl-start* over tcp-connect/tcp-accept ports, the TLS bytes pipelined after the plaintext reply.
(import (tlsport test) (openssl) (openssl ext) (chicken tcp) (srfi 18))

(define tl (tcp-listen 0 100 "127.0.0.1"))
(define server
  (make-thread
   (lambda ()
     (let-values (((i o) (tcp-accept tl)))
       (write-string "220 ready\r\n" o) (flush-output o)
       (let ((cmd (read-line i)))
         (write-string "220 go ahead\r\n" o) (flush-output o)
         (let-values (((si so) (ssl-start* #t #f i o certificate: leaf-cert private-key: leaf-key)))
           (let ((l (read-line si)))
             (write-string (string-append "250 " l "\r\n") so) (flush-output so)
             (close-input-port si) (close-output-port so)
             (list cmd l))))))))
(thread-start! server)

(define-values (i o) (tcp-connect "127.0.0.1" (tcp-listener-port tl)))
(test "220 ready" (read-line i))
;; Pipelining: STARTTLS and the ClientHello are sent before the reply is read,
;; and the reply is read through the TCP port's read-ahead buffer.
(write-string "STARTTLS\r\n" o) (flush-output o)
(test "220 go ahead" (read-line i))
(define-values (si so) (ssl-start* #f "localhost" i o certificate-authorities: ca-file))
(test #t (ssl-port? si))
(write-string "EHLO me\r\n" so) (flush-output so)
(test "250 EHLO me" (read-line si))
(test #t (ssl-peer-verified? si))
(test '("STARTTLS" "EHLO me") (thread-join! server))
(close-input-port si) (close-output-port so)
(tcp-close tl)

;; Server side pipelining: the client sends its ClientHello right behind the command.
(define tl2 (tcp-listen 0))
(test #t (tcp-listener? tl2))
(test #f (tcp-listener? 1))
(test #t (integer? (tcp-listener-fileno tl2)))
(define t2
  (make-thread
   (lambda ()
     (let-values (((i o) (tcp-connect (string-append "127.0.0.1:" (number->string (tcp-listener-port tl2))))))
       (write-string "STARTTLS\r\n" o) (flush-output o)
       (let-values (((si so) (ports->ssl-ports i o mode: 'connect hostname: "localhost")))
         (let ((r (read-line si)))
           (close-input-port si) (close-output-port so)
           r))))))
(thread-start! t2)
(let loop () (unless (tcp-accept-ready? tl2) (thread-sleep! 0.01) (loop)))
(define-values (ai ao) (tcp-accept tl2))
(define-values (la ra) (tcp-addresses ai))
(test "127.0.0.1" la)
(define-values (lp rp) (tcp-port-numbers ao))
(test (tcp-listener-port tl2) lp)
(thread-sleep! 0.1)  ; let the ClientHello arrive behind the command
(test "STARTTLS" (read-line ai))
(define-values (si2 so2) (ssl-start* #t #f ai ao certificate: leaf-cert private-key: leaf-key))
(write-string "pipelined\n" so2) (flush-output so2)
(test "pipelined" (thread-join! t2))
(close-input-port si2) (close-output-port so2)
(tcp-close tl2)

;; tcp-abandon-port, ssl-start* type errors, tcp-connect errors.
(define tl3 (tcp-listen 0 10 "127.0.0.1"))
(define t3 (make-thread (lambda () (let-values (((i o) (tcp-accept tl3))) (read-line i)))))
(thread-start! t3)
(define-values (i3 o3) (tcp-connect "127.0.0.1" (tcp-listener-port tl3)))
(test-error (exn type) (ssl-start* #f #f (current-input-port) (current-output-port)))
(tcp-abandon-port i3)
(write-string "last\n" o3)
(close-output-port o3)
(test "last" (thread-join! t3))
(tcp-close tl3)
(test-error (exn i/o net) (tcp-connect "127.0.0.1" (tcp-listener-port tl3)))
