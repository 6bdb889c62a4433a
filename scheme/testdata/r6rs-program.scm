#!r6rs
;; An R6RS top-level program: #!r6rs, then one import form naming libraries
;; with version references, R6RS-style SRFI names and import levels; one of
;; them is an R6RS library found in its .sls file.
(import (scheme base)
        (tlsport test)
        (srfi :18 multithreading)
        (only (srfi :1 lists) fold)
        (for (modlib net util (1 2)) run)
        (rename (library (modlib net util (1))) (crlf-join join-lines)))

(define t (make-thread (lambda () (crlf-join '("EHLO x" "QUIT")))))
(thread-start! t)
(test "EHLO x\r\nQUIT" (thread-join! t))
(test "a\r\nb" (join-lines '("a" "b")))
(test '("k" "v") (split-string #\= "k=v"))
(test 6 (fold + 0 '(1 2 3)))
