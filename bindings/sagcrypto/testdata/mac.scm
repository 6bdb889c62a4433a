;; (sagittarius crypto mac): HMAC (RFC 2202, RFC 4231 vectors), KMAC (NIST SP 800-185 samples), the low-level API.
(import (tlsport test) (rnrs) (sagittarius crypto digests) (sagittarius crypto mac))

(define (hex bv)
  (apply string-append
         (map (lambda (b) (string-append (if (< b 16) "0" "") (number->string b 16))) (bytevector->u8-list bv))))
(define hi (string->utf8 "Hi There"))
(define k20 (make-bytevector 20 #x0b))
(define (hmac digest key msg . len)
  (hex (apply generate-mac (make-mac *mac:hmac* key :digest digest) msg len)))

(test-group "HMAC vectors"
  (test "9294727a3638bb1c13f48ef8158bfc9d" (hmac *digest:md5* (make-bytevector 16 #x0b) hi))              ; RFC 2104
  (test "b617318655057264e28bc0b6fb378c8ef146be00" (hmac *digest:sha-1* k20 hi))                          ; RFC 2202 1
  (test "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" (hmac *digest:sha-256* k20 hi)) ; RFC 4231 1
  (test "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"
        (hmac *digest:sha-512* k20 hi))
  (test "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        (hmac *digest:sha-256* (string->utf8 "Jefe") (string->utf8 "what do ya want for nothing?")))          ; RFC 4231 2
  ;; RFC 4231 5: truncation to 128 bits
  (test "a3b6167473100ee06e0c796c2955552b"
        (hmac *digest:sha-256* (make-bytevector 20 #x0c) (string->utf8 "Test With Truncation") 16))
  ;; the default digest is SHA-256
  (test (hmac *digest:sha-256* k20 hi) (hex (generate-mac (make-mac *mac:hmac* k20) hi)))
  ;; past the MAC size the result is filled with 0
  (test (string-append (hmac *digest:sha-1* k20 hi) "000000000000") (hmac *digest:sha-1* k20 hi 26)))

(test-group "KMAC samples (NIST SP 800-185)"
  (define key (u8-list->bytevector (iota 32 #x40)))
  (define data #vu8(0 1 2 3))
  (define tagged (string->utf8 "My Tagged Application"))
  (test "e5780b0d3ea6f7d3a429c5706aa43a00fadbd7d49628839e3187243f456ee14e" (hex (generate-mac (make-mac *mac:kmac-128* key) data 32)))
  (test "3b1fba963cd8b0b59e8c1a6d71888b7143651af8ba0a7070c0979e2811324aa5" (hex (generate-mac (make-mac *mac:kmac-128* key :custom tagged) data)))
  (test "20c570c31346f703c9ac36c61c03cb64c3970d0cfc787e9b79599d273a68d2f7f69d4cc3de9d104a351689f27cf6f5951f0103f33f4f24871024d9c27773a8dd"
        (hex (generate-mac (make-mac *mac:kmac-256* key :custom tagged) data 64)))
  (test (hex (generate-mac (make-mac *mac:kmac-128* key) data)) (hex (generate-mac (make-mac *mac:kmac* key) data)))
  ;; L is part of the computation: a shorter KMAC is not a prefix of a longer one
  (test #f (string=? (hex (generate-mac (make-mac *mac:kmac-128* key) data 16))
                     (substring (hex (generate-mac (make-mac *mac:kmac-128* key) data 32)) 0 32)))
  (test 64 (bytevector-length (generate-mac (make-mac *mac:kmac-256* key) data)))
  (test 100 (bytevector-length (generate-mac (make-mac *mac:kmac-256* key) data 100))))

(test-group "MAC objects"
  (define m (make-mac *mac:hmac* k20 :digest *digest:sha-256*))
  (define km (make-mac *mac:kmac-256* #vu8(1 2 3)))
  (test #t (mac? m))
  (test #f (mac? *mac:hmac*))
  (test *mac:hmac* (mac-type m))
  (test *mac:kmac-256* (mac-type km))
  (test 32 (mac-mac-size m))
  (test 20 (mac-mac-size (make-mac *mac:hmac* k20 :digest *digest:sha-1*)))
  (test #f (mac-mac-size km))
  (test "1.2.840.113549.2.9" (mac-oid m))
  (test "1.2.840.113549.2.7" (mac-oid (make-mac *mac:hmac* k20 :digest *digest:sha-1*)))
  (test "2.16.840.1.101.3.4.2.14" (mac-oid (make-mac *mac:hmac* k20 :digest *digest:sha3-256*)))
  (test #f (mac-oid (make-mac *mac:hmac* k20 :digest *digest:md5*)))
  (test "2.16.840.1.101.3.4.2.20" (mac-oid km))
  (test "2.16.840.1.101.3.4.2.19" (mac-oid (make-mac *mac:kmac* #vu8())))
  ;; low-level API in pieces
  (test m (mac-init! m))
  (mac-process! m (string->utf8 "xxHi Thereyy") 2 8)
  (let ((out (make-bytevector 34 0)))
    (test out (mac-done! m out 2))
    (test (hmac *digest:sha-256* k20 hi) (hex (bytevector-copy out 2 34))))
  ;; done! initialised it; init! drops input
  (mac-process! m (string->utf8 "junk"))
  (mac-init! m)
  (mac-process! m hi)
  (let ((out (make-bytevector 8 0)))
    (mac-done! m out 0 8)
    (test (substring (hmac *digest:sha-256* k20 hi) 0 16) (hex out)))
  (let ((out (make-bytevector 40 7)))
    (test out (generate-mac! m hi out 4))
    (test 7 (bytevector-u8-ref out 0))
    (test (hmac *digest:sha-256* k20 hi) (hex (bytevector-copy out 4 36))))
  ;; KMAC fills to the end of out by default
  (let ((out (make-bytevector 20 0)))
    (generate-mac! km hi out 4)
    (test (hex (generate-mac km hi 16)) (hex (bytevector-copy out 4 20))))
  (let ((out (make-bytevector 10 0)))
    (mac-process! km hi)
    (mac-done! km out)
    (test (hex (generate-mac km hi 10)) (hex out))))

(test-group "verify-mac"
  (define m (make-mac *mac:hmac* k20 :digest *digest:sha-256*))
  (define tag (generate-mac m hi))
  (test #t (verify-mac m hi tag))
  (test #t (verify-mac m hi (bytevector-copy tag 0 16)))
  (test-error (verify-mac m (string->utf8 "Hi there") tag))
  (test-error (verify-mac m hi (bytevector-append tag #vu8(0))))
  (test-error (verify-mac m hi #vu8()))
  (let ((bad (bytevector-copy tag)))
    (bytevector-u8-set! bad 31 (bitwise-xor 1 (bytevector-u8-ref bad 31)))
    (test-error (verify-mac m hi bad)))
  (let ((km (make-mac *mac:kmac-128* k20)))
    (test #t (verify-mac km hi (generate-mac km hi 20)))
    (test-error (verify-mac km hi (bytevector-copy (generate-mac km hi 32) 0 20)))))

(test-group "unsupported"
  (for-each
   (lambda (t name)
     (let ((e (guard (e (#t e)) (make-mac t (make-bytevector 16 0)))))
       (test #t (implementation-restriction-violation? e))
       (test name (substring (condition-message e) 0 4))))
   (list *mac:cmac* *mac:gmac*) '("CMAC" "GMAC"))
  (test-error (exn unsupported) (make-mac *mac:hmac* k20 :digest *digest:whirlpool*))
  (test-error (exn unsupported) (make-mac *mac:hmac* k20 :digest *digest:shake-128*)))

(test-group "bad input"
  (define m (make-mac *mac:hmac* k20))
  (test-error (exn type) (make-mac 'hmac k20))
  (test-error (exn type) (make-mac *mac:hmac* "key"))
  (test-error (exn type) (make-mac *mac:hmac* k20 :digest 'sha-256))
  (test-error (exn type) (make-mac *mac:hmac* k20 :cipher 1))
  (test-error (exn type) (make-mac *mac:hmac* k20 :digest))
  (test-error (exn type) (make-mac *mac:kmac* k20 :custom "s"))
  (test-error (exn type) (mac-type 'm))
  (test-error (exn type) (mac-mac-size 1))
  (test-error (exn type) (mac-oid "m"))
  (test-error (exn type) (generate-mac m "msg"))
  (test-error (exn bounds) (generate-mac m hi -1))
  (test-error (exn bounds) (generate-mac m hi (expt 2 62)))
  (test-error (exn type) (generate-mac! m hi 'out))
  (test-error (exn bounds) (generate-mac! m hi (make-bytevector 16)))
  (test-error (exn bounds) (generate-mac! m hi (make-bytevector 40) 10))
  (test-error (exn type) (verify-mac m hi "tag"))
  (test-error (exn type) (mac-init! #f))
  (test-error (exn bounds) (mac-process! m hi 9))
  (test-error (exn type) (mac-process! m 'hi))
  (test-error (exn bounds) (mac-done! m (make-bytevector 4)))
  (test-error (exn type) (mac-done! m #f)))
