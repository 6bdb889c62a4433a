#!r6rs
;; requires-package: scheme-chez-srfi
;; The SRFI-25 reference test suite (Jussi Piitulainen's, as chez-srfi
;; ships it in srfi/%3a25/test.scm), included as it stands: each check
;; raises an error when it fails; the stages passed are displayed last.
(import (rnrs) (rnrs r5rs) (srfi :25) (srfi private include))
(include/resolve ("srfi" "%3a25") "test.scm")
(display (past)) (newline)
