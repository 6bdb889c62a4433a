;; Deep non-tail recursion: past 1,024 levels every level gets a heap
;; frame cut from a chunk of 128; a call suspended at the last argument of
;; an open-coded primitive (+, cons, …) keeps neither the primitive nor a
;; constant argument in its frame, and resumes without the argument stack.
;; Continuations captured at the bottom must see all of it unchanged, as
;; often as they are re-entered. A chunk whose frames have all returned is
;; reused by the next deep recursion: never one a continuation holds.
(import (scheme base) (tlsport test))

(define (count-down n f) (if (= n 0) (f) (+ 1 (count-down (- n 1) f))))
(define (build n f) (if (= n 0) (f) (cons n (build (- n 1) f))))
(define (sub-down n f) (if (= n 0) (f) (- (sub-down (- n 1) f) 1)))
(define (three n f) (if (= n 0) (f) (list n 'x (three (- n 1) f))))

(test-group "deep recursion past chunk boundaries"
  (for-each
   (lambda (n)
     (test n (count-down n (lambda () 0)))
     (test (- n) (sub-down n (lambda () 0)))
     (let ((l (build n (lambda () '()))))
       (test n (length l))
       (test n (car l))
       (test 1 (list-ref l (- n 1)))))
   '(1023 1024 1025 1150 1151 1152 1277 1278 3000 10000)))

(test-group "a continuation captured at the bottom, re-entered"
  (for-each
   (lambda (n)
     ;; (+ 1 …) with the constant 1 not saved: each re-entry adds n again
     (let ((saved #f) (runs 0))
       (let ((r (count-down n (lambda () (call/cc (lambda (k) (set! saved k) 0))))))
         (set! runs (+ runs 1))
         (if (< runs 3) (saved (* 1000 runs)))
         (test (+ n 2000) r)
         (test 3 runs)))
     ;; (cons n …): the saved argument is in each frame
     (let ((saved #f) (runs 0) (lists '()))
       (let ((l (build n (lambda () (call/cc (lambda (k) (set! saved k) '()))))))
         (set! runs (+ runs 1))
         (set! lists (cons l lists))
         (if (< runs 3) (saved (make-list runs runs)))
         (test 3 runs)
         (test (list (+ n 2) (+ n 1) n) (map length lists))
         (test '(2 1) (map (lambda (l) (list-ref l n)) (list (car lists) (cadr lists))))
         (test n (car (car lists)))))
     ;; (- (…) 1): the suspended argument is the first one
     (let ((saved #f) (runs 0))
       (let ((r (sub-down n (lambda () (call/cc (lambda (k) (set! saved k) 0))))))
         (set! runs (+ runs 1))
         (if (< runs 2) (saved 7))
         (test (- 7 n) r)))
     ;; a call of three arguments: the earlier ones saved together
     (let ((saved #f) (runs 0))
       (let ((r (three n (lambda () (call/cc (lambda (k) (set! saved k) 'bottom))))))
         (set! runs (+ runs 1))
         (if (< runs 2) (saved 'again))
         (test (list n 'x) (list (car r) (cadr r)))
         (test 2 runs))))
   '(10 1100 3000)))

(test-group "chunks reused after deep recursions return"
  ;; captured at the bottom, then deep recursions that reuse the chunks
  ;; of those that returned, then re-entered
  (let ((saved #f) (runs 0))
    (let ((r (count-down 4000 (lambda () (call/cc (lambda (k) (set! saved k) 0))))))
      (set! runs (+ runs 1))
      (test 3000 (count-down 3000 (lambda () 0)))
      (test 3000 (length (build 3000 (lambda () '()))))
      (if (< runs 3) (saved (* 10 runs)))
      (test 4020 r)
      (test 3 runs)))
  ;; captured half-way down: the frames below the capture are held, those
  ;; above it (in the same chunks) return and are zeroed, not reused
  (let* ((saved #f) (runs 0)
         (mid (lambda () (+ 0 (call/cc (lambda (k) (set! saved k) 0)))))
         (r (count-down 2000 (lambda () (count-down 2000 (lambda () (+ (mid) 0)))))))
    (set! runs (+ runs 1))
    (test 3500 (count-down 3500 (lambda () 0)))
    (if (< runs 3) (saved runs))
    (test 4002 r)
    (test 3 runs))
  ;; frames dropped by an escape and an error: their
  ;; chunks are left to the collector, the next recursions are right
  (let loop ((i 0))
    (when (< i 5)
      (test 'out (call/cc (lambda (k) (count-down 3000 (lambda () (k 'out))))))
      (test 'caught (guard (e (#t 'caught)) (build 3000 (lambda () (car '())))))
      (test (+ 1500 (/ (* 1500 1501) 2)) (apply + (build 1500 (lambda () (list 1500)))))
      (test 6000 (count-down 6000 (lambda () 0)))
      (loop (+ i 1)))))

(test-group "escapes and errors out of deep recursion"
  (test 'out (call/cc (lambda (k) (count-down 5000 (lambda () (k 'out))))))
  (test 'caught (guard (e (#t 'caught)) (count-down 5000 (lambda () (car '())))))
  (test "bottom" (guard (e ((error-object? e) (error-object-message e)))
                   (build 5000 (lambda () (error "bottom")))))
  ;; after all of that the machine counts its depth from the top again
  (test 5000 (count-down 5000 (lambda () 0))))

(test-group "dynamic-wind at the bottom of a deep recursion"
  (let ((log '()) (saved #f) (runs 0))
    (let ((r (count-down 2000
                         (lambda ()
                           (dynamic-wind
                            (lambda () (set! log (cons 'in log)))
                            (lambda () (call/cc (lambda (k) (set! saved k) 0)))
                            (lambda () (set! log (cons 'out log))))))))
      (set! runs (+ runs 1))
      (if (< runs 2) (saved 5))
      (test 2005 r)
      (test '(out in out in) log))))

(test-group "an open-coded primitive redefined while its calls are pending"
  (define (down n f) (if (= n 0) (f) (* 2 (down (- n 1) f))))
  (define saved #f)
  (define runs 0)
  (define r (down 1100 (lambda () (call/cc (lambda (k) (set! saved k) 0)))))
  (set! runs (+ runs 1))
  ;; the frames hold the * they were called with, not the global's value
  (if (= runs 1) (begin (set! * (lambda (a b) 'mine)) (saved 0)))
  (test 0 r)
  (test 'mine (down 3 (lambda () 1))))
