;; R7RS 4.x, 6.10 control, tail calls, call/cc, dynamic-wind.
(import (scheme base) (tlsport test))

(test-group "tail calls"
  (define (count n) (if (= n 0) 'done (count (- n 1))))
  (test 'done (count 10000000))
  (define (ev? n) (if (= n 0) #t (od? (- n 1))))
  (define (od? n) (if (= n 0) #f (ev? (- n 1))))
  (test #t (ev? 1000000))
  (test 'ok (let loop ((i 0)) (cond ((= i 100000) 'ok) (else (loop (+ i 1))))))
  (test 5 (do ((i 0 (+ i 1))) ((= i 5) i))))

(test-group "deep recursion"
  (define (deep n) (if (= n 0) 0 (+ 1 (deep (- n 1)))))
  (test 1000000 (deep 1000000)))

(test-group "call/cc"
  (test 42 (call/cc (lambda (k) (+ 1 (k 42)))))
  (test 3 (+ 1 (call/cc (lambda (k) 2))))
  ;; re-entry
  (define r #f)
  (define n 0)
  (define v (+ 100 (call/cc (lambda (k) (set! r k) 1))))
  (set! n (+ n 1))
  (if (< n 3) (r n))
  (test 3 n)
  (test 102 v)
  ;; generator that re-enters continuations
  (define (make-gen lst)
    (define return #f)
    (define resume #f)
    (lambda ()
      (call/cc (lambda (r)
        (set! return r)
        (if resume
            (resume #f)
            (begin
              (for-each (lambda (x) (call/cc (lambda (k) (set! resume k) (return x)))) lst)
              (return 'done)))))))
  (define g (make-gen '(a b c)))
  (test 'a (g))
  (test 'b (g))
  (test 'c (g))
  (test 'done (g)))

(test-group "dynamic-wind"
  (define trace '())
  (define (note x) (set! trace (cons x trace)))
  (define k2 #f)
  (dynamic-wind (lambda () (note 'in)) (lambda () (call/cc (lambda (k) (set! k2 k))) (note 'body)) (lambda () (note 'out)))
  (test '(out body in) trace)
  (test '(connect talk1 disconnect connect talk2 disconnect)
    (let ((path '()) (c #f))
      (let ((add (lambda (s) (set! path (cons s path)))))
        (dynamic-wind (lambda () (add 'connect))
                      (lambda () (add (call/cc (lambda (c0) (set! c c0) 'talk1))))
                      (lambda () (add 'disconnect)))
        (if (< (length path) 4) (c 'talk2) (reverse path)))))
  (test 'escaped (call/cc (lambda (k) (dynamic-wind (lambda () #f) (lambda () (k 'escaped)) (lambda () #f))))))

(test-group "values"
  (test 5 (call-with-values (lambda () (values 4 5)) (lambda (a b) b)))
  (test -1 (call-with-values * -))
  (test '(1 2 (3 4)) (receive (a b . c) (values 1 2 3 4) (list a b c)))
  (test '(1 2 3) (let-values (((a b) (values 1 2)) ((c) (values 3))) (list a b c)))
  (test '(1 2) (let*-values (((a) (values 1)) ((b) (values (+ a 1)))) (list a b)))
  (define-values (p q . r) (values 1 2 3 4))
  (test '(1 2 (3 4)) (list p q r)))

(test-group "apply/map"
  (test 7 (apply + 3 4 '()))
  (test 10 (apply + 1 2 '(3 4)))
  (test '(b e h) (map cadr '((a b) (d e) (g h))))
  (test '(5 7 9) (map + '(1 2 3) '(4 5 6)))
  (test '#(0 1 4) (let ((v (make-vector 3))) (for-each (lambda (i) (vector-set! v i (* i i))) '(0 1 2)) v)))

(test-group "promises"
  (test 3 (force (delay (+ 1 2))))
  (test '(3 3) (let ((p (delay (+ 1 2)))) (list (force p) (force p))))
  (define s 0)
  (define p (delay (begin (set! s (+ s 1)) s)))
  (force p) (force p)
  (test 1 s)
  (test 5 (force (make-promise 5)))
  (define (stream-loop n) (delay-force (if (= n 0) (delay 'end) (stream-loop (- n 1)))))
  (test 'end (force (stream-loop 100000))))

(test-group "parameters"
  (define p (make-parameter 10 (lambda (x) (* x 2))))
  (test 20 (p))
  (test 6 (parameterize ((p 3)) (p)))
  (test 20 (p))
  (define k #f)
  (test 100 (parameterize ((p 50)) (p)))
  ;; (p v) sets p and returns the value set, through the converter (CHICKEN).
  (test 14 (p 7))
  (test 14 (p))
  (test 40 (parameterize ((p 1)) (p 20)))
  (test 14 (p)))

(test-group "eval"
  (test 21 (eval '(* 7 3) (scheme-report-environment 5)))
  (test 3 (eval '(let ((x 1)) (+ x 2)) (interaction-environment))))

(test-group "a tail call's operator is evaluated once"
  ;; The operator of a tail call in a procedure's body may be the
  ;; procedure itself (a loop run in place): when it is a call with
  ;; effects, it runs once whatever it returns.
  (define count 0)
  (define (get-proc) (set! count (+ count 1)) list)
  (define (tail) ((get-proc) 1 2))
  (test '(1 2) (tail))
  (test 1 count)
  (define (tail-self n) (if (= n 0) 'done ((begin (set! count (+ count 1)) tail-self) (- n 1))))
  (test 'done (tail-self 3))
  (test 4 count)
  ;; An operator that escapes to a continuation (a coroutine's yield).
  (define saved #f)
  (define (get-k) (set! count (+ count 1)) saved)
  (test 42 (call/cc (lambda (k) (set! saved k) ((get-k) 42))))
  (test 5 count)
  ;; An operator whose evaluation suspends: the call goes on with its value.
  (define (pick) (call/cc (lambda (k) (k +))))
  (define (add3) ((pick) 1 2))
  (test 3 (add3))
  ;; A round-robin scheduler of call/cc coroutines (csi: (a1 b1 a2 b2 a3)).
  (define queue '())
  (define (enqueue! k) (set! queue (append queue (list k))))
  (define (dequeue!) (let ((k (car queue))) (set! queue (cdr queue)) k))
  (define output '())
  (define (yield) (call/cc (lambda (k) (enqueue! k) ((dequeue!) #f))))
  (define scheduler-exit #f)
  (define (spawn thunk) (enqueue! (lambda (ignore) (thunk) (scheduler-exit))))
  (define (run-all)
    (call/cc (lambda (done)
               (set! scheduler-exit (lambda () (if (null? queue) (done 'finished) ((dequeue!) #f))))
               ((dequeue!) #f))))
  (define (worker name n)
    (lambda () (do ((i 1 (+ i 1))) ((> i n)) (set! output (cons (string-append name (number->string i)) output)) (yield))))
  (spawn (worker "a" 3))
  (spawn (worker "b" 2))
  (test 'finished (run-all))
  (test '("a1" "b1" "a2" "b2" "a3") (reverse output)))
