;; CHICKEN condition predicates and accessors, R7RS error objects.
(import (chicken condition) (tlsport test))
(define c (make-property-condition 'exn 'message "m" 'arguments '(1 2) 'location 'f))
(test #t (error? c)) (test #f (error? 5))
(test #t (who-condition? c)) (test #t (message-condition? c)) (test #t (irritants-condition? c))
(test '(1 2) (condition-irritants c))
(test '(1 2) (condition-irritants (guard (e (#t e)) (error "boom" 1 2))))
