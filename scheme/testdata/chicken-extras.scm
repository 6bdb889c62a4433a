;; CHICKEN behaviour real programs depend on (issue 12 §3): optional
;; arguments, #!key defaults, load-relative, declare, define-constant,
;; define-inline and CHICKEN read syntax.
(import (scheme base) (chicken base) (chicken io) (chicken port) (chicken load)
        (chicken process-context) (chicken condition) (tlsport test))

(test-group "optional and let-optionals"
  (define (f . args) (optional args 'none))
  (test 'none (f))
  (test 1 (f 1))
  (define (g . args) (let-optionals args ((a 1) (b 2)) (list a b)))
  (test '(1 2) (g))
  (test '(5 2) (g 5))
  (test '(5 6) (g 5 6))
  (define (h . args) (let-optionals* args ((a 1) (b (* a 10)) . rest) (list a b rest)))
  (test '(1 10 ()) (h))
  (test '(2 20 ()) (h 2))
  (test '(2 3 (4 5)) (h 2 3 4 5))
  ;; the manual's form, the rest variable last in the list (csi: (1 (2 3)) and ())
  (test '(1 (2 3)) (let-optionals* '(1 2 3) ((a 1) rest) (list a rest)))
  (test '() (let-optionals* '() (rest) rest)))

(test-group "#!key and #!optional defaults see outer bindings"
  (define port 'outer-port)
  (define (k #!key (port port)) port)
  (test 'outer-port (k))
  (test 1 (k port: 1))
  (define (o a #!optional (b (+ a 1))) (list a b))
  (test '(1 2) (o 1))
  (test '(1 7) (o 1 7)))

(test-group "definitions CHICKEN declares"
  (declare (uses extras) (fixnum-arithmetic))
  (define-constant answer 42)
  (define-inline (double x) (* 2 x))
  (test 42 answer)
  (test 84 (double answer)))

(test-group "load-relative"
  (load-relative "modlib/rel/outer.scm")     ; which load-relatives inner.scm
  (test 'yes relative-loaded)
  ;; a procedure as in CHICKEN ("load-relative FILE #!optional EVALPROC
  ;; procedure"), relative to the file it is named in
  (set! relative-loaded 'no)
  (test #t (procedure? load-relative))
  (load-relative "modlib/rel/each.scm")      ; (for-each load-relative '("inner.scm"))
  (test 'yes relative-loaded))

(test-group "CHICKEN read syntax"
  (test '##sys#slot (string->symbol "##sys#slot"))
  (test "##core#inline" (symbol->string '##core#inline))
  (test "(##sys#slot |#a|)" (with-output-to-string (lambda () (write '(##sys#slot |#a|)))))
  (test #t (eof-object? '#!eof))
  (test #t (eq? (if #f #f) '#!unspecific))
  (test #t (eq? '#!default '#!default)))

;; get-line-number: csi keeps no line numbers (CHICKEN's compiler does).
(test #f (get-line-number '(foo bar)))
(define-syntax line-of (er-macro-transformer (lambda (f r c) (list 'quote (get-line-number f)))))
(test #f (line-of))

;; eval-handler: the procedure eval calls (CHICKEN (chicken eval)).
(define default-eval (eval-handler))
(test #t (procedure? default-eval))
(test 3 (default-eval '(+ 1 2)))
(eval-handler (lambda (x . env) (if (symbol? x) (list 'symbol x) (apply default-eval x env))))
(test '(symbol abc) (eval 'abc))
(test 4 (eval '(+ 2 2) (interaction-environment)))
(test 6 (parameterize ((eval-handler default-eval)) (eval '(* 2 3))))
(test '(symbol q) (eval 'q))
(eval-handler default-eval)
(test 5 (eval '(+ 2 3)))
(test-error (eval-handler 'not-a-procedure))

;; (chicken type): type declarations are accepted and ignored, as csi
;; ignores them; assume binds its variables to themselves; the, as ever
(test-group "type declarations"
  (: typed-add1 (fixnum -> fixnum))
  (define (typed-add1 x) (+ x 1))
  (test 4 (typed-add1 3))
  (define-type point (pair fixnum fixnum))
  (define-type (box-of a) (vector a))
  (test 16 (let ((n 4)) (assume ((n fixnum)) (* n n))))
  (test '(1 2) (let ((a 1) (b 2)) (assume ((a fixnum) (b number)) (list a b))))
  (test 3 (the fixnum 3))
  (test-error (eval '(: 3 fixnum)))
  (test-error (eval '(: typed-add1)))
  (test-error (eval '(define-type point)))
  (test-error (eval '(assume (x) 1)))
  (test-error (eval '(assume ((1 fixnum)) 1))))

;; SRFI-42's : is bound only where (srfi 42) is imported
(test-error (eval 'list-ec))
