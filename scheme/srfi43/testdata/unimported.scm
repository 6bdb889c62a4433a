;; Without (srfi 43) imported, vector-map, vector-for-each, vector-fold,
;; vector-count, vector-copy and list->vector keep their R7RS and SRFI-133
;; meanings.
(import (tlsport test))
(test #(2 4) (vector-map (lambda (x) (* 2 x)) #(1 2)))
(test 3 (vector-fold (lambda (acc x) (+ acc x)) 0 #(1 2)))
(test 1 (vector-count even? #(1 2 3)))
(test #(b) (vector-copy #(a b c) 1 2))
(test-error (vector-copy #(a b c) 1 5))
