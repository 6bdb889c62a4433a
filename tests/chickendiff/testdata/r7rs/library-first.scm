;; An R7RS program whose file defines its library before its import
;; declaration: it is still an R7RS program, printing flonums with the
;; fewest digits that read back and strings with R7RS's escapes.
;; guile-departs: Guile's define-library in a script makes the library the current module, so the import declaration after it is unbound
(define-library (stats)
  (export mean variance)
  (import (scheme base))
  (begin
    (define (mean xs) (/ (apply + xs) (length xs)))
    (define (variance xs)
      (let ((m (mean xs)))
        (/ (apply + (map (lambda (x) (square (- x m))) xs)) (length xs))))))

(import (scheme base) (scheme write) (scheme inexact) (stats))

(define samples '(1.5 2.25 3.1 4.0 0.7))
(write (mean samples)) (newline)
(write (variance samples)) (newline)
(write (sqrt (variance samples))) (newline)
(write (/ 1. 3)) (newline)
(write "tab\there, bell\a") (newline)
(write (exact->inexact 2/3)) (newline)
