;; case-sensitive #f: read folds symbols to lower case, and write puts a
;; symbol with upper-case letters in bars so that it reads back.
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(show 'Hello (string->symbol "ABC"))
(case-sensitive #f)
(show (read (open-input-string "Hello")) (string->symbol "ABC") 'abc (string->symbol "MiXed Case"))
(show (eq? (read (open-input-string "FOO")) 'foo) (symbol->string (read (open-input-string "|KeepMe|"))))
(display (string->symbol "ABC")) (newline)
(case-sensitive #t)
(show (string->symbol "ABC") (read (open-input-string "Hello")))
