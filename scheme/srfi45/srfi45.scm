;; SRFI-45 eager: a promise whose value is obj, already forced. (R7RS's
;; make-promise returns obj itself when it is a promise.)
(define (eager obj)
  (let ((p (delay obj)))
    (force p)
    p))
