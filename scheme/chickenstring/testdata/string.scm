;; (chicken string), from the examples and rules of the CHICKEN 5 manual page.
(import (chicken string) (tlsport test))
(test-group "conc ->string"
  (test "a1b2.5" (conc "a" 1 'b 2.5)) (test "" (conc)) (test "(1 2)" (->string '(1 2))) (test "x" (->string #\x)))
(test-group "string-chop"
  (test '("one " "two " "thre" "e") (string-chop "one two three" 4))
  (test '() (string-chop "" 3)) (test '("ab") (string-chop "ab" 5))
  (test-error (string-chop "abc" 0)))
(test-group "string-chomp"
  (test "abc" (string-chomp "abc\n")) (test "abc" (string-chomp "abc")) (test "ab" (string-chomp "abc" "c"))
  (test "abc\n\n" (string-chomp "abc\n\n\n")) (test "abc" (string-chomp "abc" "xc")))
(test-group "string-compare3"
  (test -1 (string-compare3 "abc" "abd")) (test 0 (string-compare3 "abc" "abc")) (test 1 (string-compare3 "b" "abc"))
  (test -1 (string-compare3 "ab" "abc")) (test 0 (string-compare3-ci "ABC" "abc")) (test 1 (string-compare3 "a" "A")))
(test-group "string-intersperse"
  (test "onethreetwo" (string-intersperse '("one" "two") "three"))
  (test (apply string-append (intersperse '("one" "two") "three")) (string-intersperse '("one" "two") "three"))
  (test "a b c" (string-intersperse '("a" "b" "c"))) (test "" (string-intersperse '())))
(test-group "string-split"
  (test '("one" "two" "three") (string-split "one  two  three"))
  (test '("foo" "bar" "" "baz" "") (string-split "foo:bar::baz:" ":" #t))
  (test '("foo" "bar" "baz" "quux" "zot") (string-split "foo:bar:baz,quux,zot" ":,"))
  (test '("a" "b") (string-split "a\tb\n")))
(test-group "string-translate"
  (test "hxllo" (string-translate "hello" #\e #\x)) (test "hllo" (string-translate "hello" #\e))
  (test "HeLLo" (string-translate "hello" "hl" "HL")) (test "eo" (string-translate "hello" "hl"))
  (test "h*ll*" (string-translate "hello" '(#\e #\o) #\*)) (test "hAllB" (string-translate "hello" '(#\e #\o) "AB"))
  (test-error (string-translate "hello" "el" "E")))
(test-group "string-translate*"
  (test "&lt;h1&gt;this is a &quot;string&quot;&lt;/h1&gt;"
        (string-translate* "<h1>this is a \"string\"</h1>" '(("<" . "&lt;") (">" . "&gt;") ("\"" . "&quot;"))))
  (test "ba" (string-translate* "ab" '(("a" . "b") ("b" . "a"))))
  (test "xyz" (string-translate* "xyz" '())))
(test-group "substring=?"
  (test #t (substring=? "foobar" "foo")) (test #t (substring=? "foobar" "bar" 3)) (test #f (substring=? "foobar" "baz" 3))
  (test #t (substring=? "abcd" "xbcx" 1 1 2)) (test #f (substring=? "abcd" "xbcx" 1 1 3))
  (test #t (substring-ci=? "FOObar" "foo")) (test #f (substring=? "FOObar" "foo")))
(test-group "substring-index"
  (test 3 (substring-index "bar" "foobar")) (test #f (substring-index "baz" "foobar"))
  (test 4 (substring-index "o" "foo o" 3)) (test 0 (substring-index "" "abc"))
  (test 3 (substring-index-ci "BAR" "foobar")) (test #f (substring-index "BAR" "foobar")))
(test-group "reverse"
  (test "cba" (reverse-list->string '(#\a #\b #\c))) (test (list->string (reverse '(#\x #\λ))) (reverse-list->string '(#\x #\λ)))
  (test "cdab" (reverse-string-append '("ab" "cd"))) (test "" (reverse-string-append '())))
(test-group "only import"
  (test "ab" (let () (import (only (chicken string) conc)) (conc 'a 'b))))
