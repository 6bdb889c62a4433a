;; An import binds the library's procedures even after a program redefined
;; the global of the same name (as CHICKEN's import does).
(import (scheme base) (tlsport test))
(define (xcons . x) 'mine)
(define (lset-adjoin . x) 'mine)
(test 'mine (xcons '(b) 'a))
(import srfi-1)
(test '(a b) (xcons '(b) 'a))
(test '(c a b) (lset-adjoin eq? '(a b) 'c 'a))
