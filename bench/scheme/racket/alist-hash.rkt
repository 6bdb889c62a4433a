#lang racket/base
;; bench/scheme/alist-hash.scm for Racket CS: association lists and hash
;; tables. tlsport runs the .scm on its built-in SRFI-69 tables (equal?
;; tables by default); Racket's built-in mutable equal? tables stand in here
;; under the SRFI-69 names.
(define (make-hash-table) (make-hash))
(define (hash-table-set! t k v) (hash-set! t k v))
(define (hash-table-ref/default t k d) (hash-ref t k d))
(define (make-alist n) (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (cons (cons i (* i i)) acc)))))
(define al (make-alist 1000))
(define (sum-assq n) (let loop ((i 0) (s 0)) (if (= i n) s (loop (+ i 1) (+ s (cdr (assv (modulo i 1000) al)))))))
(display (sum-assq 20000)) (newline)
(define h (make-hash-table))
(do ((i 0 (+ i 1))) ((= i 200000)) (hash-table-set! h i (* 2 i)))
(define (sum-hash n) (let loop ((i 0) (s 0)) (if (= i n) s (loop (+ i 1) (+ s (hash-table-ref/default h i 0))))))
(display (sum-hash 200000)) (newline)
(define hs (make-hash-table))
(do ((i 0 (+ i 1))) ((= i 50000)) (hash-table-set! hs (number->string i) i))
(display (hash-table-ref/default hs "4242" #f)) (newline)
