;; CHICKEN 5 manual: "Module (chicken base)", Reader settings (case-sensitive,
;; keyword-style, parentheses-synonyms, symbol-escape); "Module (chicken
;; read-syntax)"; "Extensions to the standard" (#:, #!, #cs, #ci, #,).
(import (chicken base) (chicken read-syntax) (chicken port) (chicken string) (chicken condition) (tlsport test))
(define (r s) (with-input-from-string s read))
(define (message thunk)
  (condition-case (begin (thunk) #f) (e (exn) (get-condition-property e 'exn 'message))))
(test-group "keyword-style"
  ;; tlsport's default reads the three spellings of the API reference §0.2
  (test #:both (keyword-style))
  (test #t (keyword? (r "foo:"))) (test #t (keyword? (r ":foo"))) (test #t (keyword? (r "#:foo")))
  (test #t (eq? (r "foo:") (r ":foo")))
  ;; "#:suffix (as in DSSSL), which recognizes symbols ending with a colon"
  (parameterize ((keyword-style #:suffix))
    (test #t (keyword? (r "foo:"))) (test (string->symbol ":foo") (r ":foo")) (test #t (keyword? (r "#:foo"))))
  ;; "#:prefix (as in Common Lisp), which recognizes symbols beginning with a colon"
  (parameterize ((keyword-style #:prefix))
    (test (string->symbol "foo:") (r "foo:")) (test #t (keyword? (r ":foo"))) (test "foo" (keyword->string (r ":foo"))))
  ;; "Any other value disables the alternative syntaxes"; #:SYMBOL is always accepted
  (parameterize ((keyword-style #:none))
    (test (string->symbol "foo:") (r "foo:")) (test (string->symbol ":foo") (r ":foo")) (test #t (keyword? (r "#:foo"))))
  (parameterize ((keyword-style #f))
    (test #t (symbol? (r "foo:"))) (test #t (symbol? (r ":foo"))))
  (test ': (r ":")) (test #t (keyword? (r "foo:")))
  ;; as csi: a colon after a |…| part makes a keyword, and |…| joins the token around it
  (test "a" (keyword->string (r "|a|:"))) (test "ab" (keyword->string (r "|a|b:")))
  (test "ab" (keyword->string (r "a|b|:"))) (test 'ab (r "|a|b"))
  ;; an escaped colon does not
  (test (string->symbol "a:") (r "|a:|")) (test (string->symbol "a:") (r "a\\:"))
  (parameterize ((keyword-style #:suffix)) (test (string->symbol ":a") (r "\\:a")))
  ;; names of colons only are symbols (csi reads ::: as a keyword; R7RS uses it as an ellipsis)
  (test (string->symbol ":::") (r ":::")) (test (string->symbol "::") (r "::"))
  (test ":::" (with-output-to-string (lambda () (write (r ":::")))))
  (test "#:|::|" (with-output-to-string (lambda () (write (string->keyword "::")))))
  ;; a setting made by calling the parameter holds for later reads of the thread
  (keyword-style #:prefix) (test #t (symbol? (r "foo:"))) (keyword-style #:both))
(test-group "case-sensitive"
  (test #t (case-sensitive)) (test "FooBar" (symbol->string (r "FooBar")))
  ;; "If true, then read reads symbols and identifiers in case-sensitive mode"
  (parameterize ((case-sensitive #f))
    (test 'foobar (r "FooBar")) (test '(abc "ABC" #\A) (r "(ABC \"ABC\" #\\A)"))
    (test "foo" (keyword->string (r "Foo:"))) (test "foo" (keyword->string (r "#:FOO")))
    (test "ABC" (symbol->string (r "|ABC|"))) (test 'abc (r "#csabc")) (test "ABC" (symbol->string (r "#csABC"))))
  ;; #cs / #ci read the next expression in case-sensitive / case-insensitive mode
  (test '(Ab cd) (r "#cs(Ab #ciCD)")) (test 'foo (r "#ciFOO")) (test "FOO" (symbol->string (r "#csFOO")))
  (test 'x (r "#!fold-case X")) (test "X" (symbol->string (r "#!no-fold-case X")))
  (test-error (r "#cx")))
(test-group "parentheses-synonyms"
  (test #t (parentheses-synonyms))
  ;; "the list delimiter synonyms #\[ #\] and #\{ #\} are enabled"
  (test '(a (b c) (d)) (r "[a {b c} [d]]")) (test '(let ((x 1)) x) (r "(let [(x 1)] x)"))
  (test '(a (b)) (r "(a{b})")) (test '(#\[ #\}) (r "(#\\[ #\\})"))
  ;; a list ends with the synonym it starts with (R6RS §4.3.1)
  (test "(string):1:1: expected ']' to close '[', got ')'" (message (lambda () (r "[a b)"))))
  (test-error (r "(a b]")) (test-error (r "{a)")) (test-error (r "(a . b]")) (test-error (r "#(1 2]"))
  (parameterize ((parentheses-synonyms #f))
    (test "(string):1:1: reserved character [ (parentheses-synonyms is #f)" (message (lambda () (r "[a]"))))
    (test-error (r "{a}")) (test '(a) (r "(a)"))))
(test-group "symbol-escape"
  (test #t (symbol-escape)) (test "a b" (symbol->string (r "|a b|")))
  ;; "If true, then the symbol escape #\| #\| is enabled"; off, | is a symbol character
  (parameterize ((symbol-escape #f))
    (test "|a|" (symbol->string (r "|a|"))) (test "x|y" (symbol->string (r "x|y")))))
(test-group "#! read directives"
  (test 42 (r "#! a line comment\n42")) (test 42 (r "#!/usr/bin/env csi\n42"))
  (test '(1 2) (r "(1\n#! comment\n2)"))
  (test #t (eof-object? (r "#!eof")))
  (test-error (r "(#!no-such-directive)")))
(test-group "set-read-syntax!"
  (define saved (copy-read-table (current-read-table)))
  ;; the manual's RGB color syntax
  (set-read-syntax! #\%
    (lambda (port)
      (apply vector
        (map (cut string->number <> 16)
             (string-chop (read-string 6 port) 2) ) ) ) )
  (test '(1 2 #(240 240 240) 3) (with-input-from-string "(1 2 %f0f0f0 3)" read))
  ;; a handler returning (values) makes the reader ignore what it read
  (set-read-syntax! #\~ (lambda (port) (read port) (values)))
  (test '(a c) (r "(a ~b c)")) (test 'c (r "~b c"))
  ;; a symbol defines a read mark: #!SYMBOL
  (set-read-syntax! 'hello (lambda (port) 'world))
  (test 'world (r "#!hello")) (test '(x world) (r "(x #!hello)"))
  ;; #f undoes the read syntax
  ;; a handler that raises or escapes leaves the port usable
  (set-read-syntax! #\% (lambda (port) (read-char port) (error "bad % syntax")))
  (define p (open-input-string "%x 42"))
  (test "bad % syntax" (message (lambda () (read p)))) (test 42 (read p))
  (define escape #f)
  (set-read-syntax! #\% (lambda (port) (read-char port) (escape 'escaped)))
  (set! p (open-input-string "%x 43"))
  (test 'escaped (call/cc (lambda (k) (set! escape k) (read p)))) (test 43 (read p))
  (set-read-syntax! #\% #f) (test '%ab (r "%ab"))
  (test-error (set-read-syntax! "x" (lambda (p) 1))) (test-error (set-read-syntax! #\x 1))
  (current-read-table saved))
(test-group "set-sharp-read-syntax! and set-parameterized-read-syntax!"
  (define saved (copy-read-table (current-read-table)))
  (set-sharp-read-syntax! #\@ (lambda (port) (list 'at (read port))))
  (test '(at foo) (r "#@foo")) (test '(1 (at (2 3))) (r "(1 #@(2 3))"))
  (set-sharp-read-syntax! #\@ #f) (test-error (r "#@foo"))
  ;; #<NUMBER><CHAR>: the handler gets the port and the number
  (set-parameterized-read-syntax! #\^ (lambda (port n) (make-list n (read port))))
  (test '(x x x) (r "#3^x")) (test '((a) (a)) (r "#2^(a)"))
  ;; datum labels still work
  (test '(a a) (r "(#0=a #0#)"))
  ;; symbols: read marks
  (set-sharp-read-syntax! 'mark (lambda (port) 'marked)) (test 'marked (r "#!mark"))
  (current-read-table saved))
(test-group "copy-read-table and current-read-table"
  (define saved (copy-read-table (current-read-table)))
  (define (percent port) (list 'percent (read port)))
  (set-read-syntax! #\% percent)
  (define with-percent (copy-read-table (current-read-table)))
  (current-read-table saved)
  (test '%x (r "%x"))
  (parameterize ((current-read-table with-percent)) (test '(percent x) (r "%x")))
  (test '%x (r "%x"))
  (test-error (current-read-table 'not-a-table)) (test-error (copy-read-table 1)))
(test-group "define-reader-ctor (SRFI 10)"
  (define saved (copy-read-table (current-read-table)))
  (define-reader-ctor 'list list) (define-reader-ctor 'pair cons)
  (test '(1 2 3) (r "#,(list 1 2 3)")) (test '(a . b) (r "#,(pair a b)"))
  ;; #, of another datum is R6RS unsyntax
  (test '(unsyntax x) (r "#,x")) (test '(unsyntax (foo 1)) (r "#,(foo 1)"))
  (test #t (and (memq 'srfi-10 (map (lambda (f) (if (string? f) (string->symbol f) f)) (features))) #t))
  (current-read-table saved))
(define three 3) ; for the #<# strings below, evaluated at top level
(test-group "extensions to the standard: read syntax"
  ;; Multiline String Constant: #<<TAG up to a line equal to TAG (or end of file)
  (test "\"Hello, world!\", she said." (r "#<<END\n\"Hello, world!\", she said.\nEND\n"))
  (test "a\nb" (r "#<<X\na\nb")) (test "" (r "#<<X\nX\n"))
  (test '(x "line" y) (r "(x #<<T\nline\nT\ny)"))
  ;; with embedded expressions: #expr and #{expr}, ## for #
  (test "This is a simple string with an embedded `#' character\nand substituted expressions: (+ three 99) ==> 102\n(three is \"3\")"
        (eval (r "#<#EOF\nThis is a simple string with an embedded `##' character\nand substituted expressions: (+ three 99) ==> #(+ three 99)\n(three is \"#{three}\")\nEOF\n")))
  (test "3 and 3!" (eval (r "#<#E\n#three and #{three}!\nE")))
  (test-error (r "#<x"))
  ;; Blob literals: hex digits, whitespace ignored (the manual's example:
  ;; #${deadbee f} is de ad be ef); an odd last digit is a byte (csi:
  ;; #${abc} is #${ab0c}); the result is a blob.
  (test (u8vector->blob (bytevector #xde #xad #xbe #xef)) (r "#${deadbee f}")) (test (make-blob 0) (r "#${}"))
  (test #t (blob? (r "#${00}"))) (test (u8vector->blob (bytevector #xab #x0c)) (r "#${abc}"))
  (test-error (r "#${zz}")) (test-error (r "#${12"))
  ;; Conditional Expansion: #+FEATURE EXPR
  (test '(cond-expand (chicken 1) (else)) (r "#+chicken 1"))
  (test 1 #+chicken 1) (test 2 (begin #+(not chicken) 1 2))
  ;; String escape sequences
  (test (string #\x0b #\x0c) (r "\"\\v\\f\""))
  (test "A" (r "\"\\x41\"")) (test "AB" (r "\"\\x41B\"")) (test "A" (r "\"\\x41;\"")) (test "\x3bb;" (r "\"\\x3bb;\""))
  (test "\x3bb;" (r "\"\\u03bb\"")) (test "\x1F600;" (r "\"\\U0001F600\""))
  (test "A\n" (r "\"\\101\\012\"")) (test (string #\nul #\x) (r "\"\\0x\""))
  (test "'|\"\\" (r "\"\\'\\|\\\"\\\\\""))
  (test-error (r "\"\\u12\"")))
