;; SRFI-26 cut and cute: the reference implementation by Al Petrofsky.
(define-syntax %cut
  (syntax-rules (<> <...>)
    ((_ (slot-name ...) (proc arg ...))
     (lambda (slot-name ...) ((begin proc) arg ...)))
    ((_ (slot-name ...) (proc arg ...) <...>)
     (lambda (slot-name ... . rest-slot) (apply proc arg ... rest-slot)))
    ((_ (slot-name ...) (position ...) <> . se)
     (%cut (slot-name ... x) (position ... x) . se))
    ((_ (slot-name ...) (position ...) nse . se)
     (%cut (slot-name ...) (position ... nse) . se))))
(define-syntax %cute
  (syntax-rules (<> <...>)
    ((_ (slot-name ...) nse-bindings (proc arg ...))
     (let nse-bindings (lambda (slot-name ...) (proc arg ...))))
    ((_ (slot-name ...) nse-bindings (proc arg ...) <...>)
     (let nse-bindings (lambda (slot-name ... . x) (apply proc arg ... x))))
    ((_ (slot-name ...) nse-bindings (position ...) <> . se)
     (%cute (slot-name ... x) nse-bindings (position ... x) . se))
    ((_ slot-names nse-bindings (position ...) nse . se)
     (%cute slot-names ((x nse) . nse-bindings) (position ... x) . se))))
(define-syntax cut
  (syntax-rules () ((_ . slots-or-exprs) (%cut () () . slots-or-exprs))))
(define-syntax cute
  (syntax-rules () ((_ . slots-or-exprs) (%cute () () () . slots-or-exprs))))
