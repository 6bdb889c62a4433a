;; Loads inner.scm from its own directory with load-relative as a procedure.
(for-each load-relative '("inner.scm"))
