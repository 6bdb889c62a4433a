;; R6RS records under CHICKEN's set-record-printer! and record-printer
;; (CHICKEN manual, (chicken base): "a printing method for record of the
;; type NAME", NAME the type or its name): as for the records of the
;; core's define-record-type, write, display and print call the printer.
(import (rnrs) (chicken base) (chicken format) (chicken memory representation) (tlsport test))
(define (written x) (call-with-string-output-port (lambda (o) (write x o))))
(define-record-type (pt make-pt pt?) (fields x y))
(define-record-type (pt3 make-pt3 pt3?) (parent pt) (fields z))

(test-group "by the type"
  (set-record-printer! pt (lambda (r out) (fprintf out "#,(pt ~S ~S)" (pt-x r) (pt-y r))))
  (test "#,(pt 1 2)" (written (make-pt 1 2)))
  (test "(#,(pt 3 4) #,(pt 5 6))" (written (list (make-pt 3 4) (make-pt 5 6))))
  (test "#,(pt 7 8)" (call-with-string-output-port (lambda (o) (display (make-pt 7 8) o))))
  (test #t (procedure? (record-printer pt)))
  (test #t (procedure? (record-printer 'pt))))

(test-group "by the name, and only for that type (CHICKEN has no inheritance)"
  (set-record-printer! 'pt3 (lambda (r out) (display "<a pt3>" out)))
  (test "<a pt3>" (written (make-pt3 1 2 3)))
  (test #t (procedure? (record-printer pt3)))
  (test "#,(pt 1 2)" (written (make-pt 1 2))))

(test-group "(chicken memory representation)'s records are the core's only (its package doc)"
  (test #f (record-instance? (make-pt 1 2))))
