;; R6RS expansion: let-syntax against letrec-syntax (r7rs §4.3.1, r6rs
;; §11.18), their splicing into a body and the top level (r6rs §11.18),
;; syntax-case templates of a library naming the library's own, unexported
;; bindings, and a library's procedures using macros it defines further
;; down (r6rs §10) — the cases chez-srfi's (srfi :23 error tricks), (srfi
;; :25) and (srfi :54) rely on, each result the one Chez Scheme gives.
(import (rnrs) (tlsport test))

(define (g) 'outer)
(test-group "let-syntax is not recursive, letrec-syntax is"
  (test '(inner outer) (let-syntax ((g (syntax-rules () ((_) (list 'inner (g)))))) (g)))
  (test '(inner2 outer)
        (let-syntax ((g (lambda (s) (syntax-case s () ((_) #'(list 'inner2 (g))))))) (g)))
  (test 7 (letrec-syntax ((count (syntax-rules () ((_) 0) ((_ x y ...) (+ 1 (count y ...))))))
            (+ (count a b c) 4))))

;; spliced: the definitions are the body's, or the top level's
(let-syntax ((m (syntax-rules () ((_) 1))))
  (define spliced-top (m))
  (define-syntax spliced-mac (syntax-rules () ((_) (list (m) 2)))))
(define (spliced-body)
  (let-syntax ((m (syntax-rules () ((_) 2))))
    (define w (m)))
  (* w 10))
(test-group "let-syntax splices its definitions"
  (test 1 spliced-top)
  (test '(1 2) (spliced-mac))
  (test 20 (spliced-body))
  (test 3 (let () (letrec-syntax () (define a 1) (define b 2)) (+ a b))))

(library (hygiene tricks)
  (export wrap W2)
  (import (rnrs))
  (define-syntax error-wrap ; not exported
    (lambda (stx)
      (syntax-case stx ()
        ((_ ctxt signal . forms)
         (with-syntax ((e (datum->syntax #'ctxt 'error)))
           #'(let-syntax ((e (identifier-syntax signal))) . forms))))))
  (define (AV who) (lambda args (apply assertion-violation who args)))
  (define (helper x) (* x 100)) ; not exported
  (define-syntax W2 (lambda (stx) (syntax-case stx () ((_ e) #'(error-wrap W2 'none (helper e))))))
  ;; chez-srfi's SRFI-23-error->R6RS: inside it, define and error are
  ;; rebound; a define then raises &assertion with the procedure's name
  (define-syntax wrap
    (lambda (stx)
      (syntax-case stx ()
        ((ctxt ewho . forms)
         (with-syntax ((e (datum->syntax #'ctxt 'error))
                       (d (datum->syntax #'ctxt 'define)))
           #'(let-syntax ((e (identifier-syntax (AV 'ewho)))
                          (d (lambda (stx)
                               (syntax-case stx ()
                                 ((kw (id . formals) . body)
                                  (identifier? #'id)
                                  #'(error-wrap kw (AV 'id) (d (id . formals) . body)))
                                 ((kw id . r)
                                  (identifier? #'id)
                                  #'(error-wrap kw (AV 'id) (d id . r)))))))
               . forms)))))))
(import (hygiene tricks))
(wrap "lib"
  (define (wrapped x) (if (< x 0) (error "negative" x) (* 2 x)))
  (define wrapped-var 5))
(test-group "a library's templates see its unexported bindings"
  (test 500 (W2 5))
  (test 8 (wrapped 4))
  (test 5 wrapped-var)
  (test '(wrapped "negative" (-1) #t)
        (guard (c (#t (list (condition-who c) (condition-message c) (condition-irritants c) (assertion-violation? c))))
          (wrapped -1))))

(library (expansion later-macros)
  (export double-all)
  (import (rnrs))
  (define (double-all l) (map (lambda (x) (twice x)) l)) ; twice is defined below
  (define table (list (twice 1) (twice 2)))             ; a value, not only a procedure body
  (define-syntax twice (syntax-rules () ((_ e) (* 2 e)))))
(import (expansion later-macros))
(test-group "a library's definitions may use the macros below them"
  (test '(2 4 6) (double-all '(1 2 3))))
