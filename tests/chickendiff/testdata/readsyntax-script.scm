;; read syntax defined by a script applies to the forms after it
(import (chicken base) (chicken read-syntax))
(set-read-syntax! #\@ (lambda (port) (list 'quote (list 'at (read port)))))
(write @foo) (newline)
(set-sharp-read-syntax! #\> (lambda (port) (let ((n (read port))) (* n 10))))
(write (+ 1 #>4)) (newline)
(define-reader-ctor 'pair cons)
(write '#,(pair 1 2)) (newline)
(write (list @(1 2) "done")) (newline)
