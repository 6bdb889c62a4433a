;; R7RS 6.7 strings, 6.5 symbols, CHICKEN string helpers.
(import (scheme base) (scheme char) (tlsport test))
(test-group "basics"
  (test #t (string? "a")) (test "aaa" (make-string 3 #\a)) (test 3 (string-length (make-string 3)))
  (test "abc" (string #\a #\b #\c)) (test #\b (string-ref "abc" 1)) (test #\λ (string-ref "aλc" 1))
  (test-error (string-ref "abc" 3))
  (test "aXc" (let ((s (make-string 3 #\a))) (string-set! s 1 #\X) (string-set! s 2 #\c) s))
  (test "aλc" (let ((s (string-copy "abc"))) (string-set! s 1 #\λ) s))
  (test 3 (let ((s (string-copy "abc"))) (string-set! s 1 #\λ) (string-length s))))
(test-group "comparison"
  (test #t (string=? "abc" "abc" "abc")) (test #f (string=? "abc" "abd")) (test #t (string<? "abc" "abd" "b"))
  (test #t (string<? "ab" "abc")) (test #t (string>? "b" "a")) (test #t (string-ci=? "AbC" "aBc"))
  (test #t (string<=? "a" "a" "b")) (test #t (string<? "a" "λ")))
(test-group "case"
  (test "ABC" (string-upcase "abc")) (test "abc" (string-downcase "ABC")) (test "strasse" (string-foldcase "Straße")))
(test-group "substrings"
  (test "bc" (substring "abcd" 1 3)) (test "bcd" (string-copy "abcd" 1)) (test "b" (string-copy "abcd" 1 2))
  (test "abcdef" (string-append "ab" "cd" "ef")) (test "" (string-append))
  (test '(#\b #\c) (string->list "abcd" 1 3)) (test "abc" (list->string '(#\a #\b #\c)))
  (test #(#\a #\b) (string->vector "ab")) (test "ab" (vector->string #(#\a #\b)))
  (test "a12de" (let ((s (string-copy "abcde"))) (string-copy! s 1 "123" 0 2) s))
  (test "aXXde" (let ((s (string-copy "abcde"))) (string-fill! s #\X 1 3) s))
  (test "abab" (let ((s (string-copy "ab..")))
                 (string-copy! s 2 s 0 2) s)))
(test-group "higher order"
  (test "ABC" (string-map char-upcase "abc")) (test "ace" (string-map (lambda (a b) a) "ace" "bdfg"))
  (test '(#\c #\b #\a) (let ((l '())) (string-for-each (lambda (c) (set! l (cons c l))) "abc") l)))
(test-group "symbols"
  (test #t (symbol? 'a)) (test "abc" (symbol->string 'abc)) (test 'abc (string->symbol "abc"))
  (test #t (symbol=? 'a 'a 'a)) (test #f (symbol=? 'a 'b)) (test 'ab (symbol-append 'a 'b))
  (test #t (keyword? (string->keyword "foo"))) (test "foo" (keyword->string foo:)))
(test-group "chicken string"
  (test '("a" "b" "c") (string-split "a b  c")) (test '("a" "" "b") (string-split "a,,b" "," #t))
  (test '("a" "b") (string-split "a,,b" ","))
  (test "a-b-c" (string-intersperse '("a" "b" "c") "-")) (test "a b" (string-intersperse '("a" "b")))
  (test "12" (->string 12)) (test "a1b" (conc "a" 1 'b))
  (test #t (string-prefix? "ab" "abc")) (test #f (string-prefix? "b" "abc")) (test #t (string-suffix? "bc" "abc"))
  (test 2 (string-index "abcb" #\c)) (test #f (string-index "abc" #\z)) (test 1 (string-index "a1b" char-numeric?))
  (test 2 (string-contains "aλbc" "bc")) (test #f (string-search "zz" "abc")) (test 1 (string-search "b" "abc"))
  (test "ab" (string-trim-both "  ab \n")) (test "cba" (string-reverse "abc")) (test "a,b" (string-join '("a" "b") ",")))
