;; top-level forms are read one at a time, just before each runs (csi's
;; load loop): reader settings changed by a form apply to the forms after
;; it, and a continuation of a top-level form goes on with the forms read
;; after the last one.
(import (chicken base) (chicken keyword) (chicken read-syntax))
(define k #f)
(define n 0)
(display (+ 1 (call/cc (lambda (c) (set! k c) 1))))
(newline)
(set! n (+ n 1))
(if (< n 3) (k 10))
(display "after the re-entry") (newline)
(keyword-style #:prefix)
(write (list (keyword? 'foo:) (keyword? ':foo))) (newline)
(keyword-style #:suffix)
(write (list (keyword? 'foo:) (keyword? ':foo))) (newline)
(case-sensitive #f)
(write 'HeLLo) (newline)
(case-sensitive #t)
(write 'HeLLo) (newline)
(display "last form before a read error") (newline)
(display "never run" 
