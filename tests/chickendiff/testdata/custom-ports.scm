;; Custom ports: make-input-port and make-output-port from (chicken port),
;; a counting output port, an upcasing port, a generator input port.
(import (chicken base) (chicken port) (chicken io) (chicken format) (chicken string))

(define (make-counting-port target)
  (let ((count 0))
    (values
      (make-output-port
        (lambda (s) (set! count (+ count (string-length s))) (display s target))
        (lambda () 'closed))
      (lambda () count))))
(define-values (cp count) (make-counting-port (current-output-port)))
(display "hello " cp)
(write '(a "b" #\c) cp)
(newline cp)
(fprintf cp "~a + ~a~%" 1 2)
(print "characters counted: " (count))

(define (make-upcase-port target)
  (make-output-port (lambda (s) (display (string-translate s "abcdefghijklmnopqrstuvwxyz" "ABCDEFGHIJKLMNOPQRSTUVWXYZ") target))
                    (lambda () #t)))
(with-output-to-port (make-upcase-port (current-output-port))
  (lambda () (print "this text is shouted") (write "quoted too") (newline)))

(define (make-list-port chars)
  (make-input-port
    (lambda () (if (null? chars) #!eof (let ((c (car chars))) (set! chars (cdr chars)) c)))
    (lambda () #t)
    (lambda () #t)
    (lambda () (if (null? chars) #!eof (car chars)))))
(define lp (make-list-port (string->list "(1 2 3) word \"str\"\nsecond line\n")))
(print "read: " (read lp))
(print "read: " (read lp))
(print "read: " (read lp))
(print "read-line rest: " (read-line lp))
(print "read-line: " (read-line lp))
(print "eof: " (eof-object? (read-char lp)))

(define (numbers-port n)
  (let ((i 0) (buf ""))
    (make-input-port
      (lambda ()
        (when (and (= 0 (string-length buf)) (< i n))
          (set! buf (conc i " "))
          (set! i (+ i 1)))
        (if (= 0 (string-length buf)) #!eof
            (let ((c (string-ref buf 0))) (set! buf (substring buf 1 (string-length buf))) c)))
      (lambda () #t)
      (lambda () #t))))
(print "sum from generator port: " (port-fold + 0 (let ((p (numbers-port 10))) (lambda () (read p)))))
(print "read-lines from custom port: " (read-lines (make-list-port (string->list "a\nb\nc"))))
(define-values (tee-port tee-count)
  (make-counting-port (open-output-string)))
(with-output-to-port tee-port (lambda () (display (make-string 100 #\x))))
(print "tee count: " (tee-count))
