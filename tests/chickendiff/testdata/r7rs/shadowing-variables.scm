;; R7RS-small 5.3 and 5.4: a program may bind names tlsport has as CHICKEN
;; syntax (time, assert, receive, module, select, fluid-let) as variables,
;; as its own macros and as record type names.
(import (scheme base) (scheme write))
(define time 5)
(define assert 'a)
(define receive '(r))
(define module "m")
(define select 1.5)
(set! time (+ time 1))
(write (list time assert receive module select (let ((cut 3)) cut) (vector time))) (newline)
(define (use-them) (list time assert receive))
(write (use-them)) (newline)
(define-syntax fluid-let (syntax-rules () ((_ x) (list 'my-fluid-let x))))
(write (fluid-let 5)) (newline)
(define-record-type assume (make-assume v) assume? (v assume-v))
(write (assume-v (make-assume 9))) (newline)
