;; Scheme-to-Scheme over loopback, Sagittarius style: make-server-tls-socket + tls-socket-accept on a thread, make-client-tls-socket.
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket) (srfi 18))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string

(define server (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key (read-file leaf-key)
                                       :alpn '("h2" "http/1.1")))
(test #t (tls-socket? server))
(test #f (tls-socket? 42))
(define port (number->string (socket-info-port (tls-socket-info server))))

(define th
  (make-thread
   (lambda ()
     (let* ((s (tls-socket-accept server))
            (line (tls-socket-recv s 100)))
       (tls-socket-send s (bytevector-append (string->utf8 "echo: ") line))
       (let ((peer (tls-socket-peer s)))
         (tls-socket-close s)
         (list (utf8->string line) (tls-socket-closed? s) (socket-info? peer)))))))
(define (socket-info? x) (string? (socket-info-hostname x)))
(thread-start! th)

(define c (make-client-tls-socket "localhost" port :certificate-verifier #t :authorities (list ca)
                                  :hello-extensions (list (make-protocol-name-list '("http/1.1")))))
(test #t (tls-socket? c))
(test "localhost" (tls-socket-node c))
(test port (tls-socket-service c))
(test "http/1.1" (tls-socket-selected-alpn c))
(test 6 (tls-socket-send c (string->utf8 "hello!")))
(test "echo: hello!" (utf8->string (tls-socket-recv c 100)))
(test '("hello!" #t #t) (thread-join! th))
;; peer closed: EOF is an empty bytevector
(test (bytevector) (tls-socket-recv c 100))
(test #t (x509-certificate? (tls-socket-peer-certificate c)))
(test (x509-certificate->bytevector leaf) (x509-certificate->bytevector (tls-socket-peer-certificate c)))
(let-values (((host ip p) (tls-socket-info-values c)))
  (test "localhost" host)
  (test #t (and (member (ip-address->string ip) (list "127.0.0.1" "::1")) #t))
  (test (string->number port) p))
(let-values (((host ip p) (tls-socket-info-values c :type 'info)))
  (test #t (integer? p)))
(test #t (string? (socket-info-hostname (tls-socket-name c))))
(test #t (socket? (tls-socket-raw-socket c)))
(test #f (tls-socket-error c))
(test #f (tls-socket-pending? c))
(tls-socket-close c)
(tls-socket-close c)
(test #t (tls-socket-closed? c))
;; sending on a closed socket: &socket-closed
(test #t (guard (e ((socket-closed-error? e) (eq? c (socket-error-socket e))))
           (tls-socket-send c (string->utf8 "x"))))
(tls-socket-close server)
