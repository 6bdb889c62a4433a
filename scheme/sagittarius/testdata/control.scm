;; (sagittarius control)'s macros and (sagittarius io)'s string ports, with the let-keywords example of Sagittarius's (Gauche's) manual.
(import (rnrs) (rnrs mutable-pairs) (sagittarius) (sagittarius control) (sagittarius io) (tlsport test))

(define (proc x . options)
  (let-keywords options ((a 'a)
                         (b :beta 'b)
                         (c 'c)
                         . rest)
    (list x a b c rest)))

(test-group "let-keywords and let-keywords*"
  (test '(0 a b c ()) (proc 0))
  (test '(0 1 b c ()) (proc 0 :a 1))
  (test '(0 a 1 c ()) (proc 0 :beta 1))
  (test '(0 a 1 3 (:unknown 4)) (proc 0 :beta 1 :c 3 :unknown 4))
  (let ((strict (lambda o (let-keywords o ((a 1) (b 2)) (list a b))))
        (lenient (lambda o (let-keywords o ((a 1) . #f) a)))
        (star (lambda o (let-keywords* o ((a 1) (b (+ a 1))) (list a b)))))
    (test '(1 5) (strict :b 5))
    (test-error (strict :z 5))
    (test-error (strict :a))
    (test 3 (lenient :z 5 :a 3))
    (test '(10 11) (star :a 10))
    (test '(1 2) (star))))

(test-group "let-optionals* and get-optional"
  (let ((opt (lambda o (let-optionals* o (a (b 2) . r) (list a b r))))
        (two (lambda o (let-optionals* o ((a 1) (b (* a 10))) (list a b)))))
    (test '(1 2 ()) (opt 1))
    (test '(1 3 (4 5)) (opt 1 3 4 5))
    (test '(1 10) (two))
    (test '(5 50) (two 5))
    (test '(5 6) (two 5 6 7)))
  (let ((f (lambda o (get-optional o 'default))))
    (test 'default (f))
    (test 1 (f 1))))

(define-macro (swap! a b) `(let ((tmp ,a)) (set! ,a ,b) (set! ,b tmp)))
(define-macro my-if (lambda (c t e) `(cond (,c ,t) (else ,e))))
(define (quoted x) (list 'quote x))
(define-macro (q x) (quoted x))

(test-group "define-macro"
  (test '(2 1) (let ((x 1) (y 2)) (swap! x y) (list x y)))
  (test 2 (my-if #f 1 2))
  (test 'foo (q foo)))

(test-group "begin0, let1, rlet1, dotimes, dolist"
  (test '(1 2) (call-with-values (lambda () (begin0 (values 1 2) 3)) list))
  (test 25 (let1 x 5 (* x x)))
  (test '(9) (rlet1 v (list 1) (set-car! v 9)))
  (test '(2 1 0) (let ((acc '())) (dotimes (i 3) (push! acc i)) acc))
  (test 3 (dotimes (i 3 i) #t))
  (test '(c b a) (let ((acc '())) (dolist (x '(a b c) acc) (push! acc x))))
  (test '() (dolist (x '(a) x) x)))

(test-group "push!, pop!, inc!, dec! on variables and places"
  (test '(1 (2 3)) (let ((l (list 1 2 3))) (list (pop! l) l)))
  (test 11 (let ((n 1)) (inc! n) (inc! n 10) (dec! n) n))
  (test #(6 2) (let ((v (vector 1 2))) (inc! (vector-ref v 0) 5) v))
  (test #((x) 0) (let ((v (vector '() 1))) (push! (vector-ref v 0) 'x) (dec! (vector-ref v 1)) v)))

(test-group "unwind-protect"
  (test 'value (unwind-protect 'value 'cleanup))
  (test '(caught cleaned)
        (let ((log '())) (guard (e (#t (cons 'caught log))) (unwind-protect (raise 'x) (push! log 'cleaned))))))

(test-group "(sagittarius io)"
  (test "x" (call-with-output-string (lambda (p) (write 'x p))))
  (test "hi" (with-output-to-string (lambda () (display "hi"))))
  (test '(1 2) (with-input-from-string "(1 2)" read))
  (test "abc" (call-with-input-string "abc" get-line)))
