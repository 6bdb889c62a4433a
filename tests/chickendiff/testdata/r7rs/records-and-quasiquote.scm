;; R7RS-small 4.2.8, 5.3, 5.5: record constructors taking fields in another
;; order, records defined by a macro and in a body, define-values then set!,
;; nested quasiquote and vectors, macros referring to outer bindings.
(import (scheme base) (scheme write))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(define-record-type p (mk y x) p? (x px set-px!) (y py))
(show (px (mk 1 2)) (py (mk 1 2)))
(show `(1 `(2 ,(3 ,(+ 1 3)))) `#(1 ,@(list 2 3) 4) `(,@(list 1 2) . ,(+ 1 2)) `((unquote-splicing (list 1 2))))
(show (let loop ((i 0) (v '())) (if (= i 3) v (loop (+ i 1) `(,i ,@v)))))
(show (vector 'a "s" #\c 1.5 '(l) #(v)) #u8(1 2 3) (vector-ref #(#t #f) 1))
(define-syntax my-define-record
  (syntax-rules ()
    ((_ name make is? field get) (define-record-type name (make field) is? (field get)))))
(my-define-record thing make-it is-it? val get-field)
(show (get-field (make-it 42)) (is-it? (make-it 1)))
(define-values (x y) (values 1 2))
(set! x 10)
(show x y)
(define (g) (define-values (a b) (values 'a 'b)) (list a b))
(show (g))
(show (let () (define-record-type local (mk-local v) local? (v local-v)) (local-v (mk-local 'in-body))))
(show (string->list "a\tb"))
(show (let ((x 1)) (define-syntax get-x (syntax-rules () ((_) x))) (let ((x 2)) (get-x))))
(show (let-syntax ((m (syntax-rules () ((_) 'outer)))) (let-syntax ((m (syntax-rules () ((_) 'inner)))) (m))))
