;; xmpp-login.scm — authenticate to an XMPP server after STARTTLS and bind a resource.
;;
;;   tlsport examples/xmpp-login.scm HOST PORT CAFILE USER PASSWORD DOMAIN
;;
;; xmpp-starttls opens the stream to DOMAIN, negotiates <starttls/> and
;; restarts the stream over TLS; the client then authenticates with SASL
;; PLAIN, restarts the stream once more, binds the resource "tlsport" and
;; prints the full JID the server assigned. The server is verified as
;; DOMAIN. CAFILE "-" means the system roots. Run with no arguments it
;; only prints its usage.
(import (chicken tcp) (openssl) (openssl ext) (tlsport starttls))

(define args (cdr (command-line)))
(when (< (length args) 6)
  (print "usage: tlsport examples/xmpp-login.scm HOST PORT CAFILE USER PASSWORD DOMAIN")
  (print "(needs an XMPP server offering STARTTLS; nothing to do)")
  (exit 0))
(define-values (host port ca user password domain) (apply values args))
(define trust (if (string=? ca "-") '() (list certificate-authorities: ca)))

(define (send out xml)
  (write-string xml out)
  (flush-output out))
(define (expect in prefix)
  (let ((el (xmpp-read-element in)))
    (print "S: " el)
    (unless (string-prefix? prefix el)
      (print "FAIL: expected " prefix)
      (exit 1))
    el))
;; Restart the stream and return its features, skipping the header.
(define (restart in out)
  (send out (xmpp-stream-header domain))
  (let loop ()
    (let ((el (xmpp-read-element in)))
      (if (string-prefix? "<stream:features" el)
          (begin (print "S: " el) el)
          (loop)))))

(define-values (tcp-in tcp-out) (tcp-connect host (string->number port)))
(define-values (in out features) (apply xmpp-starttls domain tcp-in tcp-out trust))
(print "TLS: " (ssl-protocol-version in) ", server verified: " (ssl-peer-verified? in))
(print "S: " (car features))
(print "C: <auth mechanism='PLAIN'>****</auth>")
(send out (string-append "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                         (sasl-plain user password) "</auth>"))
(expect in "<success")
(restart in out)
(send out "<iq type='set' id='bind1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>tlsport</resource></bind></iq>")
(expect in "<iq")
(send out "</stream:stream>")
(close-input-port in)
(close-output-port out)
(print "ok: authenticated as " user "@" domain)
