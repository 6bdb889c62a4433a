;; (chicken repl) on string ports: what a program gets when it runs a
;; read-eval-print loop over ports of its own (a debugging console on a
;; connection, a command interpreter). Results go to the current output
;; port; errors (on the error port, not compared) do not end the loop.
(import (chicken repl) (chicken port))
(define (run-repl text . ev)
  (let* ((err (open-output-string))
         (out (with-output-to-string
                (lambda ()
                  (with-input-from-string text
                    (lambda ()
                      (with-error-output-to-port err
                        (lambda ()
                          (write (apply repl ev)) (newline)))))))))
    (write out) (newline)
    (write (> (string-length (get-output-string err)) 0)) (newline)))
(run-repl "(+ 1 2) (define x 10) (* x x) (values) (values 'a \"b\" #\\c)")
(run-repl "(car '()) (+ 1 1)")
(run-repl "(display \"hi\") (newline) (quit 'done) (display \"not reached\")")
(run-repl "(begin (quit (list 1 2)))")
(run-repl "(reset) 7")
(run-repl "(list 1 2) (error \"oops\" 1) 3")
(run-repl "1 ) 2")
(run-repl "(+ 1 2")
(run-repl "(repl) (quit 'inner) 5 (quit 'outer)")
(run-repl "(+ 1 2) (quit)" (lambda (x) (if (equal? x '(quit)) (quit 'custom) (list 'saw x))))
(run-repl "(begin (reset-handler (lambda () (display \"custom reset\\n\"))) (quote set)) (reset) 8")
(define p (make-parameter 1 (lambda (x) (* x 10))))
(write (list (p 2) (p) (parameterize ((p 3)) (list (p 4) (p))) (p))) (newline)
(repl-prompt (lambda () "my> "))
(write ((repl-prompt))) (newline)
