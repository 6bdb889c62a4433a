;; An R7RS library in a file: found by (import (modlib greet)) from testdata/.
(define-library (modlib greet)
  (export greet (rename count greetings-made))
  (import (scheme base))
  (include-library-declarations "greet-decls.scm")
  (begin
    (define count 0)
    (define (greet name)
      (set! count (+ count 1))
      (string-append (salutation) ", " name))))
