;; (chicken gc), from the CHICKEN 5 manual page "Module (chicken gc)".
(import (chicken gc) (tlsport test))
(define (exact-nonnegative-integer? x) (and (exact-integer? x) (>= x 0)))
(test-group "gc"
  ;; returns the number of free bytes in the heap
  (test #t (exact-nonnegative-integer? (gc)))
  (test #t (exact-nonnegative-integer? (gc #f)))
  (test #t (exact-nonnegative-integer? (gc #t))))
(test-group "current-gc-milliseconds"
  (gc)
  (test #t (exact-nonnegative-integer? (current-gc-milliseconds)))
  (test #t (exact-nonnegative-integer? (current-gc-milliseconds))))
(test-group "memory-statistics"
  ;; a three element vector: heap size, bytes used, nursery size
  (define s (memory-statistics))
  (test #t (vector? s))
  (test 3 (vector-length s))
  (test #t (every exact-nonnegative-integer? (vector->list s)))
  (test #t (< 0 (vector-ref s 1)))
  (test #t (<= (vector-ref s 1) (vector-ref s 0))))
(test-group "set-finalizer!"
  (define log '())
  (define (note! x) (set! log (cons x log)))
  ;; returns X
  (let ((v (vector 'a)))
    (test #t (eq? v (set-finalizer! v (lambda (o) #t)))))
  ;; PROC is called with the object once it is garbage; several per object.
  ;; (The procedures are made outside the scope of the objects: a tlsport
  ;; closure holds its whole environment, which would keep them reachable.)
  (define (first-finalizer o) (note! (cons 1 (vector-ref o 0))))
  (define (second-finalizer o) (note! (cons 2 (vector-ref o 0))))
  (define (string-finalizer o) (note! (string-copy o)))
  (define (drop-some!)
    (set-finalizer! (set-finalizer! (vector 'first) first-finalizer) second-finalizer)
    (set-finalizer! (string #\s #\t #\r) string-finalizer)
    #f)
  (drop-some!)
  (gc #t)
  (test 3 (length log))
  (test #t (and (member "str" log) (member '(1 . first) log) (member '(2 . first) log) #t))
  ;; a reachable object is not finalized
  (set! log '())
  (define (kept-finalizer o) (note! 'kept))
  (define kept (set-finalizer! (list 1 2) kept-finalizer))
  (gc #t)
  (test '() log)
  (test '(1 2) kept)
  ;; an error in a finalizer does not reach the program
  (define (failing-finalizer o) (car o))
  (define (drop-failing!) (set-finalizer! (vector 1) failing-finalizer) #f)
  (drop-failing!)
  (test #t (exact-nonnegative-integer? (gc #t))))
(test-group "nested finalizers"
  ;; a finalizer may collect, and so run other finalizers, itself
  (define log '())
  (define (inner-finalizer o) (set! log (cons 'inner log)))
  (define (drop-inner!) (set-finalizer! (vector 'inner) inner-finalizer) #f)
  (define (outer-finalizer o) (drop-inner!) (gc #t) (set! log (cons 'outer log)))
  (define (drop-outer!) (set-finalizer! (vector 'outer) outer-finalizer) #f)
  (drop-outer!)
  (gc #t)
  (test '(outer inner) log))
(test-group "set-finalizer! errors"
  ;; X must be a non-immediate data object
  (test-error (set-finalizer! 1 (lambda (o) o)))
  (test-error (set-finalizer! #\a (lambda (o) o)))
  (test-error (set-finalizer! #t (lambda (o) o)))
  (test-error (set-finalizer! '() (lambda (o) o)))
  (test-error (set-finalizer! (vector 1) 'not-a-procedure))
  (test-error (set-finalizer! (vector 1))))
(test-group "force-finalizers"
  (test #t (force-finalizers))
  (test #f (parameterize ((force-finalizers #f)) (force-finalizers))))
(test-group "set-gc-report!"
  (set-gc-report! #t)
  (set-gc-report! #f)
  (test #t (exact-nonnegative-integer? (gc))))
