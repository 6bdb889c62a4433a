;; postgresql-query.scm — run a query on PostgreSQL over TLS.
;;
;;   tlsport examples/postgresql-query.scm HOST PORT CAFILE USER PASSWORD DATABASE QUERY
;;
;; postgresql-starttls sends the SSLRequest and upgrades on its "S"; over
;; TLS the client sends the startup message, answers a cleartext or no
;; password request, runs QUERY with the simple query protocol and prints
;; the columns and rows. CAFILE "-" means the system roots. Run with no
;; arguments it only prints its usage.
(import (chicken tcp) (openssl) (openssl ext) (tlsport starttls))

(define args (cdr (command-line)))
(when (< (length args) 7)
  (print "usage: tlsport examples/postgresql-query.scm HOST PORT CAFILE USER PASSWORD DATABASE QUERY")
  (print "(needs a PostgreSQL server with ssl=on; nothing to do)")
  (exit 0))
(define-values (host port ca user password database query) (apply values args))
(define trust (if (string=? ca "-") '() (list certificate-authorities: ca)))

(define (fail . what)
  (apply print "FAIL: " what)
  (exit 1))

;; Read messages until ReadyForQuery, handing the others to handle.
(define (until-ready in handle)
  (let-values (((type value) (postgresql-read-message in)))
    (case type
      ((#\Z) value)
      ((#\E) (fail "server error: " (cdr (assv #\M value))))
      (else (handle type value) (until-ready in handle)))))

(define-values (tcp-in tcp-out) (tcp-connect host (string->number port)))
(define-values (in out reply) (apply postgresql-starttls host tcp-in tcp-out trust))
(print "SSLRequest answered: " (car reply))
(print "TLS: " (ssl-protocol-version in) ", server verified: " (ssl-peer-verified? in))

;; StartupMessage: protocol 3.0, then name/value pairs and a final NUL.
(postgresql-write-message out #f 196608 "user" user "database" database "")
(until-ready in
  (lambda (type value)
    (case type
      ((#\R)
       (case (car value)
         ((0) (print "authenticated as " user))
         ((3) (postgresql-write-message out #\p password))   ; cleartext, safe inside TLS
         (else (fail "unsupported authentication request " value))))
      ((#\S) (when (string=? (car value) "server_version") (print "server_version: " (cadr value)))))))

(print "query: " query)
(postgresql-write-message out #\Q query)
(until-ready in
  (lambda (type value)
    (case type
      ((#\T) (print "columns: " (string-join value " | ")))
      ((#\D) (print "row: " (string-join (map (lambda (v) (or v "NULL")) value) " | ")))
      ((#\C) (print "done: " value)))))
(postgresql-write-message out #\X)
(close-input-port in)
(close-output-port out)
(print "ok: query ran over TLS")
