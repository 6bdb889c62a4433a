;; (srfi 132)'s other names and its re-export of the core's list-sort.
(import (tlsport test) (srfi 132))
(test '(1 2 3) (list-sort < '(3 2 1)))
(test #t (list-sorted? < (list-stable-sort < '(9 8 7))))
