;; R7RS-small 6.14: (exit #t) is success, after output is flushed.
(import (scheme base) (scheme write) (scheme process-context))
(display "buffered output is flushed by exit")
(newline)
(exit #t)
