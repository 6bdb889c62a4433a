;; record-printer and set-record-printer!, from the CHICKEN 5 manual (chicken base).
(import (chicken base) (chicken port) (chicken format) (chicken string) (only (rnrs io ports) put-datum call-with-string-output-port) (tlsport test))
(define-record-type foo (make-foo x y z) foo?
  (x foo-x)
  (y foo-y)
  (z foo-z))
(define f (make-foo 1 2 "three"))
(test-group "record printers"
  (test #f (record-printer foo))
  (define (show x out)
    (write-string "#,(foo " out) (write (foo-x x) out) (write-string " " out)
    (write (foo-y x) out) (write-string " " out) (write (foo-z x) out) (write-string ")" out))
  (set-record-printer! foo show)
  (test show (record-printer foo))
  (test "#,(foo 1 2 \"three\")" (with-output-to-string (lambda () (write f))))
  (test "#,(foo 1 2 \"three\")" (with-output-to-string (lambda () (display f))))
  (test "(a #,(foo 1 2 \"three\") #(#,(foo 1 2 \"three\")))"
        (with-output-to-string (lambda () (write (list 'a f (vector f))))))
  (test "#,(foo 1 2 \"three\")\n" (with-output-to-string (lambda () (print f))))
  ;; a printer writing to the current output port while it is being written to
  (set-record-printer! foo (lambda (x out) (display "<foo>" out)))
  (test set-record-printer! (setter record-printer))
  (test "(<foo>)" (with-output-to-string (lambda () (display (list f)))))
  (test "x" (call-with-output-string (lambda (p) (set-record-printer! foo (lambda (x out) (write-char #\x out))) (display f p))))
  (test-error (set-record-printer! 42 show))
  (test-error (begin (set-record-printer! foo (lambda (x out) (error "boom"))) (write f)))
  ;; the manual's example, and format's ~A and ~S
  (set-record-printer! foo
    (lambda (x out)
      (fprintf out "#,(foo ~S ~S ~S)"
               (foo-x x) (foo-y x) (foo-z x))))
  (test "#,(foo 1 2 \"three\")" (with-output-to-string (lambda () (write f))))
  (test "[#,(foo 1 2 \"three\")] (#,(foo 1 2 \"three\"))" (sprintf "[~A] ~S" f (list f)))
  (test-error (write-line f)) ; csi: only a string (bad argument type)
  (test "x#,(foo 1 2 \"three\")" (with-output-to-string (lambda () (print* "x" f))))
  ;; (chicken string)'s conc and ->string display the record as display does
  (test "f=#,(foo 1 2 \"three\")" (conc "f=" f))
  (test "#,(foo 1 2 \"three\")" (->string f))
  ;; so does R6RS put-datum
  (test "#,(foo 1 2 \"three\")" (call-with-string-output-port (lambda (p) (put-datum p f))))
  ;; other record types print as before
  (define-record-type bar (make-bar) bar?)
  (test "(#<bar>)" (with-output-to-string (lambda () (display (list (make-bar)))))))
(test-group "define-record-printer (CHICKEN 4's form, kept by CHICKEN 5)"
  (define-record-type thing (make-thing n) thing? (n thing-n))
  (define-record-printer (thing t out) (display "#<thing " out) (write (thing-n t) out) (display ">" out))
  (test "#<thing \"x\">" (with-output-to-string (lambda () (write (make-thing "x")))))
  (define-record box2 v)
  (define-record-printer box2 (lambda (b out) (display "[box]" out)))
  (test "([box])" (with-output-to-string (lambda () (display (list (make-box2 1)))))))
(test-group "a type and its name are one (csi: (record-printer 'foo) is foo's printer)"
  (define-record-type qux (make-qux) qux?)
  (define (show-qux q out) (display "Q" out))
  (set-record-printer! qux show-qux)
  (test show-qux (record-printer 'qux))
  (define-record-type quux (make-quux) quux?)
  (define (show-quux q out) (display "QQ" out))
  (set-record-printer! 'quux show-quux)
  (test show-quux (record-printer quux))
  (test "QQ" (with-output-to-string (lambda () (display (make-quux))))))
