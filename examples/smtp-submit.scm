;; smtp-submit.scm — submit a message over SMTP: STARTTLS, AUTH PLAIN, MAIL, RCPT, DATA.
;;
;;   tlsport examples/smtp-submit.scm HOST PORT CAFILE USER PASSWORD FROM TO
;;
;; smtp-starttls reads the greeting, says EHLO, upgrades the connection
;; (verifying the server as HOST against CAFILE, or the system roots when
;; CAFILE is "-") and says EHLO again; the message is then submitted with
;; AUTH PLAIN over TLS. Run with no arguments it only prints its usage.
(import (chicken tcp) (openssl) (openssl ext) (tlsport starttls))

(define args (cdr (command-line)))
(when (< (length args) 7)
  (print "usage: tlsport examples/smtp-submit.scm HOST PORT CAFILE USER PASSWORD FROM TO")
  (print "(needs an SMTP server offering STARTTLS and AUTH PLAIN; nothing to do)")
  (exit 0))
(define-values (host port ca user password from to) (apply values args))
(define trust (if (string=? ca "-") '() (list certificate-authorities: ca)))

(define (expect code reply)
  (print "S: " (car reply) " " (string-join (cdr reply) " | "))
  (unless (= code (car reply))
    (print "FAIL: expected " code)
    (exit 1)))
(define (command in out line shown code)
  (print "C: " shown)
  (expect code (smtp-command in out line)))

(define-values (tcp-in tcp-out) (tcp-connect host (string->number port)))
(define-values (in out ehlo)
  (apply smtp-starttls host tcp-in tcp-out ehlo-name: "client.example" trust))
(print "TLS: " (ssl-protocol-version in) ", server verified: " (ssl-peer-verified? in))
(print "S: EHLO after STARTTLS: " (string-join ehlo " | "))
(command in out (string-append "AUTH PLAIN " (sasl-plain user password)) "AUTH PLAIN ****" 235)
(command in out (string-append "MAIL FROM:<" from ">") (string-append "MAIL FROM:<" from ">") 250)
(command in out (string-append "RCPT TO:<" to ">") (string-append "RCPT TO:<" to ">") 250)
(command in out "DATA" "DATA" 354)
(for-each (lambda (line) (write-string (string-append line "\r\n") out))
          (list (string-append "From: <" from ">") (string-append "To: <" to ">")
                "Subject: sent by tlsport" "" "Submitted over STARTTLS with AUTH PLAIN." "."))
(flush-output out)
(expect 250 (smtp-read-reply in))
(command in out "QUIT" "QUIT" 221)
(close-input-port in)
(close-output-port out)
(print "ok: message submitted")
