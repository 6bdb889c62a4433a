;; SRFI-99's inspection and procedural layers on the records of SRFI-9's
;; (R7RS's) define-record-type, which are records for them, as SRFI-99
;; §"Inspection layer" asks of every record and as Chez with chez-srfi's
;; (srfi :9) and (srfi :99) gives: tests/chickendiff/testdata/
;; srfi9-records.sps diffs the same program with Chez. A field is mutable
;; when define-record-type gives it a modifier. A SRFI-9 type can be the
;; parent of a SRFI-99 type (make-rtd, define-record-type), as in Chez.
(import (scheme base) (scheme write) (srfi 9) (except (srfi 99) define-record-type)
        (only (prefix (srfi 99) srfi99:) srfi99:define-record-type) (tlsport test))

(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define p (make-point 1 2))

(test-group "inspection layer"
  (test #t (record? p))
  (test #f (record? 'point))
  (test #t (rtd? (record-rtd p)))
  (test #t (rtd? point))
  (test #t (eq? point (record-rtd p)))
  (test 'point (rtd-name (record-rtd p)))
  (test #f (rtd-parent (record-rtd p)))
  (test #(x y) (rtd-field-names (record-rtd p)))
  (test #(x y) (rtd-all-field-names (record-rtd p)))
  (test #f (rtd-field-mutable? point 'x))
  (test #t (rtd-field-mutable? point 'y))
  (test-error (rtd-field-mutable? point 'z)))

(test-group "procedural layer"
  (test 2 ((rtd-accessor point 'y) p))
  ((rtd-mutator point 'y) p 30)
  (test 30 (point-y p))
  (test-error (rtd-mutator point 'x))
  (test #t ((rtd-predicate point) p))
  (test #f ((rtd-predicate point) (vector 1 2)))
  (define q ((rtd-constructor point) 5 6))
  (test '(#t 5 6) (list (point? q) (point-x q) (point-y q)))
  (define q2 ((rtd-constructor point '#(y)) 9))
  (test '(#t 9) (list (point? q2) (point-y q2)))
  (let ((o (open-output-string)))
    (write q o)
    (test "#<point>" (get-output-string o))))

(test-group "a SRFI-9 type as a parent (Chez with chez-srfi)"
  (define p99 (make-rtd 'p99 '#(z) point))
  (define c ((rtd-constructor p99) 1 2 3))
  (test '(#t 1 1 3) (list (point? c) (point-x c) ((rtd-accessor p99 'x) c) ((rtd-accessor p99 'z) c)))
  (test #(x y z) (rtd-all-field-names p99))
  (test #(z) (rtd-field-names p99))
  (test #t (eq? (rtd-parent p99) point))
  (test #t (eq? (record-rtd c) p99))
  (test '(#t #f) (list ((rtd-predicate point) c) ((rtd-predicate p99) (make-point 1 2))))
  (define c2 ((rtd-constructor p99 '#(z x)) 7 8))
  (test '(8 7) (list (point-x c2) ((rtd-accessor p99 'z) c2)))
  ((rtd-mutator p99 'y) c 40)
  (test 40 (point-y c))
  (set-point-y! c 41)
  (test 41 ((rtd-accessor p99 'y) c))
  (test '(#f #t #t) (list (rtd-field-mutable? p99 'x) (rtd-field-mutable? p99 'y) (rtd-field-mutable? p99 'z)))
  (test-error (rtd-mutator p99 'x))
  (test-error ((rtd-accessor p99 'z) (make-point 1 2)))
  (define o (make-rtd 'o '#() point 'opaque))
  (define oo ((rtd-constructor o) 1 2))
  (test '(#f #t 2) (list (record? oo) (point? oo) (point-y oo)))
  (test-error (make-rtd 's2 '#() (make-rtd 's '#() point 'sealed))))

(test-group "SRFI-99's own records are still records"
  (define node (make-rtd 'node '#(left (immutable right))))
  (define n ((rtd-constructor node) 1 2))
  (test #t (record? n))
  (test 'node (rtd-name (record-rtd n)))
  (test #t (eq? (record-rtd n) node))
  (test '(#t #f) (list (rtd-field-mutable? node 'left) (rtd-field-mutable? node 'right)))
  (define hidden (make-rtd 'hidden '#(a) #f 'opaque))
  (test #f (record? ((rtd-constructor hidden) 1))))

(test-group "SRFI-99's define-record-type with a SRFI-9 parent"
  (srfi99:define-record-type (p3 point) #t #t z (w p3-w p3-w-set!))
  (define a (make-p3 1 2 3 4))
  (test '(#t #t 1 2 3 4 #f) (list (point? a) (p3? a) (point-x a) (point-y a) (p3-z a) (p3-w a) (p3? (make-point 1 2))))
  (p3-w-set! a 5)
  (set-point-y! a 6)
  (test '(5 6) (list (p3-w a) (point-y a)))
  (test #t (eq? (rtd-parent p3) point))
  (test #(x y z w) (rtd-all-field-names p3))
  (test 'p3 (rtd-name (record-rtd a)))
  (test '(#t #f #t #t) (list (record? a) (rtd-field-mutable? p3 'x) (rtd-field-mutable? p3 'y) (rtd-field-mutable? p3 'z))))
