;; thread-interrupt! ends a thread's tls-socket-accept with #f, as it ends
;; socket-accept; thread-signal! reaches an accepting thread, whose accept
;; (and eager handshake) then goes on.
(import (tlsport test) (rfc tls) (sagittarius socket) (sagittarius threads) (srfi 18))

(load "testdata/lib/fixture.scm")   ; read-file load-cert leaf ca key port-string

(define server (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key (read-file leaf-key)))
(define port (number->string (socket-info-port (tls-socket-info server))))

(define accepter (thread-start! (make-thread (lambda () (tls-socket-accept server)))))
(thread-sleep! 0.05)
(thread-interrupt! accepter)
(test #f (thread-join! accepter 30 'stuck))

(define handled '())
(define accepter2 (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored)
    (lambda ()
      (let ((s (tls-socket-accept server)))
        (let ((got (utf8->string (tls-socket-recv s 5))))
          (tls-socket-close s)
          got))))))))
(thread-sleep! 0.05)
(thread-signal! accepter2 'sig)
(let loop ((i 0)) (if (and (null? handled) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1)))))
(test '(sig) handled)
(test 'waiting (thread-join! accepter2 0.05 'waiting))
(define c (make-client-tls-socket "localhost" port :certificate-verifier #t :authorities (list ca)))
(tls-socket-send c (string->utf8 "hello"))
(test "hello" (thread-join! accepter2 30 'stuck))
(tls-socket-close c)
(tls-socket-close server)
