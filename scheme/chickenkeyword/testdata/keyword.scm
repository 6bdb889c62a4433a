;; (chicken keyword), from the CHICKEN 5 manual page.
(import (only (chicken keyword) keyword? keyword->string string->keyword get-keyword) (tlsport test))
(test #t (keyword? foo:)) (test #f (keyword? 'foo)) (test "foo" (keyword->string foo:)) (test foo: (string->keyword "foo"))
(test 2 (get-keyword b: '(a: 1 b: 2))) (test #f (get-keyword c: '(a: 1))) (test 'none (get-keyword c: '(a: 1) (lambda () 'none)))
