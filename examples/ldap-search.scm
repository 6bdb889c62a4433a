;; ldap-search.scm — bind to an LDAP server after StartTLS and search it.
;;
;;   tlsport examples/ldap-search.scm HOST PORT CAFILE BIND-DN PASSWORD BASE ATTRIBUTE VALUE
;;
;; ldap-starttls sends the StartTLS extended operation; over TLS the
;; client makes a simple bind as BIND-DN, searches the subtree BASE for
;; entries whose ATTRIBUTE equals VALUE and prints them in LDIF style,
;; then unbinds. The LDAP messages are written as BER data, e.g.
;; (application 0 (integer 3) (octet-string dn) (context-primitive 0 pw))
;; for the BindRequest of RFC 4511 §4.2. CAFILE "-" means the system
;; roots. Run with no arguments it only prints its usage.
(import (chicken tcp) (openssl) (openssl ext) (tlsport starttls))

(define args (cdr (command-line)))
(when (< (length args) 8)
  (print "usage: tlsport examples/ldap-search.scm HOST PORT CAFILE BIND-DN PASSWORD BASE ATTRIBUTE VALUE")
  (print "(needs an LDAP server supporting StartTLS; nothing to do)")
  (exit 0))
(define-values (host port ca bind-dn password base attribute value) (apply values args))
(define trust (if (string=? ca "-") '() (list certificate-authorities: ca)))

;; The resultCode of an LDAPResult op: (application N (enumerated code) dn message …).
(define (result-code op) (cadr (list-ref op 2)))
(define (check what op)
  (let ((code (result-code op)))
    (print what ": resultCode " code " " (cadr (list-ref op 4)))
    (unless (= code 0)
      (print "FAIL: " what)
      (exit 1))))

(define-values (tcp-in tcp-out) (tcp-connect host (string->number port)))
(define-values (in out reply) (apply ldap-starttls host tcp-in tcp-out trust))
(print "StartTLS: " (car reply))
(print "TLS: " (ssl-protocol-version in) ", server verified: " (ssl-peer-verified? in))

;; BindRequest (simple authentication), message 2.
(ldap-write-message out 2 `(application 0 (integer 3) (octet-string ,bind-dn) (context-primitive 0 ,password)))
(define-values (id bind-response) (ldap-read-message in))
(check (string-append "bind as " bind-dn) bind-response)

;; SearchRequest: base, wholeSubtree, neverDerefAliases, no limits,
;; typesOnly #f, filter equalityMatch [3], all user attributes.
(ldap-write-message out 3 `(application 3 (octet-string ,base) (enumerated 2) (enumerated 0)
                                        (integer 0) (integer 0) (boolean #f)
                                        (context 3 (octet-string ,attribute) (octet-string ,value))
                                        (sequence)))
(let loop ((entries 0))
  (let-values (((id op) (ldap-read-message in)))
    (case (cadr op)
      ((4)                              ; SearchResultEntry
       (print "dn: " (cadr (list-ref op 2)))
       (for-each (lambda (attr)         ; (sequence (octet-string type) (set (octet-string v) …))
                   (for-each (lambda (v) (print (cadr (cadr attr)) ": " (cadr v)))
                             (cdr (list-ref attr 2))))
                 (cdr (list-ref op 3)))
       (loop (+ entries 1)))
      ((5)                              ; SearchResultDone
       (check "search" op)
       (print "entries: " entries))
      (else (loop entries)))))          ; references and the like

;; UnbindRequest: [APPLICATION 2] NULL.
(ldap-write-message out 4 '(application-primitive 2 ""))
(close-input-port in)
(close-output-port out)
(print "ok: bound and searched")
