;; DSA keys and signatures: a 2048-bit key (q of 256 bits) made by openssl 3.0 and its signatures of "sample"
;; (openssl genpkey -genparam -algorithm DSA -pkeyopt dsa_paramgen_bits:2048 -pkeyopt dsa_paramgen_q_bits:256, genpkey -paramfile,
;; pkey -outform DER for the raw DSAPrivateKey and -pubout for the SubjectPublicKeyInfo, dgst -sha256/-sha512 -sign), checked
;; with openssl dgst -verify; DSA keys made here.
(import (tlsport test) (rnrs) (sagittarius crypto keys) (sagittarius crypto digests) (sagittarius crypto random)
        (sagittarius crypto signatures))

(include "lib/hex.scm")
(define (flip bv i)
  (let ((c (bytevector-copy bv)))
    (bytevector-u8-set! c i (bitwise-xor 1 (bytevector-u8-ref c i)))
    c))
(define msg (string->utf8 "sample"))

(define openssl-raw
  (hex->bv
   (string-append
   "308203560201000282010100e03b021e2f0e8490cc87e7b64276ae173b4fa581c1da195ce6b56159ecfea9d2107efdc3b249"
   "01bf759669845855b9851e9cc8f9503d0b6c5fc6cb9c8b261b153f074b22edb027470c89cc21b1bcb9ab29e06ec832680d54"
   "bcea18aba7431f04b9474e94df82bf194a4b1b7ab2b024be60947c4b8e7f44716ba6cb1964c679f0cd6328a10a88c52816d3"
   "717b309db3b5a0e86e549c0417c1111522aa4b3991b4b6bb4f0fdaff095ab0826355698044518abf169765c49e7936009aba"
   "77fd91c907e539967cb45be33b512665ef1820ed2eff7f026bb78a9938dd080e2acdf5a490079f451e12d7ad3d7f88b0165c"
   "4676eae8322b9777c61cb9f272de46e8d1b5022100df6cbe8d0fdec0e81f7f7ce7ccbafe9db7469938d8db364f9d6a96afc5"
   "d298a5028201010088faa9d21c8150aaa9ae5b48abbc3d3e0b410374232e51ea17bb6a42e3373bc284cf9a9f0730473cca51"
   "215b45b6c1c4894c567cecceb54f528ae431af5e065273c41aac044578e5b2fb3ba2b8130a43f6f094b25c94fd58abce5a1b"
   "b6cf721e05d71aecc69dec69f2cba0e16e71d64afae926fa8f3ce1fc06de1b7b423e3b73276c93ab319cca9ba1ed681b7661"
   "baddcbcfc673bb5f655321f911213ef22b01ecc9d9ef1c8c3e10543379503378d220dda6eb27eeb2069c1767bb78f837abe6"
   "36e2008f1bf1680f4c25e1a08f59d4b0da6cb4d66c188397d8a0d5053d15b3482b1848a0f87cde9e9bed112cf26495a41549"
   "2f04c1ea5e0a3d04cb62bef5b88e028201004b579374192af9a41153e68974b1e24a76144d0b1f1c9bf666e48e22a3eab70c"
   "c5c6bca5438f13b35493fd8d36dd0c27b588cd2c266b66700e53b54ccc08866a841acbcfd129cc68484567d2e53c184ec096"
   "ebd9d597ed5d13738519819e19fe9b0540245e88d6661cd196db2be1c6259da1c2f346aff2a0c1020f5a24827403ff83f3ad"
   "ec908ab8a12e252d92b9cc8ace65b185d5daca95f4d9b7c45f0f4a5c3c38b65a0adbe81d95a349b38360463e1becf2a6b849"
   "b66e6242111b18f361e023e791aec1985078bdd90fcef4034886c4ce08518e5f00975c3086c91e2dfd3897d6421a92025d5d"
   "8d50c0d901c24654d31a7791fe8acd06ea091a87caa5138502200d6e67a3fe500058b7aaa718374539782c5d52877a74dcd0"
   "67c6d992fc1b318d")))
