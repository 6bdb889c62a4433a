;; Acceptance of issue 13: a TLS echo server and client written with (rnrs)
;; ports over (rfc tls) sockets, the certificate made in Scheme, reported
;; through SRFI-64 (the script exits with status 1 when a test fails).
(import (rnrs) (rfc tls) (rfc x509) (sagittarius crypto keys) (sagittarius socket) (srfi 64) (srfi 18))

(test-begin "rnrs-tls-echo")

(define kp (generate-key-pair *key:rsa* :size 2048))
(define name (make-x509-subject '((CN . "localhost"))))
(define validity (make-validity (make-date 0 0 0 0 1 1 2020 0) (make-date 0 0 0 0 1 1 2100 0)))
(define cert (make-x509-basic-certificate kp 1 name validity name))
(test-assert "certificate made in Scheme" (x509-certificate? cert))

(define server (make-server-tls-socket "0" (list cert) :private-key (key-pair-private kp) :host "127.0.0.1"))
(define service (number->string (socket-info-port (tls-socket-info server))))
(define crlf (make-transcoder (utf-8-codec) (eol-style crlf)))

;; The server: one line protocol over a transcoded TLS port, "echo: " + line.
(define (echo s)
  (let ((p (transcoded-port (tls-socket-port s) crlf)))
    (let loop ((n 0))
      (let ((line (get-line p)))
        (if (eof-object? line)
            n
            (begin (put-string p (string-append "echo: " line "\n"))
                   (flush-output-port p)
                   (loop (+ n 1))))))))

(define server-thread
  (make-thread
   (lambda ()
     (let loop ((i 0) (lines 0))
       (if (= i 3)
           lines
           (let ((s (guard (e (#t #f)) (tls-socket-accept server))))
             (if s
                 (let ((n (echo s))) (tls-socket-close s) (loop (+ i 1) (+ lines n)))
                 (loop (+ i 1) lines))))))))
(thread-start! server-thread)

(test-group "TLS failures seen through the R6RS condition view"
  (test-assert "unknown CA: an i/o error with a message"
    (guard (e ((i/o-error? e) (and (error? e) (string? (condition-message e)))))
      (make-client-tls-socket "localhost" service :certificate-verifier #t)
      #f)))

(test-group "textual: transcoded ports"
  (define c (make-client-tls-socket "localhost" service :certificate-verifier #t :authorities (list cert)))
  (define bin (tls-socket-port c))
  (test-assert (binary-port? bin))
  (define p (transcoded-port bin crlf))
  (test-assert (textual-port? p))
  (test-eq 'crlf (transcoder-eol-style (port-transcoder p)))
  (put-string p "hello λ\n")
  (flush-output-port p)
  (test-equal "echo: hello λ" (get-line p))
  (put-string p "second\n")
  (flush-output-port p)
  (test-eqv #\e (lookahead-char p))
  (test-equal "echo: " (get-string-n p 6))
  (test-equal "second" (get-line p))
  (close-port p)
  (tls-socket-close c))

(test-group "binary: get-/put- bytevector procedures"
  (define c (make-client-tls-socket "localhost" service :certificate-verifier #t :authorities (list cert)))
  (define b (tls-socket-port c))
  (put-bytevector b (string->utf8 "xbin\r\n") 1)
  (flush-output-port b)
  (test-eqv (char->integer #\e) (lookahead-u8 b))
  (test-equal (string->utf8 "echo: bin\r\n") (get-bytevector-n b 11))
  (put-u8 b (char->integer #\z))
  (put-bytevector b (string->utf8 "\r\n"))
  (flush-output-port b)
  (let ((first (get-bytevector-some b)))
    (test-assert (> (bytevector-length first) 0))
    (test-equal "echo: z\r\n"
      (utf8->string (bytevector-append first (get-bytevector-n b (- 9 (bytevector-length first)))))))
  (tls-socket-shutdown c SHUT_WR)
  (test-assert "EOF after the server closed" (eof-object? (get-bytevector-all b)))
  (tls-socket-close c))

(test-equal "lines echoed by the server" 4 (thread-join! server-thread))
(tls-socket-close server)
(test-end "rnrs-tls-echo")
