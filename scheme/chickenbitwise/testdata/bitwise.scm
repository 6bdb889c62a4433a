;; (chicken bitwise), from the CHICKEN 5 manual page.
(import (chicken bitwise) (tlsport test))
(test-group "operations"
  (test 2 (bitwise-and 6 3)) (test 7 (bitwise-ior 6 3)) (test 5 (bitwise-xor 6 3)) (test -7 (bitwise-not 6))
  (test -1 (bitwise-and)) (test 0 (bitwise-ior)) (test 0 (bitwise-xor)) (test 4 (bitwise-and 12 6 5))
  (test 40 (arithmetic-shift 5 3)) (test 2 (arithmetic-shift 5 -1)) (test -3 (arithmetic-shift -5 -1))
  (test 0 (arithmetic-shift 5 -100)) (test -1 (arithmetic-shift -5 -100))
  (test-error (bitwise-and 1 1.0)) (test-error (bitwise-not 'a)))
(test-group "bignums"
  (test (expt 2 100) (arithmetic-shift 1 100)) (test 1 (arithmetic-shift (expt 2 100) -100))
  (test (expt 2 64) (bitwise-and (+ (expt 2 64) 5) (expt 2 64)))
  (test (- (expt 2 70) 1) (bitwise-ior (expt 2 69) (- (expt 2 69) 1)))
  (test (- -1 (expt 2 80)) (bitwise-not (expt 2 80))))
(test-group "bits"
  (test #t (bit->boolean 5 0)) (test #f (bit->boolean 5 1)) (test #t (bit->boolean 5 2)) (test #f (bit->boolean 5 64))
  (test #t (bit->boolean -1 200)) (test #f (bit->boolean -2 0)) (test #t (bit->boolean (expt 2 90) 90))
  (test 0 (integer-length 0)) (test 1 (integer-length 1)) (test 3 (integer-length 7)) (test 4 (integer-length 8))
  (test 0 (integer-length -1)) (test 3 (integer-length -8)) (test 101 (integer-length (expt 2 100))))
