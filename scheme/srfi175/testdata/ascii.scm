;; SRFI-175: every procedure, on characters and on their codes.
(import (scheme base) (tlsport test) (srfi 175))
(test-group "types"
  (test '(#t #t #f #f #f #f) (list (ascii-codepoint? 0) (ascii-codepoint? 127) (ascii-codepoint? 128) (ascii-codepoint? -1) (ascii-codepoint? #\a) (ascii-codepoint? 1.0)))
  (test '(#t #t #f #f #f) (list (ascii-char? #\a) (ascii-char? #\x7f) (ascii-char? #\x80) (ascii-char? #\x3bb) (ascii-char? 97)))
  (test '(#t #f #t #f) (list (ascii-bytevector? (bytevector 0 65 127)) (ascii-bytevector? (bytevector 0 128)) (ascii-bytevector? (bytevector)) (ascii-bytevector? "a")))
  (test '(#t #t #f #f) (list (ascii-string? "Hello") (ascii-string? "") (ascii-string? "caf\xe9;") (ascii-string? #\a))))
(test-group "classes"
  (test '(#t #t #f #f) (list (ascii-control? #\x0) (ascii-control? 127) (ascii-control? #\space) (ascii-control? 128)))
  (test '(#t #t #f) (list (ascii-non-control? #\space) (ascii-non-control? #\~) (ascii-non-control? 127)))
  (test '(#t #t #t #t #f) (list (ascii-whitespace? #\tab) (ascii-whitespace? #\return) (ascii-whitespace? 11) (ascii-whitespace? #\space) (ascii-whitespace? #\a)))
  (test '(#t #t #f) (list (ascii-space-or-tab? #\space) (ascii-space-or-tab? 9) (ascii-space-or-tab? #\newline)))
  (test '(#t #t #t #t #f #f) (list (ascii-other-graphic? #\!) (ascii-other-graphic? #\@) (ascii-other-graphic? #\`) (ascii-other-graphic? #\~) (ascii-other-graphic? #\a) (ascii-other-graphic? #\space)))
  (test '(#t #f #t #f) (list (ascii-upper-case? #\A) (ascii-upper-case? #\a) (ascii-lower-case? 122) (ascii-lower-case? #\x3bb)))
  (test '(#t #t #f #t #f) (list (ascii-alphabetic? #\q) (ascii-alphabetic? #\Q) (ascii-alphabetic? #\5) (ascii-alphanumeric? #\5) (ascii-alphanumeric? #\_)))
  (test '(#t #f) (list (ascii-numeric? #\0) (ascii-numeric? #\a))))
(test-group "values and conversions"
  (test '(7 #f 7 #f 0) (list (ascii-digit-value #\7 10) (ascii-digit-value #\7 7) (ascii-digit-value #\7 8) (ascii-digit-value #\a 10) (ascii-digit-value 48 10)))
  (test '(2 12 #f #f) (list (ascii-upper-case-value #\C 0 26) (ascii-upper-case-value #\C 10 26) (ascii-upper-case-value #\C 0 2) (ascii-upper-case-value #\c 0 26)))
  (test '(2 15 #f) (list (ascii-lower-case-value #\c 0 26) (ascii-lower-case-value #\f 10 6) (ascii-lower-case-value #\g 10 6)))
  (test '(#\0 #\9 #f) (list (ascii-nth-digit 0) (ascii-nth-digit 9) (ascii-nth-digit 10)))
  (test '(#\A #\Z #\A #\Z #\c) (list (ascii-nth-upper-case 0) (ascii-nth-upper-case 25) (ascii-nth-upper-case 26) (ascii-nth-upper-case -1) (ascii-nth-lower-case 2)))
  (test '(#\A #\A #\1 65 #\x3bb #\z 122 #\!) (list (ascii-upcase #\a) (ascii-upcase #\A) (ascii-upcase #\1) (ascii-upcase 97) (ascii-upcase #\x3bb)
                                                 (ascii-downcase #\Z) (ascii-downcase 90) (ascii-downcase #\!)))
  (test '(#\@ #\A 63 #f) (list (ascii-control->graphic #\x0) (ascii-control->graphic #\x1) (ascii-control->graphic 127) (ascii-control->graphic #\a)))
  (test '(#\x0 #\x1 127 #f) (list (ascii-graphic->control #\@) (ascii-graphic->control #\A) (ascii-graphic->control 63) (ascii-graphic->control #\a)))
  (test '(#\) #\( #\] #\[ #\} #\{ #\> #\< #f) (map ascii-mirror-bracket (string->list "()[]{}<>a")))
  (test '(41 #f) (list (ascii-mirror-bracket 40) (ascii-mirror-bracket 65))))
(test-group "comparisons"
  (test '(#t #f #t #t #t #t #t) (list (ascii-ci=? #\a #\A) (ascii-ci=? #\a #\b) (ascii-ci<? #\a #\B) (ascii-ci>? #\b #\A) (ascii-ci<=? #\A #\a) (ascii-ci>=? #\Z #\a) (ascii-ci=? 97 65)))
  (test #t (ascii-ci<? #\[ #\a))                  ; [ is below the lower case
  (test '(#t #f #t #t #t #t #f #t) (list (ascii-string-ci=? "Hello" "hELLO") (ascii-string-ci=? "abc" "abd") (ascii-string-ci<? "abc" "ABD") (ascii-string-ci<? "ab" "abc")
                                         (ascii-string-ci>? "b" "A") (ascii-string-ci<=? "ABC" "abc") (ascii-string-ci>=? "abc" "ABCD") (ascii-string-ci=? "" "")))
  (test-error (ascii-ci=? "a" #\a)))
