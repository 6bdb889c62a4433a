;; Argument errors across the binding libraries: each bad call names the
;; procedure (location) and the parameter, the same way everywhere; an
;; unknown keyword is ignored with a warning suggesting the closest one.
(import (tlsport test) (scheme base) (scheme write) (chicken condition)
        (openssl) (openssl ext) (rfc tls) (sagittarius socket) (chicken tcp) (rfc x509) (sagittarius crypto keys)
        (tlsport starttls))

;; (location message irritants) of the condition thunk raises
(define (failure thunk)
  (condition-case (begin (thunk) 'no-error)
    (e (exn) (list (get-condition-property e 'exn 'location #f)
                   (get-condition-property e 'exn 'message #f)
                   (get-condition-property e 'exn 'arguments '())))))

(define-syntax check
  (syntax-rules ()
    ((_ expected call) (test expected (failure (lambda () call))))))

;; the text written on the error port while thunk runs, and its failure
(define (warning-of thunk)
  (let ((err (open-output-string)))
    (parameterize ((current-error-port err)) (failure thunk))
    (get-output-string err)))

;; (openssl): keywords
(check '(ssl-connect* "missing required keyword hostname:" ())
       (ssl-connect* port: 443))
(check '(ssl-connect* "bad argument type in keyword hostname: (expected string)" (443))
       (ssl-connect* hostname: 443 port: 1))
(check '(ssl-connect* "bad argument type in keyword port: (expected port number or #f)" (x))
       (ssl-connect* hostname: "localhost" port: 'x))
(check '(ssl-connect* "bad argument type in keyword local-port: (expected exact integer or #f)" ("1"))
       (ssl-connect* hostname: "localhost" port: 1 local-port: "1"))
(check '(ssl-make-client-context* "bad argument type in keyword protocol: (expected SSL/TLS protocol symbol)" ("tlsv12"))
       (ssl-make-client-context* protocol: "tlsv12"))
(check '(ssl-listen* "bad argument type in keyword port: (expected exact integer or #f)" ("x"))
       (ssl-listen* port: "x" certificate: 'ephemeral))
(check '(ssl-listen* "bad argument type in keyword backlog: (expected exact integer or #f)" (1.5))
       (ssl-listen* backlog: 1.5 certificate: 'ephemeral))
(check '(ports->ssl-ports "bad argument type in keyword mode: (expected symbol or #f)" (1))
       (ports->ssl-ports (open-input-string "") (open-output-string) mode: 1))
;; unknown keywords: ignored (CHICKEN's #!key), with a warning
(test "Warning: ssl-connect*: unknown keyword hostnam: ignored — did you mean hostname:?\n"
      (warning-of (lambda () (ssl-connect* hostnam: "x" port: 1))))
(test "Warning: ssl-make-client-context*: unknown keyword verfy?: ignored — did you mean verify?:?\n"
      (warning-of (lambda () (ssl-make-client-context* verfy?: #f))))

;; (sagittarius socket), (rfc tls), (rfc x509): positional and keyword
;; parameters, with the R6RS &assertion kind of the Sagittarius libraries
(check '(make-client-socket "bad argument type in argument 1 (expected string)" (1))
       (make-client-socket 1 "80"))
(check '(make-server-socket "bad argument type in argument 2 (expected exact integer)" (inet))
       (make-server-socket "0" 'inet))
(check '(make-server-socket "bad argument type in argument 5 (expected string or #f)" (1))
       (make-server-socket "0" AF_INET SOCK_STREAM 0 1))
(test #t (assertion-violation? (guard (e (#t e)) (make-client-socket 1 "80"))))
(check '(make-client-tls-socket "bad argument type in argument 2 (expected string)" (443))
       (make-client-tls-socket "localhost" 443))
(check '(make-client-tls-socket "bad argument type in keyword ciphersuites: (expected string or #f)" (1))
       (make-client-tls-socket "localhost" "1" ciphersuites: 1))
(check '(make-server-tls-socket "bad argument type in keyword host: (expected string or #f)" (1))
       (make-server-tls-socket "0" '() host: 1))
(check '(make-hello-extension "bad argument type in argument 1 (expected exact integer)" ("16"))
       (make-hello-extension "16" #u8()))
(check '(make-date "bad argument type in argument 7 (expected exact integer)" ("2020"))
       (make-date 0 0 0 0 1 1 "2020" 0))
(check '(bytevector->x509-certificate "bad argument type in argument 1 (expected bytevector)" ("x"))
       (bytevector->x509-certificate "x"))
(test "Warning: make-server-tls-socket: unknown keyword hots: ignored — did you mean host:?\n"
      (warning-of (lambda () (make-server-tls-socket "0" '() hots: "x" host: 1))))

;; keyword values taken from (ssl-default-options) are checked as given ones
(check '(ssl-listen* "bad argument type in keyword port: (expected exact integer or #f)" ("x"))
       (parameterize ((ssl-default-options '(port: "x"))) (ssl-listen* certificate: 'ephemeral)))
(check '(ssl-connect* "bad argument type in keyword ech-config-list: (expected bytevector or #f)" ("x"))
       (parameterize ((ssl-default-options '(ech-config-list: "x"))) (ssl-connect* hostname: "localhost" port: 1)))
;; positional parameters of (openssl), (openssl ext), (chicken tcp), (tlsport starttls)
(check '(ssl-listen "bad argument type in argument 1 (expected exact integer or #f)" ("443"))
       (ssl-listen "443"))
(check '(ssl-set-curves! "bad argument type in argument 2 (expected list of strings or bytevectors)" ("x25519"))
       (ssl-set-curves! (ssl-make-client-context) "x25519"))
(check '(ssl-set-security-level! "bad argument type in argument 2 (expected exact integer or #f)" ("1"))
       (ssl-set-security-level! (ssl-make-client-context) "1"))
(check '(tcp-connect "bad argument type in argument 1 (expected string)" (80))
       (tcp-connect 80))
(check '(tcp-listen "bad argument type in argument 3 (expected string or #f)" (1))
       (tcp-listen 0 10 1))
(check '(sasl-plain "bad argument type in argument 2 (expected string)" (1))
       (sasl-plain "user" 1))
(check '(ssl-make-client-context* "bad argument type in keyword keylog: (expected file name, output port or procedure or #f)" (1))
       (ssl-make-client-context* keylog: 1))
(check '(ssl-make-client-context* "bad argument type in keyword verify-callback: (expected procedure or #f)" (yes))
       (ssl-make-client-context* verify-callback: 'yes))
(check '(ssl-make-client-context* "bad argument type in keyword password: (expected string or procedure or #f)" (1))
       (ssl-make-client-context* password: 1))
(check '(generate-key-pair "bad argument type in keyword size: (expected exact integer or #f)" ("2048"))
       (generate-key-pair *key:rsa* :size "2048"))
(check '(make-client-tls-socket "bad argument type in keyword version: (expected TLS version number or #f)" (tls12))
       (make-client-tls-socket "localhost" "1" version: 'tls12))
(check '(make-server-tls-socket "bad argument type in keyword keylog: (expected output port or #f)" ("keys.log"))
       (make-server-tls-socket "0" '() keylog: "keys.log"))
(check '(make-client-tls-socket "bad argument type in keyword certificate-verifier: (expected boolean or procedure)" (yes))
       (make-client-tls-socket "localhost" "1" certificate-verifier: 'yes))
