;; A call to a Scheme procedure that is not in tail position runs the
;; callee's body by Go recursion (up to a bounded depth) instead of
;; queueing the caller's frame; whatever needs the whole continuation
;; (call/cc, dynamic-wind, raise, a handler's value) must see the same
;; continuation as if every caller had queued its frame.
(import (scheme base) (tlsport test))

;; nest calls f in n nested argument positions: (+ 1 (+ 1 … (f) …)),
;; deeper than the bound on direct calls for the larger n.
(define (nest n f) (if (= n 0) (f) (+ 1 (nest (- n 1) f))))

(test-group "call/cc escaping from and re-entering direct calls"
  (for-each
   (lambda (n)
     ;; escape out of n direct calls
     (test 'out (call/cc (lambda (k) (nest n (lambda () (k 'out))))))
     ;; re-enter a continuation captured n direct calls deep, three times
     (let ((saved #f) (runs 0))
       (let ((r (nest n (lambda () (call/cc (lambda (k) (set! saved k) 0))))))
         (set! runs (+ runs 1))
         (if (< runs 3) (saved (* 10 runs)))
         (test (+ n 20) r)
         (test 3 runs))))
   '(0 1 5 99 100 101 250))
  ;; a generator whose producer yields from inside argument positions
  (define gen-return #f)
  (define gen-resume #f)
  (define (yield v) (call/cc (lambda (k) (set! gen-resume k) (gen-return v))))
  (define (walk t) (if (pair? t) (+ (walk (car t)) (walk (cdr t))) (if (null? t) 0 (begin (yield t) t))))
  (define (next!)
    (call/cc (lambda (r) (set! gen-return r)
               (if gen-resume
                   (gen-resume #f)
                   (let ((sum (walk '((1 2) (3 (4 5)) 6)))) (gen-return (list 'done sum)))))))
  (define (drain acc) (let ((x (next!))) (if (pair? x) (list (reverse acc) x) (drain (cons x acc)))))
  (test '((1 2 3 4 5 6) (done 21)) (drain '())))

(test-group "raise and handlers inside direct calls"
  ;; the handler's value replaces the raise, n calls deep
  (for-each
   (lambda (n)
     (test (+ n 42) (with-exception-handler
                     (lambda (e) 40)
                     (lambda () (nest n (lambda () (+ 2 (raise-continuable 'oops))))))))
   '(0 3 150))
  ;; errors of primitives and raise reach guard from any depth
  (test 'caught (guard (e (#t 'caught)) (nest 150 (lambda () (car 5)))))
  (test '(x) (guard (e ((symbol? e) (list e))) (nest 7 (lambda () (raise 'x)))))
  (test "boom" (guard (e ((error-object? e) (error-object-message e))) (nest 120 (lambda () (error "boom" 1)))))
  ;; a handler that returns from a non-continuable raise is an error
  (test-error (with-exception-handler (lambda (e) 1) (lambda () (nest 5 (lambda () (raise 'no))))))
  ;; the evaluation goes on normally after an error inside direct calls
  (test 10 (nest 10 (lambda () 0))))

(test-group "dynamic-wind inside direct calls"
  (define log '())
  (define (note x) (set! log (cons x log)))
  (test 'esc (call/cc (lambda (k)
                        (nest 30 (lambda ()
                                   (dynamic-wind (lambda () (note 'in))
                                                 (lambda () (+ 1 (nest 30 (lambda () (k 'esc)))))
                                                 (lambda () (note 'out))))))))
  (test '(out in) log)
  (set! log '())
  (test 65 (nest 30 (lambda ()
                      (dynamic-wind (lambda () (note 'in))
                                    (lambda () (+ 5 (nest 30 (lambda () 0))))
                                    (lambda () (note 'out))))))
  (test '(out in) log))

(test-group "tail calls inside direct calls"
  ;; a long loop in tail position inside an argument: no growth
  (define (count-to n) (let loop ((i 0)) (if (= i n) i (loop (+ i 1)))))
  (test 100001 (+ 1 (count-to 100000)))
  ;; mutual recursion in tail position, called from an argument
  (define (ev? n) (if (= n 0) #t (od? (- n 1))))
  (define (od? n) (if (= n 0) #f (ev? (- n 1))))
  (test '(#t #f) (list (ev? 100000) (od? 100000)))
  ;; deep non-tail recursion through arguments of closures and primitives
  (define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
  (test 100000 (length (build 100000)))
  (define (wrap n) (if (= n 0) 'x (list (wrap (- n 1)))))
  (test '((((x)))) (wrap 4))
  (define (depth t) (if (pair? t) (+ 1 (depth (car t))) 0))
  (test 5000 (depth (wrap 5000))))

(test-group "letrec and internal definitions read before set"
  ;; procedures only: no check needed, and none can fail
  (test '(#t #f) (letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1)))))
                          (od? (lambda (n) (if (= n 0) #f (ev? (- n 1))))))
                   (list (ev? 10) (od? 10))))
  (test 3 (let () (define (f) (g)) (define (g) 3) (f)))
  (test 6 (let loop ((i 0) (s 0)) (if (= i 4) s (loop (+ i 1) (+ s i)))))
  ;; a variable read before its value is set is an error
  (test-error (letrec ((f (lambda () g)) (g (f))) g))
  (test-error (letrec ((a b) (b 1)) a))
  (test-error (let () (define (f) g) (define x (f)) (define g 1) x))
  (test-error (let () (define (f) g) (f) (define g 1) 1)))

(test-group "loops reuse their env only while no continuation can hold it"
  (define saved '())
  (define (grab v) (call/cc (lambda (k) (set! saved (cons (cons v k) saved)) v)))
  (define (capture-at? i) (memv i '(3 7)))
  ;; captures in some rounds only: the rounds before run on one env
  (define (count-up n)
    (let loop ((i 0) (acc '()))
      (if (= i n)
          (reverse acc)
          (loop (+ i 1) (cons (if (capture-at? i) (grab i) i) acc)))))
  (define runs 0)
  (define results '())
  (let ((r (count-up 10)))
    (set! results (cons r results))
    (set! runs (+ runs 1))
    (cond ((= runs 1) ((cdr (assv 3 saved)) 'x))
          ((= runs 2) ((cdr (assv 7 saved)) 'y))))
  (test '((0 1 2 3 4 5 6 7 8 9) (0 1 2 x 4 5 6 7 8 9) (0 1 2 x 4 5 6 y 8 9))
        (reverse results))
  ;; captured before the loop's next round, re-entered after the loop ended
  (define (walk n)
    (let loop ((i 0) (acc '()))
      (if (= i n)
          (reverse acc)
          (begin (if (capture-at? i) (grab i)) (loop (+ i 1) (cons i acc))))))
  (set! saved '())
  (set! runs 0)
  (set! results '())
  (let ((r (walk 10)))
    (set! results (cons r results))
    (set! runs (+ runs 1))
    (if (< runs 3) ((cdr (assv 3 saved)) #f)))
  (test (make-list 3 '(0 1 2 3 4 5 6 7 8 9)) results)
  ;; two closures of one procedure: a call to the other one is not a loop
  (define (make-counter start)
    (define (step n acc) (if (= n 0) acc (step (- n 1) (+ acc start))))
    step)
  (test '(30 300) (list ((make-counter 10) 3 0) ((make-counter 100) 3 0)))
  (define (sum-to n) (let loop ((i 0) (s 0)) (if (> i n) s (loop (+ i 1) (+ s i)))))
  (test 5050 (sum-to 100))
  (test '(5050 55) (list (sum-to 100) (sum-to 10))))

(test-group "loop rounds through lets"
  ;; a self call inside lets of the loop's body (a read loop binding what
  ;; it read) runs the next round in place too, from the lets' envs
  (define (read-all p)
    (let loop ((n 0) (acc '()))
      (let ((c (read-char p)))
        (if (eof-object? c) (list n (list->string (reverse acc))) (loop (+ n 1) (cons c acc))))))
  (test '(3 "abc") (read-all (open-input-string "abc")))
  (test '(0 "") (read-all (open-input-string "")))
  ;; two lets deep, shadowing a loop variable, several variables per let
  (define (steps n)
    (let loop ((i 0) (acc '()))
      (let ((j (* i 2)) (k (+ i 1)))
        (let ((i (+ j k)))
          (if (> k n) (reverse acc) (loop k (cons i acc)))))))
  (test '(1 4 7 10) (steps 4))
  ;; a let whose env a round keeps for later (a closure: not a loop) and
  ;; a let between the body and a let* (each let one scope)
  (define (keep n)
    (let loop ((i 0) (fs '()))
      (let ((x (* i i)))
        (if (= i n) (map (lambda (f) (f)) (reverse fs)) (loop (+ i 1) (cons (lambda () x) fs))))))
  (test '(0 1 4 9) (keep 4))
  (define (sums n)
    (let loop ((i 0) (s 0))
      (let* ((a i) (b (+ a s)))
        (if (= i n) s (loop (+ i 1) b)))))
  (test 45 (sums 10))
  ;; a continuation captured in a let's init, re-entered after the loop ended
  (define saved #f)
  (define (grab-at-3 i) (if (= i 3) (call/cc (lambda (k) (set! saved k) i)) i))
  (define (walk n)
    (let loop ((i 0) (acc '()))
      (let ((v (grab-at-3 i)))
        (if (= i n) (reverse acc) (loop (+ i 1) (cons v acc))))))
  (define runs 0)
  (define results '())
  (let ((r (walk 6)))
    (set! results (cons r results))
    (set! runs (+ runs 1))
    (if (= runs 1) (saved 'again)))
  (test '((0 1 2 3 4 5) (0 1 2 again 4 5)) (reverse results))
  ;; the loop's variable assigned another procedure inside the let: a call
  ;; through it is not a round
  (define (switch n)
    (let loop ((i 0))
      (let ((j (+ i 1)))
        (if (= i 2) (set! loop (lambda (x) (list 'other x))))
        (if (> i n) 'done (loop j)))))
  (test '(other 3) (switch 5))
  ;; errors inside a round raised from the let
  (define (bad n) (let loop ((i 0)) (let ((x (car i))) (loop x))))
  (test-error (bad 1)))

(test-group "loop rounds through if, cond, case, when, and, or and begin"
  ;; a tail call to itself with simple arguments runs the next round in place
  ;; wherever the tail position is, through the forms between
  (define (classify n)
    (let loop ((i 0) (small 0) (odd 0) (big 0))
      (cond ((= i n) (list small odd big))
            ((< i 3) (loop (+ i 1) (+ small 1) odd big))
            ((odd? i) (when (> i 0) (loop (+ i 1) small (+ odd 1) big)))
            (else (case (remainder i 4)
                    ((0) (begin (set! big (+ big 1)) (loop (+ i 1) small odd big)))
                    (else (and (> i 0) (or #f (loop (+ i 1) small odd big)))))))))
  (test '(3 4 2) (classify 10))
  ;; a loop of one to four variables, and one of five (not in place)
  (define (l1 n) (let loop ((i n)) (if (= i 0) 'done (loop (- i 1)))))
  (define (l4 n) (let loop ((a n) (b 0) (c 1) (d 2)) (if (= a 0) (list b c d) (loop (- a 1) (+ b 1) d c))))
  (define (l5 n) (let loop ((a n) (b 0) (c 1) (d 2) (e 3)) (if (= a 0) (list b c d e) (loop (- a 1) (+ b 1) d c e))))
  (test '(done (5 2 1) (5 2 1 3)) (list (l1 5) (l4 5) (l5 5)))
  ;; internal definitions in the loop's body start undefined in each round
  (define (defs n)
    (let loop ((i 0) (acc '()))
      (define sq (* i i))
      (if (= i n) (reverse acc) (loop (+ i 1) (cons sq acc)))))
  (test '(0 1 4 9) (defs 4))
  ;; a global procedure calling itself: a loop too
  (define (count-global i acc) (if (= i 0) acc (count-global (- i 1) (+ acc 2))))
  (test 2000 (count-global 1000 0))
  ;; the loop variable assigned to another procedure mid-loop: the call
  ;; goes to it, not to the next round
  (define (switch n)
    (let loop ((i 0))
      (if (= i 3) (set! loop (lambda (j) (list 'other j))))
      (if (= i n) 'end (loop (+ i 1)))))
  (test '(other 4) (switch 10))
  (define (switch2 n)
    (letrec ((other (lambda (j) (list 'other j)))
             (loop (lambda (i) (if (= i 3) (set! loop other)) (if (= i n) 'end (loop (+ i 1))))))
      (loop 0)))
  (test '(other 4) (switch2 10))
  ;; the loop variable assigned to the same procedure's closure over
  ;; another env: the call goes to that env
  (define (make-step k)
    (letrec ((step (lambda (n acc) (if (= n 0) acc (step (- n 1) (+ acc k)))))
             (redirect! (lambda (s) (set! step s))))
      (cons step redirect!)))
  (define ones (make-step 1))
  (define hundreds (make-step 100))
  (test 3 ((car ones) 3 0))
  ((cdr ones) (car hundreds))
  (test 201 ((car ones) 3 0))
  ;; arguments of every kind: the loop's own locals, those of the
  ;; procedure around it, constants, calls
  (define (mixed v k)
    (let ((base 100))
      (let loop ((i 0) (acc '()))
        (if (= i (vector-length v))
            (reverse acc)
            (loop (+ i 1) (cons (+ base (* k (vector-ref v i)) (string-length "ab")) acc))))))
  (test '(102 112 122) (mixed #(0 1 2) 10)))

(test-group "loop rounds with values the fast paths leave to the primitives"
  (define (sum v) (let loop ((i 0) (s 0)) (if (= i (vector-length v)) s (loop (+ i 1) (+ s (vector-ref v i))))))
  (test 6 (sum #(1 2 3)))
  (test 4.5 (sum #(1 2.5 1)))
  (test 9223372036854775808 (sum #(9223372036854775807 1)))
  (test 1/2 (sum #(1/4 1/4)))
  (test-error (sum #(1 a)))
  (test-error (sum '(1 2)))
  (define (down x) (let loop ((x x) (n 0)) (if (< x 1) n (loop (- x 1) (+ n 1)))))
  (test '(3 2 0) (list (down 3) (down 2.5) (down 1/2)))
  (test 2 (down 9223372036854775808/4611686018427387904))
  (test-error (down 'x)))
