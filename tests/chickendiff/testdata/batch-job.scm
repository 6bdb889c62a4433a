;; A batch job runner: steps run in order with a retry policy, each in
;; dynamic-wind so cleanup is logged, errors classified by condition kind
;; (exn arithmetic, exn type, user conditions, non-condition raises), a
;; results table, then an exit through exit handlers with a status that
;; counts the failures; output written before the exit must all appear.
(import (chicken base) (chicken condition) (chicken format) (chicken string))

(define attempts '())
(define (step name thunk) (list name thunk))

(define flaky-count 0)
(define steps
  (list (step 'load (lambda () (length '(1 2 3))))
        (step 'divide (lambda () (quotient 10 0)))
        (step 'type (lambda () (+ 1 "two")))
        (step 'flaky (lambda () (set! flaky-count (+ flaky-count 1))
                             (if (< flaky-count 3) (signal (make-property-condition 'transient 'try flaky-count)) 'ok-after-retries)))
        (step 'abort-symbol (lambda () (abort 'custom-object)))
        (step 'user-error (lambda () (error 'validate "value out of range" 42 'max 10)))
        (step 'vector (lambda () (vector-ref (vector 1 2) 5)))
        (step 'car (lambda () (car '())))
        (step 'unbound (lambda () (this-is-not-defined 1)))
        (step 'assert (lambda () (assert (= 1 2))))
        (step 'assert-msg (lambda () (assert (memq 'x '(a b)) "x is required" '(a b))))
        (step 'ok (lambda () (string-append "fine" "!")))))

(define (classify e)
  (cond ((not (condition? e)) (list 'raised e))
        (((condition-predicate 'transient) e) (list 'transient (get-condition-property e 'transient 'try)))
        (((condition-predicate 'arithmetic) e) 'arithmetic)
        (((condition-predicate 'type) e) 'type)
        (((condition-predicate 'bounds) e) 'bounds)
        (((condition-predicate 'arity) e) 'arity)
        (((condition-predicate 'exn) e)
         (list 'exn (get-condition-property e 'exn 'message)
               (get-condition-property e 'exn 'arguments '())
               (get-condition-property e 'exn 'location #f)))
        (else 'unknown)))

(define (run-step s retries)
  (let retry ((n 0))
    (let ((result
           (dynamic-wind
            (lambda () (set! attempts (cons (car s) attempts)))
            (lambda ()
              (call-with-current-continuation
               (lambda (k)
                 (with-exception-handler
                  (lambda (e) (k (cons 'failed (classify e))))
                  (lambda () (cons 'ok ((cadr s))))))))
            (lambda () #t))))
      (if (and (eq? (car result) 'failed) (pair? (cdr result)) (eq? (cadr result) 'transient) (< n retries))
          (retry (+ n 1))
          result))))

(define results (map (lambda (s) (cons (car s) (run-step s 3))) steps))
(for-each (lambda (r)
            (printf "~a ~a ~s~%" (string-append (symbol->string (car r)) (make-string (- 14 (string-length (symbol->string (car r)))) #\.))
                    (cadr r) (cddr r)))
          results)
(printf "attempts: ~s~%" (reverse attempts))
(define (filter-failed rs) (cond ((null? rs) '()) ((eq? (cadar rs) 'failed) (cons (car rs) (filter-failed (cdr rs)))) (else (filter-failed (cdr rs)))))
(define failures (length (filter-failed results)))
(on-exit (lambda () (print "exit handler: " failures " failures")))
(print "condition->list keys: " (map car (condition->list (make-composite-condition (make-property-condition 'a 'x 1) (make-property-condition 'b)))))
(display "unterminated line before exit")
(exit failures)
