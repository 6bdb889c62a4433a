;; (chicken base) syntax written with syntax-rules.
(define-syntax optional
  (syntax-rules ()
    ((_ args default)
     (let ((a args))
       (cond ((null? a) default)
             ((null? (cdr a)) (car a))
             (else (error 'optional "too many optional arguments" a)))))))
(define-syntax let-optionals*
  (syntax-rules ()
    ((_ args () body ...) (let () body ...))
    ((_ args ((var default) . more) body ...)
     (let* ((a args) (var (if (null? a) default (car a))))
       (let-optionals* (if (null? a) '() (cdr a)) more body ...)))
    ((_ args rest body ...) (let ((rest args)) body ...))))
(define-syntax %let-optionals
  (syntax-rules ()
    ((_ args () ((var tmp) ...) body ...)
     (let ((var tmp) ...) body ...))
    ((_ args ((var default) . more) (bound ...) body ...)
     (let* ((a args) (tmp (if (null? a) default (car a))))
       (%let-optionals (if (null? a) '() (cdr a)) more (bound ... (var tmp)) body ...)))
    ((_ args rest ((var tmp) ...) body ...)
     (let ((var tmp) ... (rest args)) body ...))))
(define-syntax let-optionals
  (syntax-rules ()
    ((_ args specs body ...) (%let-optionals args specs () body ...))))
(define-syntax rec
  (syntax-rules ()
    ((_ (name . vars) body ...) (letrec ((name (lambda vars body ...))) name))
    ((_ name expr) (letrec ((name expr)) name))))
(define-syntax nth-value
  (syntax-rules ()
    ((_ n expr) (call-with-values (lambda () expr) (lambda vals (list-ref vals n))))))
(define-syntax %set!-values
  (syntax-rules ()
    ((_ () ((var tmp) ...) expr)
     (call-with-values (lambda () expr) (lambda (tmp ...) (set! var tmp) ... (if #f #f))))
    ((_ (v . more) (done ...) expr) (%set!-values more (done ... (v tmp)) expr))))
(define-syntax set!-values
  (syntax-rules ()
    ((_ (var ...) expr) (%set!-values (var ...) () expr))))
(define-syntax letrec-values
  (syntax-rules ()
    ((_ ((formals init) ...) body ...)
     (let () (define-values formals init) ... (let () body ...)))))
(define-syntax and-let*
  (syntax-rules ()
    ((_ ()) #t)
    ((_ () body ...) (let () body ...))
    ((_ ((var expr))) (let ((var expr)) var))
    ((_ ((expr))) expr)
    ((_ (var)) var)
    ((_ ((var expr) . rest) . body) (let ((var expr)) (if var (and-let* rest . body) #f)))
    ((_ ((expr) . rest) . body) (if expr (and-let* rest . body) #f))
    ((_ (var . rest) . body) (if var (and-let* rest . body) #f))))
;; cut and cute: the reference implementation of SRFI 26.
(define-syntax %cut
  (syntax-rules (<> <...>)
    ((_ (slot-name ...) (proc arg ...)) (lambda (slot-name ...) ((begin proc) arg ...)))
    ((_ (slot-name ...) (proc arg ...) <...>) (lambda (slot-name ... . rest-slot) (apply proc arg ... rest-slot)))
    ((_ (slot-name ...) (position ...) <> . se) (%cut (slot-name ... x) (position ... x) . se))
    ((_ (slot-name ...) (position ...) nse . se) (%cut (slot-name ...) (position ... nse) . se))))
(define-syntax cut
  (syntax-rules () ((_ . slots-or-exprs) (%cut () () . slots-or-exprs))))
(define-syntax %cute
  (syntax-rules (<> <...>)
    ((_ (slot-name ...) nse-bindings (proc arg ...))
     (let nse-bindings (lambda (slot-name ...) ((begin proc) arg ...))))
    ((_ (slot-name ...) nse-bindings (proc arg ...) <...>)
     (let nse-bindings (lambda (slot-name ... . x) (apply proc arg ... x))))
    ((_ (slot-name ...) nse-bindings (position ...) <> . se)
     (%cute (slot-name ... x) nse-bindings (position ... x) . se))
    ((_ slot-names (nse-binding ...) (position ...) nse . se)
     (%cute slot-names (nse-binding ... (x nse)) (position ... x) . se))))
(define-syntax cute
  (syntax-rules () ((_ . slots-or-exprs) (%cute () () () . slots-or-exprs))))
