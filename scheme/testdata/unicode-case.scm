;; R7RS §6.6, §6.7: Unicode case conversion and folding (full mappings,
;; final sigma), from the report's examples and Unicode SpecialCasing.
(import (scheme base) (scheme char) (tlsport test))
(test-group "string-upcase / string-downcase / string-foldcase"
  (test "STRASSE" (string-upcase "straße")) (test "AFFIX" (string-upcase "aﬃx")) (test "ʼN" (string-upcase "ŉ"))
  (test "ΑΙ" (string-upcase "ᾳ")) (test "ἈΙ" (string-upcase "ᾀ")) (test "ԵՒ" (string-upcase "և"))
  (test "χαος" (string-downcase "ΧΑΟΣ")) (test "χαοσ" (string-foldcase "ΧΑΟΣ"))
  (test "χαος χαος" (string-downcase "ΧΑΟΣ ΧΑΟΣ")) (test "σ" (string-downcase "Σ")) (test "ας." (string-downcase "ΑΣ."))
  (test "i\x307;" (string-downcase "İ")) (test "straße" (string-downcase "STRAßE"))
  (test "strasse" (string-foldcase "Straße")) (test "ss" (string-foldcase "ẞ")) (test "affix" (string-foldcase "AFFIX"))
  (test "affix" (string-foldcase "aﬃx")) (test "ἀι" (string-foldcase "ᾈ")) (test "hello" (string-foldcase "HeLLo")))
(test-group "string-ci over folded strings"
  (test #t (string-ci=? "Straße" "STRASSE")) (test #t (string-ci=? "ΧΑΟΣ" "χαος")) (test #t (string-ci=? "aﬃx" "AFFIX"))
  (test #f (string-ci=? "Straße" "STRASE")) (test #t (string-ci<? "abc" "ABD")) (test #t (string-ci=? "hello" "HELLO")))
(test-group "char case (simple mappings)"
  (test #\A (char-upcase #\a)) (test #\ß (char-upcase #\ß)) (test #\σ (char-downcase #\Σ))
  (test #\σ (char-foldcase #\Σ)) (test #\σ (char-foldcase #\ς)) (test #\x130 (char-foldcase #\x130))
  (test #\s (char-foldcase #\ſ)) (test #\k (char-foldcase #\x212A)) (test #\x13A0 (char-foldcase #\xAB70))
  (test #t (char-ci=? #\ς #\Σ #\σ)))
