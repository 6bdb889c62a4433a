;; the fixnum procedures of r6rs-lib §11.2 beyond the basic ones, and integer->char from (rnrs base), compared with Chez
(import (rnrs)) (write (list (fxbit-field 27 1 4) (fxcopy-bit 9 2 1) (fxcopy-bit-field 43 1 4 1) (fxif 5 2 4) (fxif 6 3 12) (fxrotate-bit-field 6 1 4 1) (fxreverse-bit-field 6 1 4) (call-with-values (lambda () (fxdiv0-and-mod0 -123 10)) list)))
(newline)(write (list (integer->char 955) (char->integer #\a)))
