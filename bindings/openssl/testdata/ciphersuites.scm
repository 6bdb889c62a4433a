;; ssl-set-ciphersuites!: enforced after negotiation; the failure says which suite was negotiated and why (against openssl s_server / s_client and Scheme to Scheme).
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(define (reason-of thunk)
  (condition-case (begin (thunk) 'ok)
    (e (exn openssl) (list (ssl-error-status e) (ssl-error-verify-code e) (ssl-error-reason e)))))

(define (has? s sub) (and (string? s) (number? (string-search sub s))))

;; s_server insists on ChaCha20; our client allows only AES-128-GCM
(define srv (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-tls1_3" "-ciphersuites" "TLS_CHACHA20_POLY1305_SHA256"))
(define r (reason-of (lambda ()
            (let-values (((i o) (ssl-connect* hostname: "localhost" port: (peer-port srv) certificate-authorities: ca-file
                                              ciphersuites: "TLS_AES_128_GCM_SHA256")))
              (ssl-handshake! i)))))
(test 'ssl (car r))
(test #f (cadr r))
(test #t (has? (caddr r) "TLS_CHACHA20_POLY1305_SHA256 is not allowed by ciphersuites: (TLS_AES_128_GCM_SHA256)"))
(test #t (has? (caddr r) "cannot restrict"))

;; an allowed suite goes through
(define srv2 (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-tls1_3" "-ciphersuites" "TLS_CHACHA20_POLY1305_SHA256"))
(test "TLS_CHACHA20_POLY1305_SHA256"
      (let-values (((i o) (ssl-connect* hostname: "localhost" port: (peer-port srv2) certificate-authorities: ca-file
                                        ciphersuites: "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384")))
        (ssl-cipher i)))

;; a Scheme server restricted to AES-128 against s_client offering only AES-256
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key ciphersuites: "TLS_AES_128_GCM_SHA256"))
(define cli (openssl-s-client (ssl-listener-port l) "-tls1_3" "-ciphersuites" "TLS_AES_256_GCM_SHA384" "-quiet"))
(define-values (si so) (ssl-accept l))
(define r2 (reason-of (lambda () (ssl-handshake! si))))
(test 'ssl (car r2))
(test #t (has? (caddr r2) "TLS_AES_256_GCM_SHA384 is not allowed by ciphersuites: (TLS_AES_128_GCM_SHA256)"))
(test #t (has? (caddr r2) "servers accept all three"))
