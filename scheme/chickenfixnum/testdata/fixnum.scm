;; (chicken fixnum), from the CHICKEN 5 manual page.
(import (chicken fixnum) (tlsport test))
(test-group "arithmetic"
  (test 5 (fx+ 2 3)) (test -1 (fx- 2 3)) (test 6 (fx* 2 3)) (test 2 (fx/ 7 3)) (test -2 (fx/ -7 3))
  (test 1 (fxmod 7 3)) (test 2 (fxmod -7 3)) (test -2 (fxmod 7 -3)) (test 1 (fxrem 7 3)) (test -1 (fxrem -7 3))
  (test -4 (fxneg 4)) (test 2 (fxmin 2 3)) (test 3 (fxmax 2 3))
  (test 2 (fxand 6 3)) (test 7 (fxior 6 3)) (test 5 (fxxor 6 3)) (test -7 (fxnot 6))
  (test 12 (fxshl 3 2)) (test 1 (fxshr 6 2)) (test -2 (fxshr -7 2)) (test 6 (fxgcd 12 18)) (test 6 (fxgcd -12 18))
  (test most-negative-fixnum (fx+ most-positive-fixnum 1)))
(test-group "division by zero is (exn arithmetic)"
  (test 'arithmetic (condition-case (fx/ 1 0) (e (exn arithmetic) 'arithmetic)))
  (test-error (fxmod 1 0)) (test-error (fxrem 1 0)))
(test-group "overflow-aware"
  (test 5 (fx+? 2 3)) (test #f (fx+? most-positive-fixnum 1)) (test #f (fx+? 1 1.5))
  (test #f (fx-? most-negative-fixnum 1)) (test -1 (fx-? 2 3))
  (test #f (fx*? most-positive-fixnum 2)) (test 6 (fx*? 2 3)) (test #f (fx*? most-negative-fixnum -1))
  (test #f (fx/? 1 0)) (test 3 (fx/? 7 2)) (test #f (fx/? most-negative-fixnum -1))
  (test #f (fx+? (fx+? most-positive-fixnum 1) 1)))
(test-group "comparison"
  (test #t (fxodd? 3)) (test #f (fxodd? 4)) (test #t (fxeven? -2))
  (test #t (fx= 1 1)) (test #t (fx> 2 1)) (test #t (fx< 1 2)) (test #t (fx>= 2 2)) (test #t (fx<= 2 2)) (test #f (fx< 2 2))
  (test-error (fx+ 1 1.0)))
(test-group "limits"
  (test #t (exact-integer? most-positive-fixnum)) (test (- -1 most-positive-fixnum) most-negative-fixnum)
  (test 64 fixnum-bits) (test 63 fixnum-precision) (test #t (fixnum? most-positive-fixnum)))
