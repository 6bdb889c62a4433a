;; Error positions (STYLE §5.6): each chunk must fail on its ### line.
(car '())  ;;; ### "\(car\) bad argument type in argument 1 \(expected pair\)"
;;; ---
(define (f x)
  (vector-ref x 10)) ;;; ### "vector-ref"
(f (vector 1 2))
;;; ---
(define (g)
  (undefined-procedure 1)) ;;; ### "unbound variable: undefined-procedure"
(g)
;;; ---
(let ((x 1))
  (if)) ;;; ### "bad syntax in if"
;;; ---
(list #\nosuchchar) ;;; ### "expected a character name"
;;; ---
((lambda (a b) a) 1) ;;; ### "bad argument count - received 1 but expected 2: #<procedure \(\? a b\)>"
;;; ---
(error "custom failure" 'x 42) ;;; ### "custom failure: x 42"
;;; ---
(define (down n) (if (> n 0) (+ 1 (down (- n 1))) (car n))) ;;; ### "car \(in down\)"
(down 3)
