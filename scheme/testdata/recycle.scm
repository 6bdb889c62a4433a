;; The evaluator recycles the environment and frames of a call to a
;; procedure that makes no closure once its body is done. These are the
;; cases where it must not: a continuation captured in the call and
;; re-entered after it returned, closures made in loops, handlers that
;; resume a call, dynamic-wind re-entry, threads.
(import (scheme base) (srfi 18) (tlsport test))

;; grab returns v, and saved-k returns again from that call of grab.
(define saved-k #f)
(define (grab v) (call/cc (lambda (k) (set! saved-k k) v)))

;; None of these makes a closure: their envs are candidates for recycling.
(define (sum3 a b c) (+ a (* 10 b) (* 100 (grab c))))        ; suspends at the last argument
(define (sum3-let a b c) (let ((x (grab c))) (+ a (* 10 b) (* 100 x))))
(define (sum3-first a b c) (+ (grab a) (* 10 b) (* 100 c)))  ; later arguments read the env
(define (sum3-seq a b c) (grab 0) (+ a (* 10 b) (* 100 c)))
(define (sum3-if a b c) (if (grab #t) (+ a (* 10 b) (* 100 c)) 'no))
(define (plain a b c) (+ a b c))
;; churn makes many calls with 3-slot envs, which take recycled ones.
(define (churn n) (if (= n 0) 0 (+ (plain n 1 2) (churn (- n 1)))))

;; reenter calls (f 1 2 3), then re-enters grab's continuation twice with
;; the values 4 and 5 after other calls ran.
(define (reenter f)
  (let ((runs 0) (out '()))
    (let ((r (f 1 2 3)))
      (set! out (cons r out))
      (set! runs (+ runs 1))
      (churn 100)
      (if (< runs 3) (saved-k (+ runs 3)))
      (reverse out))))

(test-group "re-entering a continuation captured in a recycled call"
  (test '(321 421 521) (reenter sum3))
  (test '(321 421 521) (reenter sum3-let))
  (test '(321 324 325) (reenter sum3-first))
  (test '(321 321 321) (reenter sum3-seq))
  (test '(321 321 321) (reenter sum3-if))
  ;; a let whose middle init is re-entered gets a new env each time
  (define (let3 a b c) (let ((x a) (y (grab b)) (z c)) (set! x (+ x 10)) (list x y z)))
  (test '((11 2 3) (11 4 3) (11 5 3)) (reenter let3))
  ;; lets in such procedures have their envs recycled too
  (define (let-mid a b c) (let ((s (+ a b))) (+ (grab s) (* 100 c) s)))
  (test '(306 307 308) (reenter let-mid))
  (define (let-nontail a b c) (let ((s (+ a b))) (grab s)) (+ a b c (* 100 (grab c))))
  (test '(306 406 506) (reenter let-nontail))
  (define (or-mid a b c) (+ (or (grab #f) a) (or (and (> b 5) b) (* 10 b)) (* 100 c)))
  (test '(321 324 325) (reenter or-mid)))

;; A generator whose producer loop makes no closure: its frames are
;; captured at each yield and re-entered after other calls.
(define gen-return #f)
(define gen-resume #f)
(define (yield v) (call/cc (lambda (k) (set! gen-resume k) (gen-return v))))
(define (walk lst acc)
  (if (null? lst)
      (gen-return (list 'done acc))
      (begin (yield (car lst)) (churn 20) (walk (cdr lst) (+ acc (car lst))))))
(define (next!)
  (call/cc (lambda (r) (set! gen-return r) (if gen-resume (gen-resume #f) (walk '(1 2 3 4) 0)))))

(test-group "generator over a recycled loop"
  (define (drain acc)
    (let ((x (next!)))
      (churn 30)
      (if (pair? x) (reverse (cons x acc)) (drain (cons x acc)))))
  (test '(1 2 3 4 (done 10)) (drain '())))

(test-group "closures made in loops"
  (define (mk i) (lambda () i))
  (define (collect n acc) (if (= n 0) acc (collect (- n 1) (cons (mk n) acc))))
  (define thunks (collect 5 '()))
  (churn 100)
  (test '(1 2 3 4 5) (map (lambda (t) (t)) thunks))
  (define (adders n)
    (let loop ((i 0) (acc '()))
      (if (= i n) acc (loop (+ i 1) (cons (lambda (x) (+ x i)) acc)))))
  (define as (adders 4))
  (churn 100)
  (test '(13 12 11 10) (map (lambda (a) (a 10)) as))
  (test '(0 1 2) (let ((v (make-vector 3)))
                   (do ((i 0 (+ i 1))) ((= i 3))
                     (vector-set! v i (lambda () i)))
                   (churn 10)
                   (map (lambda (t) (t)) (vector->list v)))))

(test-group "handlers resuming a call"
  (define (risky a b) (+ a (* 10 (raise-continuable b)) (* 100 b)))
  (test 241 (with-exception-handler (lambda (c) (churn 50) (* c 2)) (lambda () (risky 1 2))))
  (define (risky-first a b) (+ (raise-continuable a) (* 10 b) (* 100 a)))
  (test 125 (with-exception-handler (lambda (c) (churn 50) (* c 5)) (lambda () (risky-first 1 2))))
  (define (inner x) (if (= x 3) (error "boom" x) (* x x)))
  (define (outer a b) (+ a (inner b) a))
  (define (try x) (guard (e ((error-object? e) (list 'caught (error-object-irritants e)))) (outer 10 x)))
  (test '(21 24 (caught (3)) 36) (map try '(1 2 3 4)))
  ;; a handler that escapes after capturing the raise's continuation,
  ;; which is re-entered later
  (define back #f)
  (define (risky-k a b) (+ a (* 10 (raise-continuable b)) (* 100 b)))
  (define runs 0)
  (define got '())
  (let ((v (call/cc (lambda (out)
                      (with-exception-handler
                       (lambda (c) (call/cc (lambda (k) (set! back k) (out 'escaped))))
                       (lambda () (risky-k 1 2)))))))
    (set! got (cons v got))
    (set! runs (+ runs 1))
    (churn 50)
    (if (< runs 3) (back runs)))
  (test '(escaped 211 221) (reverse got)))

(test-group "dynamic-wind re-entry into a recycled call"
  (define (dw-reentry)
    (let ((trail '()) (runs 0) (vals '()))
      (let ((v (dynamic-wind (lambda () (set! trail (cons 'in trail)))
                             (lambda () (sum3 1 2 3))
                             (lambda () (set! trail (cons 'out trail))))))
        (set! vals (cons v vals))
        (set! runs (+ runs 1))
        (churn 50)
        (if (< runs 3) (saved-k (+ runs 3)))
        (list (reverse vals) (reverse trail)))))
  (test '((321 421 521) (in out in out in out)) (dw-reentry)))

(test-group "threads"
  (define (fibr n) (if (< n 2) n (+ (fibr (- n 1)) (fibr (- n 2)))))
  (define ts (map (lambda (i) (make-thread (lambda () (fibr (+ 15 i))))) '(0 1 2 3)))
  (for-each thread-start! ts)
  (test '(610 987 1597 2584 6765) (append (map thread-join! ts) (list (fibr 20)))))

(test-group "deep recursion (frames cut from chunks past depth 1024)"
  (define (deep-sum n) (if (= n 0) (grab 0) (+ n (deep-sum (- n 1)))))
  (define (reenter-deep)
    (let ((runs 0) (out '()))
      (let ((r (deep-sum 5000)))
        (set! out (cons r out))
        (set! runs (+ runs 1))
        (churn 2000)
        (if (< runs 3) (saved-k (* runs 1000000)))
        (reverse out))))
  (test '(12502500 13502500 14502500) (reenter-deep))
  (define (deep-err n) (if (= n 0) (error "bottom" n) (+ 1 (deep-err (- n 1)))))
  (test '(caught caught caught)
        (map (lambda (i) (guard (e (#t 'caught)) (deep-err (* i 3000)))) '(1 2 3)))
  (define (deep n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))
  (test '(100000 100000) (list (deep 100000) (deep 100000)))
  ;; a deep non-tail map over a long list, with closures
  (define (my-map f l) (if (null? l) '() (cons (f (car l)) (my-map f (cdr l)))))
  (define big (let loop ((i 0) (acc '())) (if (= i 20000) acc (loop (+ i 1) (cons i acc)))))
  (test 400020000 (apply + (my-map (lambda (x) (* 2 (+ x 1))) big))))

(test-group "thunks run in their closure's env (no env per call)"
  (define (make-counter) (let ((n 0)) (lambda () (set! n (+ n 1)) n)))
  (define c1 (make-counter))
  (define c2 (make-counter))
  (test '(1 2 1 3) (list (c1) (c1) (c2) (c1)))
  (test 6 (let loop () (if (< (c2) 5) (loop) (c2))))
  (test '(a b) (let () (define x 'a) (define (f) (list x 'b)) (f)))
  (define ths (map (lambda (i) (lambda () (* i i))) '(1 2 3)))
  (churn 10)
  (test '(1 4 9) (map (lambda (t) (t)) ths))
  (define (via-thunk a b c) ((lambda () (+ a (* 10 b) (* 100 (grab c))))))
  (test '(321 421 521) (reenter via-thunk))
  (test '(in 7 out) (let ((trail '()))
                      (dynamic-wind (lambda () (set! trail (cons 'in trail)))
                                    (lambda () (set! trail (cons 7 trail)))
                                    (lambda () (set! trail (cons 'out trail))))
                      (reverse trail))))
