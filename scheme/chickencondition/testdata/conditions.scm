;; CHICKEN condition predicates and accessors, R7RS error objects.
(import (chicken condition) (tlsport test))
(define c (make-property-condition 'exn 'message "m" 'arguments '(1 2) 'location 'f))
(test #t (error? c)) (test #f (error? 5))
(test #t (who-condition? c)) (test #t (message-condition? c)) (test #t (irritants-condition? c))
(test '(1 2) (condition-irritants c))
(test '(1 2) (condition-irritants (guard (e (#t e)) (error "boom" 1 2))))
;; Property accessors (csi 5.3): a condition not of the kind gives #f, even
;; with a default; one of the kind without the property gives the default,
;; else an error.
(define x (make-property-condition 'x 'a 1))
(test #f ((condition-property-accessor 'exn 'message) x))
(test #f (get-condition-property x 'y 'm 5))
(test 5 (get-condition-property x 'x 'm 5))
(test 1 (get-condition-property x 'x 'a))
(test-error (get-condition-property x 'x 'm))
(test "m" ((condition-property-accessor 'exn 'message) c))
;; CHICKEN's condition: lists (kind prop val ...), as the manual (csi:
;; ((exn location foo message "hi") (file bar 1)) and #t)
(test '((exn location foo message "hi") (file bar 1))
      (condition->list (condition '(exn location foo message "hi") '(file bar 1))))
(test #t ((condition-predicate 'file) (condition '(exn) '(file))))
(test "hi" (condition-case (signal (condition '(exn message "hi"))) (e (exn) ((condition-property-accessor 'exn 'message) e))))
(test '((x a 1) (y)) (condition->list (condition (make-property-condition 'x 'a 1) '(y))))
(test-error (condition '(exn message)))
(test-error (condition 'exn))
