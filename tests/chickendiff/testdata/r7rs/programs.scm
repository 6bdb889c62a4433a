;; R7RS-small chapter 5: programs, definitions, records, libraries.
(import (scheme base) (scheme write) (r7lib shapes) (only (scheme char) char-upcase) (prefix (scheme cxr) cx:) (rename (scheme base) (car first)))

(define (show . xs) (for-each write xs) (newline))

(define p (make-point 3 4))
(show (point? p) (point? 5) (point-x p) (point-y p))
(set-point-x! p 10)
(show (point-x p) (area 2 3) (perimeter 2 3) version-tag)
(show (first '(a b)) (cx:caddr '(1 2 3)) (char-upcase #\a))

;; 5.3 variable definitions
(define-values (q r) (floor/ 17 5))
(show q r)
(define-values (head . tail) (values 1 2 3))
(show head tail)
(define-values all (values 'x 'y))
(show all)
(define (f)
  (define-values (a b) (values 1 2))
  (define c 3)
  (+ a b c))
(show (f))
(begin (define in-begin 1) (define in-begin2 2))
(show in-begin in-begin2)

;; 5.4 syntax definitions in bodies
(define (g x)
  (define-syntax double (syntax-rules () ((_ e) (* 2 e))))
  (double x))
(show (g 21))

;; 5.5 record types
(define-record-type <node> (make-node val next) node? (val node-val) (next node-next set-node-next!))
(define-record-type empty (make-empty) empty?)
(define n (make-node 1 '()))
(set-node-next! n (make-node 2 '()))
(show (node-val (node-next n)) (node? n) (node? (make-empty)) (empty? (make-empty)))
(define-record-type partial (make-partial b) partial? (a partial-a set-partial-a!) (b partial-b))
(define pp (make-partial 'bee))
(set-partial-a! pp 'ay)
(show (partial-a pp) (partial-b pp))
(show (procedure? make-node) (procedure? node-val) (vector? n) (pair? n))

;; 5.6.2 cond-expand in a program
(cond-expand
  ((and r7rs (not no-such-feature)) (show 'r7rs-yes))
  (else (show 'r7rs-no)))
(cond-expand
  ((library (scheme base)) (show 'has-base))
  (else (show 'no-base)))
(cond-expand
  ((or no-such-feature-1 no-such-feature-2) (show 'wrong))
  (else (show 'else-taken)))
(show (and (memq (quote r7rs) (features)) #t) (and (memq (quote exact-closed) (features)) #t) (list? (features)))
