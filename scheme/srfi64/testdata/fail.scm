;; A failing test: reported with its values, counted, and the script exits with status 1.
(import (scheme base) (srfi 64))
;; want: FAIL wrong sum (in failing)
;; want:   expected-value: 5
;; want:   actual-value: 4
;; want: FAIL raises
;; want: # of expected passes      1
;; want: # of unexpected failures  2
(test-begin "failing")
(test-equal "wrong sum" 5 (+ 2 2))
(test-assert "raises" (car '()))
(test-assert #t)
(test-end "failing")
(display "not reached\n")
