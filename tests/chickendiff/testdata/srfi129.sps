#!r6rs
;; requires-package: scheme-chez-srfi
;; SRFI-129's titlecase procedures (srfi :129), built into tlsport, against
;; chez-srfi's: the examples of the SRFI's document and the characters
;; with titlecase or special case mappings.
(import (except (rnrs) char-titlecase char-title-case? string-titlecase) (srfi :129))
(define (show x) (write x) (newline))
(define (codes s) (map char->integer (string->list s)))
(show (string-titlecase "kNight"))
(show (string-titlecase "hello wORLD"))
(show (string-titlecase "x-ray o'brien 42nd street"))
(show (string-titlecase ""))
(show (codes (string-titlecase "\xdf;tra\xdf;e")))              ; ß: Ss at a word's start
(show (codes (string-titlecase "\xfb02;our \xfb01;sh")))         ; the fl and fi ligatures
(show (codes (string-titlecase "\x1c4;\x1c6;a \x1c6;")))          ; DŽ dž: titlecase Dž
(show (codes (string-titlecase "\x130;STANBUL")))                 ; İ downcased: i and a combining dot
(show (codes (string-titlecase "\x1f80;\x1f80; \x3b1;\x345;")))   ; Greek with ypogegrammeni
(show (map char-title-case? (list #\a #\A (integer->char #x1C5) (integer->char #x1C4) (integer->char #x1F88) #\1)))
(show (map (lambda (c) (char->integer (char-titlecase c)))
           (list #\a #\A #\1 (integer->char #x1C4) (integer->char #x1C5) (integer->char #x1C6) (integer->char #xDF) (integer->char #x1F80))))
