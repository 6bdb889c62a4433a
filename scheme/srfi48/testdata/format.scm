;; SRFI-48: the examples of the SRFI's document, every directive, and the
;; errors. Before the import, format is CHICKEN's; (srfi 48) rebinds it.
(import (scheme base) (tlsport test))
(import (chicken format))               ; (srfi 48) rebinds format after it too
(test-group "before the import"
  (test "1" (format #f "~a" 1 2))                 ; CHICKEN's ignores unused arguments
  (test-error (format #f "~4F" 12)))              ; and has no ~F
(import (srfi 48))
(test-group "the document's examples"
  (test "Hello, World!" (format "Hello, ~a" "World!"))
  (test "Error, list is too short: (one \"two\" 3)\n" (format "Error, list is too short: ~s~%" '(one "two" 3)))
  (test "#d32 #x20 #o40 #b100000\n" (format #f "#d~d #x~x #o~o #b~b~%" 32 32 32 32))
  (test "this is a \"test\"" (format "~a ~s ~a ~s" 'this 'is "a" "test"))
  (test "#0=(a b c . #0#)" (format "~w" (let ((c (list 'a 'b 'c))) (set-cdr! (cddr c) c) c)))
  (test "   32.00" (format "~8,2F" 32))
  (test "0.000+1.949i" (format "~8,3F" (sqrt -3.8)))
  (test " 3.46e11" (format "~8,2F" 3.4567e11))
  (test " 0.333" (format "~6,3F" 1/3))
  (test "  12" (format "~4F" 12))
  (test " 123.346" (format "~8,3F" 123.3456))
  (test "123.346" (format "~6,3F" 123.3456))
  (test "123.346" (format "~2,3F" 123.3456))
  (test "     foo" (format "~8,3F" "foo"))
  (test "\n" (format "~a~a~&" (list->string (list #\newline)) "")))
(test-group "directives"
  (test "1.5 -2  10.0 0." (format "~F ~F ~5,1F ~1,0F" 1.5 -2 9.96 0.5))
  (test "1\nx !y~\tz" (format "~a~%~&x~_~cy~~~tz" 1 #\!))
  (test "a\nb" (format "a~&b"))                   ; ~& after other output: a newline
  (test "a <b \"c\"> d" (format "~a ~? ~a" 'a "<~s ~s>" '(b "c") 'd))
  (test "1 [2] 3" (format "~a ~k ~a" 1 "[~a]" '(2) 3))
  (test "(a b)\n" (format "~y" '(a b)))
  (test #t (string? (format "~h")))
  (test "x~" (format "x~"))                       ; a tilde at the end is output
  (test "to port\n" (let ((p (open-output-string))) (format p "to ~a~%" 'port) (get-output-string p)))
  (test "#t too" (let ((p (open-output-string)))
                   (parameterize ((current-output-port p)) (format #t "~a too" #t))
                   (get-output-string p))))
(test-group "errors"
  (test-error (format "~a ~a" 1))                 ; too few arguments
  (test-error (format "~a" 1 2))                  ; unused arguments
  (test-error (format "~q" 1))                    ; unknown escape
  (test-error (format "~F" 'sym))
  (test-error (format 'port "x"))
  (test-error (format #f 12))
  (test-error (format #f))
  (test-error (format "~?" "x"))
  (test-error (format "~1,2,3F" 1.0))
  (test-error (format "~12"))
  (test-error (format "~,3F" 1.0)))
