#!r6rs
;; requires-package: scheme-chez-srfi
;; SRFI-25 (arrays), built into tlsport, against chez-srfi's reference
;; implementation: the document's examples (a transposed matrix, the
;; identity matrix through a shared diagonal) and each procedure's
;; variants; chez-srfi25-suite.sps runs the reference test suite.
(import (rnrs) (srfi :25))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(define-syntax fails?
  (syntax-rules () ((_ e) (guard (c (#t 'error)) e 'no-error))))
(define (rows a)
  (let loop-i ((i (array-start a 0)) (out '()))
    (if (= i (array-end a 0))
        (reverse out)
        (loop-i (+ i 1)
                (cons (let loop-j ((j (array-end a 1)) (row '()))
                        (if (= j (array-start a 1)) row (loop-j (- j 1) (cons (array-ref a i (- j 1)) row))))
                      out)))))
(define a (array (shape 0 2 0 3) 'uno 'dos 'tres 'cuatro 'cinco 'seis))
(show (rows a) (array-rank a) (array-start a 1) (array-end a 1) (rows (shape 0 2 0 3)) (array? a) (array? (vector 1)))
(show (array-ref a 1 1) (array-ref a (vector 1 2)) (array-ref a (array (shape 0 2) 0 2)))
(define t (share-array a (shape 0 3 0 2) (lambda (i j) (values j i))))
(show (rows t))
(array-set! t 2 1 'six)
(show (array-ref a 1 2) (rows a))
(define i_4
  (let* ((i (make-array (shape 0 4 0 4) 0))
         (d (share-array i (shape 0 4) (lambda (k) (values k k)))))
    (do ((k 0 (+ k 1))) ((= k 4)) (array-set! d k 1))
    i))
(show (rows i_4))
(define m (make-array (shape 1 3 -1 1) 'x))
(array-set! m 1 0 'p) (array-set! m (vector 2 -1) 'q) (array-set! m (array (shape 0 2) 2 0) 'r)
(show (rows m) (array-ref (make-array (shape) 'z)) (array-rank (make-array (shape) 'z)))
(define row1 (share-array a (shape 0 3) (lambda (j) (values 1 j))))
(show (list (array-ref row1 0) (array-ref row1 1) (array-ref row1 2)))
(define big (array (shape 0 2 0 2 0 2) 1 2 3 4 5 6 7 8))
(show (array-ref big 1 0 1) (array-ref (share-array big (shape 0 2) (lambda (k) (values k k k))) 1) (array-rank big))
(show (fails? (shape 1)) (fails? (shape 2 1)) (fails? (array-ref a 2 0)) (fails? (array-set! m 0 0 'x))
      (fails? (array (shape 0 2) 'one)) (fails? (share-array a (shape 0 4) (lambda (j) (values 1 j)))))
