;; Fused nodes (scheme/fused.go): a loop's let, ifs, round and self call
;; run as one node (loopNode), and a direct call of a global holding a
;; primitive (primCallNode). Each group computes what the forms compute
;; one by one: the values, the errors, the redefinitions followed, the
;; continuations re-entered.
(import (scheme base) (scheme char) (scheme write) (scheme eval) (scheme repl) (tlsport test))

(test-group "loop tests: comparisons of a local and a constant, of locals, of a vector's length"
  ;; every comparison, both ways round, in both branches of the if
  (define (up-to n) (let loop ((i 0) (acc '())) (if (< i n) (loop (+ i 1) (cons i acc)) (reverse acc))))
  (test '(0 1 2) (up-to 3))
  (test '() (up-to 0))
  (test '() (up-to -2))
  (define (down n) (let loop ((n n) (k 0)) (when (> n 0) (set! k (+ k 1))) (if (> n 0) (loop (- n 1) k) k)))
  (test 4 (down 4))
  (define (le n) (let loop ((i 0)) (if (<= i n) (loop (+ i 1)) i)))
  (define (ge n) (let loop ((i 10)) (if (>= i n) (loop (- i 1)) i)))
  (define (eq n) (let loop ((i 0)) (if (= i n) i (loop (+ i 1)))))
  (test '(6 4 7) (list (le 5) (ge 5) (eq 7)))
  ;; (> n 0) against n in slot 0 of the loop's env: the constant on either side
  (define (rev-count n) (let loop ((n n) (acc 0)) (if (< 0 n) (loop (- n 1) (+ acc n)) acc)))
  (test 15 (rev-count 5))
  ;; the local compared is not the loop's first variable
  (define (build n) (let loop ((k 0) (n n) (acc '())) (if (> n 0) (loop (+ k 1) (- n 1) (cons n acc)) (list k acc))))
  (test '(3 (1 2 3)) (build 3))
  ;; (not (< …)) as the test
  (define (nt n) (let loop ((i 0)) (if (not (< i n)) i (loop (+ i 1)))))
  (test 5 (nt 5))
  ;; a local of an outer procedure as the bound, the length of a vector
  (define (fill v x) (let loop ((i 0)) (if (< i (vector-length v)) (begin (vector-set! v i (* i x)) (loop (+ i 1))))) v)
  (test #(0 3 6 9) (fill (make-vector 4) 3))
  (test #() (fill (vector) 3))
  ;; operands that are not fixnums: the primitives' answers and errors
  (test 3 (let loop ((x 0.5) (k 0)) (if (< x 3) (loop (+ x 1) (+ k 1)) k)))
  (test 2 (let loop ((x 1/3) (k 0)) (if (> 1 x) (loop (* x 2) (+ k 1)) k)))
  (test-error (let loop ((x 'a)) (if (> x 0) (loop (- x 1)) x)))
  (test-error (let loop ((i 0)) (if (< i (vector-length "abc")) (loop (+ i 1)) i)))
  ;; (< i (vector-length v)) taken in place: a flonum index, a vector
  ;; rebound each round, vector-length redefined by the round and restored
  (define v3 (make-vector 3 0))
  (test 3 (let loop ((i 0.5) (k 0)) (if (< i (vector-length v3)) (loop (+ i 1) (+ k 1)) k)))
  (test '(2 #(c d)) (let loop ((i 0) (v (vector 'a 'b 'c 'd))) (if (< i (vector-length v)) (loop (+ i 1) (vector-copy v 1)) (list i v))))
  ;; (set! by eval: a set! in this file would keep vector-length from
  ;; being open-coded anywhere in it)
  (define saved-vector-length vector-length)
  (define (two v) 2)
  (define (redefine! f) (eval (list 'set! 'vector-length f) (interaction-environment)))
  (define (rounds v)
    (let loop ((i 0) (n 0))
      (if (< i (vector-length v))
          (begin (when (= i 1) (redefine! two)) (loop (+ i 1) (+ n 1)))
          n)))
  (define got (rounds (make-vector 5)))
  (redefine! saved-vector-length)
  (test 2 got)
  (define (count v) (let loop ((i 0)) (if (< i (vector-length v)) (loop (+ i 1)) i)))
  (test 5 (count (make-vector 5))))

(test-group "loop rounds: the round's expressions, exits and nested ifs"
  ;; expressions before the self call run in order, once a round
  (define out '())
  (define (trace n) (let loop ((i 0)) (when (< i n) (set! out (cons i out)) (set! out (cons 'x out)) (loop (+ i 1)))))
  (trace 3)
  (test '(0 x 1 x 2 x) (reverse out))
  ;; exits by any of nested ifs, in either branch; a cond chain whose
  ;; exit branch itself holds a self call
  (define (classify v)
    (let loop ((i 0) (neg 0) (zero 0))
      (if (= i (vector-length v))
          (list neg zero)
          (let ((x (vector-ref v i)))
            (if (< x 0)
                (loop (+ i 1) (+ neg 1) zero)
                (if (= x 0) (loop (+ i 1) neg (+ zero 1)) (loop (+ i 1) neg zero)))))))
  (test '(2 1) (classify #(-1 0 5 -3)))
  (define (first-big v lim)
    (let loop ((i 0))
      (if (= i (vector-length v)) #f (if (> (vector-ref v i) lim) i (loop (+ i 1))))))
  (test '(2 #f) (list (first-big #(1 2 30 4) 10) (first-big #(1 2) 10)))
  (define (steps n)
    (let loop ((i 0))
      (cond ((> i n) 'over)
            ((= i n) 'exact)
            (else (loop (+ i 2))))))
  (test '(exact over) (list (steps 4) (steps 5)))
  ;; the step (- n 1) / (+ i k) of a local: constants, locals, overflow
  ;; into a bignum, a flonum step
  (define (step-by n k) (let loop ((i 0) (c 0)) (if (>= i n) c (loop (+ i k) (+ c 1)))))
  (test '(5 2 1) (list (step-by 10 2) (step-by 10 5) (step-by 10 10)))
  (define (count-to n) (let loop ((i 0)) (if (< i n) (loop (+ i 1)) i)))
  (test 1000 (count-to 1000))
  (test 2000 (count-to 2000))
  (define (up-from x) (let loop ((x x)) (if (> x 9223372036854775805) x (loop (+ x 3)))))
  (test 9223372036854775808 (up-from 9223372036854775796))
  (define (down-from x) (let loop ((x x)) (if (< x -9223372036854775805) x (loop (- x 5)))))
  (test -9223372036854775810 (down-from -9223372036854775795))
  (define (by-step k) (let loop ((x 0)) (if (> x 2) x (loop (+ x k)))))
  (test 3.0 (by-step 1.5))
  (test-error (by-step 'a))
  ;; internal definitions start undefined each round
  (define (defs n)
    (let loop ((i 0) (acc '()))
      (define sq (* i i))
      (if (= i n) (reverse acc) (loop (+ i 1) (cons sq acc)))))
  (test '(0 1 4 9) (defs 4))
  ;; two values, the first a step in place: both computed from the round's
  ;; values before either is stored (the second reads the first's old
  ;; value), the second any expression, its errors raised in the round
  (define (pairs n) (let loop ((i 0) (j 100)) (if (< i n) (loop (+ i 1) (+ i j)) (list i j))))
  (test '(3 103) (pairs 3))
  (define (rev l) (let loop ((k 0) (acc '())) (if (= k 3) acc (loop (+ k 1) (cons (list-ref l k) acc)))))
  (test '(c b a) (rev '(a b c)))
  (define (sum-v v) (let loop ((i 0) (s 0)) (if (= i (vector-length v)) s (loop (+ i 1) (+ s (vector-ref v i))))))
  (test 6 (sum-v #(1 2 3)))
  (test-error (sum-v #(1 a 3)))
  (define (cars l) (let loop ((i 0) (x l)) (if (= i 3) x (loop (+ i 1) (cdr x)))))
  (test '(d) (cars '(a b c d)))
  (test-error (cars '(a b)))
  (define (count-a s) (let loop ((i 0) (k 0)) (if (= i (string-length s)) k (loop (+ i 1) (if (char=? (string-ref s i) #\a) (+ k 1) k)))))
  (test 3 (count-a "banana"))
  ;; the first value overflowing into a bignum, or not a fixnum: the
  ;; plain self call, the second value evaluated once
  (define evals 0)
  (define (tick x) (set! evals (+ evals 1)) x)
  (define (over x) (let loop ((x x) (k 0)) (if (> x 9223372036854775807) (list x k) (loop (+ x 1) (+ k (vector-ref (vector 1) 0))))))
  (test '(9223372036854775808 2) (over 9223372036854775806))
  (define (flo x) (let loop ((x x) (k 0)) (if (> x 3) (list x k) (loop (+ x 1) (+ k 1)))))
  (test '(3.5 2) (flo 1.5))
  (define (second-once n) (let loop ((i n) (k 0)) (if (> i 9223372036854775807) k (loop (+ i 1) (tick k)))))
  (test 0 (second-once 9223372036854775806))
  (test 2 evals))

(test-group "loop rounds starting with a let (read loops)"
  (define (read-all p)
    (let loop ((n 0) (total 0))
      (let ((c (read-char p)))
        (if (eof-object? c) (list n total) (loop (+ n 1) (+ total (char->integer c)))))))
  (test '(3 294) (read-all (open-input-string "abc")))
  (test '(0 0) (read-all (open-input-string "")))
  ;; a let of several variables, or a let* (not fused: the same values)
  (define (pairs n) (let loop ((i 0) (acc '())) (let ((j (* i 2)) (k (+ i 1))) (if (> k n) (reverse acc) (loop k (cons j acc))))))
  (test '(0 2 4) (pairs 3))
  ;; a let of one variable with the round's body locals undefined again each round
  (define (collect n)
    (let loop ((i 0) (acc '()))
      (let ((x (* i 10)))
        (define y (+ x 1))
        (if (= i n) (reverse acc) (loop (+ i 1) (cons y acc))))))
  (test '(1 11 21) (collect 3))
  ;; the bulk benchmarks' reader: read-bytevector! into one buffer until eof
  (define (drain bv-port)
    (let ((buf (make-bytevector 4)))
      (let loop ((total 0))
        (let ((got (read-bytevector! buf bv-port)))
          (if (eof-object? got) total (loop (+ total got)))))))
  (test 10 (drain (open-input-bytevector (make-bytevector 10 1))))
  (test 0 (drain (open-input-bytevector (bytevector))))
  ;; eof-object? redefined while the loop runs (by a procedure the round
  ;; calls: a lambda in the loop would make it no loop): the new one is called
  (define calls 0)
  (define saved-eof eof-object?)
  (define (lines p)
    (let loop ((n 0))
      (let ((c (read-char p)))
        (if (eof-object? c) n (begin (if (= n 1) (redefine-eof!)) (loop (+ n 1)))))))
  (define (redefine-eof!) (set! eof-object? (lambda (x) (set! calls (+ calls 1)) (char=? x #\c))))
  (test 2 (lines (open-input-string "abcd")))
  (test 1 calls)
  (set! eof-object? saved-eof) ; the builtin again, until the round redefines it
  (test 2 (lines (open-input-string "abcd")))
  (test 2 calls)
  (set! eof-object? saved-eof)
  ;; (a continuation captured in the let's init and re-entered after the
  ;; loop ended: direct-calls.scm, "loop rounds through lets")
  ;; an error in the let's init, inside a round
  (test-error (let loop ((i 0)) (let ((x (car i))) (if (eof-object? x) 0 (loop x))))))

(test-group "loops without variables (the echo benchmark's server)"
  ;; (let lp () (let ((n (read-bytevector! …))) (unless (eof-object? n) … (lp)))):
  ;; an empty env for the loop, so that its self call goes round in it
  (define (echo in out)
    (let ((buf (make-bytevector 3)))
      (let lp ()
        (let ((n (read-bytevector! buf in)))
          (unless (eof-object? n)
            (write-bytevector buf out 0 n)
            (lp))))))
  (define out (open-output-bytevector))
  (echo (open-input-bytevector (bytevector 1 2 3 4 5 6 7)) out)
  (test (bytevector 1 2 3 4 5 6 7) (get-output-bytevector out))
  ;; variables of the procedures around it, read and assigned in the round
  (define (count-down n)
    (let ((k n) (seen '()))
      (let lp ()
        (if (> k 0) (begin (set! seen (cons k seen)) (set! k (- k 1)) (lp)) (reverse seen)))))
  (test '(3 2 1) (count-down 3))
  (test '() (count-down 0))
  ;; the loop's variable assigned inside a round: the new procedure is called
  (define (switch)
    (let ((i 0))
      (let lp ()
        (set! i (+ i 1))
        (if (= i 3) (set! lp (lambda () (list 'other i))))
        (if (> i 10) 'done (lp)))))
  (test '(other 3) (switch))
  ;; a self call not in tail position: a recursion, each call its own
  (define (depth n)
    (let ((k n))
      (let lp ()
        (if (= k 0) 0 (begin (set! k (- k 1)) (+ 1 (lp)))))))
  (test 4 (depth 4))
  ;; a lambda in the body: no env of its own, as before
  (define (thunks n)
    (let ((k 0) (acc '()))
      (let lp ()
        (if (< k n) (begin (set! acc (cons (let ((j k)) (lambda () j)) acc)) (set! k (+ k 1)) (lp))
            (map (lambda (t) (t)) acc)))))
  (test '(2 1 0) (thunks 3))
  ;; a continuation captured in a round, re-entered after the loop ended
  (define k2 #f)
  (define log2 '())
  (define (run2 n)
    (let ((i 0))
      (let lp ()
        (when (< i n)
          (if (= i 1) (call/cc (lambda (c) (set! k2 c))))
          (set! log2 (cons i log2))
          (set! i (+ i 1))
          (lp)))))
  (define runs2 0)
  (begin
    (run2 3)
    (set! runs2 (+ runs2 1))
    (if (= runs2 1) (k2 #f)))
  (test '(0 1 2 3) (reverse log2))
  ;; an error inside a round
  (test-error (let ((x 'a)) (let lp () (if (> x 0) (lp) x)))))

(test-group "loop rounds after a continuation re-enters the round"
  ;; a continuation captured in a round's expression, re-entered after the
  ;; loop ended: the rest of that round and the rounds after run again
  (define k #f)
  (define log '())
  (define (mark i) (if (= i 1) (call/cc (lambda (c) (set! k c)))))
  (define (run n) (let loop ((i 0)) (when (< i n) (mark i) (set! log (cons i log)) (loop (+ i 1)))))
  (define runs 0)
  (define results '())
  (begin
    (run 3)
    (set! results (cons (reverse log) results))
    (set! log '())
    (set! runs (+ runs 1))
    (if (= runs 1) (k #f)))
  (test '((0 1 2) (1 2)) (reverse results)))

(test-group "the loop variable assigned inside a round"
  (define (switch n)
    (let loop ((i 0))
      (if (= i 3) (set! loop (lambda (j) (list 'other j))))
      (if (> i n) 'done (loop (+ i 1)))))
  (test '(other 4) (switch 10))
  ;; the step's operator redefined: the new one is called
  (define (count n) (let loop ((i n)) (if (> i 0) (loop (- i 1)) i)))
  (test 0 (count 3))
  (define saved- -)
  (set! - (lambda (a b) (saved- a (* 2 b))))
  (test -1 (count 3))
  (set! - saved-)
  (test 0 (count 3))
  ;; the comparison redefined
  (define saved> >)
  (set! > (lambda (a b) (saved> a (+ b 1))))
  (test 1 (count 3))
  (set! > saved>)
  (test 0 (count 3)))

(test-group "primitive calls through a global"
  (define p (open-output-string))
  (define (emit x) (write x p) (write-char #\space p))
  (emit 1) (emit "a")
  (test "1 \"a\" " (get-output-string p))
  ;; absent optionals, arity and type errors with their messages
  (define s "hello")
  (test "ell" (substring s 1 4))
  (test "ello" (substring s 1))
  (test "bad argument count - received 0 but expected 1: #<procedure car>" (guard (e (#t (condition/report-string e))) (car)))
  (test-error (string-ref s 10))
  (define x 'sym)
  (test "(car) bad argument type in argument 1 (expected pair): sym" (guard (e (#t (condition/report-string e))) (car x)))
  ;; the global rebound to a procedure, then to another primitive
  (define (len v) (vector-length v))
  (define (first l) (list-tail l 1))
  (test '(2 3) (first '(1 2 3)))
  (define saved-list-tail list-tail)
  (set! list-tail (lambda (l k) (list 'mine k)))
  (test '(mine 1) (first '(1 2 3)))
  (set! list-tail car)
  (test-error (first '(1 2 3)))
  (set! list-tail saved-list-tail)
  (test '(2 3) (first '(1 2 3)))
  ;; an argument that is an unbound global: its error
  (test "unbound variable: no-such-global" (guard (e (#t (condition/report-string e))) (list-tail no-such-global 0)))
  ;; a primitive making a tail call (apply)
  (define (ap f l) (apply f l))
  (test 6 (ap + '(1 2 3))))

(test-group "primitive calls by the plan made when they were compiled"
  ;; a global holding a primitive with optionals, called with each count;
  ;; then holding primitives of other arities: the call site's plan (its
  ;; slots, the absent optionals) is the first primitive's only
  (define sub substring)
  (define (sub1 s) (sub s 1))
  (define (sub2 s) (sub s 1 3))
  (define (sub0 s) (sub s))
  (test '("ello" "el") (list (sub1 "hello") (sub2 "hello")))
  (test "too few arguments - received 1 but expected 2: #<procedure substring>"
    (guard (e (#t (condition/report-string e))) (sub0 "hello")))
  (set! sub list)
  (test '(("s" 1) ("s" 1 3) ("s")) (list (sub1 "s") (sub2 "s") (sub0 "s")))
  (set! sub car)
  (test "bad argument count - received 2 but expected 1: #<procedure car>"
    (guard (e (#t (condition/report-string e))) (sub1 '(a))))
  (test '(a) (list (sub0 '(a))))
  (set! sub (lambda args (length args)))
  (test '(2 3 1) (list (sub1 "s") (sub2 "s") (sub0 "s")))
  ;; a primitive of required arguments and a rest list, at three counts
  (define (app0) (string-append))
  (define (app3 a) (string-append a "-" a))
  (test '("" "x-x") (list (app0) (app3 "x")))
  ;; too many arguments for the optionals: the arity error
  (define (sub4 s) (substring s 1 2 3))
  (test "too many arguments - received 4 but expected at most 3: #<procedure substring>"
    (guard (e (#t (condition/report-string e))) (sub4 "hello")))
  ;; the primitive's error with its call site, from a loop's round
  (define (refs s k) (let loop ((i 0) (acc '())) (if (< i k) (loop (+ i 1) (cons (string-ref s i) acc)) acc)))
  (test '(#\b #\a) (refs "ab" 2))
  (test-error (refs "ab" 3))
  ;; several values of a primitive as an argument and as a binding: the first
  (define (two) (values 1 2))
  (test '(1) (list (values 1 2)))
  (test 1 (let ((x (values 1 2))) x))
  (call-with-values two (lambda (a b) (test '(1 2) (list a b))))
  ;; the primitive's value in tail position: all its values
  (define (tail-values) (values 1 2 3))
  (call-with-values tail-values (lambda xs (test '(1 2 3) xs)))
  ;; a primitive that calls back into Scheme and raises from there
  (define (v->l v) (vector-map (lambda (x) (* x 2)) v))
  (test #(2 4) (v->l #(1 2)))
  (test-error (v->l #(1 a))))
