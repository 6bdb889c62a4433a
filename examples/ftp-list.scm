;; ftp-list.scm — list a directory over FTPS: AUTH TLS, PBSZ/PROT, and a TLS data connection.
;;
;;   tlsport examples/ftp-list.scm HOST PORT CAFILE USER PASSWORD [DIRECTORY]
;;
;; ftp-starttls reads the greeting, sends AUTH TLS, upgrades and sends
;; PBSZ 0 and PROT P, so data connections are protected too. The client
;; logs in, asks for a passive data port (EPSV), opens it with
;; ssl-connect* (verifying the same server name), sends LIST and prints
;; the listing. CAFILE "-" means the system roots. Run with no arguments
;; it only prints its usage.
(import (chicken tcp) (openssl) (openssl ext) (tlsport starttls))

(define args (cdr (command-line)))
(when (< (length args) 5)
  (print "usage: tlsport examples/ftp-list.scm HOST PORT CAFILE USER PASSWORD [DIRECTORY]")
  (print "(needs an FTP server offering AUTH TLS; nothing to do)")
  (exit 0))
(define-values (host port ca user password) (apply values (take args 5)))
(define directory (if (> (length args) 5) (list-ref args 5) "."))
(define trust (if (string=? ca "-") '() (list certificate-authorities: ca)))

(define (show reply) (print "S: " (car reply) " " (string-join (cdr reply) " | ")))
(define (command in out line shown ok?)
  (print "C: " shown)
  (let ((reply (ftp-command in out line)))
    (show reply)
    (unless (ok? (car reply))
      (print "FAIL: " shown)
      (exit 1))
    reply))
(define (code= . codes) (lambda (c) (memv c codes)))

(define-values (tcp-in tcp-out) (tcp-connect host (string->number port)))
(define-values (in out reply) (apply ftp-starttls host tcp-in tcp-out trust))
(print "TLS: " (ssl-protocol-version in) ", server verified: " (ssl-peer-verified? in))
(for-each (lambda (line) (print "S: " line)) reply)
(command in out (string-append "USER " user) (string-append "USER " user) (code= 230 331))
(command in out (string-append "PASS " password) "PASS ****" (code= 230))
(define data-port (ftp-epsv in out))
(print "data port: " data-port)
(define-values (din dout) (apply ssl-connect* hostname: host port: data-port trust))
(command in out (string-append "LIST " directory) (string-append "LIST " directory) (code= 125 150))
(let loop ()
  (let ((line (read-line din)))
    (unless (eof-object? line)
      (print "| " line)
      (loop))))
(print "data connection verified: " (ssl-peer-verified? din))
(close-input-port din)
(close-output-port dout)
(show (ftp-read-reply in))
(command in out "QUIT" "QUIT" (code= 221))
(close-input-port in)
(close-output-port out)
(print "ok: directory listed over a TLS data connection")
