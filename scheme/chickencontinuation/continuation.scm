;; (chicken continuation)'s continuation-capture over call/cc: the captured
;; continuation receives a thunk and calls it, so that continuation-graft
;; can run a thunk in it; proc itself is called in tail position.
(define (continuation-capture proc)
  ((call-with-current-continuation
     (lambda (k) (lambda () (proc (%make-continuation k)))))))
