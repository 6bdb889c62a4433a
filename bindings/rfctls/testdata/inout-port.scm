;; tls-socket-port is one binary input/output port (§1.2.5): both sides of a TLS conversation over a single port each.
(import (tlsport test) (rfc tls) (rfc x509) (sagittarius socket) (srfi 18))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string

;; Server: one port per accepted socket; echoes 5 bytes prefixed, then closes the port (close? #t).
(define srv (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key key))
(define th
  (make-thread
   (lambda ()
     (let* ((s (tls-socket-accept srv))
            (p (tls-socket-port s))
            (req (read-bytevector 5 p)))
       (write-bytevector (bytevector-append (string->utf8 "echo ") req) p)
       (flush-output-port p)
       (let ((more (read-bytevector 4 p)))   ; the client's second message
         (close-port p)
         (list (utf8->string req) (utf8->string more) (tls-socket-closed? s)))))))
(thread-start! th)

(define c (make-client-tls-socket "localhost" (port-string srv)))
(define p (tls-socket-port c))
(test '(#t #t #t #t) (list (input-port? p) (output-port? p) (binary-port? p) (port? p)))
(test '(#t #t) (list (input-port-open? p) (output-port-open? p)))
(write-bytevector (string->utf8 "hello") p)
(flush-output-port p)
(test "echo hello" (utf8->string (read-bytevector 10 p)))
(write-u8 98 p) (write-bytevector (string->utf8 "ye!") p 0 2) (write-u8 33 p)
(close-output-port p)                        ; flushes; the socket stays open while the input side is
(test '(#t #f) (list (input-port-open? p) (output-port-open? p)))
(test #f (tls-socket-closed? c))
(test-error (exn) (write-u8 1 p))
(test '("hello" "bye!" #t) (thread-join! th))
(test (eof-object) (read-u8 p))              ; the server closed
(close-input-port p)                         ; last side: SHUT_RDWR + close
(test '(#f #f) (list (input-port-open? p) (output-port-open? p)))
(test #t (tls-socket-closed? c))
(test-error (exn) (read-u8 p))

;; close? #f: closing the port leaves the socket open.
(define th2
  (make-thread
   (lambda ()
     (let* ((s (tls-socket-accept srv)) (p (tls-socket-port s #f)))
       (write-bytevector (read-bytevector 2 p) p)
       (close-port p)
       (let ((open (not (tls-socket-closed? s))))
         (tls-socket-send s (string->utf8 "raw"))
         (tls-socket-close s)
         open)))))
(thread-start! th2)
(define c2 (make-client-tls-socket "localhost" (port-string srv)))
(define p2 (tls-socket-port c2 #f))
(write-bytevector (string->utf8 "ok") p2)
(flush-output-port p2)
(test "okraw" (utf8->string (read-bytevector 5 p2)))
(test #t (thread-join! th2))
(close-port p2)
(test #f (tls-socket-closed? c2))
(tls-socket-close c2)
(tls-socket-close srv)
