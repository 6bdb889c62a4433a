#!r6rs
;; requires-package: scheme-chez-srfi
;; SRFI-9's define-record-type (built into tlsport: the core's form)
;; makes R6RS records, as chez-srfi's (srfi :9) does over R6RS's
;; define-record-type: R6RS's inspection and procedural layers
;; (r6rs-lib §6.3, §6.4) and SRFI-99's take them. A field is mutable when
;; it has a modifier. Left out: record-type-uid (Chez gives a generative
;; type a gensym, tlsport #f, r6rs-lib §6.4 allows both), how records
;; print, and an R6RS type whose parent is a SRFI-9 type (Chez allows it,
;; tlsport raises).
(import (except (rnrs) define-record-type record? record-rtd) (srfi :9)
        (except (srfi :99) define-record-type)
        (only (rnrs records inspection) record-type-name record-type-parent record-type-field-names
              record-type-sealed? record-type-opaque? record-type-generative? record-field-mutable?)
        (prefix (only (rnrs records inspection) record? record-rtd) r6:))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(define-syntax fails?
  (syntax-rules () ((_ e) (guard (c (#t 'error)) e 'no-error))))
(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define-record-type <thing> (make-thing b) thing? (a thing-a set-thing-a!) (b thing-b))
(define p (make-point 1 2))
(define rtd (r6:record-rtd p))
;; R6RS
(show (r6:record? p) (r6:record? 'point) (r6:record? (vector 1 2)) (record-type-descriptor? rtd)
      (eq? rtd (record-type-descriptor point)))
(show (record-type-name rtd) (record-type-field-names rtd) (record-type-parent rtd)
      (record-type-sealed? rtd) (record-type-opaque? rtd) (record-type-generative? rtd))
(show (record-field-mutable? rtd 0) (record-field-mutable? rtd 1) (fails? (record-field-mutable? rtd 2)))
(show ((record-accessor rtd 0) p) ((record-accessor rtd 1) p) (fails? (record-mutator rtd 0))
      (fails? ((record-accessor rtd 0) (make-thing 1))))
((record-mutator rtd 1) p 20)
(show (point-y p) ((record-predicate rtd) p) ((record-predicate rtd) 5) ((record-predicate rtd) (make-thing 1)))
(define q ((record-constructor (make-record-constructor-descriptor rtd #f (lambda (new) (lambda (x) (new x x))))) 3))
(show (point? q) (point-x q) (point-y q))
(define q2 ((record-constructor (record-constructor-descriptor point)) 4 5))
(show (point? q2) (point-x q2) (point-y q2))
(define t (make-thing 1))
(show (record-type-name (r6:record-rtd t)) (record-type-field-names (r6:record-rtd t))
      (record-field-mutable? (r6:record-rtd t) 0) (record-field-mutable? (r6:record-rtd t) 1)
      ((record-accessor (r6:record-rtd t) 1) t))
;; SRFI-99
(show (record? p) (record? 'point) (rtd? (record-rtd p)) (eq? (record-rtd p) rtd))
(show (rtd-name rtd) (rtd-parent rtd) (rtd-field-names rtd) (rtd-all-field-names rtd)
      (rtd-field-mutable? rtd 'x) (rtd-field-mutable? rtd 'y) (fails? (rtd-field-mutable? rtd 'z)))
(show ((rtd-accessor rtd 'y) p) (fails? (rtd-mutator rtd 'x)) ((rtd-predicate rtd) p) ((rtd-predicate rtd) 'p))
((rtd-mutator rtd 'y) p 30)
(show (point-y p))
(define q3 ((rtd-constructor rtd) 5 6))
(define q4 ((rtd-constructor rtd '#(y)) 9))
(show (point? q3) (point-x q3) (point-y q3) (point? q4) (point-y q4))
;; SRFI-99's own records are still records
(define node (make-rtd 'node '#(left (immutable right))))
(define n ((rtd-constructor node) 1 2))
(show (record? n) (r6:record? n) (rtd-name (record-rtd n)) (eq? (record-rtd n) node)
      (rtd-field-mutable? node 'left) (rtd-field-mutable? node 'right)
      (record? ((rtd-constructor (make-rtd 'hidden '#(a) #f 'opaque)) 1)))
