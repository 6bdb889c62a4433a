;; The (openssl ext) procedures taking a conn or an obj accept TLS sockets (spec §0.3, §1.3): the same engine behind another face.
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket) (openssl) (openssl ext) (srfi 18))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string
(define (ref key alist) (cdr (assq key alist)))

(define server (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key (read-file leaf-key)))
(define port (number->string (socket-info-port (tls-socket-info server))))
;; A server TLS socket as obj: its context.
(test (x509-certificate->bytevector leaf) (ssl-certificate->der (ssl-listener-certificate server)))
(ssl-set-alpn-protocols! server '("h2" "http/1.1"))
(define th
  (make-thread
   (lambda ()
     (let* ((s (tls-socket-accept server))
            (line (tls-socket-recv s 5)))
       (tls-socket-send s line)
       (let ((r (list (ssl-port-state s) (ssl-peer-certificate s)
                      (ref 'server? (ssl-connection-info s)) (ssl-certificate? (ssl-local-certificate s)))))
         (tls-socket-close s)
         r)))))
(thread-start! th)

(define c (make-client-tls-socket "localhost" port :certificate-verifier #t :authorities (list ca)
                                  :hello-extensions (list (make-protocol-name-list '("http/1.1" "h2")))))
(test 'open (ssl-port-state c))
(test #t (ssl-peer-verified? c))
(test-values (values #t 0 "ok") (ssl-verify-result c))
(test (x509-certificate->bytevector leaf) (ssl-certificate->der (ssl-peer-certificate c)))
(test "/CN=localhost" (ssl-peer-subject-name c))
(test "TLSv1.3" (ref 'protocol (ssl-status c)))
(test "TLSv1.3" (ref 'protocol (ssl-connection-info c)))
(test #f (ref 'server? (ssl-connection-info c)))
(test "localhost" (ref 'server-name (ssl-connection-info c)))
(test #t (string? (ssl-cipher c)))
(test "h2" (ssl-negotiated-protocol c))     ; the server's preference
(test #t (ssl-blocking? c))
(test #f (ssl-port-truncated? c))
(tls-socket-send c (string->utf8 "hello"))
(test "hello" (utf8->string (tls-socket-recv c 5)))
(test '(open #f #t #t) (thread-join! th))
;; Closing through (openssl ext) closes the socket.
(ssl-shutdown! c 'both)
(test #t (tls-socket-closed? c))
(test 'closed (ssl-port-state c))
;; Other values are still refused, with the spec's message.
(test "expected an ssl port, got"
      (condition-case (ssl-port-state 42) (e (exn type) (get-condition-property e 'exn 'message))))
(tls-socket-close server)
