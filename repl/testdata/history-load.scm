(define x 5)
(values x (* x 2))
