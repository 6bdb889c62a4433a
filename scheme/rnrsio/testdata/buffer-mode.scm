;; output-port-buffer-mode (r6rs-lib §8.2.10): the buffer mode open-file-output-port was given, and the port keeps it (as Chez Scheme does).
(import (rnrs) (tlsport test))

(define f (string-append (get-environment-variable "TMPDIR") "/buffer-mode.bin"))
(define (contents) (let* ((p (open-file-input-port f)) (r (get-bytevector-all p))) (close-port p) (if (eof-object? r) #u8() r)))
(define (open mode . tc) (apply open-file-output-port f (file-options no-fail) mode tc))

(test-group "the mode given"
  (test 'block (output-port-buffer-mode (let-values (((p e) (open-bytevector-output-port))) p)))
  (let ((p (open (buffer-mode block)))) (test 'block (output-port-buffer-mode p)) (close-port p))
  (let ((p (open-file-output-port f (file-options no-fail)))) (test 'block (output-port-buffer-mode p)) (close-port p))
  (let ((p (open (buffer-mode line)))) (test 'line (output-port-buffer-mode p)) (close-port p))
  (let ((p (open (buffer-mode none)))) (test 'none (output-port-buffer-mode p)) (close-port p)))

(test-group "none: each output reaches the file"
  (let ((p (open (buffer-mode none))))
    (put-u8 p 1)
    (test #u8(1) (contents))
    (put-bytevector p #u8(2 3))
    (test #u8(1 2 3) (contents))
    (close-port p)))

(test-group "line: an output that writes a newline reaches the file, with what precedes it"
  (let ((p (open (buffer-mode line) (native-transcoder))))
    (test 'line (output-port-buffer-mode p))
    (put-string p "ab")
    (test #u8() (contents))
    (put-string p "c\nd")
    (test (string->utf8 "abc\nd") (contents))
    (close-port p))
  (delete-file f))
