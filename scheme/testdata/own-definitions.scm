;; A program's own definitions of names the boot procedures use (merge,
;; take, drop, filter, any, map, call-with-port) change none of sort,
;; remove, delete-duplicates, vector-map or call-with-input-file.
(import (scheme base) (scheme char) (scheme file) (chicken sort) (srfi 1) (tlsport test))
(define (merge a b) 'own-merge)
(define (take n l) 'own-take)
(define (drop n l) 'own-drop)
(define (filter l p) 'own-filter)
(define (any) 'own-any)
(define (map l f) 'own-map)
(define (for-each) 'own-for-each)
(define (call-with-port) 'own-call-with-port)
(test '(1 2 3 4 5) (sort '(5 3 1 4 2) <))
(test #(1 2 3) (sort #(3 1 2) <))
(test '((1 a) (1 b) (2 c)) (sort '((2 c) (1 a) (1 b)) (lambda (x y) (< (car x) (car y))))) ; stable
(test '(2 4) (remove odd? '(1 2 3 4)))
(test '(1 2 3) (delete-duplicates '(1 2 1 3 2)))
(test '(1 3) (filter-map (lambda (x) (and (odd? x) x)) '(1 2 3)))
(test #(2 4) (vector-map (lambda (x) (* 2 x)) #(1 2)))
(test "AB" (string-map char-upcase "ab"))
(test #t (list= eq? '(a) '(a) '(a)))
(test #f (list= eq? '(a) '(a) '(b)))
(test 'own-merge (merge 1 2))
