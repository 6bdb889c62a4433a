#lang racket/base
;; bench/scheme/tak.scm for Racket CS ((repeat 50) in void: a module prints
;; the value of a top-level expression)
(define (tak x y z) (if (not (< y x)) z (tak (tak (- x 1) y z) (tak (- y 1) z x) (tak (- z 1) x y))))
(define (repeat n) (if (= n 0) 'done (begin (tak 18 12 6) (repeat (- n 1)))))
(void (repeat 50))
(display (tak 18 12 6)) (newline)
