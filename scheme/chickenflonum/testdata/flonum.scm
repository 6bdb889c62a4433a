;; (chicken flonum), from the CHICKEN 5 manual page.
(import (chicken flonum) (only (chicken string) conc ->string) (tlsport test))
(test-group "arithmetic"
  (test 5.0 (fp+ 2.0 3.0)) (test -1.0 (fp- 2.0 3.0)) (test 6.0 (fp* 2.0 3.0)) (test 2.5 (fp/ 5.0 2.0))
  (test 7.0 (fp*+ 2.0 3.0 1.0)) (test 6.0 (fpgcd 12.0 18.0)) (test #t (nan? (fpgcd +nan.0 2.0))) (test #t (nan? (fpgcd +inf.0 2.0))) (test -1.5 (fpneg 1.5))
  (test 1.0 (fpmin 1.0 2.0)) (test 2.0 (fpmax 1.0 2.0)) (test 1.5 (fpabs -1.5))
  (test-error (fp+ 1 2.0)))
(test-group "comparison"
  (test #t (fp= 1.0 1.0)) (test #t (fp> 2.0 1.0)) (test #t (fp< 1.0 2.0)) (test #t (fp>= 1.0 1.0)) (test #t (fp<= 1.0 1.0))
  (test #t (fpinteger? 2.0)) (test #f (fpinteger? 2.5)) (test #f (fpinteger? (/ 1.0 0.0))))
(test-group "rounding"
  (test 1.0 (fpfloor 1.5)) (test -2.0 (fpfloor -1.5)) (test 2.0 (fpceiling 1.2)) (test -1.0 (fptruncate -1.7))
  (test 3.0 (fpround 2.5)) (test -3.0 (fpround -2.5)))
(test-group "transcendental"
  (test 0.0 (fpsin 0.0)) (test 1.0 (fpcos 0.0)) (test 0.0 (fptan 0.0)) (test 0.0 (fpasin 0.0)) (test 0.0 (fpacos 1.0))
  (test 0.0 (fpatan 0.0)) (test 0.0 (fpatan2 0.0 1.0)) (test 0.0 (fplog 1.0)) (test 1.0 (fpexp 0.0))
  (test 8.0 (fpexpt 2.0 3.0)) (test 3.0 (fpsqrt 9.0)))
(test-group "limits"
  (test #t (> maximum-flonum 1e308)) (test #t (< 0.0 minimum-flonum 1e-307)) (test 2 flonum-radix)
  (test #t (> (+ 1.0 flonum-epsilon) 1.0)) (test 1.0 (+ 1.0 (/ flonum-epsilon 2.0)))
  (test 53 flonum-precision) (test 15 flonum-decimal-precision) (test 1024 flonum-maximum-exponent)
  (test -1021 flonum-minimum-exponent) (test 308 flonum-maximum-decimal-exponent) (test -307 flonum-minimum-decimal-exponent))
(test-group "flonum-print-precision"
  (test 15 (flonum-print-precision)) (test 15 (flonum-print-precision 17)) (test 17 (flonum-print-precision 15))
  (test "0.1" (number->string 0.1))
  ;; the manual's examples: 15 digits by default, 17 for read/write invariance
  (define a (expt 2. -53))
  (define b (+ a (* 2 (expt 10 -32))))
  (test "(1.11022302462516e-16 . 1.11022302462516e-16)" (call-with-output-string (lambda (p) (write (cons a b) p))))
  (test "0.333333333333333" (number->string (/ 1. 3)))
  (test 15 (flonum-print-precision 17))
  (test "(1.1102230246251565e-16 . 1.1102230246251568e-16)" (call-with-output-string (lambda (p) (write (cons a b) p))))
  (test "0.10000000000000001" (call-with-output-string (lambda (p) (display 0.1 p))))
  (test 17 (flonum-print-precision 3))
  (test "3.14" (number->string 3.14159)) (test "12345.0" (number->string 12345.)) (test "1.23e+03" (number->string 1234.5))
  ;; (chicken string)'s conc and ->string print numbers as display does
  (test "pi=3.14" (conc "pi=" 3.14159)) (test "2.72" (->string 2.718281828))
  (flonum-print-precision 15))
