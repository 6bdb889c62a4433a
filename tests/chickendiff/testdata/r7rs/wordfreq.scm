;; An everyday R7RS program: word frequencies of a text read from a string
;; port, an insertion sort, a report padded with strings, averages as
;; exact rationals and flonums.
(import (scheme base) (scheme char) (scheme write) (scheme inexact))

(define text "The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs! Quick, quick: the end.")

(define (read-words port)
  (let loop ((words '()) (cur '()))
    (let ((c (read-char port)))
      (cond ((eof-object? c)
             (reverse (if (null? cur) words (cons (list->string (reverse cur)) words))))
            ((char-alphabetic? c) (loop words (cons (char-downcase c) cur)))
            ((null? cur) (loop words '()))
            (else (loop (cons (list->string (reverse cur)) words) '()))))))

(define words (read-words (open-input-string text)))

(define (count-words ws)
  (let loop ((ws ws) (counts '()))
    (if (null? ws)
        counts
        (let ((entry (assoc (car ws) counts)))
          (if entry
              (begin (set-cdr! entry (+ (cdr entry) 1)) (loop (cdr ws) counts))
              (loop (cdr ws) (cons (cons (car ws) 1) counts)))))))

(define (insert x sorted before?)
  (cond ((null? sorted) (list x))
        ((before? x (car sorted)) (cons x sorted))
        (else (cons (car sorted) (insert x (cdr sorted) before?)))))
(define (insertion-sort l before?)
  (let loop ((l l) (acc '()))
    (if (null? l) acc (loop (cdr l) (insert (car l) acc before?)))))

(define (by-count-then-word a b)
  (or (> (cdr a) (cdr b))
      (and (= (cdr a) (cdr b)) (string<? (car a) (car b)))))

(define (pad-right s n) (if (>= (string-length s) n) s (string-append s (make-string (- n (string-length s)) #\space))))
(define (pad-left s n) (if (>= (string-length s) n) s (string-append (make-string (- n (string-length s)) #\space) s)))

(define sorted (insertion-sort (count-words words) by-count-then-word))
(for-each (lambda (e)
            (display (pad-right (car e) 8))
            (display (pad-left (number->string (cdr e)) 3))
            (display " ")
            (display (make-string (cdr e) #\*))
            (newline))
          sorted)
(define total (length words))
(define distinct (length sorted))
(display "total ") (display total) (display ", distinct ") (display distinct) (newline)
(display "mean length ")
(let ((mean (/ (apply + (map string-length words)) total)))
  (write mean) (display " ~ ") (write (inexact mean)) (display " ~ ")
  (write (/ (round (* 100 (inexact mean))) 100)))
(newline)
(display (string-upcase (car (car sorted)))) (newline)
(write (list-tail (map car sorted) (- distinct 3))) (newline)
(write (vector-map (lambda (e) (string-length (car e))) (list->vector (list-copy (list (car sorted) (cadr sorted)))))) (newline)
(let-values (((q r) (floor/ total distinct)))
  (display (string-append "ratio " (number->string q) " r " (number->string r))) (newline))
(write (exact->inexact (/ distinct total))) (newline)
(write (sqrt (exact->inexact total))) (newline)
