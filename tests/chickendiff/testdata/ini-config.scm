;; An INI-file loader: sections, key=value pairs, comments, continuation,
;; typed values, validation errors reported through condition-case.
(import (chicken base) (chicken string) (chicken io) (chicken format)
        (chicken condition) (chicken sort))

(define ini-text "; global settings
name = demo server
debug=yes

[network]
host = 127.0.0.1
port = 8443
timeout = 2.5 ; seconds
# hash comment
[paths]
root=/srv/www
log = /var/log/demo.log
[limits]
max-conn = 100
ratio = 3/4
bad line without equals
")

(define (trim s)
  (let* ((n (string-length s))
         (start (let loop ((i 0)) (if (and (< i n) (char-whitespace? (string-ref s i))) (loop (+ i 1)) i)))
         (end (let loop ((i n)) (if (and (> i start) (char-whitespace? (string-ref s (- i 1)))) (loop (- i 1)) i))))
    (substring s start end)))

(define (strip-comment s)
  (let ((i (substring-index ";" s)))
    (if (and i (> i 0)) (substring s 0 i) s)))

(define (parse-value v)
  (cond ((member v '("yes" "true" "on")) #t)
        ((member v '("no" "false" "off")) #f)
        ((string->number v) => (lambda (n) n))
        (else v)))

(define (parse-ini text)
  (let loop ((lines (read-lines (open-input-string text)))
             (section "global") (lineno 1) (acc '()) (errors '()))
    (if (null? lines)
        (values (reverse acc) (reverse errors))
        (let ((line (trim (car lines))))
          (cond ((or (string=? line "") (memv (string-ref line 0) '(#\; #\#)))
                 (loop (cdr lines) section (+ lineno 1) acc errors))
                ((char=? (string-ref line 0) #\[)
                 (loop (cdr lines) (substring line 1 (- (string-length line) 1)) (+ lineno 1) acc errors))
                ((substring-index "=" line)
                 => (lambda (i)
                      (let ((key (trim (substring line 0 i)))
                            (val (trim (strip-comment (substring line (+ i 1))))))
                        (loop (cdr lines) section (+ lineno 1)
                              (cons (list section key (parse-value val)) acc) errors))))
                (else
                 (loop (cdr lines) section (+ lineno 1) acc
                       (cons (sprintf "line ~a: expected key=value, got ~s" lineno line) errors))))))))

(define-values (entries errors) (parse-ini ini-text))
(for-each (lambda (e) (printf "~a.~a = ~s~%" (car e) (cadr e) (caddr e))) entries)
(for-each (lambda (e) (print "warning: " e)) errors)

(define (lookup section key)
  (let loop ((es entries))
    (cond ((null? es) (error 'lookup "missing setting" (conc section "." key)))
          ((and (string=? (caar es) section) (string=? (cadar es) key)) (caddr (car es)))
          (else (loop (cdr es))))))

(define (setting section key default)
  (condition-case (lookup section key)
    (e (exn) (printf "default for ~a.~a (~a)~%" section key
                     ((condition-property-accessor 'exn 'message) e))
       default)))

(print "port+1: " (+ 1 (setting "network" "port" 80)))
(print "timeout ms: " (* 1000 (setting "network" "timeout" 1)))
(print "ratio: " (setting "limits" "ratio" 1) " as float " (exact->inexact (setting "limits" "ratio" 1)))
(print "missing: " (setting "network" "proxy" "none"))
(print "sections: " (sort (let loop ((es entries) (seen '()))
                           (cond ((null? es) seen)
                                 ((member (caar es) seen) (loop (cdr es) seen))
                                 (else (loop (cdr es) (cons (caar es) seen)))))
                         string<?))
(define (validate)
  (condition-case
      (let ((p (lookup "network" "port")))
        (unless (and (integer? p) (< 0 p 65536)) (signal (make-property-condition 'config 'key "port")))
        (when (< (lookup "limits" "max-conn") 1000)
          (abort (make-composite-condition
                  (make-property-condition 'exn 'message "too few connections" 'arguments (list (lookup "limits" "max-conn")))
                  (make-property-condition 'config 'key "max-conn"))))
        'ok)
    (e (exn config) (list 'config-error ((condition-property-accessor 'config 'key) e)
                          ((condition-property-accessor 'exn 'message) e)
                          ((condition-property-accessor 'exn 'arguments) e)))
    (e (config) (list 'plain-config ((condition-property-accessor 'config 'key) e)))))
(write (validate)) (newline)
(write (string-split "a, b,,c" ", ")) (newline)
(write (string-split "a, b,,c" "," #t)) (newline)
(write (map string->number (string-split "1 2.5 -3 1e2 #xff" " "))) (newline)
