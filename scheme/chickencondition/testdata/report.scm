;; print-error-message and current-exception-handler, from the CHICKEN 5 manual page.
(import (chicken condition) (chicken port) (tlsport test))
(define (caught thunk) (call/cc (lambda (k) (with-exception-handler k thunk))))
(test-group "print-error-message (layout as csi 5.3 prints it)"
  (test "\nError: (car) bad argument type: 5\n"
        (call-with-output-string
         (lambda (p) (print-error-message (make-property-condition 'exn 'location 'car 'message "bad argument type" 'arguments '(5)) p))))
  (test "\nWarning: (foo) oops\n1\n\"two\"\n"
        (call-with-output-string (lambda (p) (print-error-message (caught (lambda () (error 'foo "oops" 1 "two"))) p "Warning"))))
  (test "\nError: oops\n" (with-output-to-string (lambda () (print-error-message (caught (lambda () (error "oops")))))))
  (test "" (with-error-output-to-string (lambda () (with-output-to-string (lambda () (print-error-message "x"))))))
  (test "\nError: a string\n" (call-with-output-string (lambda (p) (print-error-message "a string" p))))
  (test "\nError: uncaught exception: 42\n" (call-with-output-string (lambda (p) (print-error-message 42 p))))
  (test "\nError: <condition> (foo)" (call-with-output-string (lambda (p) (print-error-message (make-property-condition 'foo 'x 1) p))))
  (test "\nError: m: \"x\"\n" (call-with-output-string (lambda (p) (print-error-message (make-property-condition 'exn 'message "m" 'location "strloc" 'arguments '("x")) p))))
  (test "\nError: symmsg" (call-with-output-string (lambda (p) (print-error-message (make-property-condition 'exn 'message 'symmsg) p))))
  (test "\nWarning:: x\n" (call-with-output-string (lambda (p) (print-error-message (make-property-condition 'exn 'message "x" 'arguments '()) p "Warning:")))))
(test-group "current-exception-handler"
  (test #t (procedure? (current-exception-handler)))
  (let ((h (lambda (c) 'handled)))
    (test h (with-exception-handler h (lambda () (current-exception-handler)))))
  (test 'via-current
        (call/cc (lambda (k)
                   (with-exception-handler (lambda (c) (k 'via-current))
                     (lambda () ((current-exception-handler) 'boom)))))))
