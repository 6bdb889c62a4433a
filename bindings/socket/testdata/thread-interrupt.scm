;; thread-interrupt! ((sagittarius threads)) ends a thread's socket-accept
;; with #f and its socket-read-select with nothing ready, as Sagittarius
;; documents; thread-signal! reaches an accepting thread, whose accept then
;; goes on.
(import (tlsport test) (sagittarius socket) (sagittarius threads) (srfi 18))

(define server (make-server-socket "0" AF_INET SOCK_STREAM 0 "127.0.0.1"))
(define port (number->string (socket-info-port (socket-info server))))

(define accepter (thread-start! (make-thread (lambda () (socket-accept server)))))
(thread-sleep! 0.05)                 ; (an interruption before the accept ends it as well)
(thread-interrupt! accepter)
(test #f (thread-join! accepter 30 'stuck))

(define selecter (thread-start! (make-thread (lambda () (socket-read-select #f server)))))
(thread-sleep! 0.05)
(thread-interrupt! selecter)
(test '() (thread-join! selecter 30 'stuck))

;; the interruption was taken: the next accept waits for a connection
(define handled '())
(define accepter2 (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored)
    (lambda () (socket? (socket-accept server))))))))
(thread-sleep! 0.05)
(thread-signal! accepter2 'sig)
(let loop ((i 0)) (if (and (null? handled) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1)))))
(test '(sig) handled)
(test 'waiting (thread-join! accepter2 0.05 'waiting))
(define c (make-client-socket "127.0.0.1" port))
(test #t (thread-join! accepter2 30 'stuck))
(socket-close c)
(socket-close server)
