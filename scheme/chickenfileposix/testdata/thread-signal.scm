;; thread-signal! reaches a thread waiting in file-select, which is blocked
;; meanwhile (thread-state): the handler runs in that thread, and when it
;; returns the wait goes on until the descriptor is ready.
(import (chicken file posix) (chicken process) (srfi 18) (tlsport test))
(define handled '())
(define (await-handled)
  (let loop ((i 0)) (if (and (null? handled) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1))))))
(define-values (r w) (create-pipe))
(define waiter (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored)
    (lambda () (call-with-values (lambda () (file-select (list r) '() 30)) list)))))))
(test 'blocked (await-state waiter 'blocked))
(thread-signal! waiter 'sig)
(await-handled)
(test '(sig) handled)
(test 'blocked (await-state waiter 'blocked))     ; the wait goes on
(file-write w "x")
(test (list (list r) '()) (thread-join! waiter 30 'stuck))
