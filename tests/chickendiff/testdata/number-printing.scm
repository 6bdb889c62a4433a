;; how numbers print: flonums at the 15-digit limit and beyond, exactness
;; conversions, rounding, bignums, radixes, string->number edge cases
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(show 1.0 -1.5 100.0 1e10 1e15 1e16 1e21 1e22 123456.789 0.000123 1.5e-5 3.14159265358979 (/ 22. 7))
(show (exact->inexact 1/3) (sqrt 2) (* 1.1 1.1) (+ 0.1 0.2) (- 0.3 0.1) 1e300 (* 1e300 1e10) (- (* 1e300 1e10)))
(show (inexact->exact 1e18) (inexact->exact 1.5) (exact->inexact 1/7) (round 0.5) (round 1.5) (round -0.5) (truncate -2.7) (floor -2.7) (ceiling 2.1))
(show (number->string 3.5) (number->string 10 16) (number->string -255 2) (string->number "1/3") (string->number "-1.5e2") (string->number "#b101") (string->number "1e500"))
(show (expt 2 64) (expt 2.0 64) (expt 10 -2) (expt 2 -1) (exp 0) (log 1) (sin 0) (atan 1) (sqrt 16.0) (sqrt 15))
(show (quotient -7 2) (remainder -7 2) (modulo -7 2) (exact->inexact (/ 1 3)) (max 1 2 3.0) (min 1.0 2) (abs -1/2))
(show (* 99999999999 99999999999) (- (expt 2 62) 1) (+ (expt 2 62) (expt 2 62)) (* -1 (expt 2 63)) (quotient (expt 10 20) 3))
(show (exact->inexact 123456789012345678) 1234567890123456789012.0 0.1234567890123456789 (/ 1. 3.) (/ 2. 3.))
(show (integer? 2.0) (rational? 1.5) (exact? 1/2) (inexact? 1.) (number? 'a) (even? 0) (odd? -3) (zero? 0.0) (positive? -0.0) (negative? -1))
(show (number->string 1/3 10) (inexact->exact (/ 10 4)) (/ 10 4) (/ 10.0 4) (exact->inexact 5/2) (numerator 0.5) (denominator 3/9))
(show (string->number "abc" 16) (string->number "ff" 16) (string->number "+inf.0") (string->number "-nan.0") (string->number ""))
