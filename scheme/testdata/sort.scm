;; sort, sort! and list-sort (the merge sort of scheme/sort.go): the same
;; order, and the same calls of the predicate in the same order, as the
;; top-down merge sort in Scheme it replaced (reference-sort below); the
;; predicate's continuations, errors and handlers; vectors; long lists.
(import (scheme base) (chicken base) (chicken condition) (srfi 18) (tlsport test))

;; the Scheme merge sort %sort-list was until session 16
(define (reference-merge a b less?)
  (let loop ((a a) (b b) (acc '()))
    (cond ((null? a) (append (reverse acc) b))
          ((null? b) (append (reverse acc) a))
          ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
          (else (loop (cdr a) b (cons (car a) acc))))))
(define (reference-sort l less?)
  (let ((n (length l)))
    (if (< n 2)
        (list-copy l)
        (let split ((i (quotient n 2)) (front '()) (back l))
          (if (= i 0)
              (reference-merge (reference-sort (reverse front) less?) (reference-sort back less?) less?)
              (split (- i 1) (cons (car back) front) (cdr back)))))))

;; a list of n pseudo-random numbers below m (a linear congruence)
(define (numbers n m)
  (let loop ((i 0) (x 7) (acc '()))
    (if (= i n) acc (loop (+ i 1) (modulo (+ (* x 1103515245) 12345) 2147483648) (cons (modulo x m) acc)))))
;; the calls of less? a sort makes, in order
(define (calls sorter l less?)
  (let ((log '()))
    (sorter l (lambda (a b) (set! log (cons (list a b) log)) (less? a b)))
    (reverse log)))

(test-group "the same order as the Scheme merge sort"
  (for-each
   (lambda (n)
     (let ((l (numbers n 10)))
       (test (reference-sort l <) (sort l <))
       (test (reference-sort l <=) (sort l <=)) ; not a strict order
       (test (reference-sort l >) (sort l (lambda (a b) (> a b))))
       (test (reference-sort l >=) (sort l (lambda (a b) (>= a b))))
       (test (calls reference-sort l <) (calls sort l <))))
   '(0 1 2 3 7 8 33 100 257))
  ;; mixed exact and inexact numbers: = but told apart by the order kept
  (let ((l '(2 1.0 1 2.0 0 1 1.0)))
    (test (reference-sort l <) (sort l <))
    (test (reference-sort l <=) (sort l <=)))
  (let ((l (map number->string (numbers 50 1000))))
    (test (reference-sort l string<?) (sort l string<?))
    (test (reference-sort l string-ci>?) (sort l string-ci>?)))
  (let ((l (string->list "the quick brown fox jumps over the lazy dog")))
    (test (reference-sort l char<?) (sort l char<?))
    (test (reference-sort l char-ci>=?) (sort l char-ci>=?)))
  ;; stable: equal keys keep their order
  (test '((1 . a) (1 . b) (1 . c) (2 . x) (2 . y))
        (sort '((2 . x) (1 . a) (2 . y) (1 . b) (1 . c)) (lambda (x y) (< (car x) (car y)))))
  (test '(5 4 3 2 1) (list-sort > '(3 1 4 5 2)))
  (let ((l (list 3 1 2)))
    (test '(1 2 3) (sort l <))
    (test '(3 1 2) l))) ; a copy

(test-group "vectors"
  (test #(1 2 3) (sort #(3 1 2) <))
  (test #() (sort #() <))
  (let ((v (vector 3 1 2)))
    (test '#(1 2 3) (sort v (lambda (a b) (< a b))))
    (test '#(3 1 2) v)
    (sort! v (lambda (a b) (< a b)))
    (test '#(1 2 3) v)))

(test-group "the predicate"
  ;; fewer than two elements: it is not called
  (test '() (sort '() 'not-a-procedure))
  (test '(1) (sort '(1) 'not-a-procedure))
  (test-error (sort '(2 1) 'not-a-procedure))
  ;; its errors are its own
  (test '(exn type) (condition-case (sort '(1 a 2) <) (e (exn type) '(exn type))))
  (test "boom" (condition-case (sort '(1 2 3) (lambda (a b) (error "boom" a)))
                 (e (exn) ((condition-property-accessor 'exn 'message) e))))
  (test-error (sort '(3 . 4) <))
  ;; an escape from it
  (test 'escaped (call/cc (lambda (k) (sort (numbers 50 100) (lambda (a b) (if (> a 90) (k 'escaped) (< a b)))))))
  ;; a continuable raise answered by the handler
  (test '(1 2 3) (with-exception-handler (lambda (e) (< (car e) (cadr e)))
                   (lambda () (sort '(3 1 2) (lambda (a b) (raise-continuable (list a b)))))))
  ;; several values: the first is the answer
  (test '(1 2 3) (sort '(2 3 1) (lambda (a b) (values (< a b) 'ignored))))
  ;; other primitives, and procedures of any kind
  (test '(a b c) (sort '(c a b) (lambda (x y) (string<? (symbol->string x) (symbol->string y)))))
  (test '(1 2 3) (sort '(3 2 1) (case-lambda ((a b) (< a b)))))
  (test '((b 1) (a 2)) (sort '((a 2) (b 1)) (lambda args (apply < (map cadr args)))))
  ;; a thread switch inside it
  (test '(1 2 3 4) (sort '(4 3 2 1) (lambda (a b) (thread-yield!) (< a b))))
  ;; a continuation captured inside it and re-entered after the sort went
  ;; on is an error, not a wrong order
  (let ((k #f) (n 0))
    (let ((r (condition-case
              (sort '(3 2 1) (lambda (a b) (when (and (not k) (= n 0)) (call/cc (lambda (c) (set! k c)))) (< a b)))
              (e (exn) ((condition-property-accessor 'exn 'message) e)))))
      (set! n (+ n 1))
      (test '(1 2 3) (if (= n 1) r '(1 2 3)))
      (if (= n 1) (k #f))
      (test 2 n)
      (test "a continuation captured in the sort's predicate was re-entered after the sort went on" r))))

(test-group "long lists"
  (let* ((l (numbers 100000 1000000)) (s (sort l <)))
    (test 100000 (length s))
    (test #t (sorted? s <))
    (test #t (equal? (sort l (lambda (a b) (< a b))) s))))
