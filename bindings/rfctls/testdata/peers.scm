;; Real peers: openssl s_server (client certificates, bad server certificates, deferred handshakes, a verifier procedure) and openssl s_client.
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string
(define (port-of srv) (number->string (peer-port srv)))
(define (verify-code e) (get-condition-property e 'openssl 'verify-code #f))

;; s_server asking for a client certificate (-verify): sent from :certificates.
(define srv (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-verify" "1" "-CAfile" ca-file))
(define c (make-client-tls-socket "localhost" (port-of srv) :certificate-verifier #t :authorities (list ca)
                                  :certificates (list (load-cert client-cert)) :private-key (read-file client-key)))
(tls-socket-send c (string->utf8 "with client cert\n"))
(test #t (string? (peer-read-until srv "with client cert")))
(peer-send srv "from openssl\n")
(test "from openssl\n" (utf8->string (tls-socket-recv c 100)))
(tls-socket-close c)

;; s_server requiring one (-Verify); the certificate comes from the callback of a deferred handshake.
(define srv2 (openssl-s-server "-cert" leaf-cert "-key" leaf-key "-Verify" "1" "-CAfile" ca-file "-tls1_2"))
(define called #f)
(define c2 (make-client-tls-socket "localhost" (port-of srv2) :handshake #f :certificate-verifier #t
                                   :authorities (list ca)))
(tls-socket-client-certificate-callback-set! c2
  (lambda (s) (set! called (tls-socket? s)) (cons (read-file client-key) (list (load-cert client-cert)))))
(test c2 (tls-client-handshake c2))
(test c2 (tls-client-handshake c2))   ; a second call is harmless
(test #t called)
(tls-socket-send c2 (string->utf8 "callback cert\n"))
(test #t (string? (peer-read-until srv2 "callback cert")))
(tls-socket-close c2)

;; Bad server certificates with :certificate-verifier #t.
(define (bad-server cert key)
  (let ((s (openssl-s-server "-cert" cert "-key" key)))
    (guard (e ((tls-error? e)
               (list (tls-error-status e) (verify-code e) (socket-error? e) (i/o-error? e)
                     (condition? e) ((condition-predicate 'net) e))))
      (make-client-tls-socket "localhost" (port-of s) :certificate-verifier #t :authorities (list ca)))))
(test '(ssl 10 #t #t #t #t) (bad-server expired-cert expired-key))
(test '(ssl 62 #t #t #t #t) (bad-server wrong-host-cert wrong-host-key))
(test '(ssl 20 #t #t #t #t) (bad-server unknown-cert unknown-key))
;; The default verifier (#f) accepts them all, as Sagittarius does.
(define srv3 (openssl-s-server "-cert" expired-cert "-key" expired-key))
(define c3 (make-client-tls-socket "localhost" (port-of srv3)))
(test #t (x509-certificate-expired? (tls-socket-peer-certificate c3)))
(tls-socket-close c3)

;; A deferred handshake that fails raises at tls-client-handshake, and again at the next call.
(define srv4 (openssl-s-server "-cert" unknown-cert "-key" unknown-key))
(define c4 (make-client-tls-socket "localhost" (port-of srv4) :handshake #f :certificate-verifier #t
                                   :authorities (list ca)))
(test #f (tls-socket-closed? c4))
(test 20 (guard (e (#t (verify-code e))) (tls-client-handshake c4)))
(test 20 (guard (e (#t (verify-code e))) (tls-client-handshake c4)))
(test #t (tls-socket-closed? c4))
(test 20 (verify-code (tls-socket-error c4)))

;; A verifier procedure that rejects at depth 1 (chain leaf → intermediate → root).
(define srv5 (openssl-s-server "-cert" chain-leaf-cert "-key" chain-leaf-key "-cert_chain" chain-leaf-cert))
(define depths '())
(test '(50 (1 2))
      (guard (e ((tls-error? e) (list (verify-code e) depths)))
        (make-client-tls-socket "localhost" (port-of srv5) :authorities (list ca)
          :certificate-verifier (lambda (depth ok? bv)
                                  (set! depths (cons depth depths))
                                  (and ok? (bytevector? bv) (not (= depth 1)))))))
;; … and one that raises: the condition is the cause.
(define srv6 (openssl-s-server "-cert" leaf-cert "-key" leaf-key))
(test '(50 "boom")
      (guard (e ((tls-error? e)
                 (list (verify-code e)
                       (condition-message (get-condition-property e 'openssl 'cause)))))
        (make-client-tls-socket "localhost" (port-of srv6) :authorities (list ca)
          :certificate-verifier (lambda (depth ok? bv) (error 'verifier "boom")))))
;; accepting every certificate: the handshake succeeds
(define srv7 (openssl-s-server "-cert" leaf-cert "-key" leaf-key))
(define c7 (make-client-tls-socket "localhost" (port-of srv7) :authorities (list ca)
                                   :certificate-verifier (lambda (depth ok? bv) ok?)))
(test #t (tls-socket? c7))
(tls-socket-close c7)

;; Non-blocking recv: #f while nothing is there, then the data.
(define srv8 (openssl-s-server "-cert" leaf-cert "-key" leaf-key))
(define c8 (make-client-tls-socket "localhost" (port-of srv8)))
(tls-socket-nonblocking! c8)
(test #t (nonblocking-tls-socket? c8))
(test #f (tls-socket-recv c8 100))
(test -1 (tls-socket-recv! c8 (make-bytevector 10 0) 0 10))
(peer-send srv8 "late\n")
(define (poll n)
  (let ((r (tls-socket-recv c8 100)))
    (cond (r (utf8->string r))
          ((= n 0) 'timeout)
          (else (thread-sleep! 0.01) (poll (- n 1))))))
(test "late\n" (poll 500))
(tls-socket-blocking! c8)
(test #f (nonblocking-tls-socket? c8))
;; read timeout: &socket-read-timeout, and the socket stays usable
(tls-socket-set-read-timeout! c8 50)
(test 50 (tls-socket-get-read-timeout c8))
(test '(#t #t #t)
      (guard (e ((socket-read-timeout-error? e)
                 (list (socket-error? e) ((condition-predicate 'timeout) e) (eq? c8 (socket-error-socket e)))))
        (tls-socket-recv c8 100)))
(peer-send srv8 "after timeout\n")
(tls-socket-set-read-timeout! c8 #f)
(test #f (tls-socket-get-read-timeout c8))
(test "after timeout\n" (utf8->string (tls-socket-recv c8 100)))
(tls-socket-close c8)

;; openssl s_client against make-server-tls-socket.
(define server (make-server-tls-socket "0" (list (load-cert leaf-cert)) :host "127.0.0.1" :private-key (read-file leaf-key)))
(define sport (socket-info-port (tls-socket-info server)))
(define cli (openssl-s-client sport "-CAfile" ca-file "-servername" "localhost" "-verify_return_error" "-quiet"))
(define s (tls-socket-accept server))
(peer-send cli "hello from s_client\n")
(test "hello from s_client\n" (utf8->string (tls-socket-recv s 100)))
(tls-socket-send s (string->utf8 "hello from scheme\n"))
(test #t (string? (peer-read-until cli "hello from scheme")))
(test #f (tls-socket-peer-certificate s))   ; no client certificate was asked for
(tls-socket-close s)
(tls-socket-close server)
