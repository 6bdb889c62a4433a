(define (connect-to-server)
  (demo-fail))
(connect-to-server)
