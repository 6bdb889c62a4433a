;; exit with a status: output before exit is flushed, the process context
;; (arguments, environment variables, directory) reads as in csi.
(import (chicken base) (chicken process-context) (chicken format))

(define (check-args args)
  (printf "program args: ~s~%" args)
  (length args))
(print "args count " (check-args (command-line-arguments)))
(print "program-name is a string: " (string? (program-name)))
(print "get-environment-variable HOME set: " (string? (get-environment-variable "HOME")))
(print "missing env var: " (get-environment-variable "CHICKENDIFF_SURELY_UNSET_VARIABLE"))
(print "env var from the test: " (get-environment-variable "CHICKENDIFF"))
(set-environment-variable! "CHICKENDIFF_X" "42")
(print "set-environment-variable!: " (get-environment-variable "CHICKENDIFF_X"))
(unset-environment-variable! "CHICKENDIFF_X")
(print "unset: " (get-environment-variable "CHICKENDIFF_X"))
(print "current-directory is absolute: " (char=? #\/ (string-ref (current-directory) 0)))
(define status
  (let loop ((i 0) (sum 0))
    (if (= i 10) sum (loop (+ i 1) (+ sum i)))))
(print "computed status " (modulo status 7))
(display "no newline before exit")
(exit (modulo status 7))
(print "not reached")
