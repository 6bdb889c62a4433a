;; SRFI-111: box, box?, unbox, set-box!.
(import (tlsport test) (srfi :111 boxes) (srfi 69))
(define b (box 1))
(test #t (box? b)) (test #f (box? 1)) (test #f (box? (vector 1))) (test #f (box? (list b)))
(test 1 (unbox b))
(set-box! b '(a b))
(test '(a b) (unbox b))
(test #f (eq? (box 1) (box 1)))
(test #t (eq? b b))
;; SRFI-111: eq?, eqv? and equal? treat boxes "as if they were implemented
;; with records": equal? compares the contents (as CHICKEN's, Guile's and
;; Racket's boxes), and stops on a box that holds itself
(test #t (equal? (box 1) (box 1))) (test #f (eqv? (box 1) (box 1)))
(test #f (equal? (box 1) (box 2))) (test #t (equal? (list (box "a")) (list (box (string #\a)))))
(test #f (equal? (box 1) (vector 1)))
(test #t (let ((a (box #f)) (b (box #f))) (set-box! a a) (set-box! b b) (equal? a b)))
(test #t (= (hash (box '(1 2))) (hash (box (list 1 2)))))
(test 'v (let ((t (make-hash-table equal?))) (hash-table-set! t (box 1) 'v) (hash-table-ref/default t (box 1) #f)))
;; the same box seen from two places
(define (bump! bx) (set-box! bx (+ 1 (unbox bx))))
(define c (box 0))
(let loop ((i 0)) (when (< i 10) (bump! c) (loop (+ i 1))))
(test 10 (unbox c))
(test "#<box>" (call-with-output-string (lambda (o) (write (box 1) o))))
(test-error (unbox 5)) (test-error (set-box! 'x 1)) (test-error (box)) (test-error (box 1 2))
