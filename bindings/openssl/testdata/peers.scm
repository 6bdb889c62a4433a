;; Real peers: openssl s_server / s_client (TLS 1.2 and 1.3, client certificates, ALPN, SNI) and curl --cacert.
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

;; ssl-connect* against openssl s_server -tls1_3 with ALPN and SNI.
(define srv (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-tls1_3" "-alpn" "h2,http/1.1"))
(define-values (i o) (ssl-connect* hostname: "localhost" port: (peer-port srv)
                                   certificate-authorities: ca-file alpn: '("http/1.1")))
(write-string "from scheme\n" o) (flush-output o)
(test #t (string? (peer-read-until srv "from scheme")))
(peer-send srv "from openssl\n")
(test "from openssl" (read-line i))
(test 'tls13 (ssl-protocol-version i))
(test (string->utf8 "http/1.1") (ssl-get-alpn-selected i))
(close-input-port i) (close-output-port o)

;; SNI: s_server answers "localhost" with a second (RSA) certificate.
(define srv3 (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-servername" "sni.localhost"
                               "-cert2" rsa-leaf-cert "-key2" rsa-leaf-key))
(define-values (i3 o3) (ssl-connect "127.0.0.1" (peer-port srv3) 'tlsv12 "sni.localhost"))
(write-string "sni\n" o3) (flush-output o3)
(test #t (string? (peer-read-until srv3 "sni")))
(test '("localhost" "127.0.0.1" "::1") (ssl-peer-certificate-hostnames i3))
(close-input-port i3) (close-output-port o3)

;; TLS 1.2 with a required client certificate.
(define srv2 (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-tls1_2" "-Verify" "1" "-CAfile" ca-file))
(define-values (i2 o2) (ssl-connect* hostname: "localhost" port: (peer-port srv2) protocol: 'tlsv12
                                     certificate: client-cert private-key: client-key private-key-type: 'ec
                                     certificate-authorities: ca-file max-protocol: 'tlsv12))
(write-string "with client cert\n" o2) (flush-output o2)
(test #t (string? (peer-read-until srv2 "with client cert")))
(test 'tls12 (ssl-protocol-version i2))
(close-input-port i2) (close-output-port o2)

;; openssl s_client against an ssl-listen* server requiring a client certificate.
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key
                       certificate-authorities: ca-file verify?: #t))
(define cli (openssl-s-client (ssl-listener-port l) "-cert" client-cert "-key" client-key
                              "-CAfile" ca-file "-servername" "localhost" "-quiet"))
(define-values (si so) (ssl-accept l))
(peer-send cli "hello from s_client\n")
(test "hello from s_client" (read-line si))
(test #t (ssl-peer-verified? si))
(test "/CN=client" (ssl-peer-subject-name si))
(write-string "hello from scheme\n" so) (flush-output so)
(test #t (string? (peer-read-until cli "hello from scheme")))
(close-input-port si) (close-output-port so)

;; curl --cacert against an HTTPS-style server written in Scheme.
(define l2 (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define c (curl "-s" "--max-time" "20" "--cacert" ca-file
                (string-append "https://localhost:" (number->string (ssl-listener-port l2)) "/hello")))
(define-values (hi ho) (ssl-accept l2))
(test "GET /hello HTTP/1.1" (read-line hi))
(let loop () (unless (equal? "" (read-line hi)) (loop)))
(write-string "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nhello\n" ho)
(flush-output ho)
(close-input-port hi) (close-output-port ho)
(test "hello\n" (peer-output c))
(test 0 (peer-wait c))
(ssl-close l) (ssl-close l2)
