;; cert-inspector.scm — print what a TLS server presents and whether it verifies.
;;
;;   go run ./cmd/tlsport examples/cert-inspector.scm             # inspect a local demo server
;;   go run ./cmd/tlsport examples/cert-inspector.scm HOST PORT   # inspect HOST:PORT
;;
;; Prints the peer certificate's subject, issuer and subject alternative
;; names, its validity (ssl-status) and the verification result
;; (ssl-verify-result). Verification is attempted but not enforced
;; (ssl-try-verify!), so an untrusted server can still be inspected. With no
;; arguments the script starts its own server on 127.0.0.1 and inspects it
;; twice: once trusting its certificate, once with the default trust store
;; (where the strict connection fails with a condition, which is printed).
;; Exits 0 on success, 1 on failure.
(import (openssl) (openssl ext) (srfi 18))

(define (show-list xs)
  (if (null? xs) "(none)" (string-join xs ", ")))

;; Connect to host:port with ctx, print the peer certificate and return
;; (ssl-peer-verified? in).
(define (inspect host port ctx)
  (let-values (((in out) (ssl-connect host port ctx)))
    (print "connected to " host ":" port " using " (ssl-protocol-version in))
    (print "  subject:   " (ssl-peer-subject-name in))
    (print "  issuer:    " (ssl-peer-issuer-name in))
    (print "  SANs:      " (show-list (ssl-peer-certificate-hostnames in)))
    (let ((info (ssl-status in)))
      (print "  validity:  " (cdr (assq 'not-before info)) " to " (cdr (assq 'not-after info))))
    (print "  name " host " matches: " (ssl-peer-check-hostname in host))
    (let ((verified? (ssl-peer-verified? in)))
      (print "  verified:  " verified?)
      (let-values (((ok? code message) (ssl-verify-result in)))
        (print "  verify result: " code " " message))
      (close-input-port in)
      (close-output-port out)
      verified?)))

;; A client context that verifies (trusting cas, or the default store when
;; cas is #f) but does not abort the handshake when verification fails.
(define (inspecting-context cas)
  (let ((ctx (if cas
                 (ssl-make-client-context* certificate-authorities: cas)
                 (ssl-make-client-context*))))
    (ssl-try-verify! ctx #t)
    ctx))

(define args (cdr (command-line)))

(cond
 ((= (length args) 2)                  ; a server given on the command line
  (inspect (car args) (string->number (cadr args)) (inspecting-context #f)))
 ((null? args)                         ; our own server
  (let* ((listener (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: 'ephemeral))
         (port (ssl-listener-port listener))
         (cert (ssl-listener-certificate listener))
         ;; Accept connections until the listener is closed.
         (server (make-thread
                  (lambda ()
                    (let loop ()
                      ;; ssl-accept fails once the listener is closed.
                      (handle-exceptions e 'closed
                        (let-values (((in out) (ssl-accept listener)))
                          ;; The handshake runs on first I/O; wait for the
                          ;; client to close. A failed handshake raises in
                          ;; read-line and again in close-output-port.
                          (handle-exceptions e #f (read-line in))
                          (close-input-port in)
                          (handle-exceptions e #f (close-output-port out))
                          (loop))))))))
    (thread-start! server)
    (print "local server on 127.0.0.1:" port " with a fresh self-signed certificate")
    (print "-- trusting exactly the server's certificate:")
    (let ((trusted (inspect "localhost" port (inspecting-context cert))))
      (print "-- with the default trust store (the certificate is unknown there):")
      (let ((untrusted (inspect "localhost" port (inspecting-context #f))))
        (print "-- the same with verification enforced:")
        (condition-case
            (let-values (((in out) (ssl-connect* hostname: "localhost" port: port)))
              (ssl-peer-verified? in)
              (print "FAIL: an untrusted server was accepted")
              (exit 1))
          (e (exn i/o net openssl)
             (print "  refused: status " (get-condition-property e 'openssl 'status)
                    ", verify error " (get-condition-property e 'openssl 'verify-error #f)
                    " (" (get-condition-property e 'openssl 'verify-message #f) ")")))
        (ssl-close listener)
        (thread-join! server)
        (unless (and trusted (not untrusted))
          (print "FAIL: expected verified #t then #f")
          (exit 1))
        (print "ok: certificate inspected")))))
 (else
  (print "usage: cert-inspector.scm [HOST PORT]")
  (exit 1)))
