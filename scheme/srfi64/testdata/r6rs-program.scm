;; An R6RS program: a library with define-record-type and a syntax-case macro, imported with (srfi :64 testing), reported through SRFI-64.
;; want: # of expected passes      4
(library (demo util (1 0))
  (export make-pt pt-x swap! pt?)
  (import (rnrs (6)))
  (define-record-type pt (fields x y))
  (define-syntax swap!
    (lambda (stx)
      (syntax-case stx ()
        ((_ a b) #'(let ((tmp a)) (set! a b) (set! b tmp)))))))
(import (rnrs) (demo util) (srfi :64 testing))
(test-begin "r6")
(test-equal 3 (pt-x (make-pt 3 4)))
(define tmp 1) (define y 2)
(swap! tmp y)
(test-equal '(2 1) (list tmp y))
(test-assert (pt? (make-pt 1 2)))
(let-values (((p get) (open-string-output-port))) (put-string p "ok") (test-equal "ok" (get)))
(test-end "r6")
