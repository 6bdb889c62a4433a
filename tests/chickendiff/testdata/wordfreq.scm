;; A word-frequency report: string ports, char procedures, alists, sort,
;; formatted output: the kind of small text tool people write.
(import (chicken base) (chicken string) (chicken sort) (chicken format) (chicken io))

(define (pad-left s n) (string-append (make-string (max 0 (- n (string-length s))) #\space) s))
(define (pad-right s n) (string-append s (make-string (max 0 (- n (string-length s))) #\space)))
(define (take l n) (if (or (= n 0) (null? l)) '() (cons (car l) (take (cdr l) (- n 1)))))
(define (keep pred l) (cond ((null? l) '()) ((pred (car l)) (cons (car l) (keep pred (cdr l)))) (else (keep pred (cdr l)))))
(define (numbers-from a n) (if (= n 0) '() (cons a (numbers-from (+ a 1) (- n 1)))))

(define text "The quick brown fox jumps over the lazy dog. The dog barks;
the fox runs! A quick fox, a lazy dog -- and THE end.
Numbers like 42 and 7 are not words, but don't and it's are.")

(define (tokenize str)
  (let loop ((chars (string->list str)) (word '()) (words '()))
    (define (flush) (if (null? word) words (cons (list->string (reverse word)) words)))
    (cond ((null? chars) (reverse (flush)))
          ((or (char-alphabetic? (car chars)) (char=? (car chars) #\'))
           (loop (cdr chars) (cons (char-downcase (car chars)) word) words))
          (else (loop (cdr chars) '() (flush))))))

(define words (tokenize text))
(printf "~a words~%" (length words))
(define (count-words ws)
  (let loop ((ws ws) (counts '()))
    (if (null? ws)
        counts
        (let ((entry (assoc (car ws) counts)))
          (if entry
              (begin (set-cdr! entry (+ (cdr entry) 1)) (loop (cdr ws) counts))
              (loop (cdr ws) (cons (cons (car ws) 1) counts)))))))
(define counts (count-words words))
(define sorted
  (sort counts (lambda (a b) (or (> (cdr a) (cdr b))
                                 (and (= (cdr a) (cdr b)) (string<? (car a) (car b)))))))
(for-each (lambda (p) (printf "~a ~a~%" (pad-left (number->string (cdr p)) 3) (car p)))
  sorted)
(printf "distinct: ~a~%" (length sorted))
(printf "longest: ~s~%"
  (foldl (lambda (best w) (if (> (string-length w) (string-length best)) w best)) "" words))
(printf "average length: ~a~%"
  (/ (apply + (map string-length words)) (length words)))
(printf "average length (inexact): ~a~%"
  (exact->inexact (/ (apply + (map string-length words)) (length words))))
(define lines (string-split text "\n"))
(for-each (lambda (l i) (printf "line ~a: ~a chars, ~a words~%" i (string-length l) (length (tokenize l))))
  lines (numbers-from 1 (length lines)))
(define (capitalize w)
  (if (string=? w "") w
      (string-append (string (char-upcase (string-ref w 0))) (substring w 1 (string-length w)))))
(print (string-intersperse (map capitalize (take words 9)) " "))
(define (histogram-bar n) (make-string n #\*))
(for-each (lambda (p) (printf "~a ~a~%" (pad-right (car p) 6) (histogram-bar (cdr p))))
  (take sorted 5))
(print "uppercase letters: "
  (list->string (keep char-upper-case? (string->list text))))
(print "digits: " (string-translate (list->string (keep char-numeric? (string->list text))) "0123456789" "abcdefghij"))
(print (string-chop "abcdefghij" 4))
(print (conc "total " (length words) " words in " (length lines) " lines"))
