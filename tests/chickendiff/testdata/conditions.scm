;; Conditions: condition-case, handle-exceptions, signal, abort,
;; make-property-condition, get-condition-property, error objects.
(import (chicken base) (chicken condition) (chicken format))

(define (safe-div a b)
  (condition-case (/ a b)
    ((exn arithmetic) 'division-by-zero)
    (e (exn) (list 'other (get-condition-property e 'exn 'message)))))
(print "safe-div 10 2 => " (safe-div 10 2))
(print "safe-div 1 0 => " (safe-div 1 0))

(define r (condition-case (error "Something bad:" 42 'foo)
  (e (exn) (list (get-condition-property e 'exn 'message)
                 (get-condition-property e 'exn 'arguments)
                 (get-condition-property e 'exn 'location)))))
(write r) (newline)

(define r2 (condition-case (error 'my-proc "went wrong" 1 2)
  (e () (list (get-condition-property e 'exn 'location)
              (get-condition-property e 'exn 'message)
              (get-condition-property e 'exn 'arguments)))))
(write r2) (newline)

(define (raise-custom)
  (signal (make-property-condition 'my-error 'code 404 'reason "not found")))
(define r3 (condition-case (raise-custom)
  (e (my-error) (list 'my-error (get-condition-property e 'my-error 'code)
                      (get-condition-property e 'my-error 'reason)))))
(write r3) (newline)

(define composite
  (make-composite-condition
    (make-property-condition 'exn 'message "io failed" 'arguments '() 'location 'reader)
    (make-property-condition 'i/o)
    (make-property-condition 'net 'host "example.org")))
(define r4 (condition-case (abort composite)
  (e (exn i/o net) (list 'net-error (get-condition-property e 'net 'host)
                         (get-condition-property e 'exn 'message)))))
(write r4) (newline)
(print "condition? " (condition? composite) " " (condition? 42))
(print "kinds: " ((condition-predicate 'net) composite) " " ((condition-predicate 'file) composite))
(print "accessor: " ((condition-property-accessor 'net 'host) composite))
(print "default: " (get-condition-property composite 'net 'port 443))
(print "condition->list: " (condition->list (make-property-condition 'a 'x 1)))

(define log '())
(define result
  (handle-exceptions exn
    (begin (set! log (cons 'handled log))
           (if (string? exn) exn (get-condition-property exn 'exn 'message)))
    (set! log (cons 'body log))
    (error "boom")))
(print "handle-exceptions: " result " log " (reverse log))

(print "with-exception-handler + call/cc: "
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (list 'escaped (condition? e))))
        (lambda () (car '()))))))
(print "signal is continuable: "
  (with-exception-handler
    (lambda (e) 10)
    (lambda () (+ 1 (signal (make-property-condition 'warning))))))
(print "abort a number: " (handle-exceptions e (list 'caught e) (abort 42)))
(define (checked-sqrt x)
  (if (negative? x)
      (signal (make-composite-condition
                (make-property-condition 'exn 'message "negative argument" 'arguments (list x) 'location 'checked-sqrt)
                (make-property-condition 'domain)))
      (sqrt x)))
(for-each
  (lambda (x)
    (print x " -> "
      (condition-case (checked-sqrt x)
        (e (domain) (format #f "domain error: ~a ~s" (get-condition-property e 'exn 'message) (get-condition-property e 'exn 'arguments))))))
  '(16 -4 25))
(print "nested: "
  (condition-case
    (condition-case (signal (make-property-condition 'inner))
      (e (outer) 'wrong-handler))
    (e (inner) 'outer-caught-inner)))
(print "type error message: "
  (condition-case (vector-ref (vector 1 2) 5)
    (e (exn bounds) 'bounds-error)
    (e (exn) 'other-exn)))
(print "car of non-pair: "
  (condition-case (car 5) (e (exn type) 'type-error) (e () 'something-else)))
