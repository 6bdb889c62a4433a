;; Bad input: wrong types and counts (&assertion with who/message and CHICKEN kinds), unknown hosts, refused connections, closed sockets, hello extensions, accessors.
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket))

(define (who-and-kinds thunk)
  (guard (e ((condition? e)
             (list (assertion-violation? e) (condition-who e) (message-condition? e)
                   ((condition-predicate 'exn) e))))
    (thunk)))
(test '(#t make-client-tls-socket #t #t) (who-and-kinds (lambda () (make-client-tls-socket 'localhost "443"))))
(test '(#t make-client-tls-socket #t #t) (who-and-kinds (lambda () (make-client-tls-socket "localhost" 443))))
(test '(#t tls-socket-send #t #t) (who-and-kinds (lambda () (tls-socket-send 42 (bytevector 1)))))
(test '(#t tls-socket-recv #t #t) (who-and-kinds (lambda () (tls-socket-recv "sock" 10))))
(test-error (exn type) (tls-socket-close 'nope))
(test #t (assertion-violation? (guard (e (#t e)) (tls-socket-send))))     ; wrong count
(test #t (assertion-violation? (guard (e (#t e)) (tls-socket-closed? 1 2))))
(test #f (assertion-violation? 'not-a-condition))
(test-error (exn type) (make-server-tls-socket "0" 'not-a-list :host "127.0.0.1"))
(test-error (exn type) (make-server-tls-socket "0" '() :host "127.0.0.1" :certificate-verifier "yes"))
(test-error (exn type) (make-client-tls-socket "localhost" "1" :hello-extensions '(1 2)))
(test-error (exn type) (make-protocol-name-list "h2"))
(test-error (exn type) (make-server-name-indication 42))
(test-error (exn bounds) (make-hello-extension -1 (bytevector)))
(test #t (guard (e ((tls-error? e) (eq? #f (tls-error-status e))))
           (make-client-tls-socket "localhost" "1" :hello-extensions (list (make-hello-extension 42 (bytevector 1 2))))))
(test-error (exn type) (tls-error-status 'x))
(test #f (tls-error? 'x))

;; Unknown hosts: &host-not-found naming the node.
(test '(#t "no-such-host.invalid" "443" #t)
      (guard (e ((host-not-found-error? e)
                 (list (i/o-error? e) (host-not-found-error-node e) (host-not-found-error-service e)
                       ((condition-predicate 'net) e))))
        (make-client-tls-socket "no-such-host.invalid" "443")))
(test #t (guard (e ((host-not-found-error? e) #t)) (make-client-socket "no-such-host.invalid" "80")))
(test-error (exn type) (host-not-found-error-node 'x))

;; A refused connection: &socket-connection.
(define closed-port
  (let* ((s (make-server-socket "0" AF_INET SOCK_STREAM 0 "127.0.0.1")) (p (socket-info-port (socket-info s))))
    (socket-close s)
    (number->string p)))
(test '(#t #t #t)
      (guard (e ((socket-connection-error? e) (list (socket-error? e) (i/o-error? e) ((condition-predicate 'net) e))))
        (make-client-tls-socket "127.0.0.1" closed-port)))

;; A server with a certificate but no key: status #f "no private key".
(define leaf (call-with-input-file leaf-cert read-x509-certificate))
(test #t (guard (e ((tls-error? e) (and (not (tls-error-status e)) #t)))
           (make-server-tls-socket "0" (list leaf) :host "127.0.0.1")))

;; Ranges, read timeouts, callbacks.
(define srv (make-server-tls-socket "0" '() :host "127.0.0.1"))
(test #t (tls-socket? srv))
(test #f (tls-socket-node srv))
(test "0" (tls-socket-service srv))
(test #f (tls-socket-peer srv))
(test #f (tls-socket-selected-alpn srv))
(test-error (exn type) (tls-socket-set-read-timeout! srv "soon"))
(test-error (exn type) (tls-socket-client-certificate-callback-set! srv 42))
(tls-socket-nonblocking! srv)
(test #t (nonblocking-tls-socket? srv))
(test 'want-accept (guard (e ((tls-error? e) (tls-error-status e))) (tls-socket-accept srv)))
(test-error (exn type) (tls-server-handshake srv))
(test-error (exn type) (tls-client-handshake srv))
(test-error (exn type) (socket->tls-socket srv))
(tls-socket-close srv)
(test #t (tls-socket-closed? srv))

;; make-server-tls-socket*: one socket per address family.
(define srvs (make-server-tls-socket* "0" '() :host "localhost"))
(test #t (and (pair? srvs) (tls-socket? (car srvs))))
(for-each tls-socket-close srvs)
