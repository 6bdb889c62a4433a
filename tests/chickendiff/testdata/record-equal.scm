;; equal? compares records field by field (CHICKEN's manual: "equal?
;; compares all structured data recursively"), so member, assoc and
;; equal? hash tables find equal records
(define-record-type point (make-point x y) point? (x point-x set-point-x!) (y point-y))
(define-record-type other (make-other x y) other? (x other-x) (y other-y))
(write (list (equal? (make-point 1 2) (make-point 1 2))
             (equal? (make-point 1 '(2 "s")) (make-point 1 '(2 "s")))
             (equal? (make-point 1 2) (make-point 1 3))
             (equal? (make-point 1 2) (make-other 1 2))
             (eqv? (make-point 1 2) (make-point 1 2))))
(newline)
(write (map point-y (member (make-point 3 4) (list (make-point 1 2) (make-point 3 4)))))
(newline)
(write (cdr (assoc (make-point 5 6) (list (cons (make-point 5 6) 'found)))))
(newline)
