;; Importing a part of (srfi 132), alone or beside R6RS's sorting (whose
;; vector-sort! takes (proc vector)): each procedure still works.
(import (tlsport test) (only (srfi 132) vector-sort vector-find-median! vector-merge))
(test #(1 2 3) (vector-sort < #(3 1 2)))
(test #(1 2 3 4) (vector-merge < #(1 4) #(2 3)))
(import (rnrs sorting))
(let ((v (vector 5 1 3))) (test 3 (vector-find-median! < v 0)) (test #(1 3 5) v))
(let ((v (vector 2 1))) (vector-sort! < v) (test #(1 2) v))
