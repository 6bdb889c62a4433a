;; R7RS (scheme complex) on the real numbers.
(import (scheme base) (scheme complex) (tlsport test))
(test 3.5 (real-part 3.5)) (test 0 (imag-part 3))
(test 5 (magnitude -5)) (test 2.5 (magnitude -2.5))
(test 0 (angle 1)) (test 3.141592653589793 (angle -1.0))
(test 2 (make-rectangular 2 0)) (test 2 (make-polar 2 0))
(test-error (real-part "x"))
