;; R7RS-small 6.13.3 and 6.6/6.7: how write and display show strings,
;; characters and symbols, and what write shows reads back equal.
(import (scheme base) (scheme write) (scheme read) (scheme char))

(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(show (string #\x7 #\x8 #\x9 #\xA #\xD #\x22 #\x5C #\x7C) "λ😀" "plain")
(show #\x7 #\x8 #\x7f #\x1F600 #\x20 #\x9 #\xD #\xA #\a #\Z #\0 #\( #\;)
(show 'abc 'ABC 'a.b '->x '... '+ '- (string->symbol "A"))
(display (list "str" #\c 'sym 1.5 (string #\a #\tab #\b))) (newline)
(show 1.5 -1.5 0.125 (/ 0. 0.) 1e-3 123456.789)
(write-string "write-string\n")
(write-char #\x3bb) (newline)
(define (round-trip x) (let ((p (open-output-string))) (write x p) (read (open-input-string (get-output-string p)))))
(show (equal? (round-trip (string #\x1 #\x1b #\x7f #\a)) (string #\x1 #\x1b #\x7f #\a))
      (equal? (round-trip '("a\\b" #\x0 sym (1 . 2) #(1 "x"))) '("a\\b" #\x0 sym (1 . 2) #(1 "x")))
      (eq? (round-trip (string->symbol "with space")) (string->symbol "with space"))
      (eq? (round-trip (string->symbol "")) (string->symbol ""))
      (eqv? (round-trip (/ 1. 3)) (/ 1. 3)) (eqv? (round-trip 0.1) 0.1))
