(define noisy-x 1)
(+ noisy-x 2)
(values 1 2)
(display "hi")
(values)
"str"
(list (quote a) "b" #\c 1.5)
