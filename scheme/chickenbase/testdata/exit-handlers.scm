;; exit-handler, implicit-exit-handler and on-exit (chicken base), CHICKEN 5 manual.
;; Ending the program is tested by cmd/tlsport's TestCommand.
(import (chicken base) (tlsport test))
(test-group "exit-handler"
  (test #t (procedure? (exit-handler)))
  (test #t (procedure? (implicit-exit-handler)))
  ;; exit calls (exit-handler) with the code, 0 by default.
  (test 5 (call/cc (lambda (k) (parameterize ((exit-handler k)) (exit 5)))))
  (test 0 (call/cc (lambda (k) (parameterize ((exit-handler k)) (exit)))))
  ;; a handler that returns makes exit return
  (test 'back (begin (parameterize ((exit-handler (lambda (code) code))) (exit 3)) 'back)))
(test-group "on-exit"
  (test-error (on-exit 42))
  (test #t (begin (on-exit (lambda () #t)) #t)))
