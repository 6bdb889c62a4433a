;; SRFI-141: the six divisions on the signs of n and d, exact and inexact, and the identity n = d·q + r.
(import (tlsport test) (srfi :141 integer-division))
(define (qr op n d) (call-with-values (lambda () (op n d)) list))
;; the document's table for n = ±7, d = ±2
(test '(3 1) (qr floor/ 7 2)) (test '(-4 1) (qr floor/ -7 2)) (test '(-4 -1) (qr floor/ 7 -2)) (test '(3 -1) (qr floor/ -7 -2))
(test '(3 1) (qr truncate/ 7 2)) (test '(-3 -1) (qr truncate/ -7 2)) (test '(-3 1) (qr truncate/ 7 -2)) (test '(3 -1) (qr truncate/ -7 -2))
(test '(4 -1) (qr ceiling/ 7 2)) (test '(-3 -1) (qr ceiling/ -7 2)) (test '(-3 1) (qr ceiling/ 7 -2)) (test '(4 1) (qr ceiling/ -7 -2))
(test '(4 -1) (qr round/ 7 2)) (test '(-4 1) (qr round/ -7 2)) (test '(-4 -1) (qr round/ 7 -2)) (test '(4 1) (qr round/ -7 -2))
(test '(3 1) (qr euclidean/ 7 2)) (test '(-4 1) (qr euclidean/ -7 2)) (test '(-3 1) (qr euclidean/ 7 -2)) (test '(4 1) (qr euclidean/ -7 -2))
(test '(4 -1) (qr balanced/ 7 2)) (test '(-3 -1) (qr balanced/ -7 2)) (test '(-4 -1) (qr balanced/ 7 -2)) (test '(3 -1) (qr balanced/ -7 -2))
;; round: ties to even
(test '(2 1) (qr round/ 5 2)) (test '(2 -1) (qr round/ 3 2)) (test 0 (round-quotient 1 2))
;; balanced: -|d|/2 <= r < |d|/2
(test '(1 -2) (qr balanced/ 2 4)) (test '(0 1) (qr balanced/ 1 4)) (test '(-1 -2) (qr balanced/ -6 4))
;; quotient and remainder procedures agree with the two-value ones
(for-each
 (lambda (ops)
   (for-each
    (lambda (n)
      (for-each
       (lambda (d)
         (let ((l (qr (car ops) n d)))
           (test (car l) ((cadr ops) n d)) (test (cadr l) ((caddr ops) n d))
           (test n (+ (* d (car l)) (cadr l)))))
       '(1 2 3 -1 -2 -3 7 -7 100000000000000000000 -100000000000000000000)))
    '(0 1 5 -5 13 -13 99999999999999999999999 -99999999999999999999999)))
 (list (list floor/ floor-quotient floor-remainder) (list truncate/ truncate-quotient truncate-remainder)
       (list ceiling/ ceiling-quotient ceiling-remainder) (list round/ round-quotient round-remainder)
       (list euclidean/ euclidean-quotient euclidean-remainder) (list balanced/ balanced-quotient balanced-remainder)))
;; euclidean remainders are never negative
(test #t (let loop ((n -20)) (or (> n 20) (and (<= 0 (euclidean-remainder n -3) 2) (<= 0 (euclidean-remainder n 3) 2) (loop (+ n 1))))))
;; inexact integers give inexact results
(test '(4.0 -1.0) (qr ceiling/ 7.0 2)) (test '(-3.0 1.0) (qr euclidean/ 7. -2.)) (test '(4. -1.) (qr balanced/ 7. 2.))
(test-error (ceiling/ 7 0)) (test-error (round/ 7.5 2)) (test-error (euclidean-quotient 'a 2)) (test-error (balanced-remainder 3 0))
