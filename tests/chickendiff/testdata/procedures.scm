;; How procedures print and what procedure-information says of them, as a
;; program's debugging output shows them.
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))
(define (f x y) x)
(define (g . r) r)
(define (h a #!optional (b 5) #!key c) a)
(define k (lambda (x) x))
(show f g h k)
(show (lambda (x) x) (lambda () 1) (lambda args 1) (lambda (a b . c) 1))
(display f) (newline)
(show (procedure-information f) (procedure-information (lambda (p q) p)))
(show (list f (vector g)))
