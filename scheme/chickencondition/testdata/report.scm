;; print-error-message and current-exception-handler, from the CHICKEN 5 manual page.
(import (chicken condition) (chicken port) (tlsport test))
(define (caught thunk) (call/cc (lambda (k) (with-exception-handler k thunk))))
(test-group "print-error-message"
  (test "Error: (car) bad argument type: 5\n"
        (call-with-output-string
         (lambda (p) (print-error-message (make-property-condition 'exn 'location 'car 'message "bad argument type" 'arguments '(5)) p))))
  (test "Warning: (foo) oops: 1 \"two\"\n"
        (call-with-output-string (lambda (p) (print-error-message (caught (lambda () (error 'foo "oops" 1 "two"))) p "Warning"))))
  (test "Error: oops\n" (with-error-output-to-string (lambda () (print-error-message (caught (lambda () (error "oops")))))))
  (test #t (string? (call-with-output-string (lambda (p) (print-error-message 42 p))))))
(test-group "current-exception-handler"
  (test #t (procedure? (current-exception-handler)))
  (let ((h (lambda (c) 'handled)))
    (test h (with-exception-handler h (lambda () (current-exception-handler)))))
  (test 'via-current
        (call/cc (lambda (k)
                   (with-exception-handler (lambda (c) (k 'via-current))
                     (lambda () ((current-exception-handler) 'boom)))))))
