;; R7RS-small 6.14 system interface: (scheme process-context), (scheme
;; time), (scheme file); exit runs the outstanding dynamic-wind afters.
(import (scheme base) (scheme write) (scheme file) (scheme process-context) (scheme time))

(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))

(show (cdr (command-line)) (string? (car (command-line))))
(show (get-environment-variable "TLSPORT_R7RS_SURELY_UNSET") (string? (get-environment-variable "PATH"))
      (list? (get-environment-variables)) (pair? (car (get-environment-variables)))
      (equal? (get-environment-variable "PATH") (cdr (assoc "PATH" (get-environment-variables)))))
(show (exact-integer? (current-jiffy)) (exact-integer? (jiffies-per-second)) (positive? (jiffies-per-second))
      (inexact? (current-second)) (> (current-second) 1e9))
(show (let ((t0 (current-jiffy))) (<= t0 (current-jiffy))))
(show (file-exists? "process.scm") (file-exists? "no-such-file.scm"))
(flush-output-port)
(dynamic-wind
  (lambda () (display "before") (newline))
  (lambda () (exit 3))
  (lambda () (display "after ran") (newline) (flush-output-port)))
(display "not reached") (newline)
