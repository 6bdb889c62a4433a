;; R7RS's define-record-type (the core's) makes records that R6RS's
;; inspection and procedural layers (r6rs-lib §6.3, §6.4) take, as in
;; Guile, Sagittarius and Larceny: record?, record-rtd (the type the
;; type name is bound to), its name, fields and parent, the procedural
;; accessor, mutator, predicate and constructor by field index. Left out
;; where Guile departs from Sagittarius, Larceny and chez-srfi's SRFI-9:
;; record-type-sealed? (Guile #t) and record-field-mutable? of a field
;; without a modifier (Guile #t); srfi9-records.sps diffs those with Chez.
(import (scheme base) (scheme write) (rnrs records inspection) (rnrs records procedural))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define-record-type <thing> (make-thing b) thing? (a thing-a set-thing-a!) (b thing-b))
(define p (make-point 1 2))
(show (record? p) (record? 'point) (record? (vector 1 2)) (record? (make-thing 1)))
(show (record-type-descriptor? (record-rtd p)) (record-type-descriptor? point) (eq? (record-rtd p) point))
(show (record-type-name (record-rtd p)) (record-type-field-names (record-rtd p)) (record-type-parent (record-rtd p))
      (record-type-opaque? point) (record-type-generative? point) (record-field-mutable? point 1))
(show ((record-accessor point 0) p) ((record-accessor point 1) p))
((record-mutator point 1) p 20)
(show (point-y p) ((record-predicate point) p) ((record-predicate point) 5) ((record-predicate point) (make-thing 1)))
(define q ((record-constructor (make-record-constructor-descriptor point #f #f)) 7 8))
(show (point? q) (point-x q) (point-y q))
(define r ((record-constructor (make-record-constructor-descriptor point #f (lambda (new) (lambda (x) (new x x))))) 3))
(show (point? r) (point-x r) (point-y r))
(define t (make-thing 1))
(show (record-type-name (record-rtd t)) (record-type-field-names <thing>) ((record-accessor <thing> 1) t)
      (record-field-mutable? <thing> 0))
