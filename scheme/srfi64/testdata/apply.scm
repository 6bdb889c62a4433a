;; SRFI-64 test-apply with no current runner: it makes one (the factory's),
;; which reports once, at the end of test-apply or at an outermost test-end
;; inside it, and is current only during the call.
(import (scheme base) (srfi 64))
;; want: %%%% Starting test apply
;; want: # of expected passes      4
(define (report thunk)
  (let ((o (open-output-string)))
    (parameterize ((current-output-port o)) (thunk))
    (get-output-string o)))
(define one (report (lambda () (test-apply (lambda () (test-begin "a") (test-assert "x" #t) (test-end "a"))))))
(define two (report (lambda () (test-apply (lambda () (test-assert "z" #t))))))
(define after (test-runner-current))
(test-begin "apply")
(test-equal "%%%% Starting test a\n# of expected passes      1\n" one)
(test-equal "# of expected passes      1\n" two)
(test-eq #f after)
(test-equal 'v (test-apply (lambda () 'v)))
(test-end "apply")
