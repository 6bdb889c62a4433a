;; R7RS-small: a program importing (scheme r5rs) alone has R5RS's names.
(import (scheme r5rs))

(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(show (exact->inexact 1/4) (inexact->exact 0.25) (call-with-current-continuation (lambda (k) (k 'escaped))))
(show (force (delay (+ 1 2))) (eval '(* 6 7) (scheme-report-environment 5)) (eval '(quote q) (null-environment 5)))
(show (caddr '(1 2 3)) (cdddr '(1 2 3 4)) (string->list "abc") (list->string (list #\a)) (char-upcase #\a))
(show (let-syntax ((two (syntax-rules () ((_) 2)))) (two)) (number->string 10 2) (exact? (string->number "1/2")))
(show (with-input-from-file "r5rs.scm" read-char) (input-port? (current-input-port)) (char-ready? (open-input-string "x")))
(show (values 1) (call-with-values (lambda () (values 1 2)) +) (dynamic-wind (lambda () #f) (lambda () 'dw) (lambda () #f)))
(show (sqrt 16) (atan 1.0 1.0) (inexact->exact (floor 2.5)) (rationalize 1/3 1/100) (string->symbol "s") (symbol->string 'abc))
