;; R7RS §6.12 environments: eval honours its environment argument, and
;; each environment holds exactly what it names.
(import (scheme base) (scheme eval) (scheme r5rs) (scheme repl) (chicken condition) (chicken load) (tlsport test))

(define (fails? expr env)
  (condition-case (begin (eval expr env) #f) (e (exn) #t)))

(test-group "environment"
  (define env (environment '(scheme base) '(only (scheme write) display)))
  (test 42 (eval '(let ((x 2)) (* x 21)) env))
  (test 21 (eval '(* 7 3) (environment '(scheme base))))   ; r7rs §6.12 example
  (test 'b (eval '(cond ((assv 2 '((1 . a) (2 . b))) => cdr) (else 'none)) env))
  (test #t (fails? '(string-upcase "a") env))     ; (scheme char) not imported
  (test #t (fails? '(write 1) env))               ; only display of (scheme write)
  (test #t (fails? '(print 1) env))               ; CHICKEN's print is not there
  (test "X" (eval '(string-upcase "x") (environment '(scheme char))))
  (test 3 (eval '(b:+ 1 2) (environment '(prefix (scheme base) b:))))
  (test #t (fails? '(+ 1 2) (environment '(prefix (scheme base) b:)))))

(test-group "definitions stay in their environment"
  (define env (environment '(scheme base)))
  (eval '(define z 5) env)
  (test 5 (eval 'z env))
  (test 6 (eval '(begin (define (f) (+ z 1)) (f)) env))
  (test #t (fails? 'z (interaction-environment)))
  (test #t (fails? 'z (environment '(scheme base)))))

(test-group "interaction-environment"
  (eval '(define gx 9) (interaction-environment))
  (test 9 gx)
  (test 10 (eval '(+ gx 1) (interaction-environment)))
  (test 10 (eval '(+ gx 1))))

(test-group "scheme-report-environment and null-environment"
  (test 'yes (eval '(if #t 'yes 'no) (null-environment 5)))
  (test 3 (eval '(let ((x 1)) (+ x 2)) (scheme-report-environment 5)))
  (test 2 (eval '(cadr '(1 2)) (scheme-report-environment 5)))
  (test #t (fails? '(car '(1)) (null-environment 5)))
  (test #t (fails? '(string-map char-upcase "a") (scheme-report-environment 5)))
  (test #t (fails? '(when #t 1) (null-environment 5))))

(test-group "eval of a definition"
  (test #t (eq? (if #f #f) (eval '(define ev-def 1) (interaction-environment))))
  (test 1 ev-def))

(test-group "load into an environment"
  (define env (environment '(scheme base)))
  (load-relative "modlib/env-load.scm" env)
  (test 42 (eval 'loaded-value env))
  (test #t (fails? 'loaded-value (interaction-environment))))

;; A standard library's environment keeps the library's bindings when the
;; program has rebound a name at top level (r7rs §6.12: the environment
;; "obtained by importing" the sets; one top-level namespace here)
(define (exact-integer-sqrt k) 'mine)
(test-group "environment after a top-level redefinition"
  (test 'mine (exact-integer-sqrt 17))
  (test '(4 1) (call-with-values (lambda () (eval '(exact-integer-sqrt 17) (environment '(scheme base)))) list)))
