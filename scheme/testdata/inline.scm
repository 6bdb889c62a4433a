;; Calls of some builtins with simple arguments are open-coded by the
;; compiler; they must agree with the primitives (reached through apply),
;; including the errors and the cases the fast path leaves to them.
(import (scheme base) (scheme char) (tlsport test))

(test-group "integer division"
  (define (qrm a b) (list (quotient a b) (remainder a b) (modulo a b)))
  (define (qrm* a b) (map (lambda (p) (apply p (list a b))) (list quotient remainder modulo)))
  (for-each (lambda (ab)
              (test (qrm* (car ab) (cadr ab)) (qrm (car ab) (cadr ab))))
            '((7 2) (-7 2) (7 -2) (-7 -2) (0 3) (5 -1) (-9223372036854775808 -1)
              (9223372036854775807 10) (100000000000000000000 7) (7 100000000000000000000)))
  (test '(3 -1 -1) (qrm -7 -2))
  (test '(-3 -1 1) (qrm -7 2))
  (define (q a b) (quotient a b))
  (test-error (q 1 0))
  (test-error (q 1.5 1))
  (test 2.0 (q 5.0 2)))

(test-group "strings and chars"
  (define s "héllo")
  (define (ref s i) (string-ref s i))
  (define (len s) (string-length s))
  (define (c=? a b) (char=? a b))
  (define (c->i c) (char->integer c))
  (test #\é (ref s 1))
  (test 5 (len s))
  (test #t (c=? (ref s 0) #\h))
  (test #f (c=? (ref s 0) #\H))
  (test 233 (c->i (ref s 1)))
  (test-error (ref s 5))
  (test-error (ref s -1))
  (test-error (ref 'abc 0))
  (test-error (len 5))
  (test-error (c=? 1 #\a))
  (test-error (c->i "a")))

(test-group "vector-set!"
  (define v (make-vector 3 0))
  (define (set v i x) (vector-set! v i x))
  (set v 0 'a)
  (set v 2 100000)
  (test '#(a 0 100000) v)
  (test-error (set v 3 'x))
  (test-error (set v -1 'x))
  (test-error (set v 1.0 'x))
  (test-error (set '(1 2) 0 'x))
  (test '#(a 0 100000) v)
  (define (set-value v i x) (vector-set! v i x))
  (test #t (eq? (set-value v 1 'b) (vector-set! (make-vector 1) 0 'c)))
  (test '#(a b 100000) v))

(test-group "if as a simple argument"
  ;; (f (if c a b)) with simple parts is evaluated in place, like a variable
  (define (count-a s)
    (let loop ((i 0) (k 0))
      (if (= i (string-length s)) k
          (loop (+ i 1) (if (char=? (string-ref s i) #\a) (+ k 1) k)))))
  (test 3 (count-a "banana"))
  (define (pick c) (list (if c 'yes 'no) (if (not c) (car '(1)) (cdr '(1)))))
  (test '(yes ()) (pick #t))
  (test '(no 1) (pick #f))
  (define (bad c) (list (if c (car c) 0)))
  (test-error (bad 5))
  (define (k-in-if c)
    (+ 1 (if c (call/cc (lambda (k) (k 10))) 0)))
  (test 11 (k-in-if #t))
  (test 1 (k-in-if #f)))

(test-group "eqv?"
  (define (e a b) (eqv? a b))
  (test #t (e 100000000000000000000 100000000000000000000))
  (test #t (e 1.5 1.5))
  (test #f (e 1 1.0))
  (test #t (e #\a #\a))
  (test #f (e (list 1) (list 1)))
  (test #t (e '() '())))

(test-group "a redefined builtin is called, not open-coded"
  (define (m a b) (modulo a b))
  (test 1 (m 7 3))
  (set! modulo (lambda (a b) 'mine))
  (test 'mine (m 7 3)))
