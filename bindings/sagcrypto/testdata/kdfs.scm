;; (sagittarius crypto kdfs): PBKDF1, PBKDF2 (RFC 6070), HKDF (RFC 5869), PKCS #12 KDF, scrypt (RFC 7914).
(import (tlsport test) (rnrs) (sagittarius crypto digests) (sagittarius crypto mac) (sagittarius crypto kdfs))

(define (hex bv)
  (apply string-append
         (map (lambda (b) (string-append (if (< b 16) "0" "") (number->string b 16))) (bytevector->u8-list bv))))
(define password (string->utf8 "password"))
(define salt (string->utf8 "salt"))

(test-group "pbkdf-2"
  (test "0c60c80f961f0e71f3a9b524af6012062fe037a6" (hex (pbkdf-2 password salt 1 20)))
  (test "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" (hex (pbkdf-2 password salt 2 20)))
  (test "4b007901b765489abead49d926f721d065a429c1" (hex (pbkdf-2 password salt 4096 20 :prf *hmac-sha1-prf*)))
  (test "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"
        (hex (pbkdf-2 (string->utf8 "passwordPASSWORDpassword") (string->utf8 "saltSALTsaltSALTsaltSALTsaltSALTsalt") 4096 25)))
  (test "56fa6aa75548099dcc37d7f03425e0c3" (hex (pbkdf-2 (string->utf8 "pass\x0;word") (string->utf8 "sa\x0;lt") 4096 16)))
  (test "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        (hex (pbkdf-2 password salt 1 32 :prf (mac->prf-provider *mac:hmac* :digest *digest:sha-256*))))
  (test 0 (bytevector-length (pbkdf-2 password salt 1 0)))
  ;; a provider returning a procedure, or a MAC, made in Scheme
  (let ((by-proc (lambda (s) (let ((m (make-mac *mac:hmac* s :digest *digest:sha-256*))) (lambda (msg) (generate-mac m msg)))))
        (by-mac (lambda (s) (make-mac *mac:hmac* s :digest *digest:sha-256*))))
    (test (hex (pbkdf-2 password salt 3 50 :prf (mac->prf-provider *mac:hmac* :digest *digest:sha-256*)))
          (hex (pbkdf-2 password salt 3 50 :prf by-proc)))
    (test (hex (pbkdf-2 password salt 3 50 :prf by-proc)) (hex (pbkdf-2 password salt 3 50 :prf by-mac))))
  ;; a KMAC PRF
  (test 40 (bytevector-length (pbkdf-2 password salt 2 40 :prf (mac->prf-provider *mac:kmac-128* :custom (string->utf8 "x")))))
  (let ((prov (mac->prf-provider *mac:hmac* :digest *digest:sha-1*)))
    (test #t (procedure? prov))
    (test #t (mac? (prov password)))
    (test #t (mac? (*hmac-sha1-prf* password)))
    (test 20 (mac-mac-size (prov password)))))

(test-group "pbkdf-1"
  ;; T_1 = Hash(P || S), T_i = Hash(T_i-1), DK = T_c[0 .. dk-len)
  (define (iterate digest c)
    (let ((md (make-message-digest digest)))
      (let loop ((t (digest-message md (bytevector-append password salt))) (i 1))
        (if (= i c) t (loop (digest-message md t) (+ i 1))))))
  (test (hex (bytevector-copy (iterate *digest:sha-1* 1000) 0 16)) (hex (pbkdf-1 password salt 1000 16)))
  (test (hex (iterate *digest:sha-1* 1)) (hex (pbkdf-1 password salt 1 20)))
  (test (hex (bytevector-copy (iterate *digest:md5* 7) 0 10)) (hex (pbkdf-1 password salt 7 10 :digest *digest:md5*)))
  (test-error (exn bounds) (pbkdf-1 password salt 1 21))
  (test-error (exn bounds) (pbkdf-1 password salt 0 10))
  (test-error (exn unsupported) (pbkdf-1 password salt 1 10 :digest *digest:md2*)))

(test-group "hkdf"
  (define ikm (make-bytevector 22 #x0b))
  (test "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        (hex (hkdf *digest:sha-256* ikm (u8-list->bytevector (iota 13)) (u8-list->bytevector (iota 10 #xf0)) 42)))   ; RFC 5869 A.1
  (test "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        (hex (hkdf *digest:sha-256* ikm #vu8() #vu8() 42)))                                                        ; A.3
  (test "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"
        (hex (hkdf *digest:sha-256* ikm #f #f 42)))
  (test "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896"
        (hex (hkdf *digest:sha-1* (make-bytevector 11 #x0b) (u8-list->bytevector (iota 13)) (u8-list->bytevector (iota 10 #xf0)) 42))) ; A.4
  (test (* 255 32) (bytevector-length (hkdf *digest:sha-256* ikm #f #f (* 255 32))))
  (test-error (exn bounds) (hkdf *digest:sha-256* ikm #f #f (+ 1 (* 255 32))))
  (test-error (exn type) (hkdf 'sha-256 ikm #f #f 10))
  (test-error (exn unsupported) (hkdf *digest:tiger-192* ikm #f #f 10)))

(test-group "pkcs12-kdf"
  (define ff8 (make-bytevector 8 #xff))
  (test "7cd9fd3e2b3be7691a44e3bef0f9ea0fb9b897d4e325d9d1" (hex (pkcs12-kdf *digest:sha-1* "sesame" ff8 2048 24)))
  ;; a result starting with 0 (the carry of RFC 7292 B.2 step 6C); #vu8(0 0) is the empty BMPString
  (test "00f759ff47d14dd03665d5943cb3c4a39a2555c02aed66e1" (hex (pkcs12-kdf *digest:sha-1* #vu8(0 0) #vu8(#xf3 #x7e 5 #xb5 #x18 #x32 #x4b #x4b) 2048 24)))
  (test (hex (pkcs12-kdf *digest:sha-1* #vu8(0 0) ff8 3 24)) (hex (pkcs12-kdf *digest:sha-1* "" ff8 3 24)))
  (test #f (equal? (pkcs12-kdf *digest:sha-1* "sesame" ff8 2048 8) (pkcs12-kdf *digest:sha-1* "sesame" ff8 2048 8 :id 2)))
  (test 100 (bytevector-length (pkcs12-kdf *digest:sha-256* "x" ff8 1 100 :id 3)))
  (test-error (exn bounds) (pkcs12-kdf *digest:sha-1* "x" ff8 1 10 :id 4))
  (test-error (exn type) (pkcs12-kdf *digest:sha-1* 'pw ff8 1 10)))

(test-group "scrypt"
  (test "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"
        (hex (scrypt #vu8() #vu8() 16 1 1 64)))
  (test "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
        (hex (scrypt password (string->utf8 "NaCl") 1024 8 16 64)))
  (test-error (exn bounds) (scrypt password salt 1000 8 1 32))
  (test-error (exn bounds) (scrypt password salt 1 8 1 32))
  (test-error (exn bounds) (scrypt password salt 16 0 1 32))
  (test-error (exn bounds) (scrypt password salt 16 1 0 32))
  (test-error (exn bounds) (scrypt password salt 16 (expt 2 20) (expt 2 10) 32))
  (test-error (exn bounds) (scrypt password salt (expt 2 50) 8 1 32))
  (test-error (exn bounds) (scrypt password salt 16 1 1 -3))
  (test-error (exn type) (scrypt "password" salt 16 1 1 32)))

(test-group "bad input"
  (test-error (exn type) (pbkdf-2 "password" salt 1 20))
  (test-error (exn type) (pbkdf-2 password 'salt 1 20))
  (test-error (exn bounds) (pbkdf-2 password salt 0 20))
  (test-error (exn bounds) (pbkdf-2 password salt -1 20))
  (test-error (exn bounds) (pbkdf-2 password salt 1 -20))
  (test-error (exn bounds) (pbkdf-2 password salt 1 (expt 2 62)))
  (test-error (exn type) (pbkdf-2 password salt 'one 20))
  (test-error (exn type) (pbkdf-2 password salt 1 20 :prf 'hmac))
  (test-error (exn type) (pbkdf-2 password salt 1 20 :prf (lambda (s) 'not-a-prf)))
  (test-error (exn type) (pbkdf-2 password salt 1 20 :prf (lambda (s) (lambda (m) #vu8()))))
  (test-error (exn type) (mac->prf-provider 'hmac))
  (test-error (exn type) (mac->prf-provider *mac:hmac* :digest 'sha-1))
  (test-error (exn unsupported) (mac->prf-provider *mac:cmac*))
  (test-error (exn type) (*hmac-sha1-prf* "secret")))
