;; glob: the file part is glob->sre's language (no ! negation, no \ escape,
;; a leading - in a class is a complement); dot files only for a leading dot.
(import (chicken file) (chicken sort))
(define dir (create-temporary-directory))
(for-each (lambda (n) (with-output-to-file (string-append dir "/" n) (lambda () (display n))))
          '("a1" "b2" "!x" ".dot" "c.scm" "d.txt" "e\\f"))
(define (g p) (sort (map (lambda (f) (substring f (+ 1 (string-length dir)))) (glob (string-append dir "/" p))) string<?))
(for-each (lambda (p) (write p) (display " => ") (write (g p)) (newline))
          '("*" ".*" "?1" "[ab]*" "[!a]*" "[-a]?" "[a-c]*" "*.scm" "e\\f" "e\\*" "*.{scm,txt}"))

(delete-directory dir #t)
