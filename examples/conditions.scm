;; conditions.scm — catching TLS failures, the three ways of spec §1.6.
;;
;;   go run ./cmd/tlsport examples/conditions.scm
;;
;; A local server with a throw-away certificate that the clients below do
;; not trust, so their handshakes fail with (exn i/o net openssl) status
;; ssl; a silent TCP server makes a handshake time out with
;; (exn i/o net timeout). Loopback only; exits 0 when every failure is
;; caught as expected, 1 otherwise.
(import (openssl) (openssl ext) (chicken tcp) (srfi 18))

(define (check what ok?)
  (unless ok? (print "FAIL: " what) (exit 1)))

(define l (ssl-listen* hostname: "127.0.0.1" port: 0 certificate: 'ephemeral))
(define port (ssl-listener-port l))
(define (serve)                          ; accept forever; ignore failed handshakes
  (let-values (((in out) (ssl-accept l)))
    ;; A failed handshake raises in read-line, and again in close-output-port.
    (handle-exceptions e #f (read-line in))
    (close-input-port in)
    (handle-exceptions e #f (close-output-port out))
    (serve)))
(thread-start! (make-thread serve))

;; 1. CHICKEN: condition-case on the kinds, then the status.
(define r1
  (condition-case
      (let-values (((in out) (ssl-connect* hostname: "localhost" port: port)))
        (read-line in))                 ; the handshake runs on first I/O
    (e (exn i/o net openssl)
       (case (get-condition-property e 'openssl 'status)
         ((zero-return) 'closed)
         ((syscall) (get-condition-property e 'openssl 'errno-name #f))
         ((ssl) (get-condition-property e 'openssl 'verify-error))
         (else (abort e))))
    (e (exn i/o net timeout) 'timeout)))
(print "condition-case: " r1)
(check "condition-case" (eq? r1 'depth-zero-self-signed-cert))

;; 2. R7RS guard with the CHICKEN condition accessors.
(define r2
  (guard (e ((and (condition? e) ((condition-predicate 'openssl) e)
                  (eq? (get-condition-property e 'openssl 'status) 'ssl))
             (error-object-message e)))
    (let-values (((in out) (ssl-connect* hostname: "localhost" port: port)))
      (read-line in))))
(print "guard: " r2)
(check "guard" (string-prefix? "ssl: " r2))

;; 3. The (openssl ext) predicates.
(define r3
  (guard (e ((ssl-certificate-verification-error? e)
             (list (ssl-error-verify-code e) (ssl-error-verify-message e))))
    (let-values (((in out) (ssl-connect* hostname: "localhost" port: port)))
      (ssl-handshake! in))))
(print "ext predicates: " r3)
(check "ext predicates" (equal? r3 '(18 "self-signed certificate")))

;; A timeout: a TCP server that never answers the ClientHello.
(define silent (tcp-listen 0 4 "127.0.0.1"))
(define r4
  (condition-case
      (parameterize ((ssl-handshake-timeout 200))   ; milliseconds
        (let-values (((in out) (ssl-connect* hostname: "localhost" port: (tcp-listener-port silent))))
          (read-line in)))
    (e (exn i/o net timeout) 'timeout)))
(print "timeout: " r4)
(check "timeout" (eq? r4 'timeout))

(tcp-close silent)
(ssl-close l)
(print "ok: every failure was caught")
