;; SRFI-38 external representation for data with shared structure, over
;; R7RS's write-shared and read (which reads #n= and #n# labels).
(define (write-with-shared-structure obj . rest)
  (write-shared obj (if (pair? rest) (car rest) (current-output-port))))
(define (write/ss obj . rest) (apply write-with-shared-structure obj rest))
(define (read-with-shared-structure . rest)
  (read (if (pair? rest) (car rest) (current-input-port))))
(define (read/ss . rest) (apply read-with-shared-structure rest))
