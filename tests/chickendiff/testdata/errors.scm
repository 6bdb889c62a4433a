;; Reporting errors the way CHICKEN programs do: print-error-message,
;; condition->list, printing conditions, error message formatting.
(import (chicken base) (chicken condition) (chicken port) (chicken format))

(define (report thunk)
  (handle-exceptions e
    (begin
      (print-error-message e (current-output-port) "Caught")
      (print "--"))
    (thunk)))
(report (lambda () (error "simple message")))
(report (lambda () (error "with irritants" 1 "two" 'three '(4 5))))
(report (lambda () (error 'my-proc "located message" 42)))
(report (lambda () (signal (make-property-condition 'exn 'message "hand-made" 'arguments '(x) 'location 'maker))))
(handle-exceptions e
  (begin (print-error-message e (current-output-port)) (newline))
  (error "default header"))
(print "message accessor: "
  (handle-exceptions e ((condition-property-accessor 'exn 'message) e) (error "msg text" 1)))
(print "arguments accessor: "
  (handle-exceptions e ((condition-property-accessor 'exn 'arguments) e) (error "msg text" 1 2)))
(print "string output of error: "
  (with-output-to-string
    (lambda () (handle-exceptions e (print-error-message e) (error "to string port" "arg")))))
(print "error with symbol only: "
  (handle-exceptions e (list ((condition-property-accessor 'exn 'message) e) ((condition-property-accessor 'exn 'location) e))
    (error 'just-a-symbol)))
(print "user condition printed: " (condition? (make-property-condition 'custom 'a 1)))
(print "exn?: " (handle-exceptions e ((condition-predicate 'exn) e) (error "x")))
(print "error in handler chain: "
  (handle-exceptions outer (list 'outer ((condition-property-accessor 'exn 'message) outer))
    (handle-exceptions inner (error "rethrown" ((condition-property-accessor 'exn 'message) inner))
      (error "original"))))
