#!r6rs
;; requires-package: scheme-chez-srfi
;; SRFI-175's ASCII library (srfi :175), built into tlsport, against
;; chez-srfi's: every procedure, on characters and on codes, over all 128
;; ASCII codes and a few beyond.
(import (rnrs) (srfi :175))
(define (show x) (write x) (newline))
(define (codes) (let loop ((i 129) (l '())) (if (< i 0) l (loop (- i 1) (cons i l)))))
(define (over pred) (apply string-append (map (lambda (i) (if (pred i) "1" "0")) (codes))))
(define (over-chars pred) (apply string-append (map (lambda (i) (if (pred (integer->char i)) "1" "0")) (codes))))
(for-each (lambda (p) (show (over p)) (show (over-chars p)))
          (list ascii-control? ascii-non-control? ascii-whitespace? ascii-space-or-tab? ascii-other-graphic?
                ascii-upper-case? ascii-lower-case? ascii-alphabetic? ascii-alphanumeric? ascii-numeric?))
(show (list (ascii-codepoint? 0) (ascii-codepoint? 127) (ascii-codepoint? 128) (ascii-codepoint? -1) (ascii-codepoint? #\a) (ascii-codepoint? 1.0)))
(show (list (ascii-char? #\a) (ascii-char? #\x7f) (ascii-char? #\x80) (ascii-char? #\x3bb) (ascii-char? 97)))
(show (list (ascii-bytevector? #vu8(0 65 127)) (ascii-bytevector? #vu8(0 128)) (ascii-bytevector? #vu8()) (ascii-bytevector? "a")))
(show (list (ascii-string? "Hello") (ascii-string? "") (ascii-string? "caf\xe9;") (ascii-string? #\a)))
(show (list (ascii-digit-value #\7 10) (ascii-digit-value #\7 7) (ascii-digit-value #\7 8) (ascii-digit-value #\a 10) (ascii-digit-value 48 10)))
(show (list (ascii-upper-case-value #\C 0 26) (ascii-upper-case-value #\C 10 26) (ascii-upper-case-value #\C 0 2) (ascii-upper-case-value #\c 0 26)))
(show (list (ascii-lower-case-value #\c 0 26) (ascii-lower-case-value #\f 10 6) (ascii-lower-case-value #\g 10 6) (ascii-lower-case-value 122 0 26)))
(show (list (ascii-nth-digit 0) (ascii-nth-digit 9) (ascii-nth-digit 10) (ascii-nth-digit -1)))
(show (list (ascii-nth-upper-case 0) (ascii-nth-upper-case 25) (ascii-nth-upper-case 26) (ascii-nth-upper-case -1) (ascii-nth-lower-case 2)))
(show (list (ascii-upcase #\a) (ascii-upcase #\A) (ascii-upcase #\1) (ascii-upcase 97) (ascii-upcase #\x3bb)
            (ascii-downcase #\Z) (ascii-downcase 90) (ascii-downcase #\!)))
(show (list (ascii-control->graphic #\x0) (ascii-control->graphic #\x1) (ascii-control->graphic 127) (ascii-control->graphic #\a)
            (ascii-graphic->control #\@) (ascii-graphic->control #\A) (ascii-graphic->control 63) (ascii-graphic->control #\a)))
(show (map ascii-mirror-bracket (string->list "()[]{}<>a")))
(show (list (ascii-mirror-bracket 40) (ascii-mirror-bracket 65)))
(show (list (ascii-ci=? #\a #\A) (ascii-ci=? #\a #\b) (ascii-ci<? #\a #\B) (ascii-ci>? #\b #\A) (ascii-ci<=? #\A #\a) (ascii-ci>=? #\Z #\a)
            (ascii-ci=? 97 65) (ascii-ci<? #\[ #\a)))
(show (list (ascii-string-ci=? "Hello" "hELLO") (ascii-string-ci=? "abc" "abd") (ascii-string-ci<? "abc" "ABD") (ascii-string-ci<? "ab" "abc")
            (ascii-string-ci>? "b" "A") (ascii-string-ci<=? "ABC" "abc") (ascii-string-ci>=? "abc" "ABCD") (ascii-string-ci=? "" "")))
