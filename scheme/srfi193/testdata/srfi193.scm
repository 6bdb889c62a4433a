;; SRFI-193: the procedures agree with command-line, under each name of the library.
(import (scheme base) (srfi 193) (tlsport test))
(test (if (pair? (command-line)) (cdr (command-line)) (quote ())) (command-args))
(test #t (or (not (command-name)) (string? (command-name))))
(test #t (or (not (script-file)) (and (string? (script-file)) (char=? #\/ (string-ref (script-file) 0)))))
(test (not (script-file)) (not (script-directory)))
