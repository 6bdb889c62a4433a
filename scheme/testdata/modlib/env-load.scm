;; Loaded into an environment by environments.scm.
(define loaded-value (* 6 7))
