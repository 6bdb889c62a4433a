;; R7RS-small 2 and 7.1: lexical syntax.
(import (scheme base) (scheme write) (scheme char) (scheme read))

(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))

;; identifiers
(show (symbol->string '|hello world|) (symbol->string '|a\x41;b|) (symbol->string '||) (eq? '|abc| 'abc)
      (symbol->string '|tab\there|) (symbol->string '|bar\|bar|))
(show '... '+ '- '->x '<=? 'a.b '+a '-a '.a '..x 'λ '!$%&*/:<=>?^_~ 'a1+-.@)
(show (symbol->string 'ABC) (eq? 'abc 'ABC))
#!fold-case
(show (symbol->string 'ABC) (eq? 'abc 'ABC) #\A (char->integer #\X) 'Mixed)
#!no-fold-case
(show (symbol->string 'ABC) 'Mixed)
(show (symbol->string '#!fold-case HELLO) 'World)
#!no-fold-case

;; comments
(show 1 #;(ignored datum) 2 #| block #| nested |# still |# 3 ; line
      4)
(show '(a #;b c) '(#;x) '(a . #;b c))
#|
(show 'never)
|#

;; booleans, numbers
(show #t #true #f #false (eq? #t #true))
(show #b1010 #o17 #d99 #xFF #xff #e1.25 #i1/4 #x-a #e#x10 #x#e10 1e3 -0.5 +.5 -5/10)

;; characters
(show #\a #\space #\newline #\tab #\x41 #\x3BB #\X (char->integer #\alarm) (char->integer #\backspace)
      (char->integer #\delete) (char->integer #\escape) (char->integer #\null) (char->integer #\return) (char->integer #\x0))
(show (char->integer #\() (char->integer #\;) (char->integer #\") (char->integer #\x))

;; strings
(show "a\x41;b" "\x3bb;" (string-length "\x3bb;") "\t|\a|\b|" (string->list "\\\"") "new\nline")
(show "line one \
       continued" "keep \
   
   two-line gap? no: one")
(show (string-length "a\
b"))

;; data
(show '(1 . 2) '(1 . (2 3)) '#(1 #(2)) '() '(quote x) ''x '`x ',x ',@x)
(show (let ((b #u8(0 255 16))) (list (bytevector-length b) (bytevector-u8-ref b 1))))

;; read of the same syntax
(define (read-all s)
  (let ((p (open-input-string s)))
    (let loop ((acc '()))
      (let ((x (read p)))
        (if (eof-object? x) (reverse acc) (loop (cons x acc)))))))
(show (read-all "#!fold-case ABC #!no-fold-case DEF #;skip |xy| \"\\x41;\" #\\x41 #e1.5 #| c |# #t #false"))
(show (map (lambda (x) (if (symbol? x) (symbol->string x) x)) (read-all "ABC |q r| #!fold-case XyZ")))
