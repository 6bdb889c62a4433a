;; string keys: assoc and member of a string in an alist and a list of 50
;; string keys (fresh copies of them, so equal? but not eq?), 10^6 times
;; each, then equal? and string=? of equal strings and of strings differing
;; in the last character, 10^6 times each
(define keys
  (let loop ((i 49) (acc '()))
    (if (< i 0) acc (loop (- i 1) (cons (string-append "key-" (number->string i)) acc)))))
(define alist (map (lambda (k) (cons k (string-length k))) keys))
(define vkeys (list->vector keys))
(define probes (list->vector (map string-copy keys)))
(define (sum-assoc n)
  (let loop ((i 0) (s 0))
    (if (= i n) s (loop (+ i 1) (+ s (cdr (assoc (vector-ref probes (remainder i 50)) alist)))))))
(display (sum-assoc 1000000)) (newline)
(define (sum-member n)
  (let loop ((i 0) (s 0))
    (if (= i n) s (loop (+ i 1) (+ s (length (member (vector-ref probes (remainder i 50)) keys)))))))
(display (sum-member 1000000)) (newline)
(define (count-equal n)
  (let loop ((i 0) (s 0))
    (if (= i n)
        s
        (let ((p (vector-ref probes (remainder i 50))) (k (vector-ref vkeys (remainder i 50)))
              (k2 (vector-ref vkeys (remainder (+ i 1) 50))))
          (loop (+ i 1) (if (and (equal? p k) (string=? p k) (not (equal? p k2)) (not (string=? p k2))) (+ s 1) s))))))
(display (count-equal 1000000)) (newline)
