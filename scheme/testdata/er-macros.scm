;; CHICKEN explicit- and implicit-renaming macros (CHICKEN 5 manual,
;; "Module (chicken syntax)"), with the manual's examples.
(import (chicken syntax) (chicken condition) (tlsport test))

(test-group "er-macro-transformer"
  (define-syntax my-if (er-macro-transformer (lambda (f r c) `(,(r 'if) ,@(cdr f)))))
  (test "renamed if" 1 (my-if #t 1 2))
  (test "a renamed if is not captured by the user's if" 2 (let ((if list)) (my-if #f 1 2)))

  ;; the manual's call and let examples
  (define-syntax call (er-macro-transformer (lambda (exp rename compare) (cdr exp))))
  (test 3 (call + 1 2))
  (define-syntax my-let
    (er-macro-transformer
      (lambda (exp rename compare)
        (let ((vars (map car (cadr exp)))
              (inits (map cadr (cadr exp)))
              (body (cddr exp)))
          `((,(rename 'lambda) ,vars ,@body)
            ,@inits)))))
  (test "hygienic let: lambda renamed" '(1 2) (let ((lambda 'shadowed)) (my-let ((a 1) (b 2)) (list a b))))

  ;; the manual's cond example: compare with a renamed else
  (define-syntax my-cond
    (er-macro-transformer
      (lambda (exp rename compare)
        (let ((clauses (cdr exp)))
          (if (null? clauses)
              `(,(rename 'quote) unspecified)
              (let* ((first (car clauses))
                     (rest (cdr clauses))
                     (test (car first)))
                (cond ((and (symbol? test)
                            (compare test (rename 'else)))
                       `(,(rename 'begin) ,@(cdr first)))
                      (else `(,(rename 'if)
                              ,test
                               (,(rename 'begin) ,@(cdr first))
                               (,(rename 'my-cond) ,@rest))))))))))
  (test "compare: else" 2 (my-cond (#f 1) (else 2)))
  (test "compare: a local else is not the macro's else" 'unspecified
        (let ((else #f)) (my-cond (#f 1) (else 2))))

  (define-syntax sr-cond (syntax-rules () ((_ x) (my-cond (#f 1) (else x)))))
  (test "compare: an else from a syntax-rules template" 'x (sr-cond 'x))

  (define-syntax swap!
    (er-macro-transformer
      (lambda (form rename compare)
        (let ((a (cadr form)) (b (caddr form)) (tmp (rename 'tmp)))
          `(,(rename 'let) ((,tmp ,a)) (,(rename 'set!) ,a ,b) (,(rename 'set!) ,b ,tmp))))))
  (test "a renamed tmp does not capture the user's tmp" '(2 1)
        (let ((tmp 1) (y 2)) (swap! tmp y) (list tmp y)))

  ;; the manual's loop and while: exit is captured on purpose
  (define-syntax loop
    (er-macro-transformer
      (lambda (x r c)
        (let ((body (cdr x)))
          `(,(r 'call-with-current-continuation)
            (,(r 'lambda) (exit)
             (,(r 'let) ,(r 'f) () ,@body (,(r 'f)))))))))
  (define-syntax while
    (er-macro-transformer
      (lambda (x r c)
        (let ((test (cadr x))
              (body (cddr x)))
          `(,(r 'loop)
            (,(r 'if) (,(r 'not) ,test) (exit #f))
            ,@body)))))
  (test "unrenamed exit captured by loop's binding" 5
        (let ((i 0)) (while (< i 5) (set! i (+ i 1))) i))

  (define-syntax rename-facts
    (er-macro-transformer
      (lambda (f r c)
        `(,(r 'quote) ,(list (eq? (r 'x) (r 'x)) (symbol? (r 'x)) (symbol->string (r 'x))
                             (c 'a 'a) (c 'a 'b) (c '(1 a) '(1 a)) (c 1 2))))))
  (test "rename is stable, renamed identifiers are symbols, compare on data"
        '(#t #t "x" #t #f #t #f) (rename-facts))
  (define-syntax quoted (er-macro-transformer (lambda (f r c) `(,(r 'quote) (,(r 'foo) ,@(cdr f))))))
  (test "renamed symbols in quoted data are plain symbols" '(foo bar) (quoted bar))
  (define-syntax unhygienic (er-macro-transformer (lambda (f r c) `(,(r 'define) ,(string->symbol "made-up") 42))))
  (unhygienic)
  (test "an unrenamed symbol is inserted as-is" 42 made-up))

(test-group "ir-macro-transformer"
  ;; the manual's cond example as an ir-macro
  (define-syntax ir-cond
    (ir-macro-transformer
      (lambda (exp inject compare)
        (let ((clauses (cdr exp)))
          (if (null? clauses)
              `(quote unspecified)
              (let* ((first (car clauses))
                     (rest (cdr clauses))
                     (test (car first)))
                (cond ((and (symbol? test)
                            (compare test 'else))
                       `(begin ,@(cdr first)))
                      (else `(if ,test
                                 (begin ,@(cdr first))
                                 (ir-cond ,@rest))))))))))
  (test 2 (ir-cond (#f 1) (else 2)))
  (test "implicitly renamed if and begin" 3 (let ((if list) (begin list)) (ir-cond (#f 1) (else 3))))
  (test 'unspecified (let ((else #f)) (ir-cond (#f 1) (else 2))))

  (define-syntax my-or2
    (ir-macro-transformer
      (lambda (f inject compare) `(let ((tmp ,(cadr f))) (if tmp tmp ,(caddr f))))))
  (test "the macro's tmp does not capture the user's tmp" 5 (let ((tmp 5)) (my-or2 #f tmp)))

  (define-syntax aif
    (ir-macro-transformer
      (lambda (f inject compare)
        `(let ((,(inject 'it) ,(cadr f))) (if ,(inject 'it) ,@(cddr f))))))
  (test "inject: anaphoric it" 2 (aif (assq 'b '((a . 1) (b . 2))) (cdr it) 'no))

  ;; the manual's loop and while as ir-macros
  (define-syntax ir-loop
    (ir-macro-transformer
      (lambda (expr inject compare)
        (let ((body (cdr expr)))
          `(call-with-current-continuation
            (lambda (,(inject 'exit))
             (let f () ,@body (f))))))))
  (define-syntax ir-while
    (ir-macro-transformer
      (lambda (expr inject compare)
        (let ((test (cadr expr))
              (body (cddr expr)))
          `(ir-loop
            (if (not ,test) (,(inject 'exit) #f))
            ,@body)))))
  (test 4 (let ((i 0)) (ir-while (< i 4) (set! i (+ i 1))) i))

  (define-syntax input-facts
    (ir-macro-transformer
      (lambda (f inject compare)
        `(quote ,(list (symbol? (cadr f)) (symbol->string (cadr f)) (compare (cadr f) 'car))))))
  (test "input identifiers are symbols; compare with a bare symbol" '(#t "car" #t) (input-facts car))
  (test '(#t "cdr" #f) (input-facts cdr)))

(test-group "let-syntax, letrec-syntax, internal define-syntax"
  (test '(1 2) (let-syntax ((foo (er-macro-transformer (lambda (f r c) `(,(r 'list) 1 ,(cadr f)))))) (foo 2)))
  (test #t (letrec-syntax ((ev? (er-macro-transformer (lambda (f r c) (if (null? (cdr f)) #t `(,(r 'od?) ,@(cddr f))))))
                           (od? (er-macro-transformer (lambda (f r c) (if (null? (cdr f)) #f `(,(r 'ev?) ,@(cddr f)))))))
             (ev? 1 2 3 4)))
  (define (twice-count)
    (define-syntax twice (ir-macro-transformer (lambda (x i c) `(begin ,(cadr x) ,(cadr x)))))
    (define n 0)
    (twice (set! n (+ n 1)))
    n)
  (test 2 (twice-count)))

(define-for-syntax (quote-all x) (list 'quote x))
(define-syntax quote-args (er-macro-transformer (lambda (f r c) (quote-all (cdr f)))))
(test "define-for-syntax: a helper for transformers" '(1 2) (quote-args 1 2))
(begin-for-syntax (define helper-count 7))
(define-syntax count (er-macro-transformer (lambda (f r c) helper-count)))
(test "begin-for-syntax" 7 (count))

(module er-mod (mod-swap! mod-unless)
  (import scheme (chicken syntax))
  (define-syntax mod-swap!
    (er-macro-transformer
      (lambda (form rename compare)
        (let ((a (cadr form)) (b (caddr form)) (tmp (rename 'tmp)))
          `(,(rename 'let) ((,tmp ,a)) (,(rename 'set!) ,a ,b) (,(rename 'set!) ,b ,tmp))))))
  (define-syntax mod-unless
    (ir-macro-transformer (lambda (f i c) `(if ,(cadr f) #f (begin ,@(cddr f)))))))
(module er-private (scaled)
  (import scheme (chicken syntax))
  (define (scale x) (* x 10))
  (define-syntax scaled (er-macro-transformer (lambda (f r c) `(,(r 'scale) ,(cadr f))))))
(import er-private)
(define (scale x) 'user-scale)
(test "rename refers to the module's private binding" 40 (scaled 4))
(import er-mod)
(test-group "macros exported by a module"
  (test '(2 1) (let ((tmp 1) (q 2)) (mod-swap! tmp q) (list tmp q)))
  (test 'ran (let ((if 1) (begin 2)) (mod-unless #f 'ran))))

(define (expansion-error form)
  (handle-exceptions e
    (list ((condition-property-accessor 'exn 'message) e) ((condition-predicate 'syntax) e))
    (eval form)
    'no-error))
(define-syntax needs-one
  (er-macro-transformer
    (lambda (f r c) (if (= (length f) 2) (cadr f) (syntax-error 'needs-one "expected one argument" f)))))
(define-syntax fails (er-macro-transformer (lambda (f r c) (error "cannot expand" f))))
(test-group "errors in transformers"
  (test 1 (needs-one 1))
  (test "syntax-error in a transformer: (exn syntax)"
        '("during expansion of (needs-one ...) - expected one argument" #t) (expansion-error '(needs-one 1 2)))
  (test "error in a transformer names the macro"
        '("during expansion of (fails ...) - cannot expand" #f) (expansion-error '(fails 1)))
  (test-error "an er-macro is not a variable" (exn syntax) (eval 'fails))
  (test-error "sc-macro-transformer stays unsupported" (exn syntax)
              (eval '(define-syntax sc (sc-macro-transformer (lambda (f e) f))))))
;; expand sees the macros of the interaction environment (top-level ones)
(define-syntax swap!* (syntax-rules () ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define-syntax twice* (syntax-rules () ((_ e) (swap!* e e))))
(define-syntax unless* (er-macro-transformer (lambda (f r c) `(,(r 'if) ,(cadr f) #f (,(r 'begin) ,@(cddr f))))))
(define-syntax forever* (syntax-rules () ((_) (forever*))))
(test-group "expand (CHICKEN's: a macro form, again until it is not one)"
  (test '(let ((tmp x)) (set! x y) (set! y tmp)) (expand '(swap!* x y)))
  (test '(let ((tmp q)) (set! q q) (set! q tmp)) (expand '(twice* q)))
  (test '(if a #f (begin b c)) (expand '(unless* a b c)))
  (test '(+ 1 (swap!* a b)) (expand '(+ 1 (swap!* a b))))
  (test 42 (expand 42))
  (test-error (expand '(forever*))))
