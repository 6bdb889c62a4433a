;; (chicken csi), from the CHICKEN 5 manual page "Module (chicken csi)";
;; the REPL's side is tested by repl/testdata/csicommands.in.
(import (chicken csi) (chicken port) (tlsport test))

(test (void) (toplevel-command 'greet (lambda () (print "hello, " (read) "!")) "say hello"))
(test-error (toplevel-command "not-a-symbol" (lambda () 1)))
(test-error (toplevel-command 'bad 42))
(test (void) (set-describer! 'point (lambda (p o) (display "a point" o))))
(test-error (set-describer! 'point 'not-a-procedure))

;; default-evaluator runs a command written (unquote NAME), the command
;; reading its arguments from the current input port; otherwise it is eval.
(test 3 (default-evaluator '(+ 1 2)))
(test "hello, you!\n" (with-output-to-string (lambda () (with-input-from-string "you" (lambda () (default-evaluator '(unquote greet)))))))
(test-error (default-evaluator '(unquote no-such-command)))
(test '(unquote) (default-evaluator ''(unquote)))
(test #t (or (string? (editor-command)) (not (editor-command))))
(parameterize ((editor-command "emacs")) (test "emacs" (editor-command)))
