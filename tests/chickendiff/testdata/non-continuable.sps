;; A handler that returns from a non-continuable raise: the secondary
;; exception is a &non-continuable violation (r6rs-lib §7.1).
(import (rnrs))
(define (classify thunk)
  (guard (e ((non-continuable-violation? e) 'non-continuable)
            ((violation? e) 'violation)
            (else (list 'other e)))
    (thunk)))
(display (classify (lambda () (with-exception-handler (lambda (c) 'ignored) (lambda () (raise 'oops))))))
(newline)
(display (classify (lambda () (with-exception-handler (lambda (c) 42) (lambda () (+ 1 (raise-continuable 'oops)))))))
(newline)
