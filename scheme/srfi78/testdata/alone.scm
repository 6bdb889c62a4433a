;; SRFI-78's check-ec in a program that does not import SRFI-42 itself.
(import (tlsport test) (srfi 78))
(check-set-mode! 'summary)
(check-ec (:range i 4) (+ i 0) => i (i))
(check-ec (:list x '(a b)) (symbol? x) => #t)
(test #t (check-passed? 2))