(define openssl-spki
  (hex->bv
   (string-append
   "308203473082023a06072a8648ce3804013082022d0282010100e03b021e2f0e8490cc87e7b64276ae173b4fa581c1da195c"
   "e6b56159ecfea9d2107efdc3b24901bf759669845855b9851e9cc8f9503d0b6c5fc6cb9c8b261b153f074b22edb027470c89"
   "cc21b1bcb9ab29e06ec832680d54bcea18aba7431f04b9474e94df82bf194a4b1b7ab2b024be60947c4b8e7f44716ba6cb19"
   "64c679f0cd6328a10a88c52816d3717b309db3b5a0e86e549c0417c1111522aa4b3991b4b6bb4f0fdaff095ab08263556980"
   "44518abf169765c49e7936009aba77fd91c907e539967cb45be33b512665ef1820ed2eff7f026bb78a9938dd080e2acdf5a4"
   "90079f451e12d7ad3d7f88b0165c4676eae8322b9777c61cb9f272de46e8d1b5022100df6cbe8d0fdec0e81f7f7ce7ccbafe"
   "9db7469938d8db364f9d6a96afc5d298a5028201010088faa9d21c8150aaa9ae5b48abbc3d3e0b410374232e51ea17bb6a42"
   "e3373bc284cf9a9f0730473cca51215b45b6c1c4894c567cecceb54f528ae431af5e065273c41aac044578e5b2fb3ba2b813"
   "0a43f6f094b25c94fd58abce5a1bb6cf721e05d71aecc69dec69f2cba0e16e71d64afae926fa8f3ce1fc06de1b7b423e3b73"
   "276c93ab319cca9ba1ed681b7661baddcbcfc673bb5f655321f911213ef22b01ecc9d9ef1c8c3e10543379503378d220dda6"
   "eb27eeb2069c1767bb78f837abe636e2008f1bf1680f4c25e1a08f59d4b0da6cb4d66c188397d8a0d5053d15b3482b1848a0"
   "f87cde9e9bed112cf26495a415492f04c1ea5e0a3d04cb62bef5b88e0382010500028201004b579374192af9a41153e68974"
   "b1e24a76144d0b1f1c9bf666e48e22a3eab70cc5c6bca5438f13b35493fd8d36dd0c27b588cd2c266b66700e53b54ccc0886"
   "6a841acbcfd129cc68484567d2e53c184ec096ebd9d597ed5d13738519819e19fe9b0540245e88d6661cd196db2be1c6259d"
   "a1c2f346aff2a0c1020f5a24827403ff83f3adec908ab8a12e252d92b9cc8ace65b185d5daca95f4d9b7c45f0f4a5c3c38b6"
   "5a0adbe81d95a349b38360463e1becf2a6b849b66e6242111b18f361e023e791aec1985078bdd90fcef4034886c4ce08518e"
   "5f00975c3086c91e2dfd3897d6421a92025d5d8d50c0d901c24654d31a7791fe8acd06ea091a87caa51385")))
(define openssl-sig-sha256 (hex->bv "304402207f88f0bd0b79d7db172ad4043612581abfb925bb306e65c64b8d0b34f01fe58002205d63387444301fc478f952bc2ec03ff513dd5c1d0b46dae06ff84e8c7884d7c8"))
(define openssl-sig-sha512 ; the SHA-512 digest truncated to the 256 bits of q
  (hex->bv "3044022051e52844e29aae56222f43e7b7e417888756924a0032f92861a309d7e645d6ed02201666fb688d5c717c5110ddf7eb5cd280fc508326b9b2a8c60e040c67f560fa2a"))
(define (int-at off len) (bytevector-uint-ref openssl-raw off (endianness big) len))
;; the DSAPrivateKey's INTEGERs (offsets of openssl asn1parse)
(define p (int-at 11 257))
(define q (int-at 270 33))
(define g (int-at 307 257))
(define y (int-at 568 256))
(define x (int-at 826 32))
;; the SubjectPublicKeyInfo's Dss-Parms: after SEQUENCE, SEQUENCE and the OID, 4 + 4 + 9 bytes
(define dss-parms (bytevector-copy openssl-spki 17 (+ 17 4 (bytevector-u16-ref openssl-spki 19 (endianness big)))))

