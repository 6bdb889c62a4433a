;; R7RS-small chapter 4: expressions.
(import (scheme base) (scheme write) (scheme lazy) (scheme case-lambda))

(define (show . xs) (for-each write xs) (newline))

;; 4.2.1 conditionals
(show (case 5 ((1 2) 'low) ((5 6) => (lambda (x) (* x 10))) (else 'other)))
(show (case 'z ((a) 1) (else => (lambda (x) (list x 'fell)))))
(show (case #\a ((#\a #\b) 'char) (else 'no)))
(show (cond ((assv 'b '((a 1) (b 2))) => cadr) (else 'nope)))
(show (cond (#f 1) ((+ 1 1))))
(show (and) (or) (and 1 2) (or #f 3))
(let ((acc '()))
  (when (> 2 1) (set! acc (cons 'when acc)) (set! acc (cons 'twice acc)))
  (unless (> 2 1) (set! acc (cons 'unless acc)))
  (unless (< 2 1) (set! acc (cons 'unless-ran acc)))
  (show (reverse acc)))

;; 4.2.2 binding
(show (let*-values (((a b) (values 1 2)) ((c) (values (+ a b))) (d (values a b c))) (list a b c d)))
(show (let-values (((a . rest) (values 1 2 3)) (all (values))) (list a rest all)))
(show (letrec* ((a 1) (b (+ a 1))) (list a b)))
(show (let loop ((i 0) (acc '())) (if (= i 4) (reverse acc) (loop (+ i 1) (cons (* i i) acc)))))

;; 4.2.4 iteration
(show (do ((i 0 (+ i 1)) (acc '() (cons i acc))) ((= i 5) acc)))
(show (do ((vec (make-vector 3 0)) (i 0 (+ i 1))) ((= i 3) vec) (vector-set! vec i (* i 2))))
(show (let ((x 0)) (do () ((> x 3) x) (set! x (+ x 1)))))

;; 4.2.5 delayed evaluation
(define count 0)
(define p (delay (begin (set! count (+ count 1)) (* 6 7))))
(show (promise? p) (force p) (force p) count)
(show (force (delay-force (delay 'inner))))
(show (force (make-promise 'already)) (promise? (make-promise (delay 1))))
(define (stream-tail s k) (if (= k 0) s (delay-force (stream-tail (cdr (force s)) (- k 1)))))
(define (from n) (delay (cons n (from (+ n 1)))))
(show (car (force (stream-tail (from 0) 100000))))
(define-syntax my-stream-cons (syntax-rules () ((_ a b) (cons a (delay b)))))
(show (car (force (cdr (my-stream-cons 1 (my-stream-cons 2 '()))))))

;; 4.2.6 parameterize
(define radix (make-parameter 10 (lambda (x) (if (and (exact-integer? x) (<= 2 x 16)) x (error "invalid radix" x)))))
(define (f n) (number->string n (radix)))
(show (f 12) (parameterize ((radix 2)) (f 12)) (f 12))
(define p2 (make-parameter 1 (lambda (x) (* x 10))))
(show (p2) (parameterize ((p2 3)) (p2)) (p2))
(show (parameterize ((p2 2)) (parameterize ((p2 5)) (p2))))

;; 4.2.7 exception handling
(show (guard (c ((symbol? c) (list 'sym c)) ((string? c) (list 'str c))) (raise 'boom)))
(show (guard (c ((assq 'a c) => cdr) ((assq 'b c))) (raise (list (cons 'a 42)))))
(show (guard (c ((assq 'a c) => cdr) ((assq 'b c))) (raise (list (cons 'b 23)))))
(show (guard (c (#t (list 'outer c)))
        (guard (c ((number? c) (list 'inner c)))
          (raise 'not-a-number))))
(show (guard (c ((error-object? c) (list (error-object-message c) (error-object-irritants c))))
        (error "bad thing" 1 '(2) "three")))
(show (guard (c (else (list 'else c))) (raise 17)))
(show (with-exception-handler
        (lambda (c) 10)
        (lambda () (+ 1 (raise-continuable 'c)))))
(show (guard (c ((string? c) c)) (dynamic-wind (lambda () (display "[in]")) (lambda () (raise "x")) (lambda () (display "[out]")))))

;; 4.2.8 quasiquotation
(show `(1 ,(+ 1 1) ,@(list 3 4)))
(show `#(a ,(* 2 3) ,@(list 'x 'y)))
(show `(a `(b ,(c ,(* 2 5)))))
(show (let ((name1 'x) (name2 'y)) `(a `(b ,,name1 ,',name2 d) e)))
(show `(1 . ,(+ 1 1)))
(show (quasiquote (x (unquote (* 3 3)) (unquote-splicing (list 'y 'z)))))
(show `(,@'() . tail))

;; 4.2.9 case-lambda
(define plus
  (case-lambda
    (() 0)
    ((x) x)
    ((x y) (+ x y))
    ((x y z) (+ (+ x y) z))
    (args (apply + args))))
(show (plus) (plus 1) (plus 1 2) (plus 1 2 3) (plus 1 2 3 4 5))
(define opt (case-lambda ((a) (list 'one a)) ((a . rest) (list 'many a rest))))
(show (opt 1) (opt 1 2 3))

;; 4.3 macros
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(let ((tmp 1) (other 2)) (swap! tmp other) (show (list tmp other)))
(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(show (let ((t 5)) (my-or #f t)))
(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name (syntax-rules () ((name expr (... ...)) (begin expr (... ...))))))))
(be-like-begin sequence)
(show (sequence 1 2 3 4))
(define-syntax my-list
  (syntax-rules ::: ()
    ((_ x :::) (list x :::))))
(show (my-list 1 2 3))
(define-syntax tail-pat
  (syntax-rules ()
    ((_ a ... z) '(last z firsts a ...))))
(show (tail-pat 1 2 3 4))
(define-syntax vec-pat
  (syntax-rules ()
    ((_ #(a b ...)) (list a '(b ...)))))
(show (vec-pat #(1 2 3)))
(define-syntax lit
  (syntax-rules (=>)
    ((_ a => b) (list 'arrow a b))
    ((_ a b c) (list 'plain a b c))))
(show (lit 1 => 2) (lit 1 2 3))
(define-syntax nested
  (syntax-rules ()
    ((_ (a b ...) ...) '((a ...) (b ... ...)))))
(show (nested (1 2 3) (4 5) (6)))
(define-syntax under
  (syntax-rules ()
    ((_ _ x) 'x)))
(show (under ignored kept))
(define-syntax dotted
  (syntax-rules ()
    ((_ a . b) '(a b))))
(show (dotted 1 2 3))
(let-syntax ((foo (syntax-rules () ((_ x) (* x 2)))))
  (show (foo 21)))
(letrec-syntax ((ev? (syntax-rules () ((_ n) (if (= n 0) #t (od? (- n 1))))))
                (od? (syntax-rules () ((_ n) (if (= n 0) #f #t)))))
  (show (ev? 2)))
(define-syntax while
  (syntax-rules ()
    ((_ c body ...) (let lp () (when c body ... (lp))))))
(let ((i 0)) (while (< i 3) (display i) (set! i (+ i 1))) (newline))
(define-syntax hyg (syntax-rules () ((_ e) (let ((if list)) e))))
(show (hyg (if #t 'yes 'no)))
