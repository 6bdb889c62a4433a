;; A CHICKEN module in a file named after it: (import modlib.counter)
;; would not find it; (import (modlib counter)) does.
(module (modlib counter) (next! reset!)
  (import scheme)
  (define n 0)
  (define (next!) (set! n (+ n 1)) n)
  (define (reset!) (set! n 0)))
