;; imap-list.scm — log in to an IMAP server after STARTTLS and list a mailbox.
;;
;;   tlsport examples/imap-list.scm HOST PORT CAFILE USER PASSWORD [MAILBOX]
;;
;; imap-starttls asks for CAPABILITY and STARTTLS, then the client logs in
;; over TLS, lists the mailboxes, selects MAILBOX (default INBOX) and
;; prints each message's flags, sender and subject. CAFILE "-" means the
;; system roots. Run with no arguments it only prints its usage.
(import (chicken tcp) (openssl) (openssl ext) (tlsport starttls))

(define args (cdr (command-line)))
(when (< (length args) 5)
  (print "usage: tlsport examples/imap-list.scm HOST PORT CAFILE USER PASSWORD [MAILBOX]")
  (print "(needs an IMAP server offering STARTTLS; nothing to do)")
  (exit 0))
(define-values (host port ca user password) (apply values (take args 5)))
(define mailbox (if (> (length args) 5) (list-ref args 5) "INBOX"))
(define trust (if (string=? ca "-") '() (list certificate-authorities: ca)))

(define (quoted s) (string-append "\"" s "\""))
(define tag-number 0)
(define (command in out line shown)
  (set! tag-number (+ tag-number 1))
  (let ((tag (string-append "a" (number->string tag-number))))
    (print "C: " tag " " shown)
    (let-values (((status text lines) (imap-command in out tag line)))
      (for-each (lambda (l) (print "S: " l)) lines)
      (print "S: " tag " " status " " text)
      (unless (eq? status 'OK)
        (print "FAIL: " shown)
        (exit 1))
      lines)))

(define-values (tcp-in tcp-out) (tcp-connect host (string->number port)))
(define-values (in out reply) (apply imap-starttls host tcp-in tcp-out trust))
(print "TLS: " (ssl-protocol-version in) ", server verified: " (ssl-peer-verified? in))
(command in out (string-append "LOGIN " (quoted user) " " (quoted password)) "LOGIN ****")
(command in out "LIST \"\" \"*\"" "LIST \"\" \"*\"")
(command in out (string-append "SELECT " (quoted mailbox)) (string-append "SELECT " mailbox))
(command in out "FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (FROM SUBJECT)])" "FETCH 1:* (FLAGS FROM SUBJECT)")
(command in out "LOGOUT" "LOGOUT")
(close-input-port in)
(close-output-port out)
(print "ok: mailbox listed")
