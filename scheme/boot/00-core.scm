;; Core procedures written in Scheme so call/cc and tail calls work through them
;; (their loops over one list are Go controls that call the procedure through
;; the trampoline, scheme/walk.go, which keeps that true).
;; A procedure here calls another one of these through a %name bound to the
;; same procedure, so a program's own map or filter does not change it.
;; This file is map and for-each alone: a program calling them evaluates
;; only it (01-sequences.scm, which uses %map, comes after it).
(define (map f l . ls)
  (if (null? ls)
      (%map1 f l) ; the loop below for one list, in Go
      (let loop ((ls (cons l ls)) (acc '()))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (cons (apply f (%cars ls)) acc))
            (reverse acc)))))
(define (for-each f l . ls)
  (if (null? ls)
      (%for-each1 f l)
      (let loop ((ls (cons l ls)))
        (if (%all-pairs? ls) (begin (apply f (%cars ls)) (loop (%cdrs ls)))))))
(define %map map)
(define %for-each for-each)
(define (%all-pairs? ls) (or (null? ls) (and (pair? (car ls)) (%all-pairs? (cdr ls)))))
(define (%cars ls) (if (null? ls) '() (cons (caar ls) (%cars (cdr ls)))))
(define (%cdrs ls) (if (null? ls) '() (cons (cdar ls) (%cdrs (cdr ls)))))
