;; (chicken string), declared with typed parameters (SRFI-13's procedures
;; are tested in scheme/srfi13).
(import (chicken string) (tlsport test))
(test '("a" "b") (string-split "a b")) (test '("a" "" "b") (string-split "a::b" ":" #t))
(test "a-b" (string-intersperse '("a" "b") "-")) (test "a b" (string-intersperse '("a" "b")))
(test 2 (string-search "c" "abc")) (test #f (string-search "z" "abc"))
(test 'ab (symbol-append 'a 'b)) (test "1a" (conc 1 "a")) (test "(1)" (->string '(1)))
(test-error (type) (string-split 'a))
(test-error (type) (symbol-append 'a "b"))
