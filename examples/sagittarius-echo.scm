;; sagittarius-echo.scm — an R6RS program in Sagittarius style: a TLS echo
;; server and client over (rfc tls) sockets, talking through R6RS
;; transcoded ports, with a key pair and certificate made in Scheme.
;;
;;   go run ./cmd/tlsport examples/sagittarius-echo.scm
;;
;; Loopback only; exits 0 when every line came back, 1 otherwise.
(import (rnrs)
        (rfc tls)
        (rfc x509)
        (sagittarius crypto keys)
        (sagittarius socket)
        (srfi :18))

;; A self-signed certificate for localhost, valid until 2100.
(define keypair (generate-key-pair *key:ecdsa*))
(define name (make-x509-subject '((CN . "localhost") (O . "tlsport example"))))
(define cert (make-x509-basic-certificate keypair 1 name
               (make-validity (current-date) (make-date 0 0 0 0 1 1 2100 0))
               name))

(define server (make-server-tls-socket "0" (list cert)
                                       :private-key (key-pair-private keypair)
                                       :host "127.0.0.1"))
(define service (number->string (socket-info-port (tls-socket-info server))))
(display (string-append "server: listening on 127.0.0.1:" service "\n"))

;; Network text: UTF-8 with CRLF line ends.
(define crlf (make-transcoder (utf-8-codec) (eol-style crlf)))

(define (serve s)
  (let ((p (transcoded-port (tls-socket-port s) crlf)))
    (let loop ((n 0))
      (let ((line (get-line p)))
        (cond ((eof-object? line) (close-port p) n)
              (else (put-string p (string-append "echo: " line "\n"))
                    (flush-output-port p)
                    (loop (+ n 1))))))))

(define server-thread
  (make-thread (lambda () (serve (tls-socket-accept server)))))
(thread-start! server-thread)

(define lines '("hello" "grüß dich" "bye"))
(define client (make-client-tls-socket "localhost" service
                                       :certificate-verifier #t
                                       :authorities (list cert)))
(define p (transcoded-port (tls-socket-port client) crlf))
(define echoed
  (map (lambda (line)
         (put-string p (string-append line "\n"))
         (flush-output-port p)
         (let ((reply (get-line p)))
           (display (string-append "client: " reply "\n"))
           (string=? reply (string-append "echo: " line))))
       lines))
(close-port p)
(display (string-append "server: echoed " (number->string (thread-join! server-thread)) " lines\n"))
(tls-socket-close server)
(cond ((for-all (lambda (x) x) echoed)
       (display "ok: every line came back over TLS\n")
       (exit 0))
      (else (exit 1)))
