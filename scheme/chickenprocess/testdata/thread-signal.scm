;; thread-signal! reaches a thread waiting in process-wait, which is blocked
;; meanwhile (thread-state): the handler runs in that thread, and when it
;; returns the wait goes on and reports the child's exit.
(import (chicken process) (srfi 18) (tlsport test))
(define handled '())
(define (await-handled)
  (let loop ((i 0)) (if (and (null? handled) (< i 3000)) (begin (thread-sleep! 0.01) (loop (+ i 1))))))
(define pid (process-run "sleep 0.5"))
(define waiter (thread-start! (make-thread (lambda ()
  (with-exception-handler (lambda (e) (set! handled (cons e handled)) 'ignored)
    (lambda () (call-with-values (lambda () (process-wait pid)) list)))))))
(test 'blocked (await-state waiter 'blocked))
(thread-signal! waiter 'sig)
(await-handled)
(test '(sig) handled)
(test (list pid #t 0) (thread-join! waiter 30 'stuck))
