;; An uncaught error ends the program with status 70 after flushing what
;; was printed before it.
(import (chicken base) (chicken format))

(define (parse-entry s)
  (let ((n (string->number s)))
    (unless n (error 'parse-entry "not a number" s))
    n))
(define entries '("10" "20" "30" "x40" "50"))
(define total 0)
(for-each
  (lambda (e)
    (let ((n (parse-entry e)))
      (set! total (+ total n))
      (printf "entry ~a ok, total ~a~%" e total)))
  entries)
(print "not reached")
