;; starttls-smtp.scm — an SMTP-style STARTTLS client and server pair.
;;
;;   go run ./cmd/tlsport examples/starttls-smtp.scm
;;
;; Both sides start in plain text over (chicken tcp) ports: the server sends
;; its 220 banner and offers STARTTLS in its EHLO reply; the client asks for
;; STARTTLS, and after "220 Ready to start TLS" both sides upgrade the same
;; connection with ssl-start*. The client then says EHLO again over TLS,
;; sends MAIL FROM, RCPT TO, DATA and QUIT. The whole transcript is printed
;; ("C:" client, "S:" server). Loopback only; exits 0 on success, 1 on failure.
(import (openssl) (openssl ext) (chicken tcp) (srfi 18))

;; The server's throw-away certificate, made before either side starts so the
;; client can be told to trust exactly it.
(define-values (server-cert server-key) (ssl-make-ephemeral-certificate))

(define (check what ok?)
  (unless ok?
    (print "FAIL: " what)
    (exit 1)))

;; The transcript, shared by both threads.
(define transcript '())
(define transcript-lock (make-mutex))
(define (log! who line)
  (mutex-lock! transcript-lock)
  (set! transcript (cons (string-append who line) transcript))
  (mutex-unlock! transcript-lock))

(define (chomp-cr s)                    ; SMTP lines end in CRLF
  (let ((n (string-length s)))
    (if (and (> n 0) (char=? (string-ref s (- n 1)) #\return))
        (substring s 0 (- n 1))
        s)))

;; Send one CRLF-terminated line; receive one line (without CRLF).
(define (send who out line)
  (log! who line)
  (write-string (string-append line "\r\n") out)
  (flush-output out))
(define (receive in)
  (let ((line (read-line in)))
    (if (eof-object? line) line (chomp-cr line))))

;; Read a (possibly multi-line) reply: "250-..." lines end with "250 ...".
(define (reply in)
  (let loop ((lines '()))
    (let ((line (receive in)))
      (if (or (eof-object? line) (< (string-length line) 4) (char=? (string-ref line 3) #\space))
          (reverse (cons line lines))
          (loop (cons line lines))))))

;; --- the server -----------------------------------------------------------
(define tcp-listener (tcp-listen 0 10 "127.0.0.1"))
(define port (tcp-listener-port tcp-listener))

;; Answer commands on (in, out) until QUIT; tls? says whether we are already
;; encrypted. Returns the message body received after DATA, or #f.
(define (smtp-session in out tls?)
  (let loop ((body #f))
    (let ((cmd (receive in)))
      (cond
       ((eof-object? cmd) body)
       ((string-prefix? "EHLO " cmd)
        (send "S: " out "250-mail.example greets you")
        (if tls?
            (send "S: " out "250 AUTH PLAIN")
            (send "S: " out "250 STARTTLS"))
        (loop body))
       ((and (string=? cmd "STARTTLS") (not tls?))
        (send "S: " out "220 Ready to start TLS")
        ;; Upgrade this connection: the TCP ports are given up to ssl-start*.
        (let-values (((tin tout) (ssl-start* #t #f in out certificate: server-cert
                                                       private-key: server-key)))
          (smtp-session tin tout #t)))
       ((not tls?)
        (send "S: " out "530 Must issue a STARTTLS command first")
        (loop body))
       ((string-prefix? "MAIL FROM:" cmd) (send "S: " out "250 OK") (loop body))
       ((string-prefix? "RCPT TO:" cmd) (send "S: " out "250 OK") (loop body))
       ((string=? cmd "DATA")
        (send "S: " out "354 End data with <CR><LF>.<CR><LF>")
        (let data ((lines '()))
          (let ((line (receive in)))
            (if (or (eof-object? line) (string=? line "."))
                (begin (send "S: " out "250 OK: queued")
                       (loop (string-join (reverse lines) "\n")))
                (data (cons line lines))))))
       ((string=? cmd "QUIT")
        (send "S: " out "221 Bye")
        (close-input-port in)
        (close-output-port out)
        body)
       (else (send "S: " out "502 Command not implemented") (loop body))))))

(define server
  (make-thread
   (lambda ()
     (let-values (((in out) (tcp-accept tcp-listener)))
       (send "S: " out "220 mail.example ESMTP tlsport")
       (smtp-session in out #f)))
   'smtp-server))
(thread-start! server)

;; --- the client -----------------------------------------------------------
(define-values (in out) (tcp-connect "127.0.0.1" port))
(define (command line)                   ; send a command, return its reply
  (send "C: " out line)
  (reply in))

(check "banner" (string-prefix? "220 " (car (reply in))))
(check "STARTTLS offered" (member "250 STARTTLS" (command "EHLO client.example")))
(check "plain MAIL refused" (string-prefix? "530" (car (command "MAIL FROM:<alice@example.org>"))))
(check "ready for TLS" (string=? "220 Ready to start TLS" (car (command "STARTTLS"))))

;; Upgrade our side, verifying the server (verify? #t is the default for
;; clients) against exactly its certificate; a real client would use the
;; default trust store and the server's name.
(define-values (tin tout) (ssl-start* #f "localhost" in out certificate-authorities: server-cert))
(set! in tin)
(set! out tout)
(log! "-- " (string-append "TLS started: " (symbol->string (ssl-protocol-version in))
                           ", server certificate " (ssl-peer-subject-name in)))
(let-values (((ok? code message) (ssl-verify-result in)))
  (log! "-- " (string-append "server verified: " message))
  (check "server verified" ok?))

(check "EHLO over TLS" (member "250 AUTH PLAIN" (command "EHLO client.example")))
(check "MAIL" (string=? "250 OK" (car (command "MAIL FROM:<alice@example.org>"))))
(check "RCPT" (string=? "250 OK" (car (command "RCPT TO:<bob@example.net>"))))
(check "DATA" (string-prefix? "354" (car (command "DATA"))))
(for-each (lambda (line) (send "C: " out line))
          '("Subject: hello" "" "Sent over STARTTLS." "."))
(check "queued" (string-prefix? "250 OK" (car (reply in))))
(check "QUIT" (string=? "221 Bye" (car (command "QUIT"))))
(close-input-port in)
(close-output-port out)

(define body (thread-join! server))
(tcp-close tcp-listener)

(for-each print (reverse transcript))
(check "server received the message" (equal? body "Subject: hello\n\nSent over STARTTLS."))
(print "ok: STARTTLS session completed")
