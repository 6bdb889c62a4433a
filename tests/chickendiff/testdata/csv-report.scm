;; A CSV sales report: parse quoted CSV from a string port, group and total
;; by region, sort, and print an aligned table with formatted numbers.
(import (chicken base) (chicken string) (chicken sort) (chicken format) (chicken io))

(define data "region,rep,units,price
North,\"Smith, J\",12,3.50
South,Lee,7,12.25
North,O'Brien,3,100
\"East\",\"Quote \"\"Q\"\" Man\",20,0.99
South,Garcia,15,4.2
West,,0,9.99
East,Kim,5,20.005
")

(define (parse-csv-line line)
  (let ((in (open-input-string line)))
    (let loop ((field '()) (fields '()) (quoted #f))
      (let ((c (read-char in)))
        (cond ((eof-object? c)
               (reverse (cons (list->string (reverse field)) fields)))
              (quoted
               (cond ((and (char=? c #\") (eqv? (peek-char in) #\"))
                      (read-char in)
                      (loop (cons #\" field) fields #t))
                     ((char=? c #\") (loop field fields #f))
                     (else (loop (cons c field) fields #t))))
              ((char=? c #\") (loop field fields #t))
              ((char=? c #\,) (loop '() (cons (list->string (reverse field)) fields) #f))
              (else (loop (cons c field) fields #f)))))))

(define rows (map parse-csv-line (read-lines (open-input-string data))))
(define header (car rows))
(define records
  (map (lambda (r)
         (list (car r) (cadr r) (string->number (caddr r)) (string->number (cadddr r))))
       (cdr rows)))

(printf "header: ~s~%" header)
(for-each (lambda (r) (write r) (newline)) records)

(define (amount r) (* (caddr r) (cadddr r)))
(define (round2 x) (/ (round (* x 100)) 100))

(define (group-by key lst)
  (let loop ((lst lst) (acc '()))
    (if (null? lst)
        (reverse acc)
        (let* ((k (key (car lst))) (cell (assoc k acc)))
          (if cell
              (begin (set-cdr! cell (append (cdr cell) (list (car lst))))
                     (loop (cdr lst) acc))
              (loop (cdr lst) (cons (list k (car lst)) acc)))))))

(define groups (group-by car records))
(define totals
  (sort (map (lambda (g) (cons (car g) (apply + (map amount (cdr g))))) groups)
        (lambda (a b) (> (cdr a) (cdr b)))))

(define (pad-left s n) (string-append (make-string (max 0 (- n (string-length s))) #\space) s))
(define (pad-right s n) (string-append s (make-string (max 0 (- n (string-length s))) #\space)))
(define (money x)
  (let* ((cents (inexact->exact (round (* x 100))))
         (whole (quotient cents 100)) (frac (remainder cents 100)))
    (string-append (number->string whole) "." (if (< frac 10) "0" "") (number->string frac))))

(print (pad-right "Region" 8) (pad-left "Total" 10) (pad-left "Share" 8))
(print (make-string 26 #\-))
(define grand (apply + (map cdr totals)))
(for-each
 (lambda (t)
   (print (pad-right (car t) 8) (pad-left (money (cdr t)) 10)
          (pad-left (string-append (number->string (round2 (* 100 (/ (cdr t) grand)))) "%") 8)))
 totals)
(print (make-string 26 #\-))
(print (pad-right "All" 8) (pad-left (money grand) 10))
(printf "raw grand total: ~a; exact? ~a~%" grand (exact? grand))
(printf "units: ~a, mean price ~a~%" (apply + (map caddr records))
        (/ (apply + (map cadddr records)) (length records)))
(printf "reps: ~a~%" (string-intersperse (sort (map cadr records) string<?) "|"))
(printf "by units: ~s~%" (map cadr (sort records (lambda (a b) (< (caddr a) (caddr b))))))
(write-line (conc "rows=" (length records) " cols=" (length header)))
