;; Loads inner.scm from its own directory.
(load-relative "inner.scm")
