;; (chicken sort), from the CHICKEN 5 manual page.
(import (chicken sort) (tlsport test))
(test-group "sort merge"
  (test '(1 2 3 4) (sort '(3 1 4 2) <)) (test #(1 2 3) (sort #(3 2 1) <))
  (test '((1 . a) (1 . b) (2 . c)) (sort '((2 . c) (1 . a) (1 . b)) (lambda (x y) (< (car x) (car y)))))
  (test '(1 2 3 4 5) (merge '(1 3 5) '(2 4) <)) (test '(1 2 3 4 5) (merge! (list 1 3 5) (list 2 4) <))
  (test #t (sorted? '(1 2 2 3) <)) (test #f (sorted? '(2 1) <)) (test #t (sorted? #(1 2) <))
  (let ((v (vector 3 1 2))) (sort! v <) (test #(1 2 3) v)))
(test-group "topological-sort"
  ;; csi 5.3's order, which the manual's example (socks undershorts pants
  ;; shoes watch shirt belt tie jacket) predates: both are topological, and
  ;; a program that prints one saw csi's.
  (test '(shirt tie watch undershorts pants belt jacket socks shoes)
        (topological-sort '((shirt tie belt) (tie jacket) (belt jacket) (watch) (pants shoes belt)
                            (undershorts pants shoes) (socks shoes))
                          eq?))
  (test '() (topological-sort '() eq?))
  ;; csi: (a b c d) (a b c d) (a c b) (a d c b)
  (test '(a b c d) (topological-sort '((a b c) (b d) (c d) (d)) eq?))
  (test '(a b c d) (topological-sort '((a b) (c d)) eq?))
  (test '(a c b) (topological-sort '((a b c)) eq?))
  (test '(a d c b) (topological-sort '((a b c d)) eq?))
  (test '("a" "b") (topological-sort '(("a" "b")) equal?))
  (test 'cycle (condition-case (topological-sort '((a b) (b c) (c a)) eq?)
                 (e (exn runtime cycle) 'cycle))))
