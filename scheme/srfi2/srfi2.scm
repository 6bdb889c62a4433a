;; SRFI-2 and-let*: and with let*-style bindings.
(define-syntax and-let*
  (syntax-rules ()
    ((_ ()) #t)
    ((_ () body ...) (let () body ...))
    ((_ ((var expr))) expr)
    ((_ ((expr))) expr)
    ((_ (var)) var)
    ((_ ((var expr) . claws) . body) (let ((var expr)) (if var (and-let* claws . body) #f)))
    ((_ ((expr) . claws) . body) (if expr (and-let* claws . body) #f))
    ((_ (var . claws) . body) (if var (and-let* claws . body) #f))))
