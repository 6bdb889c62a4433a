;; The records of the core's define-record-type (R7RS, SRFI-9) and of
;; CHICKEN's define-record are R6RS records (r6rs-lib §6.3, §6.4), as in
;; Sagittarius, Larceny and Chez with chez-srfi's (srfi :9), which builds
;; SRFI-9's form on R6RS's define-record-type: the values below are Chez's
;; for that program (tests/chickendiff/testdata/srfi9-records.sps diffs
;; it), except where a comment says otherwise. A field is mutable when
;; define-record-type gives it a modifier (chez-srfi's SRFI-9 and
;; SRFI-99's SRFI-9-compatible form).
(import (scheme base) (scheme write) (chicken base) (chicken memory representation)
        (rnrs records inspection) (rnrs records procedural)
        (only (rnrs records syntactic) record-type-descriptor record-constructor-descriptor)
        (only (srfi 111) box unbox) (tlsport test))

(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define p (make-point 1 2))
(define (written x) (let ((o (open-output-string))) (write x o) (get-output-string o)))

(test-group "inspection (§6.4)"
  (test #t (record? p))
  (test #f (record? 'point))
  (test #f (record? (vector 1 2)))
  ;; SRFI-111's boxes are records of the core but not to R6RS: Chez's are
  ;; not records (record? #f, record-rtd an error)
  (test #f (record? (box 1)))
  (test 'error (guard (e (#t 'error)) (record-rtd (box 1))))
  (test 5 (unbox (box 5)))
  (test #t (record-type-descriptor? (record-rtd p)))
  (test #t (record-type-descriptor? point))      ; the type name is bound to the rtd (Sagittarius, Larceny, SRFI-99)
  (test #t (eq? (record-rtd p) point))
  (test #t (eq? (record-rtd p) (record-type-descriptor point)))
  (test 'point (record-type-name (record-rtd p)))
  (test #(x y) (record-type-field-names (record-rtd p)))
  (test #f (record-type-parent (record-rtd p)))
  (test #f (record-type-sealed? (record-rtd p)))
  (test #f (record-type-opaque? (record-rtd p)))
  (test #t (record-type-generative? (record-rtd p)))
  (test #f (record-type-uid (record-rtd p)))     ; Chez: a gensym; r6rs-lib §6.4 allows either
  (test #f (record-field-mutable? point 0))
  (test #t (record-field-mutable? point 1))
  (test-error (assertion) (record-field-mutable? point 2)))

(test-group "procedural layer (§6.3)"
  (test 1 ((record-accessor point 0) p))
  (test 2 ((record-accessor (record-rtd p) 1) p))
  ((record-mutator point 1) p 20)
  (test 20 (point-y p))
  (test-error (assertion) (record-mutator point 0))
  (test-error (assertion) (record-accessor point 2))
  (test #t ((record-predicate point) p))
  (test #f ((record-predicate point) 5))
  (define-record-type other (make-other x y) other? (x other-x) (y other-y))
  (test #f ((record-predicate point) (make-other 1 2)))
  (test-error ((record-accessor point 0) (make-other 1 2)))
  (define make-point* (record-constructor (make-record-constructor-descriptor point #f #f)))
  (define q (make-point* 7 8))
  (test '(#t 7 8) (list (point? q) (point-x q) (point-y q)))
  (test "#<point>" (written q))
  (define make-diagonal
    (record-constructor (make-record-constructor-descriptor point #f (lambda (new) (lambda (x) (new x x))))))
  (test '(#t 3 3) (let ((d (make-diagonal 3))) (list (point? d) (point-x d) (point-y d))))
  (test '(#t 4 5) (let ((r ((record-constructor (record-constructor-descriptor point)) 4 5)))
                    (list (point? r) (point-x r) (point-y r)))))
;; a core type as a parent: core-parent.scm

(test-group "fields in the order of the field specs, not the constructor's"
  (define-record-type <thing> (make-thing b) thing? (a thing-a set-thing-a!) (b thing-b))
  (define t (make-thing 1))
  (test '<thing> (record-type-name (record-rtd t)))
  (test #(a b) (record-type-field-names <thing>))
  (test '(#t #f) (list (record-field-mutable? <thing> 0) (record-field-mutable? <thing> 1)))
  (test 1 ((record-accessor <thing> 1) t))
  (test '(8 9) (let ((u ((record-constructor (make-record-constructor-descriptor <thing> #f #f)) 8 9)))
                 (list (thing-a u) (thing-b u)))))

(test-group "CHICKEN's define-record: every slot has a modifier"
  (define-record node left right)
  (define n (make-node 'a 'b))
  (test #t (record? n))
  (test 'node (record-type-name (record-rtd n)))
  (test #(left right) (record-type-field-names (record-rtd n)))
  (test '(#t #t) (list (record-field-mutable? (record-rtd n) 0) (record-field-mutable? (record-rtd n) 1)))
  ((record-mutator (record-rtd n) 0) n 'c)
  (test 'c (node-left n)))

(test-group "unchanged for CHICKEN and R7RS: printing, record-instance? (CHICKEN manual, (chicken memory representation))"
  (test "#<point>" (written p))
  (test #t (record-instance? p))
  (test #t (record-instance? p 'point))
  (test 'point (record-instance-type p))
  (test #(point 1 20) (record->vector p)))
