;; (time): the time macro returns its expression's values and reports on the current error port.
(import (rnrs) (time) (tlsport test))
(define err (open-output-string))
(test 3 (parameterize ((current-error-port err)) (time (+ 1 2))))
(test #t (string? (get-output-string err)))
(test #t (> (string-length (get-output-string err)) 0))
(test '(1 2) (call-with-values (lambda () (parameterize ((current-error-port (open-output-string))) (time (values 1 2)))) list))
