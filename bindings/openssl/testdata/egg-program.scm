;; An egg-shaped CHICKEN program (issue 12's acceptance): a module loaded
;; from its file and imported, talking to a local TLS server run on a thread
;; with a line protocol (SMTP-like), with no flush-output anywhere — the
;; openssl egg's ports send what a write procedure wrote when it returns.
(import (tlsport test) (chicken base) (chicken load) (chicken condition) (chicken tcp) srfi-18 openssl)
(load-relative "eggs/smtp-probe.scm")
(import smtp-probe)

(define listener (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: leaf-cert private-key: leaf-key))
(define server
  (thread-start!
   (lambda ()
     (let-values (((in out) (ssl-accept listener)))
       (display "220 localhost ESMTP tlsport-test\r\n" out)
       (let ((ehlo (read-line in)))
         (display "250-localhost greets you\r\n250-size 1000000\r\n250 AUTH PLAIN LOGIN\r\n" out)
         (let ((quit (read-line in)))
           (display "221 bye\r\n" out)
           (close-output-port out)
           (close-input-port in)
           (list ehlo quit)))))))

(define result (probe "localhost" (ssl-listener-port listener) ca-file))
(test 220 (cdr (assq 'greeting result)))
(test "localhost" (cdr (assq 'host result)))
(test '("SIZE 1000000" "AUTH PLAIN LOGIN") (cdr (assq 'extensions result)))
(test #t (extension? result "AUTH"))
(test #f (extension? result "STARTTLS"))
(test 221 (cdr (assq 'quit result)))
(test '("EHLO probe" "QUIT") (thread-join! server))   ; read-line takes CRLF as a line end
;; The module's helpers stay private.
(test 'unbound (condition-case read-reply ((exn) 'unbound)))
(test 'unbound (condition-case chomp-cr ((exn) 'unbound)))
(ssl-close listener)
