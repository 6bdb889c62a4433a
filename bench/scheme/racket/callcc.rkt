#lang racket/base
;; bench/scheme/callcc.scm for Racket CS: a generator built on re-entered
;; continuations (call/cc, full continuations), drained in a loop
(define (make-generator n)
  (define return #f)
  (define resume #f)
  (define (produce)
    (let loop ((i 0))
      (if (< i n)
          (begin (call/cc (lambda (k) (set! resume k) (return i))) (loop (+ i 1)))
          (void)))
    (return 'done))
  (lambda ()
    (call/cc (lambda (r)
      (set! return r)
      (if resume (resume #f) (produce))))))
(define g (make-generator 300000))
(define (drain s) (let ((x (g))) (if (eq? x 'done) s (drain (+ s x)))))
(display (drain 0)) (newline)
