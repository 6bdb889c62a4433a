#lang racket/base
;; bench/scheme/bignum.scm for Racket CS: (fact 300) and its number->string,
;; 3,000 times each.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(define (loop i acc)
  (if (= i 0)
      acc
      (begin
        (fact 300)
        (loop (- i 1) (+ acc (string-length (number->string (fact 300))))))))
(display (loop 3000 0)) (newline)
