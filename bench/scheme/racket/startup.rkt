#lang racket/base
;; bench/scheme/startup.scm for Racket CS
(display "ok") (newline)
