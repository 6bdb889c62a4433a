;; SRFI-156: the document's examples.
(import (tlsport test) (srfi :156 predicate-combiners))
(test #t (is 1 < 2)) (test #f (is 2 < 1)) (test #t (isnt 2 < 1))
(test #t (is 1 < 2 < 3)) (test #f (is 1 < 3 < 2)) (test #t (is 1 < 2 <= 2 = 2))
(test #t (is '() null?)) (test #t (isnt 5 null?))
(test #t (is 'a eq? 'a))
(test '(#t #f) (map (is _ < 5) '(1 9)))
(test '(#f #t) (map (isnt _ < 5) '(1 9)))
(test #t ((is _ < _) 1 2)) (test #f ((is _ < _ < _) 1 3 2)) (test #t ((is 1 < _ < 3) 2))
(test '(1 2) (filter (is _ member '(1 2 3)) '(1 2 4)))
;; each operand once
(let ((n 0)) (test #t (is 1 < (begin (set! n (+ n 1)) 2) < 3)) (test 1 n))
