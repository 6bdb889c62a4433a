;; SRFI-219: the document's examples of curried define.
(import (only (scheme base) let) (srfi :219 define) (tlsport test))
(define ((greet greeting) name) (string-append greeting ", " name))
(test "Hello, world" ((greet "Hello") "world"))
(define (((f a) b) . cs) (list a b cs))
(test '(1 2 (3 4)) (((f 1) 2) 3 4))
(define x 5)
(test 5 x)
