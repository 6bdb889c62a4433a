;; An R6RS library with a version, in a .sls file.
#!r6rs
(library (modlib net util (1 2))
  (export crlf-join (rename (split-on split-string)))
  (import (scheme base))
  (define crlf (string #\return #\newline))
  (define (crlf-join lines)
    (if (null? lines) ""
        (let loop ((acc (car lines)) (l (cdr lines)))
          (if (null? l) acc (loop (string-append acc crlf (car l)) (cdr l))))))
  (define (split-on ch s)
    (let loop ((i 0) (start 0) (acc '()))
      (cond ((= i (string-length s)) (reverse (cons (substring s start i) acc)))
            ((char=? (string-ref s i) ch) (loop (+ i 1) (+ i 1) (cons (substring s start i) acc)))
            (else (loop (+ i 1) start acc))))))
