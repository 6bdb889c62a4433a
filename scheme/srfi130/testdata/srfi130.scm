;; SRFI-130: the document's examples, and every procedure called at least
;; once. Importing (srfi 130) rebinds string-index & co. to their cursor
;; versions; before the import they are SRFI-13's.
(import (scheme base) (scheme char) (tlsport test))
(test-group "before the import"
  (test #f (string-index "abc" #\z))                 ; SRFI-13: #f on failure
  (test '("a" "b") (string-split "a b")))            ; CHICKEN's string-split
(import (srfi 130))
(test-group "cursor operations"
  (test #t (string-cursor? 0)) (test #f (string-cursor? #f)) (test #f (string-cursor? -1))
  (test 0 (string-cursor-start "abc")) (test 3 (string-cursor-end "abc"))
  (test 1 (string-cursor-next "abc" 0)) (test 2 (string-cursor-prev "abc" 3)) (test-error (string-cursor-next "abc" 3))
  (test-error (string-cursor-prev "abc" 0))
  (test 3 (string-cursor-forward "abc" 1 2)) (test 0 (string-cursor-back "abc" 2 2)) (test-error (string-cursor-forward "abc" 1 5))
  (test #t (string-cursor=? 1 1)) (test #t (string-cursor<? 0 1)) (test #t (string-cursor>? 2 1))
  (test #t (string-cursor<=? 1 1)) (test #t (string-cursor>=? 2 1)) (test #f (string-cursor<? 2 1))
  (test 2 (string-cursor-diff "abc" 1 3)) (test 2 (string-cursor->index "abc" 2)) (test 2 (string-index->cursor "abc" 2)))
(test-group "predicates and constructors"
  (test #t (string-null? "")) (test #t (string-every char-alphabetic? "ab")) (test #\b (string-any (lambda (c) (and (char=? c #\b) c)) "abc"))
  (test "abc" (string-tabulate (lambda (i) (integer->char (+ 97 i))) 3))
  (test "abc" (string-unfold null? car cdr '(#\a #\b #\c))) (test "cba" (string-unfold-right null? car cdr '(#\a #\b #\c))))
(test-group "conversion and selection"
  (test '(#\b #\c) (string->list/cursors "abc" 1)) (test #(#\b) (string->vector/cursors "abc" 1 2))
  (test "cBa" (reverse-list->string '(#\a #\B #\c)))
  (test "foo:bar:baz" (string-join '("foo" "bar" "baz") ":")) (test "foo:bar:baz:" (string-join '("foo" "bar" "baz") ":" 'suffix))
  (test "" (string-join '() ":")) (test "" (string-join '("") ":")) (test "" (string-join '() ":" 'suffix)) (test ":" (string-join '("") ":" 'suffix))
  (test #\b (string-ref/cursor "abc" 1)) (test "bc" (substring/cursors "abc" 1 3)) (test "b" (string-copy/cursors "abc" 1 2))
  (test "abc" (string-copy/cursors "abc"))
  (test "Pete S" (string-take "Pete Szilagyi" 6)) (test "zilagyi" (string-drop "Pete Szilagyi" 6))
  (test "rules" (string-take-right "Beta rules" 5)) (test "Beta " (string-drop-right "Beta rules" 5)) (test-error (string-take "foo" 37))
  (test "  325" (string-pad "325" 5)) (test "71325" (string-pad "71325" 5)) (test "71325" (string-pad "8871325" 5)) (test "325  " (string-pad-right "325" 5))
  (test "The outlook wasn't brilliant," (string-trim-both "  The outlook wasn't brilliant,  \n\r"))
  (test "a  " (string-trim "  a  ")) (test "  a" (string-trim-right "  a  ")))
(test-group "prefixes and suffixes"
  (test 2 (string-prefix-length "abx" "aby")) (test 2 (string-suffix-length "xbc" "ybc"))
  (test #t (string-prefix? "ab" "abc")) (test #t (string-suffix? "bc" "abc")))
(test-group "searching"
  (test 1 (string-index "abc" (lambda (c) (char=? c #\b)))) (test 3 (string-index "abc" char-numeric?))
  (test 2 (string-index "abcb" (lambda (c) (char=? c #\c)) 1 4)) (test 4 (string-index "abcb" char-numeric? 1 4))
  (test 4 (string-index-right "abcb" (lambda (c) (char=? c #\b)))) (test 0 (string-index-right "abc" char-numeric?))
  (test 1 (string-index-right "abcb" (lambda (c) (char=? c #\a)) 0 2)) (test 1 (string-index-right "abc" char-numeric? 1))
  (test 2 (string-skip "  x" char-whitespace?)) (test 3 (string-skip "   " char-whitespace?))
  (test "x  " (substring/cursors "  x  " (string-skip "  x  " char-whitespace?) 5))
  (test 3 (string-skip-right "  x  " char-whitespace?)) (test 0 (string-skip-right "   " char-whitespace?))
  (test 15 (string-contains "eek -- what a geek." "ee" 12 18)) (test #f (string-contains "abc" "x"))
  (test 15 (string-contains-right "eek -- what a geek." "ee")) (test 0 (string-contains-right "eek -- what a geek." "ee" 0 5))
  (test #f (string-contains-right "abc" "x")) (test 3 (string-contains-right "abc" "")))
(test-group "the whole string"
  (test ".able was I ere I saw elbA" (string-reverse "Able was I ere I saw elba.")) (test "snoops" (string-reverse "Who stole the spoons?" 14 20))
  (test "abcd" (string-concatenate '("ab" "cd")))
  (test "Hello, I must be going." (string-concatenate-reverse '(" must be" "Hello, I") " going.XXXX" 7))
  (test '(#\a #\b #\c) (string-fold-right cons '() "abc")) (test 2 (string-fold (lambda (c n) (if (char-lower-case? c) (+ n 1) n)) 0 "aBc"))
  (test '(101 100 99 98 97) (let ((s "abcde") (v '()))
                              (string-for-each-cursor (lambda (cur) (set! v (cons (char->integer (string-ref/cursor s cur)) v))) s)
                              v))
  (test '(2 1) (let ((v '())) (string-for-each-cursor (lambda (c) (set! v (cons c v))) "abcd" 1 3) v))
  (test "cdefab" (string-replicate "abcdef" 2 8)) (test "efabcd" (string-replicate "abcdef" -2 4)) (test "abcabca" (string-replicate "abc" 0 7))
  (test "efdefd" (string-replicate "abcdefg" 4 10 3 6))
  (test 2 (string-count "a1b2" char-numeric?))
  (test "The miserable perl programmer endured daily ridicule."
        (string-replace "The TCL programmer endured daily ridicule." "another miserable perl drone" 4 7 8 22))
  (test "It's lots of fun to code it up in Scheme." (string-replace "It's easy to code it up in Scheme." "lots of fun" 5 9))
  (test "It's really easy to code it up in Scheme."
        (let () (define (string-insert s i t) (string-replace s t i i)) (string-insert "It's easy to code it up in Scheme." 5 "really ")))
  (test '("a" "b" "c") (string-split "a,b,c" ",")) (test '("a" "" "c") (string-split "a,,c" ","))
  (test '("a" "b") (string-split "a\r\nb" "\r\n")) (test '("a" "b" "c") (string-split "abc" ""))
  (test '() (string-split "" ",")) (test-error (string-split "" "," 'strict-infix))
  (test '("a" "b") (string-split ",a,b" "," 'prefix)) (test '("a" "b") (string-split "a,b," "," 'suffix)) (test '("" "a" "b" "") (string-split ",a,b," ","))
  (test '("a" "b,c") (string-split "a,b,c" "," 'infix 1)) (test '("a,b,c") (string-split "a,b,c" "," 'infix 0))
  (test '("b" "c") (string-split "a,b,c" "," 'infix #f 2))
  (test "123" (string-filter char-numeric? "a1b2c3")) (test "abc" (string-remove char-numeric? "a1b2c3")))
