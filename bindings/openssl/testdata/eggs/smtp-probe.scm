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

  ;; A reply line: code, "-" (more lines follow) or " ", text — parsed
  ;; with irregex where (chicken irregex) is there, as protocol scripts do.
  (cond-expand
    ((library (chicken irregex))
     (import (chicken irregex))
     (define reply-line (irregex "^([0-9]{3})([ -])(.*)$"))
     (define (parse-line line)
       (let ((m (irregex-match reply-line line)))
         (and m (list (string->number (irregex-match-substring m 1))
                      (string=? (irregex-match-substring m 2) "-")
                      (irregex-match-substring m 3))))))
    (else
     (define (parse-line line)
       (and (>= (string-length line) 4)
            (list (string->number (substring line 0 3))
                  (char=? (string-ref line 3) #\-)
                  (substring line 4 (string-length line)))))))

  ;; A reply: the parsed lines up to the one without "-".
  (define (read-reply in)
    (let loop ((acc '()))
      (let* ((line (read-line in))
             (parsed (and (string? line) (parse-line (chomp-cr line)))))
        (cond ((not parsed) (reverse acc))
              ((cadr parsed) (loop (cons parsed acc)))
              (else (reverse (cons parsed acc)))))))

  (define (reply-code reply) (car (car reply)))

  (define (reply-text parsed) (caddr parsed))

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
