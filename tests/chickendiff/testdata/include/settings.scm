;; included by include-settings.scm with the reader settings in effect then
(define inc-kw :inc)
(define INC-Sym (quote AbC))
