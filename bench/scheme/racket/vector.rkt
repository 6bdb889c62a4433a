#lang racket/base
;; bench/scheme/vector.scm for Racket CS (make-vector is mutable)
(define n 1000000)
(define v (make-vector n 0))
(define (fill! v) (let loop ((i 0)) (if (< i (vector-length v)) (begin (vector-set! v i i) (loop (+ i 1))) (void))))
(define (sum v) (let loop ((i 0) (s 0)) (if (= i (vector-length v)) s (loop (+ i 1) (+ s (vector-ref v i))))))
(do ((k 0 (+ k 1))) ((= k 3)) (fill! v))
(display (sum v)) (newline)
