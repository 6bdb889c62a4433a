;; SRFI-129: the examples of the SRFI's document and the characters with
;; titlecase or special case mappings. Before the import, string-titlecase
;; is SRFI-13's; (srfi 129) rebinds it, also after an import of (srfi 13).
(import (scheme base) (scheme char) (tlsport test))
(import (srfi 13))
(test-group "before the import"
  (test "Ello" (string-titlecase "Hello" 1)))            ; SRFI-13's takes start and end
(import (srfi 129))
(define (codes s) (map char->integer (string->list s)))
(test-group "string-titlecase"
  (test "Knight" (string-titlecase "kNight"))
  (test "Hello World" (string-titlecase "hello wORLD"))
  (test "X-Ray O'Brien 42Nd Street" (string-titlecase "x-ray o'brien 42nd street"))  ; words start after caseless characters
  (test "" (string-titlecase ""))
  (test "Sstraße" (string-titlecase "ßtraße"))             ; ß titlecases to Ss
  (test "Flour Fish" (string-titlecase "\xfb02;our \xfb01;sh"))
  (test '(453 454 97 32 453) (codes (string-titlecase "\x1c4;\x1c6;a \x1c6;")))  ; DŽ, dž: Dž
  (test '(8072 8064) (codes (string-titlecase "\x1f80;\x1f80;")))
  (test-error (string-titlecase "hello" 1))
  (test-error (string-titlecase 'hello)))
(test-group "characters"
  (test '(#f #f #t #f #t #f) (map char-title-case? (list #\a #\A #\x1C5 #\x1C4 #\x1F88 #\1)))
  (test '(#\A #\A #\1 #\x1C5 #\x1C5 #\x1C5 #\xDF #\x1F88)
        (map char-titlecase (list #\a #\A #\1 #\x1C4 #\x1C5 #\x1C6 #\xDF #\x1F80))))
