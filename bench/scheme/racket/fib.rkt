#lang racket/base
;; bench/scheme/fib.scm for Racket CS
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib 30)) (newline)
