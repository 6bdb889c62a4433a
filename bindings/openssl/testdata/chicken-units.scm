;; A STARTTLS client written as CHICKEN programs are: (chicken irregex) and
;; (chicken string) parse the SMTP server's replies, and after STARTTLS the
;; TLS runs over custom ports of (chicken port) wrapping the TCP ports
;; (ports->ssl-ports), which count the bytes each way.
(import (tlsport test) (openssl) (chicken tcp) (chicken irregex) (chicken string) (chicken io) (chicken port) (srfi 18))

(define tl (tcp-listen 0 10 "127.0.0.1"))
(define server
  (make-thread
   (lambda ()
     (let-values (((i o) (tcp-accept tl)))
       (write-string "220 mail.example.org ESMTP ready\r\n" o) (flush-output o)
       (read-line i)
       (write-string "250-mail.example.org Hello\r\n250-SIZE 35882577\r\n250-STARTTLS\r\n250 HELP\r\n" o) (flush-output o)
       (read-line i)
       (write-string "220 2.0.0 Ready to start TLS\r\n" o) (flush-output o)
       (let-values (((si so) (ssl-start* #t #f i o certificate: leaf-cert private-key: leaf-key)))
         (let ((l (read-line si)))
           (write-string (conc "250 got " l "\r\n") so) (flush-output so)
           (close-input-port si) (close-output-port so)
           l))))))
(thread-start! server)

(define reply-rx (irregex '(: ($ (= 3 digit)) ($ (or #\- #\space)) ($ (* nonl)))))
;; A reply, multiline or not, as (code text ...).
(define (read-reply in)
  (let loop ((lines '()))
    (let* ((l (read-line in)) (m (irregex-match reply-rx l)))
      (unless m (error 'read-reply "bad reply" l))
      (let ((lines (cons (irregex-match-substring m 3) lines)))
        (if (string=? (irregex-match-substring m 2) "-")
            (loop lines)
            (cons (string->number (irregex-match-substring m 1)) (reverse lines)))))))

(define-values (i o) (tcp-connect "127.0.0.1" (tcp-listener-port tl)))
(test '(220 "mail.example.org ESMTP ready") (read-reply i))
(write-string "EHLO client.example.org\r\n" o) (flush-output o)
(define ehlo (read-reply i))
(test 250 (car ehlo))
(test '("SIZE" "STARTTLS" "HELP") (map (lambda (l) (car (string-split l))) (cddr ehlo)))
(test "35882577" (irregex-match-substring (irregex-search "SIZE (\\d+)" (string-intersperse (cdr ehlo) "\n")) 1))
(test #t (and (member "STARTTLS" (cdr ehlo)) #t))
(write-string "STARTTLS\r\n" o) (flush-output o)
(test 220 (car (read-reply i)))

(define in-bytes 0)
(define out-bytes 0)
(define ci (make-input-port
            (lambda () (let ((b (read-u8 i))) (unless (eof-object? b) (set! in-bytes (+ in-bytes 1))) b))
            (lambda () (u8-ready? i))
            (lambda () (close-input-port i))))
(define co (make-output-port
            (lambda (data)
              (let ((bv (if (string? data) (string->utf8 data) data)))
                (set! out-bytes (+ out-bytes (bytevector-length bv)))
                (write-bytevector bv o)))
            (lambda () (close-output-port o))
            (lambda () (flush-output o))))
(define-values (si so) (ports->ssl-ports ci co mode: 'connect hostname: "localhost"))
(write-string "hello over tls\r\n" so) (flush-output so)
(test '(250 "got hello over tls") (read-reply si))
(test "hello over tls" (thread-join! server))
(test #t (> in-bytes 200))
(test #t (> out-bytes 200))
(close-input-port si) (close-output-port so)
(tcp-close tl)
