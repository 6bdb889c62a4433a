(define (loaded-value) (* 2 21))
