#!r6rs
;; requires-package: scheme-chez-srfi
;; SRFI-143's fixnums (srfi :143), built into tlsport, against chez-srfi's
;; (over R6RS's): everything but what depends on the fixnum width (Chez's
;; is 61 bits, tlsport's 64) and fxbit-set? and fxcopy-bit, whose
;; argument order chez-srfi takes from R6RS instead of the SRFI.
(import (except (rnrs) fx+ fx- fx* fxif fxnot fxand fxior fxxor fxmax fxmin fx=? fx<? fx>? fx<=? fx>=?
                fxzero? fxpositive? fxnegative? fxodd? fxeven? fx+/carry fx-/carry fx*/carry
                fxarithmetic-shift fxarithmetic-shift-left fxarithmetic-shift-right fxbit-count
                fxlength fxbit-set? fxcopy-bit fxbit-field fixnum?)
        (srfi :143))
(define (show x) (write x) (newline))
(define (fails thunk) (guard (c (#t 'failed)) (thunk)))
(show (list (fixnum? 1) (fixnum? 1.0) (fixnum? (expt 2 100)) (fx=? fx-greatest (greatest-fixnum))
            (fx=? fx-least (least-fixnum)) (fx=? fx-width (fixnum-width))))
(show (list (fx=? 1 1 1) (fx<? 1 2 3) (fx<? 1 3 2) (fx>? 3 2 1) (fx<=? 1 1 2) (fx>=? 2 2 1)))
(show (list (fxzero? 0) (fxzero? 1) (fxpositive? 3) (fxpositive? 0) (fxnegative? -3) (fxodd? 7) (fxeven? 7)))
(show (list (fxmax 1 5 3) (fxmin 4 -2 8) (fxmax 7) (fx+ 3 4) (fx- 3 4) (fx* -6 7) (fxneg 5) (fxneg -5)))
(show (list (fxquotient 17 5) (fxquotient -17 5) (fxremainder 17 5) (fxremainder -17 5) (fxremainder 17 -5)))
(show (list (fxabs -7) (fxabs 7) (fxsquare 12) (fxsquare -3)))
(show (call-with-values (lambda () (fxsqrt 17)) list))
(show (call-with-values (lambda () (fxsqrt 16)) list))
(show (call-with-values (lambda () (fxsqrt 0)) list))
(show (call-with-values (lambda () (fx+/carry 1 2 3)) list))
(show (call-with-values (lambda () (fx-/carry 10 2 3)) list))
(show (call-with-values (lambda () (fx*/carry 6 7 8)) list))
(show (list (fxnot 0) (fxnot 5) (fxand 12 10) (fxand) (fxior 12 10) (fxior) (fxxor 12 10) (fxxor 1 2 4)))
(show (list (fxarithmetic-shift 1 4) (fxarithmetic-shift 256 -4) (fxarithmetic-shift -8 -1)
            (fxarithmetic-shift-left 3 2) (fxarithmetic-shift-right 12 2) (fxarithmetic-shift-right -12 2)))
(show (list (fxbit-count 7) (fxbit-count 0) (fxbit-count 255) (fxlength 0) (fxlength 1) (fxlength 255) (fxlength -1) (fxlength -256)))
(show (list (fxif 12 5 10) (fxif 0 5 10) (fxif -1 5 10)))
(show (list (fxfirst-set-bit 0) (fxfirst-set-bit 1) (fxfirst-set-bit 8) (fxfirst-set-bit -8)))
(show (list (fxbit-field 255 2 5) (fxbit-field #b110110 1 4) (fxbit-field-rotate #b110 1 1 3) (fxbit-field-rotate #b0110 1 0 4)
            (fxbit-field-reverse #b0110 0 4) (fxbit-field-reverse #b1011 0 4)))
(show (list (fails (lambda () (fx+ fx-greatest 1))) (fails (lambda () (fx- fx-least 1)))
            (fails (lambda () (fx* fx-greatest 2))) (fails (lambda () (fxneg fx-least)))
            (fails (lambda () (fxquotient 1 0))) (fails (lambda () (fxremainder 1 0)))
            (fails (lambda () (fx+ 1 1.0))) (fails (lambda () (fx+ 1 'a))) (fails (lambda () (fxquotient 'a 1)))
            (fails (lambda () (fxsqrt -1))) (fails (lambda () (fxabs 'x)))))
