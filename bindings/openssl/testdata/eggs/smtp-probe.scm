;; smtp-probe: an egg-shaped CHICKEN 5 module (issue 12's acceptance) —
;; an export list, imports of core units, SRFIs and the openssl egg by their
;; egg-style names, private helpers, no flush-output where CHICKEN needs none.
;; Loaded by egg-program.scm, which then imports it.
(module smtp-probe (probe reply-code extension?)
  (import scheme (chicken base) (chicken string) (chicken format) srfi-1 srfi-13 openssl)

  ;; Lines arrive with CRLF; read-line leaves the CR.
  (define (chomp-cr line)
    (let ((n (string-length line)))
      (if (and (> n 0) (char=? (string-ref line (- n 1)) #\return))
          (substring line 0 (- n 1))
          line)))

  ;; A reply: "250-a" lines continue it, "250 b" ends it.
  (define (read-reply in)
    (let loop ((acc '()))
      (let ((line (read-line in)))
        (if (eof-object? line)
            (reverse acc)
            (let ((line (chomp-cr line)))
              (if (and (> (string-length line) 3) (char=? (string-ref line 3) #\-))
                  (loop (cons line acc))
                  (reverse (cons line acc))))))))

  (define (reply-code reply) (string->number (substring (car reply) 0 3)))

  (define (reply-text line) (if (> (string-length line) 4) (substring line 4 (string-length line)) ""))

  (define (command out fmt . args)
    (display (apply sprintf fmt args) out)
    (display "\r\n" out))

  ;; Connects, reads the greeting, sends EHLO and QUIT; returns an alist.
  (define (probe host port ca)
    (let-values (((in out) (ssl-connect* hostname: host port: port certificate-authorities: ca)))
      (let* ((greeting (read-reply in))
             (_ (command out "EHLO ~a" "probe"))
             (ehlo (read-reply in))
             (_ (command out "QUIT"))
             (bye (read-reply in)))
        (close-input-port in)
        (close-output-port out)
        (list (cons 'greeting (reply-code greeting))
              (cons 'host (car (string-split (reply-text (car greeting)))))
              (cons 'extensions (map (lambda (l) (string-upcase (reply-text l))) (cdr ehlo)))
              (cons 'quit (reply-code bye))))))

  (define (extension? result name)
    (any (lambda (e) (string-prefix? name e)) (cdr (assq 'extensions result)))))
