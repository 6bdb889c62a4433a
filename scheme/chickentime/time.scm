;; The time macro of (chicken time).
(define-syntax time
  (syntax-rules ()
    ((_ exp ...) (%time-report (lambda () exp ...)))))
