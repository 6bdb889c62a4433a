;; SRFI-124 ephemerons, as the SRFI allows them to be made: with strong
;; references, so that an ephemeron is never broken.
(define-record-type ephemeron
  (make-ephemeron key datum)
  ephemeron?
  (key ephemeron-key)
  (datum ephemeron-datum))

(define (ephemeron-broken? eph)
  (if (ephemeron? eph) #f (error 'ephemeron-broken? "not an ephemeron" eph)))

(define (reference-barrier key) (if #f #f))
