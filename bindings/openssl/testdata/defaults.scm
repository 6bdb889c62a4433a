;; The egg's verification defaults, set explicitly by the bindings (the Go API's secure default does not decide them).
(import (tlsport test) (openssl) (openssl ext) (chicken tcp) (srfi 18))
(load "testdata/lib/hello-server.scm")   ; serve

;; outcome: connect with (make-ports port) to a fresh server for cert/key;
;; "hello", or the verify code of the failure.
(define (outcome cert key make-ports)
  (let* ((s (serve cert key))
         (r (condition-case
             (let-values (((i o) (make-ports (ssl-listener-port (car s)))))
               (let ((line (read-line i)))
                 (write-string "bye\n" o) (flush-output o)
                 (close-input-port i) (close-output-port o)
                 line))
             (e (exn i/o net openssl) (get-condition-property e 'openssl 'verify-code)))))
    (thread-join! (cdr s))
    (ssl-close (car s))
    r))

(define (with-context ctx) (lambda (port) (ssl-connect "localhost" port ctx)))

;; ssl-connect with no context or a protocol symbol, and ssl-make-client-context:
;; no verification at all (spec §1.1.2).
(test "hello" (outcome unknown-cert unknown-key (lambda (port) (ssl-connect "localhost" port))))
(test "hello" (outcome unknown-cert unknown-key (with-context 'tlsv12)))
(test "hello" (outcome unknown-cert unknown-key (with-context (ssl-make-client-context))))
(test "hello" (outcome wrong-host-cert wrong-host-key (with-context (ssl-make-client-context 'tls))))
(test "#f" (outcome leaf-cert leaf-key
                  (lambda (port)
                    (let-values (((i o) (ssl-connect "localhost" port (ssl-make-client-context))))
                      (read-line i)
                      (let ((verified (ssl-peer-verified? i)))
                        (close-input-port i)
                        (values (open-input-string (if verified "#t\n" "#f\n")) o))))))

;; ssl-set-verify! #t on such a context checks the chain, not the host name.
(define (verifying)
  (let ((c (ssl-make-client-context)))
    (ssl-load-verify-root-certificates! c ca-file)
    (ssl-set-verify! c #t)
    c))
(test 20 (outcome unknown-cert unknown-key (with-context (verifying))))
(test "hello" (outcome wrong-host-cert wrong-host-key (with-context (verifying))))

;; ssl-make-client-context* and ssl-connect*: verify? #t, host name included.
(test 20 (outcome unknown-cert unknown-key (with-context (ssl-make-client-context*))))
(test 62 (outcome wrong-host-cert wrong-host-key
                  (with-context (ssl-make-client-context* certificate-authorities: ca-file))))
(test 10 (outcome expired-cert expired-key
                  (lambda (port) (ssl-connect* hostname: "localhost" port: port certificate-authorities: ca-file))))
(test "hello" (outcome wrong-host-cert wrong-host-key
                       (with-context (ssl-make-client-context* certificate-authorities: ca-file verify-hostname: #f))))
(test "hello" (outcome unknown-cert unknown-key (with-context (ssl-make-client-context* verify?: #f))))

;; ssl-secure-client-context: the system store only.
(test 20 (outcome leaf-cert leaf-key (with-context (ssl-secure-client-context))))

;; ssl-start* with sni-name #f knows no host name: verify? #t checks the
;; chain only, as OpenSSL does when no host is set.
(define (started port)
  (let-values (((ti to) (tcp-connect "127.0.0.1" port)))
    (ssl-start* #f #f ti to certificate-authorities: ca-file)))
(test "hello" (outcome wrong-host-cert wrong-host-key started))
(test 20 (outcome unknown-cert unknown-key started))
