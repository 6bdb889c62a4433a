;; (chicken repl): a read-eval-print loop over the current ports, as csi's.

;; %repl-count counts the expressions every repl has read (the N of the
;; default prompt "#;N> ").
(define %repl-count 0)

(define repl-prompt
  (make-parameter (lambda () (string-append "#;" (number->string (+ %repl-count 1)) "> "))))

(define reset-handler (make-parameter (lambda () (exit))))

(define (reset) ((reset-handler)))

;; %repl-quit holds the escape of the innermost active repl, or #f.
(define %repl-quit (make-parameter #f))

(define (quit . result)
  (let ((k (%repl-quit)))
    (if k
        (k (if (pair? result) (car result) (void)))
        (exit))))

;; %repl-print writes an expression's values as csi does: each on a line,
;; nothing for a single unspecified value, a count for none or several.
(define (%repl-print . vals)
  (cond ((null? vals) (display "; no values\n"))
        ((null? (cdr vals))
         (if (not (eq? (car vals) (void)))
             (begin (write (car vals)) (newline))))
        (else
         (for-each (lambda (v) (write v) (newline)) vals)
         (display "; ") (display (length vals)) (display " values\n")))
  (flush-output))

(define (repl . evaluator)
  (let ((evaluate (if (pair? evaluator) (car evaluator) eval)))
    (call-with-current-continuation
     (lambda (quit-k)
       (parameterize ((%repl-quit quit-k))
         (let loop ()
           (let ((x (call-with-current-continuation
                     (lambda (reset-k)
                       (parameterize ((reset-handler (lambda () (reset-k #f))))
                         (let ((x (%repl-read)))
                           (cond ((eof-object? x) x)
                                 (else
                                  (with-exception-handler
                                   (lambda (e)
                                     (print-error-message e (current-error-port))
                                     (flush-output (current-error-port))
                                     (reset))
                                   (lambda ()
                                     (call-with-values (lambda () (evaluate x)) %repl-print)))
                                  #f))))))))
             (if (eof-object? x) (void) (loop)))))))))

;; %repl-read writes the prompt (when standard input is a terminal, as
;; csi) and reads the next expression: after a syntax error it reports it
;; and reads on; any other error of the port (closed, broken connection)
;; is reported and ends the loop, as end of file does.
(define (%repl-read)
  (if (%repl-interactive?)
      (begin (display ((repl-prompt))) (flush-output)))
  (call-with-current-continuation
   (lambda (k)
     (with-exception-handler
      (lambda (e)
        (print-error-message e (current-error-port))
        (flush-output (current-error-port))
        (k (if (read-error? e) (%repl-read) (eof-object))))
      (lambda ()
        (let ((x (read)))
          (if (not (eof-object? x)) (set! %repl-count (+ %repl-count 1)))
          x))))))
