;; R7RS-small 6.13: the standard ports (no input: the test gives none).
(import (scheme base) (scheme write) (scheme read))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(show (eof-object? (read-line)) (eof-object? (read-char)) (eof-object? (peek-char)) (eof-object? (read)) (eof-object? (read-string 3)))
(show (input-port? (current-input-port)) (output-port? (current-output-port)) (output-port? (current-error-port)) (textual-port? (current-output-port)))
(write-string "to stderr" (current-error-port))
(newline (current-error-port))
(show (input-port-open? (current-input-port)) (output-port-open? (current-output-port)))
