;; Queries on a TLS socket inside its own handshake callback answer from the handshake state (no self-wait).
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket) (srfi 18))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string

(define server (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key (read-file leaf-key)
                                       :client-certificate-required? #t :authorities (list ca)))
(define port (number->string (socket-info-port (tls-socket-info server))))
(define th (make-thread (lambda ()
  (let* ((s (tls-socket-accept server)) (line (tls-socket-recv s 2)))
    (tls-socket-close s)
    (utf8->string line)))))
(thread-start! th)

;; The client certificate callback looks at the server's certificate.
(define seen #f)
(define c (make-client-tls-socket "localhost" port :handshake #f :certificate-verifier #t :authorities (list ca)))
(tls-socket-client-certificate-callback-set! c
  (lambda (s)
    (set! seen (list (x509-certificate->bytevector (tls-socket-peer-certificate s)) (tls-socket-selected-alpn s)))
    (cons (read-file client-key) (list (load-cert client-cert)))))
(define hs (make-thread (lambda () (tls-client-handshake c) 'done)))
(thread-start! hs)
(test 'done (thread-join! hs 10 'hung))
(test (list (x509-certificate->bytevector leaf) #f) seen)
(tls-socket-send c (string->utf8 "ok"))
(test "ok" (thread-join! th))
(tls-socket-close c)
(tls-socket-close server)
