;; (chicken base) syntax written with syntax-rules.
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
(define-syntax define-record-printer
  (syntax-rules ()
    ((_ (name record port) body ...)
     (set-record-printer! 'name (lambda (record port) body ...)))
    ((_ name procedure) (set-record-printer! 'name procedure))))
