;; R6RS syntax-case (r6rs-lib §12), with the examples of the report.
(import (rnrs) (tlsport test))

(define-syntax swap!
  (lambda (x)
    (syntax-case x ()
      ((_ a b) #'(let ((tmp a)) (set! a b) (set! b tmp))))))
(test "hygiene: the macro's tmp does not capture the user's"
      '(2 1) (let ((tmp 1) (y 2)) (swap! tmp y) (list tmp y)))

(define-syntax my-or
  (lambda (x)
    (syntax-case x ()
      ((_) #'#f)
      ((_ e) #'e)
      ((_ e r ...) #'(let ((t e)) (if t t (my-or r ...)))))))
(test "recursive macro, hygienic t" 5 (let ((t 5)) (my-or #f t)))
(test #f (my-or))

(define-syntax aif
  (lambda (x)
    (syntax-case x ()
      ((k test then else)
       (with-syntax ((it (datum->syntax #'k 'it)))
         #'(let ((it test)) (if it then else)))))))
(test "datum->syntax: intentional capture" 2 (aif (assq 'b '((a . 1) (b . 2))) (cdr it) 'no))

(define-syntax count-args
  (lambda (x) (syntax-case x () ((_ arg ...) #`(quote #,(length #'(arg ...)))))))
(test "quasisyntax with unsyntax" 3 (count-args a b c))
(define-syntax my-list
  (lambda (x) (syntax-case x () ((_ a ...) #`(list #,@#'(a ...) 'end)))))
(test "unsyntax-splicing" '(1 2 3 end) (my-list 1 2 3))

(define-syntax is-else
  (lambda (x) (syntax-case x (else) ((_ else) #''yes) ((_ other) #''no))))
(test "literals" '(yes no) (list (is-else else) (is-else foo)))
(define-syntax kind
  (lambda (x) (syntax-case x () ((_ n) (number? (syntax->datum #'n)) #''number) ((_ n) (identifier? #'n) #''identifier) ((_ n) #''other))))
(test "fenders" '(number identifier other) (list (kind 1) (kind x) (kind "s")))

;; r6rs-lib §12.3: a variable transformer
(define p.car 0)
(define-syntax p.car-ref
  (make-variable-transformer
    (lambda (x)
      (syntax-case x (set!)
        ((set! _ e) #'(set! p.car e))
        ((_ . rest) #'(p.car . rest))
        (_ #'p.car)))))
(set! p.car-ref 42)
(test "variable transformer: set! and reference" 42 p.car-ref)

;; r6rs-lib §12.4 example: a while loop with an ellipsis in the body
(define-syntax while
  (lambda (x)
    (syntax-case x ()
      ((_ c body ...) #'(let lp () (when c body ... (lp)))))))
(test 3 (let ((i 0)) (while (< i 3) (set! i (+ i 1))) i))

;; §12.6: syntax->datum and datum->syntax
(test '(a b) (syntax->datum #'(a b)))
(test #t (identifier? #'x))
(test #f (identifier? #'(x)))
(test #t (free-identifier=? #'car #'car))
(test #f (free-identifier=? #'car #'cdr))
(test #t (bound-identifier=? #'x #'x))
(test #f (bound-identifier=? #'x #'y))
(test 3 (length (generate-temporaries '(a b c))))
(test #t (for-all identifier? (generate-temporaries #'(a b))))

;; local macros
(test 42 (let-syntax ((double (lambda (x) (syntax-case x () ((_ v) #'(* v 2)))))) (double 21)))
(test 10 (let ()
           (define-syntax ten (lambda (x) #'10))
           (ten)))
;; with-syntax binding several pattern variables, nested ellipsis
(test '((a 1) (b 2))
      (let-syntax ((pairs (lambda (x)
                            (syntax-case x ()
                              ((_ (k v) ...) (with-syntax (((kk ...) #'(k ...))) #''((kk v) ...)))))))
        (pairs (a 1) (b 2))))
;; syntax violations
(test "bad" (guard (e ((syntax-violation? e) (condition-message e))) (syntax-violation 'me "bad" '(form))))
(test '(form) (guard (e ((syntax-violation? e) (syntax-violation-form e))) (syntax-violation 'me "bad" '(form) 'f)))
(test-error (eval '(let () (define-syntax m (lambda (x) (syntax-case x () ((_ a) #'a)))) (m)) (environment '(rnrs))))
