;; A grade book: student records in alists, statistics (mean, median,
;; standard deviation) printed with exact and inexact arithmetic, letter
;; grades via cond, a histogram, and list utilities of (chicken base).
(import (chicken base) (chicken format) (chicken sort) (chicken string))

(define students
  '(("Ada" 92 88 95 100) ("Brook" 75 80 68 72) ("Cyd" 60 55 70 65)
    ("Dee" 88 91 79 85) ("Eli" 100 100 100 99) ("Fay" 45 60 52 58) ("Gus" 81 77 90 84)))

(define (mean xs) (/ (apply + xs) (length xs)))
(define (median xs)
  (let* ((s (sort xs <)) (n (length s)))
    (if (odd? n) (list-ref s (quotient n 2))
        (/ (+ (list-ref s (- (quotient n 2) 1)) (list-ref s (quotient n 2))) 2))))
(define (stddev xs)
  (let ((m (mean xs)))
    (sqrt (/ (apply + (map (lambda (x) (expt (- x m) 2)) xs)) (length xs)))))
(define (letter avg)
  (cond ((>= avg 90) 'A) ((>= avg 80) 'B) ((>= avg 70) 'C) ((>= avg 60) 'D) (else 'F)))
(define (fixed x places)
  (let* ((scale (expt 10 places))
         (n (inexact->exact (round (* (abs x) scale))))
         (int (quotient n scale)) (frac (remainder n scale))
         (fs (number->string frac)))
    (string-append (if (negative? x) "-" "") (number->string int) "."
                   (make-string (- places (string-length fs)) #\0) fs)))
(define (pad s w) (let ((s (->string s))) (if (< (string-length s) w) (string-append s (make-string (- w (string-length s)) #\space)) s)))
(define (rpad s w) (let ((s (->string s))) (if (< (string-length s) w) (string-append (make-string (- w (string-length s)) #\space) s) s)))

(print (pad "name" 7) (rpad "avg" 8) (rpad "exact" 8) (rpad "best" 6) "  grade")
(for-each
 (lambda (st)
   (let ((scores (cdr st)))
     (print (pad (car st) 7) (rpad (fixed (exact->inexact (mean scores)) 2) 8)
            (rpad (mean scores) 8) (rpad (apply max scores) 6) "  " (letter (mean scores)))))
 (sort students (lambda (a b) (> (mean (cdr a)) (mean (cdr b))))))

(define all-scores (flatten (map cdr students)))
(printf "count=~a sum=~a mean=~a (~a)~%" (length all-scores) (apply + all-scores) (mean all-scores) (exact->inexact (mean all-scores)))
(printf "median=~a stddev=~a~%" (median all-scores) (stddev all-scores))
(printf "stddev rounded: ~a ~a~%" (fixed (stddev all-scores) 3) (/ (round (* 1000 (stddev all-scores))) 1000))
(printf "per test means: ~s~%" (map (lambda (i) (mean (map (lambda (s) (list-ref s i)) students))) '(1 2 3 4)))

(define (histogram xs width)
  (let ((buckets (make-vector 11 0)))
    (for-each (lambda (x) (let ((b (quotient x 10))) (vector-set! buckets b (+ 1 (vector-ref buckets b))))) xs)
    (do ((i 4 (+ i 1))) ((> i 10))
      (print (rpad (* i 10) 4) " | " (make-string (vector-ref buckets i) #\*)
             (if (zero? (vector-ref buckets i)) "" (conc " " (vector-ref buckets i)))))))
(histogram all-scores 40)

(print (foldl + 0 '(1 2 3)) " " (foldr cons '() '(1 2 3)) " " (foldl (lambda (acc x) (cons x acc)) '() '(1 2 3)))
(print (chop '(1 2 3 4 5 6 7) 3) " " (butlast '(1 2 3)) " " (compress '(#t #f #t) '(a b c)))
(print (intersperse (quote (a b c)) (quote -)) " " (join (quote ((1 2) (3) (4 5))) (quote (0))))
(print ((compose (lambda (x) (* x 2)) (lambda (x) (+ x 1))) 5) " " ((o car cdr) '(1 2 3)) " " ((complement even?) 3)
       " " (map (constantly 'k) '(1 2)) " " ((flip -) 1 10) " " (identity 'id))
(print (alist-update 'b 20 '((a . 1) (b . 2))) " " (alist-update! 'c 3 (list (cons 'a 1))) " " (rassoc 2 '((a . 1) (b . 2))))
(print (tail? '(3) '(1 2 3)) " " (atom? 'x) " " ((list-of? number?) '(1 2 x)) " " ((each (lambda (x) (display x))) 'side))
(print (alist-ref "b" '(("a" . 1) ("b" . 2)) string=?) " " (alist-ref 'z '((a . 1)) eq? 'none))
(print (exact->inexact 2/3) " " (exact->inexact 1/7) " " 1e21 " " 1e20 " " 123456789012345678901.0 " " .000001 " " 1.5e-7 " " (sqrt 10) " " (expt 2 0.5) " " (exp 0) " " (atan 1 1))
(print (round 0.5) " " (round 1.5) " " (round -2.5) " " (truncate -2.7) " " (floor 2.7) " " (ceiling 2.1) " " (round 7/2) " " (inexact->exact 0.1))
(print (number->string 255 16) " " (number->string 255 2) " " (number->string -255 8) " " (string->number "ff" 16) " " (string->number "1/3") " " (string->number "abc") " " (number->string 1/3 2))
(print (inexact->exact (floor 3.7)) " " (exact->inexact 12345678901234567890) " " (* 1.0 1/3) " " (+ 1/2 0.5) " " (max 1 2.0) " " (min 1 2.0) " " (abs -7/2))
