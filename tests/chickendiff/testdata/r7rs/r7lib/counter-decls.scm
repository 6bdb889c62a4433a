(export area-of)
(begin (define (area-of w h) (s:area w h)))
