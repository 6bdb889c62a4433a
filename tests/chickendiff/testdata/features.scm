;; cond-expand features a script meets under csi -s: csi, chicken-script,
;; the numeric tower and the SRFIs CHICKEN 5 declares.
(define-syntax has
  (syntax-rules () ((_ f) (cond-expand (f (display 'f) (display " yes\n")) (else (display 'f) (display " no\n"))))))
(has csi)
(has chicken-script)
(has chicken-5)
(has full-numeric-tower)
(has srfi-12)
(has srfi-15)
(has srfi-46)
(has srfi-55)
(has srfi-88)
(has no-such-feature)
(cond-expand ((and csi (not compiling)) (print "interpreted")) (else (print "compiled")))
;; (chicken platform)'s features are keywords; registered ones are found
;; under any spelling.
(import (chicken platform))
(print (and (memq #:csi (features)) #t) " " (and (memq #:chicken (features)) #t) " " (and (memq 'chicken (features)) #t))
(register-feature! 'my-feature)
(print (and (memq #:my-feature (features)) #t) " " (feature? "my-feature"))
(print (list (car (features)) (cadr (features)) (caddr (features)))) ; the last registered first, then csi's own
(unregister-feature! #:my-feature)
(print (and (memq #:my-feature (features)) #t) " " (feature? 'my-feature))
