;; The simple runner's callbacks are the procedures SRFI-64 names: its
;; accessors return test-on-test-end-simple & co. (eq?, callable), and the
;; default factory is test-runner-simple — as SRFI-64's reference
;; meta-test suite (section 8) checks.
(import (scheme base) (srfi 64))
;; want: %%%% Starting test simple-callbacks
;; want: # of expected passes
(test-begin "simple-callbacks")
(define s (test-runner-simple))
(test-assert (eq? (test-runner-on-test-begin s) test-on-test-begin-simple))
(test-assert (eq? (test-runner-on-test-end s) test-on-test-end-simple))
(test-assert (eq? (test-runner-on-group-begin s) test-on-group-begin-simple))
(test-assert (eq? (test-runner-on-group-end s) test-on-group-end-simple))
(test-assert (eq? (test-runner-on-final s) test-on-final-simple))
(test-assert (eq? (test-runner-on-bad-count s) test-on-bad-count-simple))
(test-assert (eq? (test-runner-on-bad-end-name s) test-on-bad-end-name-simple))
(test-assert (eq? (test-runner-factory) test-runner-simple))
(test-assert (test-runner? ((test-runner-factory))))
(test-equal '(#f #f) (let ((n (test-runner-null))) (list (test-runner-on-test-end n) (test-runner-on-final n))))
;; a simple runner's callback, taken and called: on-group-begin announces the outermost group
(test-equal "%%%% Starting test g\n"
  (let ((out (open-output-string)))
    (parameterize ((current-output-port out)) ((test-runner-on-group-begin s) s "g" #f))
    (get-output-string out)))
(test-end "simple-callbacks")
