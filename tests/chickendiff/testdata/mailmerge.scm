;; A mail-merge: {{placeholders}} in a template filled from alists,
;; HTML escaping with string-translate*, word wrapping to a column,
;; numbers formatted with format's ~a ~s ~b ~o ~x and padding by hand,
;; and a summary table; missing fields are reported, not fatal.
(import (chicken base) (chicken string) (chicken format) (chicken condition) (chicken sort))

(define template "Dear {{name}},

Your order #{{order}} of {{count}} item(s) totalling {{total}} ships to {{city}}.
Note: {{note}}
Regards, {{sender}}")

(define customers
  '(((name . "Ann <admin>") (order . 1001) (count . 3) (total . 59.9) (city . "Oslo") (note . "fragile & heavy"))
    ((name . "Bo") (order . 1002) (count . 1) (total . 5) (city . "Rome") (note . "\"leave at door\""))
    ((name . "Cy") (order . 1003) (count . 12) (total . 1234.5))))

(define (escape s) (string-translate* s '(("&" . "&amp;") ("<" . "&lt;") (">" . "&gt;") ("\"" . "&quot;"))))

(define (fill tmpl fields missing)
  (let loop ((s tmpl) (acc '()))
    (let ((open (substring-index "{{" s)))
      (if (not open)
          (apply string-append (reverse (cons s acc)))
          (let* ((close (substring-index "}}" s open))
                 (key (string->symbol (substring s (+ open 2) close)))
                 (val (cond ((assq key fields) => (lambda (p) (escape (->string (cdr p)))))
                            ((eq? key 'sender) "The Shop")
                            (else (missing key) "?"))))
            (loop (substring s (+ close 2)) (cons val (cons (substring s 0 open) acc))))))))

(define (wrap text width)
  (let loop ((words (string-split text " ")) (line "") (lines '()))
    (cond ((null? words) (reverse (if (string=? line "") lines (cons line lines))))
          ((string=? line "") (loop (cdr words) (car words) lines))
          ((> (+ (string-length line) 1 (string-length (car words))) width)
           (loop words "" (cons line lines)))
          (else (loop (cdr words) (string-append line " " (car words)) lines)))))

(define problems '())
(for-each
 (lambda (c)
   (let ((letter (fill template c (lambda (k) (set! problems (cons (list (alist-ref 'order c) k) problems))))))
     (for-each (lambda (para)
                 (for-each (lambda (l) (print "  | " l)) (wrap para 34)))
               (string-split letter "\n" #t))
     (print "  +" (make-string 36 #\-))))
 customers)
(printf "missing: ~s~%" (reverse problems))

(define (money x) (let* ((c (inexact->exact (round (* 100 x)))) (s (number->string (remainder c 100))))
                    (conc (quotient c 100) "." (if (< (remainder c 100) 10) "0" "") s)))
(define (right s w) (let ((s (->string s))) (string-append (make-string (max 0 (- w (string-length s))) #\space) s)))
(printf "~a~a~a~%" (right "order" 6) (right "items" 7) (right "total" 10))
(for-each (lambda (c) (printf "~a~a~a~%" (right (alist-ref 'order c) 6) (right (alist-ref 'count c) 7) (right (money (alist-ref 'total c)) 10)))
          (sort customers (lambda (a b) (> (alist-ref 'total a) (alist-ref 'total b)))))
(printf "hex ~x oct ~o bin ~b char ~c tilde ~~ str ~s disp ~a~%" 255 8 5 #\z "q\"uote" "plain")
(print (format #f "~a + ~a = ~a" 1 2 (+ 1 2)))
(print (sprintf "~s" '(a "b" #\c 1.5 #t)))
(print (string-chop "abcdefgh" 3) " " (negative? (string-compare3 "apple" "apricot")) " " (substring=? "hello world" "world" 6)
       " " (substring-index-ci "WORLD" "hello world") " " (string-chomp "line\n") " " (reverse-list->string '(#\c #\b #\a)))
(print (string-translate "hello" "lo" "01") " " (string-split "k=v;x=y" ";=") " " (conc 'sym 12 #\c "str" 1.5 '(1 2)))
(define (string-pad s n) (if (>= (string-length s) n) (substring s 0 n) (string-append s (make-string (- n (string-length s)) #\.))))
(print (map (lambda (s) (string-pad s 5)) '("a" "bcdefg")))
