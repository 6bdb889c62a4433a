;; SRFI-25: the document's examples (the transposed matrix, the identity
;; matrix made through a shared diagonal), each procedure's variants and
;; its errors. suite.scm is the reference test suite.
(import (scheme base) (tlsport test))
(test-group "not bound without an import"
  (test 'unbound (guard (e (#t 'unbound)) (eval 'make-array))))
(import (srfi 25))
(define (rows a)
  (let loop-i ((i (array-start a 0)) (out '()))
    (if (= i (array-end a 0))
        (reverse out)
        (loop-i (+ i 1)
                (cons (let loop-j ((j (array-end a 1)) (row '()))
                        (if (= j (array-start a 1)) row (loop-j (- j 1) (cons (array-ref a i (- j 1)) row))))
                      out)))))
(test-group "shapes"
  (test #t (array? (shape))) (test 2 (array-rank (shape 0 2 0 3)))
  (test '((0 2) (0 3)) (rows (shape 0 2 0 3)))
  (test '(0 2) (list (array-start (shape 0 2 0 3) 0) (array-end (shape 0 2 0 3) 0)))
  (test-error (shape 1)) (test-error (shape 2 1)) (test #f (array? (vector 1 2))))
(test-group "make-array and array"
  (define a (array (shape 0 2 0 3) 'uno 'dos 'tres 'cuatro 'cinco 'seis))
  (test '((uno dos tres) (cuatro cinco seis)) (rows a))
  (test 'cinco (array-ref a 1 1)) (test 'cinco (array-ref a (vector 1 1))) (test 'cinco (array-ref a (array (shape 0 2) 1 1)))
  (test '((x x) (x x)) (rows (make-array (shape 0 2 0 2) 'x)))
  (test 0 (array-rank (make-array (shape) 'z))) (test 'z (array-ref (make-array (shape) 'z)))
  (test '(-1 2) (let ((b (make-array (shape -1 2) 0))) (list (array-start b 0) (array-end b 0))))
  (test-error (array (shape 0 2) 'one))
  (test-error (array-ref a 2 0)) (test-error (array-ref a 0)) (test-error (array-ref 'no 0)) (test-error (make-array 'no)))
(test-group "array-set!"
  (define a (make-array (shape 1 3 1 3) 0))
  (array-set! a 1 2 'p) (array-set! a (vector 2 1) 'q) (array-set! a (array (shape 0 2) 2 2) 'r)
  (test '((0 p) (q r)) (rows a))
  (test-error (array-set! a 0 0 'x)))
(test-group "share-array"
  (define a (array (shape 0 2 0 3) 'uno 'dos 'tres 'cuatro 'cinco 'seis))
  (define t (share-array a (shape 0 3 0 2) (lambda (i j) (values j i))))
  (test '((uno cuatro) (dos cinco) (tres seis)) (rows t))
  (array-set! t 2 1 'six)
  (test 'six (array-ref a 1 2))
  (define i_4
    (let* ((i (make-array (shape 0 4 0 4) 0))
           (d (share-array i (shape 0 4) (lambda (k) (values k k)))))
      (do ((k 0 (+ k 1))) ((= k 4)) (array-set! d k 1))
      i))
  (test '((1 0 0 0) (0 1 0 0) (0 0 1 0) (0 0 0 1)) (rows i_4))
  (define row1 (share-array a (shape 0 3) (lambda (j) (values 1 j))))
  (test '(cuatro cinco six) (list (array-ref row1 0) (array-ref row1 1) (array-ref row1 2)))
  (test-error (share-array a (shape 0 4) (lambda (j) (values 1 j)))))
