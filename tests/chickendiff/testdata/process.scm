;; (chicken process): running shell commands and pipes.
(import (chicken base) (chicken process) (chicken io) (chicken format) (chicken string))

(print "system status: " (system "exit 3"))
(print "system ok: " (system "true"))
(print "with-input-from-pipe: " (with-input-from-pipe "echo hello pipe" read-line))
(print "call-with-input-pipe lines: " (call-with-input-pipe "printf 'a\\nb\\nc\\n'" read-lines))
(flush-output)
(call-with-output-pipe "cat" (lambda (p) (display "through cat\n" p)))
(flush-output)
(print "process output: "
  (call-with-values (lambda () (process "echo one; echo two"))
    (lambda (in out pid) (let ((lines (read-lines in))) (close-input-port in) (close-output-port out) lines))))
(define-values (in out pid) (process "tr a-z A-Z"))
(display "shout this" out)
(close-output-port out)
(print "tr: " (read-line in))
(close-input-port in)
(print "qs: " (qs "it's a \"test\""))
(print "process-run + wait status: "
  (call-with-values (lambda () (process-wait (process-run "exit 5"))) (lambda (p normal status) (list normal status))))
(print "process with args: "
  (call-with-values (lambda () (process "echo" '("x" "y z")))
    (lambda (i o p) (let ((l (read-line i))) (close-input-port i) (close-output-port o) l))))
(flush-output)
(system* "echo system star")
(print "system* failing: " (handle-exceptions e 'raised (system* "exit 2")))
