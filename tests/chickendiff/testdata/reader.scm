;; The reader: comments, datum comments, numbers, chars, strings, quotes,
;; vectors and symbols read from strings and from the program itself.
(import (chicken base) (chicken port))

(define (r s) (with-input-from-string s read))
(define (show s) (write (r s)) (newline))
(for-each show
  '("42" "-17" "+5" "1/2" "-6/4" "1.5" ".5" "-0.25" "1e3" "1E-2" "#xff" "#b101" "#o17" "#e1.25" "#i3/4"
    "#\\a" "#\\space" "#\\newline" "#\\x41" "#\\tab" "#\\nul"
    "\"a\\nb\"" "\"tab\\there\"" "\"q\\\"uote\""
    "abc" "ABC" "|a b|" "hello-world" "->" "..." "a.b" "+" "-"
    "(1 . 2)" "(1 2 . 3)" "(a (b (c)))" "#(1 2 3)" "#()" "()"
    "'x" "`(a ,b ,@c)" "#t" "#f" "#true" "#false"
    "(1 #;2 3)" "(a #| block |# b)" "(x ; line comment\n y)" "#;(hidden) shown"
    "#!eof" "foo:" "#:bar" "[1 2]"))
(define (read-all s)
  (with-input-from-string s
    (lambda () (let loop ((acc '())) (let ((x (read))) (if (eof-object? x) (reverse acc) (loop (cons x acc))))))))
(write (read-all "1 two \"three\" (4) #(5) #\\6 7.0 ; end")) (newline)
(write (read-all "#| multi\nline |# a #;b c")) (newline)
(print (length (read-all "")))
(print "nested block comments: " (read-all "#| outer #| inner |# still |# x"))
(print "symbol case preserved: " (eq? 'Hello (string->symbol "Hello")))
(print "read-char after read: "
  (with-input-from-string "(a) z" (lambda () (read) (list (read-char) (read-char)))))
(print "peek after datum: " (with-input-from-string "12)" (lambda () (read) (peek-char))))
(print "string->symbol round trip: " (r (with-output-to-string (lambda () (write (string->symbol "a b"))))))
(print "negative exponent: " (r "1.5e-3") " " (r "-2.5E+2"))
(print "rational normalisation: " (r "10/4") " " (r "-0/5"))
(print "char literals in code: " (list #\A #\z #\0 #\( #\)))
(print "backslash in a symbol: " (list (symbol->string 'a\ b) (symbol->string (r "x\\(y")) (symbol? (r "\\1"))))
(write (list 'a\ b (r "foo\\ bar"))) (newline)
