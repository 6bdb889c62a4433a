#!r6rs
;; requires-package: scheme-chez-srfi
;; SRFIs of Debian's chez-srfi collection (/usr/share/r6rs), each with an
;; example from its SRFI document: 5, 54 and 67 load from chez-srfi's files
;; (tlsport has no library of those names); the others are tlsport's own
;; built-in libraries, compared with chez-srfi's.
(import (rnrs)
        (prefix (srfi :115) rx:) (prefix (srfi :126) h:) (prefix (srfi :129) tc:)
        (prefix (srfi :143) fx:) (prefix (srfi :152) s:) (prefix (srfi :175) a:)
        (prefix (srfi :5) l5:) (prefix (srfi :54) c:) (prefix (srfi :67) cmp:) (prefix (srfi :25) ar:))
(define (show x) (write x) (newline))
(show (rx:regexp-matches? '(+ digit) "123"))
(show (rx:regexp-match-submatch (rx:regexp-search '(: ($ (+ alpha)) ":" ($ (+ digit))) "abc:123") 2))
(show (let ((h (h:make-eqv-hashtable))) (h:hashtable-set! h 1 'one) (h:hashtable-ref h 1 #f)))
(show (list (tc:char-title-case? (integer->char #x01C5)) (tc:string-titlecase "hello wORLD")))
(show (list (fx:fx+ 1 2) (fx:fxneg 5)))
(show (list (s:string-pad "abc" 5) (s:string-index "hello" (lambda (c) (char=? c #\l)))))
(show (list (a:ascii-upcase #\a) (a:ascii-digit-value #\7 10)))
(show (l5:let (loop (i 3) (acc '())) (if (= i 0) acc (loop (- i 1) (cons i acc)))))
(show (c:cat 12 5))
(show (list (cmp:integer-compare 1 2) (cmp:integer-compare 2 2)))
(show (let ((a (ar:make-array (ar:shape 0 2 0 2) 0))) (ar:array-set! a 1 1 5) (ar:array-ref a 1 1)))
