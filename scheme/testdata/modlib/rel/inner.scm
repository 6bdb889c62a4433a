;; Loaded by modlib/rel/outer.scm with load-relative.
(define relative-loaded (quote yes))
