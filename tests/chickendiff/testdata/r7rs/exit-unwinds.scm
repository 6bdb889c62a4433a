;; R7RS-small 6.14: exit inside guard and with-exception-handler is no
;; exception; the outstanding dynamic-wind afters run once, innermost first.
;; guile-departs: Guile's exit raises an exception that guard and handlers catch
;; exit-status: 5
(import (scheme base) (scheme write) (scheme process-context))
(define p (make-parameter 'outer))
(dynamic-wind
  (lambda () (display "in-1") (newline))
  (lambda ()
    (guard (e (#t (display "guard caught exit!") (newline)))
      (with-exception-handler
        (lambda (e) (display "handler saw exit!") (newline) 'ignored)
        (lambda ()
          (parameterize ((p 'inner))
            (dynamic-wind
              (lambda () (display "in-2") (newline))
              (lambda () (exit 5))
              (lambda () (display "out-2 ") (write (p)) (newline))))))))
  (lambda () (display "out-1") (newline)))
(display "not reached") (newline)
