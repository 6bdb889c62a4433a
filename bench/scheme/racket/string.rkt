#lang racket/base
;; bench/scheme/string.scm for Racket CS: build a large string with a string
;; port, then scan it
(define (build n)
  (let ((out (open-output-string)))
    (do ((i 0 (+ i 1))) ((= i n)) (display "line " out) (write i out) (write-char #\newline out))
    (get-output-string out)))
(define s (build 200000))
(define (count-char s c)
  (let ((n (string-length s)))
    (let loop ((i 0) (k 0))
      (if (= i n) k (loop (+ i 1) (if (char=? (string-ref s i) c) (+ k 1) k))))))
(display (count-char s #\newline)) (newline)
(define parts (let loop ((i 0) (acc '())) (if (= i 20000) acc (loop (+ i 1) (cons (number->string i) acc)))))
(display (string-length (apply string-append parts))) (newline)
