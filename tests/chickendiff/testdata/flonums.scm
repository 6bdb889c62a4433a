;; Flonum printing across magnitudes, as number->string, display and write
;; show it (CHICKEN prints 15 significant digits), and reading it back.
(import (chicken base) (chicken format))

(define (show x) (display x) (display " ") (write (number->string x)) (newline))
(for-each show
  (list 0.0 -0.0 1.0 -1.0 0.5 0.1 0.2 (+ 0.1 0.2) (* 3 0.1) 1.1 2.675 1e-5 1e-4 0.001 123.456
        1e14 1e15 1e16 1e17 123456789012345.6 1234567890123456.7 9007199254740993.0
        1e100 1.7976931348623157e308 2.2250738585072014e-308 5e-324 4.35 0.30000000000000004
        (/ 1. 3) (/ 2. 3) (/ 10. 3) (sqrt 2) (sqrt 10) (exp 1) (acos -1) (exp 10) (exp -10)
        (expt 2. 52) (expt 2. 53) (expt 2. 60) (expt 10. 20) (expt 10. 21) (expt 10. -20)
        (exact->inexact 1/7) (exact->inexact 22/7) (exact->inexact 12345678901234567890)
        (* 1.0 (expt 2 80)) 3.14159 -273.15 6.02214076e23 1.602176634e-19))
(for-each (lambda (x) (printf "~a|" x)) (list 0.1 1e21 1.5e-7 100.0 (/ 7. 2)))
(newline)
(write (list 1.5 (list 2.25 (vector 3.125 -0.0625))))
(newline)
(print (map (lambda (s) (string->number s)) '("1.5" "1e3" ".5" "-.5e-2" "1/3" "#e1.5" "#i1/4" "1e400" "-1e400")))
(print (map round '(0.5 1.5 2.5 -0.5 -1.5 2.4999)))
(print (map (lambda (x) (inexact->exact (round x))) '(2.5 3.7 -3.7)))
(print (map truncate '(1.9 -1.9)) " " (map floor '(1.9 -1.9)) " " (map ceiling '(1.1 -1.1)))
(print (exact->inexact 123456789/1000) " " (exact->inexact -1/1024))
(print (+ 1/3 0.5) " " (* 2 0.5) " " (- 0.1 0.1) " " (/ 9 3.0))
(print (let loop ((i 0) (x 1.0) (acc '())) (if (= i 8) (reverse acc) (loop (+ i 1) (* x 10.5) (cons x acc)))))
(print (let loop ((i 0) (x 1.0) (acc '())) (if (= i 8) (reverse acc) (loop (+ i 1) (/ x 7) (cons x acc)))))
