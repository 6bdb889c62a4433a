;; pop3-retrieve.scm — retrieve a message from a POP3 server after STLS.
;;
;;   tlsport examples/pop3-retrieve.scm HOST PORT CAFILE USER PASSWORD [N]
;;
;; pop3-starttls asks for CAPA and STLS; over TLS the client logs in with
;; USER/PASS, prints STAT and retrieves message N (default 1). CAFILE "-"
;; means the system roots. Run with no arguments it only prints its usage.
(import (chicken tcp) (openssl) (openssl ext) (tlsport starttls))

(define args (cdr (command-line)))
(when (< (length args) 5)
  (print "usage: tlsport examples/pop3-retrieve.scm HOST PORT CAFILE USER PASSWORD [N]")
  (print "(needs a POP3 server offering STLS; nothing to do)")
  (exit 0))
(define-values (host port ca user password) (apply values (take args 5)))
(define n (if (> (length args) 5) (list-ref args 5) "1"))
(define trust (if (string=? ca "-") '() (list certificate-authorities: ca)))

(define (command in out line shown multi-line?)
  (print "C: " shown)
  (let-values (((ok? status data) (pop3-command in out line multi-line?)))
    (print "S: " status)
    (unless ok?
      (print "FAIL: " shown)
      (exit 1))
    data))

(define-values (tcp-in tcp-out) (tcp-connect host (string->number port)))
(define-values (in out reply) (apply pop3-starttls host tcp-in tcp-out trust))
(print "TLS: " (ssl-protocol-version in) ", server verified: " (ssl-peer-verified? in))
(command in out (string-append "USER " user) (string-append "USER " user) #f)
(command in out (string-append "PASS " password) "PASS ****" #f)
(command in out "STAT" "STAT" #f)
(for-each (lambda (line) (print "| " line))
          (command in out (string-append "RETR " n) (string-append "RETR " n) #t))
(command in out "QUIT" "QUIT" #f)
(close-input-port in)
(close-output-port out)
(print "ok: message retrieved")
