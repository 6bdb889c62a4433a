;; SRFI-143: every procedure, on 64-bit fixnums, with the SRFI's argument
;; orders. Before the import, fx+ & co. are CHICKEN's, which wrap around;
;; (srfi 143)'s raise an error instead.
(import (scheme base) (tlsport test) (chicken fixnum))
(test-group "before the import"
  (test -9223372036854775808 (fx+ 9223372036854775807 1)))
(import (srfi :143 fixnums))
(test-group "constants"
  (test 64 fx-width) (test 9223372036854775807 fx-greatest) (test -9223372036854775808 fx-least)
  (test #t (fixnum? fx-greatest)) (test #f (fixnum? (+ fx-greatest 1))))
(test-group "arithmetic"
  (test 7 (fx+ 3 4)) (test -1 (fx- 3 4)) (test -42 (fx* -6 7)) (test -5 (fxneg 5))
  (test-error (fx+ fx-greatest 1)) (test-error (fx- fx-least 1)) (test-error (fx* fx-greatest 2)) (test-error (fxneg fx-least))
  (test-error (fx- 5))                          ; the SRFI's fx- takes two arguments
  (test '(3 -3 2 -2) (list (fxquotient 17 5) (fxquotient -17 5) (fxremainder 17 5) (fxremainder -17 5)))
  (test-error (fxquotient 1 0)) (test-error (fxremainder 1 0)) (test-error (fxquotient fx-least -1))
  (test 0 (fxremainder fx-least -1))
  (test '(7 7 144) (list (fxabs -7) (fxabs 7) (fxsquare 12))) (test-error (fxabs fx-least))
  (test '(4 1) (call-with-values (lambda () (fxsqrt 17)) list))
  (test '(3037000499 5928526806) (call-with-values (lambda () (fxsqrt fx-greatest)) list))
  (test-error (fxsqrt -1))
  (test '(6 0) (call-with-values (lambda () (fx+/carry 1 2 3)) list))
  (test '(-9223372036854775808 1) (call-with-values (lambda () (fx+/carry fx-greatest 1 0)) list))
  (test '(-9223372036854775808 -1) (call-with-values (lambda () (fx+/carry fx-least fx-least fx-least)) list))
  (test '(5 0) (call-with-values (lambda () (fx-/carry 10 2 3)) list))
  (test '(50 0) (call-with-values (lambda () (fx*/carry 6 7 8)) list))
  (test '(#t #t #f #t #t #t) (list (fx=? 1 1 1) (fx<? 1 2 3) (fx<? 1 3 2) (fx>? 3 2 1) (fx<=? 1 1 2) (fx>=? 2 2 1)))
  (test '(#t #f #t #t #t #f) (list (fxzero? 0) (fxpositive? 0) (fxnegative? -3) (fxodd? 7) (fxeven? 0) (fxeven? 7)))
  (test '(5 -2) (list (fxmax 1 5 3) (fxmin 4 -2 8)))
  (test-error (fx+ 1 1.0)) (test-error (fx+ 1 (+ fx-greatest 1))))
(test-group "bits"
  (test '(-1 -6 8 -1 14 0 6 7) (list (fxnot 0) (fxnot 5) (fxand 12 10) (fxand) (fxior 12 10) (fxior) (fxxor 12 10) (fxxor 1 2 4)))
  (test '(16 16 -4 12 3 -3) (list (fxarithmetic-shift 1 4) (fxarithmetic-shift 256 -4) (fxarithmetic-shift -8 -1)
                                  (fxarithmetic-shift-left 3 2) (fxarithmetic-shift-right 12 2) (fxarithmetic-shift-right -12 2)))
  (test-error (fxarithmetic-shift-left 1 63)) (test-error (fxarithmetic-shift 1 64))
  (test '(3 0 8 63) (list (fxbit-count 7) (fxbit-count 0) (fxlength 255) (fxlength fx-greatest)))
  (test '(6 10 5) (list (fxif 12 5 10) (fxif 0 5 10) (fxif -1 5 10)))
  ;; the SRFI's orders: (fxbit-set? index i), (fxcopy-bit index i boolean)
  (test #t (fxbit-set? 1 2)) (test #f (fxbit-set? 0 2)) (test #t (fxbit-set? 63 -1))
  (test 6 (fxcopy-bit 1 4 #t)) (test 4 (fxcopy-bit 0 5 #f)) (test 5 (fxcopy-bit 0 5 #t))
  (test-error (fxbit-set? -1 2))
  (test '(-1 0 3) (list (fxfirst-set-bit 0) (fxfirst-set-bit 1) (fxfirst-set-bit 8)))
  (test '(7 3) (list (fxbit-field 255 2 5) (fxbit-field #b110110 1 4)))
  (test '(6 12 3 12) (list (fxbit-field-rotate #b110 1 1 3) (fxbit-field-rotate #b0110 1 0 4)
                          (fxbit-field-rotate #b0110 -1 0 4) (fxbit-field-rotate #b0110 5 0 4)))  ; any count
  (test 7 (fxbit-field-rotate 7 3 2 2))
  (test-error (fxbit-field-rotate 1 1 3 2))
  (test '(6 13) (list (fxbit-field-reverse #b0110 0 4) (fxbit-field-reverse #b1011 0 4))))
