;; A read that times out part-way loses nothing: what it had read before
;; the timeout is returned first by the next read (read-line, read-string,
;; read-string!, read-bytevector, read-bytevector!, read). csi drops it.
(import (tlsport test) (chicken tcp) (chicken io) (chicken condition))

(define l (tcp-listen 0 10 "127.0.0.1"))
(define-values (ci co) (tcp-connect "127.0.0.1" (tcp-listener-port l)))
(define-values (si so) (tcp-accept l))
(define (send s) (write-string s #f so) (flush-output so))
(define (timeout? thunk) (condition-case (begin (thunk) #f) (e (exn i/o net timeout) #t)))

(parameterize ((tcp-read-timeout 100))
  (send "abc")
  (test #t (timeout? (lambda () (read-line ci))))
  (send "def\n")
  (test "abcdef" (read-line ci))

  (send "xyz")
  (test #t (timeout? (lambda () (read-string 10 ci))))
  (send "123")
  (test "xyz123" (read-string 6 ci))

  (send "gr")
  (define s (make-string 6 #\-))
  (test #t (timeout? (lambda () (read-string! 6 s ci))))
  (test "------" s)
  (send "üße")                           ; characters, not bytes
  (test 5 (read-string! 5 s ci))
  (test "grüße-" s)

  (send "\x01\x02")
  (test #t (timeout? (lambda () (read-bytevector 4 ci))))
  (send "\x03\x04")
  (test (bytevector 1 2 3 4) (read-bytevector 4 ci))

  (send "\x05")
  (define bv (make-bytevector 3 0))
  (test #t (timeout? (lambda () (read-bytevector! bv ci))))
  (send "\x06\x07")
  (test 3 (read-bytevector! bv ci))
  (test (bytevector 5 6 7) bv)

  ;; read: a datum cut by the timeout is read whole by the next read.
  (send "(define greeting \"hel")
  (test #t (timeout? (lambda () (read ci))))
  (send "lo\") (+ 1 2)")
  (test '(define greeting "hello") (read ci))
  (test '(+ 1 2) (read ci)))

(close-output-port so) (close-input-port si)
(test (eof-object) (read-string 1 ci))
(close-input-port ci) (close-output-port co) (tcp-close l)
