;; Peer queries inside verification callbacks answer from the handshake state (spec §1.3.1 verifier: "the full peer chain and connection info are available to it").
(import (tlsport test) (openssl) (openssl ext) (srfi 18))

(load "testdata/lib/hello-server.scm")   ; serve

;; What a callback sees of its connection.
(define (peer-view conn)
  (list (ssl-certificate? (ssl-peer-certificate conn))
        (length (ssl-peer-certificate-chain conn))
        (ssl-peer-subject-name conn)
        (ssl-protocol-version conn)
        (cdr (assq 'protocol (ssl-status conn)))))
(define expected-server-view (list #t 1 "/CN=localhost" 'tls13 "TLSv1.3"))

;; within: run thunk on a thread, 'hung if it takes more than 10 s.
(define (within thunk)
  (let ((t (make-thread thunk)))
    (thread-start! t)
    (thread-join! t 10 'hung)))

;; Client: a verifier and a verify callback look at the server's certificate.
(define (client-sees . kws)
  (within
   (lambda ()
     (let* ((s (serve leaf-cert leaf-key))
            (seen #f)
            (cb (lambda args (set! seen (peer-view (car args))) #t)))
       (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s))
                                  certificate-authorities: ca-file
                                  (append kws (list cb)))))
         (let ((line (read-line i)))
           (write-string "bye\n" o) (flush-output o)
           (close-input-port i) (close-output-port o)
           (thread-join! (cdr s))
           (ssl-close (car s))
           (list line seen)))))))
(test (list "hello" expected-server-view) (client-sees verifier:))
(test (list "hello" expected-server-view) (client-sees verify-callback:))

;; Outside callbacks, the same queries still force the handshake.
(define s0 (serve leaf-cert leaf-key))
(define-values (i0 o0) (ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s0)) certificate-authorities: ca-file))
(test '() (ssl-status i0))
(test expected-server-view (peer-view i0))
(test "hello" (read-line i0))
(write-string "bye\n" o0) (flush-output o0)
(close-input-port i0) (close-output-port o0)
(thread-join! (cdr s0))
(ssl-close (car s0))

;; Server: its verifier looks at the client's certificate.
;; With ALPN on both sides the server's handshake takes its configuration
;; from GetConfigForClient, whose verification must be seen the same way.
(define (server-sees . alpn)
  (within
   (lambda ()
     (let* ((seen #f)
            (l (apply ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key
                            certificate-authorities: ca-file verify?: #t
                            verifier: (lambda (conn) (set! seen (peer-view conn)) #t)
                            (if (null? alpn) '() (list alpn: alpn))))
            (t (make-thread (lambda ()
                 (let-values (((i o) (ssl-accept l)))
                   (let ((x (read-line i))) (close-input-port i) (close-output-port o) x))))))
       (thread-start! t)
       (let-values (((i o) (apply ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file
                                         certificate: client-cert private-key: client-key
                                         (if (null? alpn) '() (list alpn: alpn)))))
         (write-string "client\n" o) (flush-output o)
         (let ((x (thread-join! t)))
           (close-input-port i) (close-output-port o)
           (ssl-close l)
           (list x seen)))))))
(test (list "client" (list #t 1 "/CN=client" 'tls13 "TLSv1.3")) (server-sees))
(test (list "client" (list #t 1 "/CN=client" 'tls13 "TLSv1.3")) (server-sees "h2"))

;; The info callback runs inside the handshake too: at "start" nothing is
;; known yet, at "done" the peer's certificate is.
(define info-seen '())
(define (info kind conn . args)
  (when (and (eq? kind 'info) (eq? (car args) 'handshake))
    (set! info-seen (cons (list (cadr args) (ssl-certificate? (ssl-peer-certificate conn))) info-seen))))
(test "hello"
      (within
       (lambda ()
         (let ((s (serve leaf-cert leaf-key)))
           (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port (car s))
                                             certificate-authorities: ca-file info-callback: info)))
             (let ((line (read-line i)))
               (write-string "bye\n" o) (flush-output o)
               (close-input-port i) (close-output-port o)
               (thread-join! (cdr s))
               (ssl-close (car s))
               line))))))
(test '(("start" #f) ("done" #t)) (reverse info-seen))
