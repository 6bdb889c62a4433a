;; (chicken io), from the CHICKEN 5 manual page.
(import (chicken io) (chicken port) (tlsport test))
(test-group "read-list"
  (test '(1 (2 3) "x") (with-input-from-string "1 (2 3) \"x\"" read-list))
  (test '(1 2) (read-list (open-input-string "1 2 3") read 2))
  (test '(#\a #\b) (read-list (open-input-string "ab") read-char))
  (test '() (read-list (open-input-string ""))))
(test-group "read-line"
  (define p (open-input-string "hello world\r\nsecond\nthird"))
  (test "hello" (read-line p 5)) (test " world" (read-line p)) (test "second" (read-line p #f))
  (test "thi" (read-line p 3)) (test "rd" (read-line p 10)) (test #t (eof-object? (read-line p 3)))
  (test "ab" (read-line (open-input-string "ab\ncd") 2))
  (test "ab" (with-input-from-string "ab\ncd" read-line)))
(test-group "read-lines"
  (test '("a" "b" "c") (read-lines (open-input-string "a\nb\nc\n")))
  (test '("a" "b") (read-lines (open-input-string "a\nb\nc\n") 2)))
(test-group "read-string"
  (test "abc" (read-string 3 (open-input-string "abcdef")))
  (test "abcdef" (read-string #f (open-input-string "abcdef")))
  (test "λμ" (with-input-from-string "λμ" read-string))
  (test #t (eof-object? (read-string 2 (open-input-string "")))))
(test-group "read-string!"
  (define s (make-string 5 #\-))
  (test 3 (read-string! 3 s (open-input-string "abcdef")))
  (test "abc--" s)
  (test 2 (read-string! #f s (open-input-string "xy") 3)) (test "abcxy" s)
  (test 0 (read-string! 2 s (open-input-string "")))
  (test 1 (read-string! 4 s (open-input-string "z") 4)) (test "abcxz" s)
  ;; characters, not bytes: non-ASCII text widens the string
  (let ((w (make-string 6 #\-)) (p (open-input-string "héllo wörld")))
    (test 3 (read-string! 3 w p 2)) (test "--hél-" w)
    (test 6 (read-string! #f w p)) (test "lo wör" w)
    (test 2 (read-string! 9 w p)) (test "ld wör" w)
    (test 0 (read-string! 9 w p)))
  ;; a string reused across reads of a long input
  (let ((buf (make-string 1000)) (p (open-input-string (make-string 2500 #\a))))
    (test '(1000 1000 500 0) (list (read-string! #f buf p) (read-string! #f buf p) (read-string! #f buf p) (read-string! #f buf p)))))
(test-group "read-token"
  (define p (open-input-string "abc123 rest"))
  (test "abc" (read-token char-alphabetic? p)) (test "123" (read-token char-numeric? p))
  (test "" (read-token char-numeric? p)) (test #\space (read-char p)))
(test-group "bytes"
  (define p (open-input-bytevector (bytevector 1 255)))
  (test 1 (read-byte p)) (test 255 (read-byte p)) (test #t (eof-object? (read-byte p)))
  (test (bytevector 7 200) (let ((o (open-output-bytevector))) (write-byte 7 o) (write-byte 200 o) (get-output-bytevector o)))
  (test "A" (with-output-to-string (lambda () (write-byte 65)))))
(test-group "read-buffered"
  (define p (open-input-string "line1\nrest of it"))
  (test "line1" (read-line p)) (test "rest of it" (read-buffered p)) (test "" (read-buffered p)))
(test-group "write-line write-string"
  (test "abc\n" (with-output-to-string (lambda () (write-line "abc"))))
  (test "ab" (with-output-to-string (lambda () (write-string "abcdef" 2))))
  (test "abcdef" (with-output-to-string (lambda () (write-string "abcdef" #f))))
  (test "abc" (call-with-output-string (lambda (p) (write-string "abc" #f p))))
  (test "cd" (call-with-output-string (lambda (p) (write-string "abcdef" p 2 4))))
  (test "abcdef" (call-with-output-string (lambda (p) (write-string "abcdef" p)))))
