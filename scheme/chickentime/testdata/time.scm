;; (chicken time), from the CHICKEN 5 manual page.
(import (chicken time) (chicken port) (chicken string) (tlsport test))
(test-group "clocks"
  (test #t (> (current-seconds) 1.5e9))
  (let ((a (current-process-milliseconds)))
    (test #t (exact-integer? a)) (test #t (>= a 0))
    (thread-sleep! 0.02)
    (test #t (>= (- (current-process-milliseconds) a) 15))
    (test #t (>= (current-milliseconds) a)))
  (call-with-values cpu-time (lambda (u s) (test #t (and (exact-integer? u) (exact-integer? s) (>= u 0) (>= s 0))))))
(test-group "time"
  (define out "")
  (define v #f)
  (set! out (with-error-output-to-string (lambda () (set! v (time (+ 1 2))))))
  (test 3 v)
  (test #t (and (substring-index "CPU time" out) #t))
  (test #t (and (substring-index "real time" out) #t))
  (test '(1 2) (call-with-values (lambda () (with-error-output-to-string (lambda () (set! v (call-with-values (lambda () (time (values 1 2))) list))))) (lambda _ v))))
(test-group "%time-report"
  (test 7 (let ((v #f)) (with-error-output-to-string (lambda () (set! v (%time-report (lambda () 7))))) v)))
