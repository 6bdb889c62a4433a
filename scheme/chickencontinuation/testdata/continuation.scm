;; (chicken continuation), from the CHICKEN 5 manual page "Module (chicken
;; continuation)" and Feeley's "A Better API for First-Class Continuations".
(import (chicken continuation) (tlsport test))
(test-group "continuation?"
  ;; only continuations of the continuation API, not call/cc's
  (test #t (continuation-capture continuation?))
  (test #f (call-with-current-continuation continuation?))
  (test #f (continuation? (lambda (x) x)))
  (test #f (continuation? 5)))
(test-group "continuation-capture"
  ;; tail-calls PROCEDURE with the continuation: its value is the capture's
  (test 6 (+ 1 (continuation-capture (lambda (k) 5))))
  (test '(1 2) (call-with-values (lambda () (continuation-capture (lambda (k) (values 1 2)))) list))
  ;; a tail call: a loop through continuation-capture runs in constant space
  (define (capture-loop n) (if (= n 0) 'done (continuation-capture (lambda (k) (capture-loop (- n 1))))))
  (test 'done (capture-loop 100000))
  (test-error (continuation-capture 5)))
(test-group "continuation-return"
  (test 11 (+ 1 (continuation-capture (lambda (k) (continuation-return k 10)))))
  ;; the rest of proc does not run
  (test 11 (+ 1 (continuation-capture (lambda (k) (continuation-return k 10) (error "not reached")))))
  (test '(1 2) (call-with-values (lambda () (continuation-capture (lambda (k) (continuation-return k 1 2)))) list))
  (test '() (call-with-values (lambda () (continuation-capture (lambda (k) (continuation-return k)))) list))
  ;; continuations may be re-entered
  (test '(3 2 1 0)
        (let ((acc '()) (saved #f))
          (let ((v (continuation-capture (lambda (k) (set! saved k) 0))))
            (set! acc (cons v acc))
            (if (< v 3) (continuation-return saved (+ v 1)) acc))))
  ;; the manual's definition of continuation-return
  (define (my-return k . vals) (continuation-graft k (lambda () (apply values vals))))
  (test '(a b) (call-with-values (lambda () (continuation-capture (lambda (k) (my-return k 'a 'b)))) list))
  (test-error (continuation-return 'not-a-continuation 1))
  (test-error (continuation-return (call/cc (lambda (k) k)) 1)))
(test-group "continuation-graft"
  (test 42 (+ 1 (continuation-capture (lambda (k) (+ 100 (continuation-graft k (lambda () 41)))))))
  ;; THUNK runs with CONT as its continuation: in its dynamic environment
  (define p (make-parameter 'outer))
  (test 'inner
        (parameterize ((p 'inner))
          (continuation-capture
            (lambda (k)
              (parameterize ((p 'deeper))
                (continuation-graft k (lambda () (p))))))))
  ;; leaving a dynamic-wind runs its after thunk before THUNK
  (test '(in out thunk)
        (let ((log '()))
          (continuation-capture
            (lambda (k)
              (dynamic-wind
                (lambda () (set! log (cons 'in log)))
                (lambda () (continuation-graft k (lambda () (set! log (cons 'thunk log)))))
                (lambda () (set! log (cons 'out log))))))
          (reverse log)))
  ;; an exception in THUNK is handled by the handler of CONT's context
  (test 'outer-handler
        (call-with-current-continuation
          (lambda (escape)
            (with-exception-handler
              (lambda (c) (escape 'outer-handler))
              (lambda ()
                (continuation-capture
                  (lambda (k)
                    (with-exception-handler
                      (lambda (c) (escape 'inner-handler))
                      (lambda () (continuation-graft k (lambda () (raise 'boom))))))))))))
  (test-error (continuation-graft 'not-a-continuation (lambda () 1)))
  (test-error (continuation-capture (lambda (k) (continuation-graft k 5)))))
