;; A log analyser: lines read from a string port with read-line and
;; read-lines, fields split and parsed, port-fold / port-for-each over
;; readers, tallies in vectors, error recovery per line, a summary written
;; through with-output-to-string, and an exit status telling whether any
;; line was malformed.
(import (chicken base) (chicken io) (chicken port) (chicken string) (chicken format)
        (chicken condition) (chicken sort))

(define log-text "2024-01-05 10:00:01 INFO  server started port=8443
2024-01-05 10:00:02 DEBUG handshake client=127.0.0.1 ms=12
2024-01-05 10:00:03 WARN  slow handshake client=10.0.0.7 ms=950
2024-01-05 10:00:04 ERROR handshake failed client=10.0.0.9 reason=\"bad cert\"
garbage line here
2024-01-05 10:00:05 INFO  request client=127.0.0.1 bytes=5120
2024-01-05 10:00:06 INFO  request client=10.0.0.7 bytes=20
2024-01-05 10:00:07 ERROR timeout client=10.0.0.7 ms=30000

2024-01-05 10:00:08 INFO  shutdown")

(define levels '#(DEBUG INFO WARN ERROR))
(define (level-index sym)
  (let loop ((i 0))
    (cond ((= i (vector-length levels)) #f)
          ((eq? (vector-ref levels i) sym) i)
          (else (loop (+ i 1))))))

(define (parse-kv word)
  (let ((i (substring-index "=" word)))
    (and i (cons (string->symbol (substring word 0 i))
                 (let ((v (substring word (+ i 1))))
                   (or (string->number v) v))))))

(define (parse-line line)
  (let ((fields (string-split line " ")))
    (when (< (length fields) 4) (signal (make-property-condition 'malformed 'line line)))
    (let ((level (string->symbol (caddr fields))))
      (unless (level-index level) (signal (make-property-condition 'malformed 'line line)))
      (list (car fields) (cadr fields) level
            (cadddr fields)
            (let loop ((ws (cddddr fields)) (kvs '()))
              (cond ((null? ws) (reverse kvs))
                    ((parse-kv (car ws)) => (lambda (kv) (loop (cdr ws) (cons kv kvs))))
                    (else (loop (cdr ws) kvs))))))))

(define (pad6 s) (string-append s (make-string (- 6 (string-length s)) #\space)))
(define counts (make-vector (vector-length levels) 0))
(define bad '())
(define entries
  (with-input-from-string log-text
    (lambda ()
      (let loop ((acc '()) (n 1))
        (let ((line (read-line)))
          (cond ((eof-object? line) (reverse acc))
                ((string=? line "") (loop acc (+ n 1)))
                (else
                 (let ((e (condition-case (parse-line line)
                            (c (malformed) (set! bad (cons n bad)) #f))))
                   (when e
                     (let ((i (level-index (caddr e))))
                       (vector-set! counts i (+ 1 (vector-ref counts i)))))
                   (loop (if e (cons e acc) acc) (+ n 1))))))))))

(printf "~a entries, malformed lines: ~s~%" (length entries) (reverse bad))
(do ((i 0 (+ i 1))) ((= i (vector-length levels)))
  (printf "~a~a~%" (pad6 (symbol->string (vector-ref levels i))) (vector-ref counts i)))

(define (field e key) (alist-ref key (list-ref e 4)))
(define by-client
  (let loop ((es entries) (acc '()))
    (if (null? es)
        (sort acc (lambda (a b) (string<? (car a) (car b))))
        (let ((c (field (car es) 'client)))
          (if c
              (let ((cell (assoc c acc)))
                (if cell (begin (set-cdr! cell (+ 1 (cdr cell))) (loop (cdr es) acc))
                    (loop (cdr es) (cons (cons c 1) acc))))
              (loop (cdr es) acc))))))
(for-each (lambda (p) (printf "  ~a: ~a~%" (car p) (cdr p))) by-client)
(define (filter-map f l) (if (null? l) '() (let ((v (f (car l)))) (if v (cons v (filter-map f (cdr l))) (filter-map f (cdr l))))))
(define slow (filter-map (lambda (e) (let ((ms (field e 'ms))) (and ms (> ms 100) (list (cadr e) ms)))) entries))
(printf "slow: ~s~%" slow)
(printf "reason: ~s~%" (field (list-ref entries 3) 'reason))
(printf "total bytes: ~a~%" (apply + (map (lambda (e) (or (field e 'bytes) 0)) entries)))

(define lines (read-lines (open-input-string log-text)))
(printf "read-lines: ~a, first 2: ~s~%" (length lines) (read-lines (open-input-string log-text) 2))
(printf "chars: ~a~%" (with-input-from-string "abc\nde" (lambda () (port-fold (lambda (c n) (+ n 1)) 0 read-char))))
(call-with-input-string "alpha beta\ngamma"
  (lambda (p)
    (printf "token: ~s~%" (read-token char-alphabetic? p))
    (printf "rest of line: ~s~%" (read-line p))
    (printf "read-string: ~s then ~s~%" (read-string 3 p) (read-string #f p))
    (printf "at eof: ~s~%" (read-line p))))
(printf "port-map: ~s~%" (with-input-from-string "1 2 (3 4) \"five\"" (lambda () (port-map (lambda (x) x) read))))
(with-input-from-string "x\ny\nz" (lambda () (port-for-each (lambda (l) (printf "[~a]" l)) read-line)))
(newline)
(define summary
  (with-output-to-string
    (lambda ()
      (write-line "summary:")
      (write-string "errors=" )
      (write (vector-ref counts 3))
      (newline))))
(write summary) (newline)
(display summary)
(printf "~a~%" (string-chomp "trailing\n"))
(exit (if (null? bad) 0 2))
