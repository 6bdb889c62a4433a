;; (chicken repl), from the CHICKEN 5 manual page "Module (chicken repl)",
;; with csi's way of writing results (checked against csi 5.3).
(import (chicken repl) (chicken port) (tlsport test))

;; run-repl runs (repl ev …) on text; returns what it wrote on the current
;; output and error ports and repl's result.
(define (run-repl text . ev)
  (let* ((err (open-output-string))
         (result #f)
         (out (with-output-to-string
                (lambda ()
                  (with-input-from-string text
                    (lambda ()
                      (with-error-output-to-port err
                        (lambda () (set! result (apply repl ev))))))))))
    (list out (get-output-string err) result)))

(test-group "results"
  (test '("3\n100\n" "" #t) (let ((r (run-repl "(+ 1 2) (define x 10) (* x x)"))) (list (car r) (cadr r) (eq? (caddr r) (void)))))
  (test "; no values\n" (car (run-repl "(values)")))
  (test "a\n\"b\"\n#\\c\n; 3 values\n" (car (run-repl "(values 'a \"b\" #\\c)")))
  (test "" (car (run-repl "(if #f #f)")))
  (test "hi5\n" (car (run-repl "(begin (display \"hi\") 5)"))))

(test-group "quit and reset"
  (test '("hi\n" "" done) (run-repl "(display \"hi\") (newline) (quit 'done) (display \"not reached\")"))
  (test '("" "" (1 2)) (run-repl "(begin (quit (list 1 2)))"))
  (test "7\n" (car (run-repl "(reset) 7")))
  ;; quit leaves the innermost repl only.
  (test '("inner\n5\n" "" outer) (run-repl "(repl) (quit 'inner) 5 (quit 'outer)"))
  ;; An evaluator replaces eval.
  (test '("(saw (+ 1 2))\n" "" custom)
        (run-repl "(+ 1 2) (quit)" (lambda (x) (if (equal? x '(quit)) (quit 'custom) (list 'saw x))))))

(test-group "errors are reported and the loop goes on"
  (let ((r (run-repl "(car '()) (+ 1 1)")))
    (test "2\n" (car r))
    (test "\nError: (car) bad argument type in argument 1 (expected pair): ()\n" (cadr r)))
  (test "\nError: bad thing\nsym\n42\n" (cadr (run-repl "(error \"bad thing\" 'sym 42)")))
  (test "\nError: uncaught exception: oops\n" (cadr (run-repl "(raise 'oops) 3")))
  ;; A syntax error is reported and reading goes on after it.
  (let ((r (run-repl "1 ) 2")))
    (test "1\n2\n" (car r))
    (test #t (and (substring-index "unexpected ')'" (cadr r)) #t)))
  ;; End of file inside a datum ends the loop after the report.
  (let ((r (run-repl "(+ 1 2")))
    (test "" (car r))
    (test #t (and (substring-index "Error:" (cadr r)) #t))))

(test-group "prompt"
  ;; Standard input is not a terminal here: no prompt, as csi.
  (test "3\n" (car (run-repl "(+ 1 2)")))
  ;; The default prompt is "#;N> ", N the number of the next expression.
  (define (prompt-number) (string->number (substring ((repl-prompt)) 2 (- (string-length ((repl-prompt))) 2))))
  (let ((n (prompt-number)))
    (test #t (and (string=? (string-append "#;" (number->string n) "> ") ((repl-prompt))) #t))
    (run-repl "1 2")
    (test (+ n 2) (prompt-number)))
  (parameterize ((repl-prompt (lambda () "my> ")))
    (test "my> " ((repl-prompt)))))

(test-group "outside a repl"
  ;; reset calls reset-handler.
  (test 'called (call-with-current-continuation
                  (lambda (k) (parameterize ((reset-handler (lambda () (k 'called)))) (reset) 'not-called)))))
