;; Records: define-record-type, define-record, record printers, accessors.
(import (chicken base) (chicken format))

(define-record-type point
  (make-point x y)
  point?
  (x point-x set-point-x!)
  (y point-y set-point-y!))

(define p (make-point 3 4))
(print "point? " (point? p) " " (point? 'p) " " (point? (vector 3 4)))
(print "x=" (point-x p) " y=" (point-y p))
(set-point-x! p 10)
(print "after set x=" (point-x p))

(set-record-printer! point
  (lambda (pt port)
    (fprintf port "#<point ~a,~a>" (point-x pt) (point-y pt))))
(print p)
(write (list p (make-point 0 0)))
(newline)
(print (format #f "~a and ~s" p p))

(define-record account owner (setter balance))
(define acc (make-account "alice" 100))
(print "account? " (account? acc))
(print "owner " (account-owner acc) " balance " (account-balance acc))
(set! (account-balance acc) 175)
(print "balance via setter " (account-balance acc))

(define-record-printer (account a out)
  (fprintf out "#<account ~s: ~a>" (account-owner a) (account-balance a)))
(print acc)
(write acc) (newline)

(define (deposit! a amount)
  (if (<= amount 0)
      (error 'deposit! "amount must be positive" amount)
      (set! (account-balance a) (+ (account-balance a) amount))))
(deposit! acc 25)
(print "after deposit " (account-balance acc))

(define-record-type <node>
  (make-node value children)
  node?
  (value node-value)
  (children node-children set-node-children!))

(define (tree-sum n)
  (+ (node-value n) (apply + (map tree-sum (node-children n)))))
(define tree (make-node 1 (list (make-node 2 '()) (make-node 3 (list (make-node 4 '()))))))
(print "tree sum " (tree-sum tree))
(define (depth n)
  (if (null? (node-children n)) 1 (+ 1 (apply max (map depth (node-children n))))))
(print "depth " (depth tree))
(set-record-printer! <node>
  (lambda (n port) (fprintf port "<node ~a ~a>" (node-value n) (length (node-children n)))))
(print tree)
(print (node-children tree))
(print "records in a vector: " (vector p acc))
(let ((pts (map (lambda (i) (make-point i (* i i))) '(1 2 3))))
  (for-each (lambda (q) (print (point-x q) "^2 = " (point-y q))) pts)
  (print pts))
