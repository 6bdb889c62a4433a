;; tcp-read-timeout after a run of reads that return at once: consecutive
;; reads share one armed timer (ports' timeout slack), yet a read that
;; blocks waits at least its whole limit, and a changed limit, longer or
;; shorter, holds from the next read on.
(import (tlsport test) (chicken tcp) (chicken io) (chicken time) (chicken condition) (srfi 18))

(define l (tcp-listen 0 10 "127.0.0.1"))
(define done (make-mutex))
(mutex-lock! done)
(define t (make-thread (lambda ()
  (let-values (((i o) (tcp-accept l)))
    ;; 100 lines, one every 3 ms: reads returning data for longer than
    ;; the slack of a 400 ms limit (25 ms).
    (let loop ((k 0))
      (when (< k 100)
        (write-line "x" o)
        (thread-sleep! 0.003)
        (loop (+ k 1))))
    (mutex-lock! done)
    (close-output-port o) (close-input-port i)))))
(thread-start! t)
(define-values (i o) (tcp-connect "127.0.0.1" (tcp-listener-port l)))

;; The time a read-line takes and what it gives: a line or 'timeout.
(define (timed-read-line)
  (let* ((start (current-milliseconds))
         (r (condition-case (read-line i)
              (e (exn i/o net timeout) 'timeout))))
    (list r (- (current-milliseconds) start))))

(parameterize ((tcp-read-timeout 400))
  (test 100 (let loop ((n 0))
              (if (= n 100) n (begin (read-line i) (loop (+ n 1))))))
  (let ((r (timed-read-line)))
    (test 'timeout (car r))
    (test #t (>= (cadr r) 400))))
;; A longer limit is not cut short by the deadline armed for the shorter one.
(parameterize ((tcp-read-timeout 1000))
  (let ((r (timed-read-line)))
    (test 'timeout (car r))
    (test #t (>= (cadr r) 1000))))
;; A shorter one holds at once.
(parameterize ((tcp-read-timeout 100))
  (let ((r (timed-read-line)))
    (test 'timeout (car r))
    (test #t (>= (cadr r) 100))
    (test #t (< (cadr r) 900))))
(mutex-unlock! done)
(thread-join! t)
(close-input-port i)
(close-output-port o)
(tcp-close l)
