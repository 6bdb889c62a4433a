;; (exit) with no argument is status 0; (error) inside dynamic-wind
;; handled by an outer handler then exit with 3.
(import (chicken base))
(define trail '())
(handle-exceptions e
  (set! trail (cons 'handled trail))
  (dynamic-wind
    (lambda () (set! trail (cons 'in trail)))
    (lambda () (error "inner failure"))
    (lambda () (set! trail (cons 'out trail)))))
(print (reverse trail))
(on-exit (lambda () (print "on-exit thunk runs")))
(exit 3)
