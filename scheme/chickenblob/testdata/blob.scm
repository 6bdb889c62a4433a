;; (chicken blob), from the CHICKEN 5 manual page.
(import (prefix (chicken blob) b:) (tlsport test))
(test #t (b:blob? (b:make-blob 3))) (test 3 (b:blob-size (b:make-blob 3))) (test #f (b:blob? "x"))
(test "abc" (b:blob->string (b:string->blob "abc"))) (test 4 (b:blob-size (b:string->blob "λλ")))
(test #t (b:blob=? (b:string->blob "ab") (b:string->blob "ab"))) (test #f (b:blob=? (b:string->blob "ab") (b:string->blob "ac")))
