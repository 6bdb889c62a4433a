;; https-demo.scm — an HTTPS-style request/response over loopback.
;;
;;   go run ./cmd/tlsport examples/https-demo.scm
;;
;; A TLS server (ssl-listen* with a fresh self-signed certificate for
;; localhost) answers one HTTP/1.0 request on a SRFI-18 thread; a client
;; (ssl-connect*) that trusts exactly that certificate and verifies the
;; server's name sends the request and prints what it learnt. No files, no
;; network beyond 127.0.0.1. Exits 0 on success, 1 when a check fails.
(import (openssl) (openssl ext) (chicken tcp) (srfi 18))

(define (check what ok?)
  (unless ok?
    (print "FAIL: " what)
    (exit 1)))

;; --- the server -----------------------------------------------------------
;; port: 0 lets the OS choose a free port; certificate: 'ephemeral makes a
;; throw-away certificate for localhost, 127.0.0.1 and ::1.
(define listener
  (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: 'ephemeral
               alpn: '("http/1.1")))
(define port (ssl-listener-port listener))
(print "server: listening on 127.0.0.1:" port)

;; Read the request head (up to the empty line) and return its lines.
(define (read-head in)
  (let loop ((lines '()))
    (let ((line (read-line in)))
      (if (or (eof-object? line) (string=? line "") (string=? line "\r"))
          (reverse lines)
          (loop (cons (chomp-cr line) lines))))))

(define (chomp-cr s)                   ; drop a trailing CR
  (let ((n (string-length s)))
    (if (and (> n 0) (char=? (string-ref s (- n 1)) #\return))
        (substring s 0 (- n 1))
        s)))

(define server
  (make-thread
   (lambda ()
     (let-values (((in out) (ssl-accept listener)))
       (let* ((head (read-head in))
              (body (string-append "Hello over " (symbol->string (ssl-protocol-version in))
                                   ", you asked for " (cadr (string-split (car head))) "\n")))
         (print "server: got request line \"" (car head) "\"")
         (write-string (string-append "HTTP/1.0 200 OK\r\n"
                                      "Content-Type: text/plain\r\n"
                                      "Content-Length: " (number->string (string-length body)) "\r\n"
                                      "\r\n"
                                      body)
                       out)
         (flush-output out)
         (close-output-port out)
         (close-input-port in)
         (length head))))
   'https-server))
(thread-start! server)

;; --- the client -----------------------------------------------------------
;; Trust exactly the server's certificate and verify it (verify? defaults to
;; #t for ssl-connect*; the name "localhost" is checked against its SANs).
(define-values (in out)
  (ssl-connect* hostname: "localhost" port: port
                certificate-authorities: (ssl-listener-certificate listener)
                verify?: #t
                alpn: '("http/1.1")))

(write-string "GET /hello HTTP/1.0\r\nHost: localhost\r\nUser-Agent: tlsport-demo\r\n\r\n" out)
(flush-output out)

(define status-line (chomp-cr (read-line in)))
(define headers (read-head in))
(define body (read-string 4096 in))

(print "client: status line: " status-line)
(for-each (lambda (h) (print "client: header: " h)) headers)
(print "client: body: " (chomp-cr (car (string-split body "\n"))))
(print "client: protocol: " (ssl-protocol-version in))
(print "client: ALPN: " (utf8->string (ssl-get-alpn-selected in)))
(print "client: cipher: " (ssl-cipher in))
(print "client: peer verified: " (ssl-peer-verified? in))
(print "client: peer subject: " (ssl-peer-subject-name in))
(print "client: peer issuer: " (ssl-peer-issuer-name in))

(check "status 200" (string=? status-line "HTTP/1.0 200 OK"))
(check "body" (string-prefix? "Hello over tls13, you asked for /hello" body))
(check "peer verified" (ssl-peer-verified? in))
(check "ALPN http/1.1" (equal? (ssl-get-alpn-selected in) (string->utf8 "http/1.1")))
(check "server saw three header lines" (= 3 (thread-join! server)))

(close-input-port in)
(close-output-port out)
(ssl-close listener)
(print "ok: request served and verified over TLS")
