;; Library declarations spliced into (modlib greet).
(cond-expand
  (tlsport (begin (define (salutation) "hello")))
  (else (begin (define (salutation) "hi"))))