(test-group "openssl's key"
  (define priv (import-private-key *key:dsa* openssl-raw))
  (test #t (private-key? priv))
  (test openssl-raw (export-private-key priv))
  (test openssl-raw (export-private-key *key:dsa* priv 'raw))
  (test openssl-raw (export-private-key (import-private-key *key:dsa* (open-bytevector-input-port (bytevector-append openssl-raw #vu8(1 2))))))
  (test openssl-raw (export-private-key (import-private-key (export-private-key priv 'private-key-info) 'private-key-info)))
  (define pub (import-public-key *key:dsa* openssl-spki)) ; subject-public-key-info by default
  (test #t (public-key? pub))
  (test openssl-spki (export-public-key pub))
  (test openssl-spki (export-public-key *key:dsa* pub 'subject-public-key-info))
  (test openssl-spki (export-public-key (import-public-key openssl-spki 'subject-public-key-info) 'subject-public-key-info))
  ;; raw: the INTEGER y, with the parameters of a key or DER Dss-Parms
  (define raw (export-public-key pub 'raw))
  (test y (bytevector-uint-ref raw 4 (endianness big) 256))
  (test openssl-spki (export-public-key (import-public-key *key:dsa* raw 'raw pub)))
  (test openssl-spki (export-public-key (import-public-key *key:dsa* raw 'raw priv)))
  (test openssl-spki (export-public-key (import-public-key *key:dsa* (open-bytevector-input-port raw) 'raw dss-parms)))
  (test-error (exn type) (import-public-key *key:dsa* raw 'raw))
  (test-error (import-public-key *key:dsa* raw 'raw #vu8(48 0)))
  (test-error (exn type) (import-public-key *key:dsa* raw 'raw (key-pair-public (generate-key-pair *key:ed25519*))))
  (test-error (import-public-key *key:dsa* #vu8(2 1 1) 'raw pub))
  ;; from the components
  (test openssl-raw (export-private-key (generate-private-key *key:dsa* p q g y x)))
  (test openssl-spki (export-public-key (generate-public-key *key:dsa* p q g y)))
  (test-error (generate-private-key *key:dsa* p q g y (+ x 1)))
  (test-error (generate-public-key *key:dsa* p q g p))
  (test-error (exn type) (generate-public-key *key:dsa* p q g))
  (test-error (exn type) (generate-private-key *key:dsa* p q g y "x"))
  ;; openssl's signatures
  (define v (make-verifier *signature:dsa* pub))
  (test #t (verifier-verify-signature v msg openssl-sig-sha256))
  (test #t (verifier-verify-signature (make-verifier *signature:dsa* priv) msg openssl-sig-sha256))
  (test #f (verifier-verify-signature v (string->utf8 "samplf") openssl-sig-sha256))
  (test #f (verifier-verify-signature v msg (flip openssl-sig-sha256 20)))
  (test #t (verifier-verify-signature (make-verifier *signature:dsa* pub :digest *digest:sha-512*) msg openssl-sig-sha512))
  (test #f (verifier-verify-signature (make-verifier *signature:dsa* pub :digest *digest:sha-384*) msg openssl-sig-sha512))
  (test #f (verifier-verify-signature v msg openssl-sig-sha512))
  (test-error (verifier-verify-signature v msg #vu8(1 2 3)))
  (test-error (verifier-verify-signature (make-verifier *signature:dsa* pub :der-encode #f) msg openssl-sig-sha256))
  ;; signatures made here, DER and r‖s, whole and in pieces
  (define s (make-signer *signature:dsa* priv))
  (test #t (verifier-verify-signature v msg (signer-sign-message s msg)))
  (signer-init! s)
  (signer-process! s msg 0 2)
  (signer-process! s msg 2)
  (test #t (verifier-verify-signature v msg (signer-sign! s)))
  (define rs (signer-sign-message (make-signer *signature:dsa* priv :der-encode #f :digest *digest:sha-512*) msg))
  (test 64 (bytevector-length rs))
  (test #t (verifier-verify-signature (make-verifier *signature:dsa* pub :der-encode #f :digest *digest:sha-512*) msg rs))
  (test #f (verifier-verify-signature (make-verifier *signature:dsa* pub :der-encode #f :digest *digest:sha-512*) msg (flip rs 63)))
  (test #f (verifier-verify-signature (make-verifier *signature:dsa* pub :der-encode #f) msg (make-bytevector 64 0)))
  (test #t (signer? (make-signer *signature:dsa* priv :k-generator (make-random-k-generator (secure-random-generator *prng:chacha20*)))))
  ;; RFC 6979's k: the same signature twice, valid, another with another message or digest
  (define det (make-signer *signature:dsa* priv :k-generator (make-hmac-k-generator *digest:sha-256*)))
  (define det-sig (signer-sign-message det msg))
  (test det-sig (signer-sign-message det msg))
  (test #t (verifier-verify-signature v msg det-sig))
  (test #f (equal? det-sig (signer-sign-message det (string->utf8 "test"))))
  (test #f (equal? det-sig (signer-sign-message (make-signer *signature:dsa* priv :digest *digest:sha-512*
                                                             :k-generator (make-hmac-k-generator *digest:sha-512*)) msg)))
  (test-error (exn unsupported) (make-signer *signature:dsa* priv :k-generator (make-hmac-k-generator *digest:sha-1*)))
  (test-error (exn type) (make-signer *signature:dsa* (key-pair-private (generate-key-pair *key:ed25519*))))
  (test-error (exn type) (make-verifier *signature:ecdsa* pub))
  (test-error (exn type) (make-verifier *signature:rsa* pub))
  ;; a key of its parameters
  (define kp (generate-key-pair *key:dsa* :parameter dss-parms))
  (test dss-parms (bytevector-copy (export-public-key (key-pair-public kp)) 17 (+ 17 (bytevector-length dss-parms))))
  (test #f (equal? openssl-spki (export-public-key (key-pair-public kp))))
  (test #t (verifier-verify-signature (make-verifier *signature:dsa* (key-pair-public kp)) msg
                                      (signer-sign-message (make-signer *signature:dsa* kp) msg)))
  (test dss-parms (bytevector-copy (export-public-key (key-pair-public (generate-key-pair *key:dsa* :parameter pub))) 17 (+ 17 (bytevector-length dss-parms))))
  ;; mismatched and malformed keys
  (test-error (import-private-key *key:dsa* #vu8(48 0)))
  (test-error (import-private-key *key:dsa* (flip openssl-raw 857))) ; x no longer gives y
  (test-error (import-public-key *key:dsa* (bytevector-copy openssl-spki 0 100)))
  (test-error (exn type) (import-public-key *key:ed25519* openssl-spki 'subject-public-key-info))
  (test-error (exn type) (export-private-key *key:rsa* priv))
  (test-error (exn type) (generate-key-pair *key:dsa* :parameter 'p)))

(test-group "keys made here"
  (define kp (generate-key-pair *key:dsa* :size 1024))
  (define spki (export-public-key (key-pair-public kp)))
  (test spki (export-public-key (import-public-key spki 'subject-public-key-info) 'subject-public-key-info))
  (define raw (export-private-key (key-pair-private kp)))
  (test raw (export-private-key (import-private-key *key:dsa* raw)))
  (test raw (export-private-key (import-private-key (export-private-key (key-pair-private kp) 'private-key-info) 'private-key-info)))
  ;; q is 160 bits: the SHA-256 digest is truncated, r and s are 20 bytes each
  (define rs (signer-sign-message (make-signer *signature:dsa* kp :der-encode #f) msg))
  (test 40 (bytevector-length rs))
  (test #t (verifier-verify-signature (make-verifier *signature:dsa* kp :der-encode #f) msg rs))
  (test #f (verifier-verify-signature (make-verifier *signature:dsa* (key-pair-public kp)) msg openssl-sig-sha256))
  (test-error (exn bounds) (generate-key-pair *key:dsa* :size 1000)))
