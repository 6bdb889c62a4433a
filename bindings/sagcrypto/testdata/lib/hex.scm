;; Hex helpers of the crypto test scripts (included, not run on its own).
(define (hex->bv s)
  (let ((bv (make-bytevector (div (string-length s) 2))))
    (do ((i 0 (+ i 1))) ((= i (bytevector-length bv)) bv)
      (bytevector-u8-set! bv i (string->number (substring s (* 2 i) (+ (* 2 i) 2)) 16)))))
(define (bv->hex bv)
  (apply string-append
         (map (lambda (b) (string-append (if (< b 16) "0" "") (number->string b 16))) (bytevector->u8-list bv))))
