;; R7RS-small 6.2: more arithmetic corners (big rationals to flonums,
;; rounding to even, number syntax with two prefixes, transcendental values).
(import (scheme base) (scheme write) (scheme inexact))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(show (inexact (/ (expt 10 400) (+ (expt 10 399) 1))) (inexact (/ 1 (expt 10 400))) (exact->inexact (expt 2 1023)))
(show (* 1/3 3) (+ 1/3 2/3) (- 1/2 1/2) (exact (* 0.5 4)) (/ 0 5) (/ 0.0 5) (* 0 1.5))
(show (floor 5/2) (floor -5/2) (ceiling 5/2) (round 5/2) (truncate -5/2) (floor 2.5) (round 3.5) (round -3.5))
(show (exact-integer-sqrt 99999999999999999999999999999999999999) (sqrt 1/9) (sqrt 0) (sqrt 0.0) (expt 1/2 10) (expt -2 3))
(show (string->number "1e-3") (string->number "-0.0") (string->number "#i#x10") (string->number "#x#i10") (string->number "1.5e+2") (string->number "+.5e1"))
(show (number->string 1/3 2) (number->string -17 16) (number->string (expt 2 65) 2) (number->string 0))
(show (exact 1e-3) (rationalize 0.3 1/10) (rationalize 3/10 1/10) (numerator 0.75) (denominator 0.75))
(show (atan 1.0 0.0) (atan -1.0 0.0) (atan 0.0 -1.0) (log 10.0) (sin 1.0) (cos 1.0) (asin 1.0))
(show (exact (round 2.5)) (exact (round 3.5)) (exact (truncate -2.7)) (exact 123456789.0))
(show (max 1/2 0.3) (min 1 2) (abs -0.0) (- 0.0 0.0))
