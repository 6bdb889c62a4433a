;; SRFI-99's inspection and procedural layers on the records of SRFI-9's
;; (R7RS's) define-record-type, which are records for them, as SRFI-99
;; §"Inspection layer" asks of every record and as Chez with chez-srfi's
;; (srfi :9) and (srfi :99) gives: tests/chickendiff/testdata/
;; srfi9-records.sps diffs the same program with Chez. A field is mutable
;; when define-record-type gives it a modifier.
(import (scheme base) (scheme write) (srfi 9) (except (srfi 99) define-record-type) (tlsport test))

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
    (test "#<point>" (get-output-string o)))
  (test-error (make-rtd 'point3 '#(z) point)))

(test-group "SRFI-99's own records are still records"
  (define node (make-rtd 'node '#(left (immutable right))))
  (define n ((rtd-constructor node) 1 2))
  (test #t (record? n))
  (test 'node (rtd-name (record-rtd n)))
  (test #t (eq? (record-rtd n) node))
  (test '(#t #f) (list (rtd-field-mutable? node 'left) (rtd-field-mutable? node 'right)))
  (define hidden (make-rtd 'hidden '#(a) #f 'opaque))
  (test #f (record? ((rtd-constructor hidden) 1))))
