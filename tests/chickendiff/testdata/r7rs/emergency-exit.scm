;; R7RS-small 6.14: emergency-exit runs no dynamic-wind after; #f is failure.
(import (scheme base) (scheme write) (scheme process-context))
(display "start") (newline)
(flush-output-port)
(dynamic-wind
  (lambda () #t)
  (lambda () (emergency-exit #f))
  (lambda () (display "after must not run") (newline)))
