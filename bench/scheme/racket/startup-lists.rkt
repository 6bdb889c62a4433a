#lang racket/base
;; bench/scheme/startup-lists.scm for Racket CS
(for-each (lambda (x) (display x)) (map car (list (list "ok")))) (newline)
