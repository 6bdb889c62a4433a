;; make-codec (Sagittarius manual, (sagittarius)): codecs made of getc and putc procedures, used through make-transcoder.
(import (rnrs) (sagittarius) (sagittarius threads) (tlsport test))

(define calls '())
;; Latin-1 in Scheme: one byte a character, ? for what it cannot encode
(define latin
  (make-codec 'my-latin-1
    (lambda (in mode check-bom? data)
      (set! calls (cons (list (binary-port? in) (input-port? in) mode check-bom? data) calls))
      (get-u8 in))
    (lambda (out c mode data)
      (let ((n (char->integer c)))
        (put-u8 out (if (< n 256) n (char->integer #\?)))))
    'my-data))
(define tc (make-transcoder latin (eol-style crlf) (error-handling-mode raise)))

(test-group "the codec and its transcoder"
  (test #t (eq? latin (transcoder-codec tc)))
  (test 'crlf (transcoder-eol-style tc))
  (test 'raise (transcoder-error-handling-mode tc)))

(test-group "getc: (input-port error-handling-mode check-bom? data), #t for check-bom? the first time only"
  (define p (transcoded-port (open-bytevector-input-port #u8(#xE9 65 13 10 66)) tc))
  (test "éA" (get-line p))
  (test #\B (get-char p))
  (test #t (eof-object? (get-char p)))
  (test '(#t #t raise #t my-data) (car (reverse calls)))
  (test '(#t #t raise #f my-data) (cadr (reverse calls)))
  (test #f (port-has-port-position? p)))

(test-group "putc: (output-port char error-handling-mode data), linefeeds as the eol style"
  (test #u8(97 13 10 63 #xE9) (string->bytevector "a\nλé" tc))
  (test "hé\n" (bytevector->string #u8(104 #xE9 13 10) tc))
  (test "" (bytevector->string #u8() tc))
  (let-values (((o extract) (open-bytevector-output-port tc)))
    (put-string o "é\n")
    (test #u8(#xE9 13 10) (extract))))

(test-group "an input/output file port: output lands after the characters read"
  (define f (string-append (get-environment-variable "TMPDIR") "/codec.txt"))
  (let ((o (open-file-output-port f (file-options no-fail)))) (put-bytevector o (string->utf8 "abcdefghij")) (close-port o))
  (let ((p (open-file-input/output-port f (file-options no-fail no-truncate) (buffer-mode block) (make-transcoder latin))))
    (test #\a (get-char p))
    (test #\b (get-char p))
    (put-string p "XY")
    (close-port p))
  (test "abXYefghij" (call-with-port (open-file-input-port f) (lambda (p) (utf8->string (get-bytevector-all p)))))
  (delete-file f))

(test-group "getc and putc run on the thread using the port, as a custom port's procedures"
  (define (reader n)
    (make-thread (lambda ()
      (let ((p (transcoded-port (open-bytevector-input-port (make-bytevector n 233)) (make-transcoder latin))))
        (string-length (get-string-all p))))))
  (define ts (map reader '(1000 2000 3000)))
  (for-each thread-start! ts)
  (test '(1000 2000 3000) (map thread-join! ts)))

(test-group "getc's result must be a code point or the eof object"
  (define bad (make-codec 'bad (lambda (in mode bom? data) 'nope) (lambda (out c mode data) #f) #f))
  (test-error (get-char (transcoded-port (open-bytevector-input-port #u8(1)) (make-transcoder bad)))))
