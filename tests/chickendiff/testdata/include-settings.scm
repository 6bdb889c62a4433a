;; include reads its file with the reader settings in effect when the
;; include is expanded, as csi does
(import (chicken base) (chicken keyword))
(keyword-style #:prefix)
(case-sensitive #f)
(include "include/settings.scm")
(write (list (keyword? inc-kw) inc-sym))
(newline)
