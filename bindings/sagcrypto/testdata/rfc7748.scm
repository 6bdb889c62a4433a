;; X25519 and X448 keys and key agreement: the RFC 7748 §5.2 test vectors (the scalar as a private key, the u-coordinate as a
;; public key) and the §6.1 and §6.2 Diffie-Hellman exchanges.
(import (tlsport test) (rnrs) (sagittarius crypto keys) (sagittarius crypto signatures))

(include "lib/hex.scm")
(define (agree scheme secret u)
  (bv->hex (calculate-key-agreement scheme (import-private-key scheme (hex->bv secret)) (import-public-key scheme (hex->bv u)))))

(test-group "RFC 7748 5.2"
  (test "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"
        (agree *key:x25519* "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"
               "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))
  (test "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"
        (agree *key:x25519* "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"
               "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))
  (test (string-append "ce3e4ff95a60dc6697da1db1d85e6afbdf79b50a2412d7546d5f239fe14fbaadeb445fc66a01b0779d98223961111e21"
                       "766282f73dd96b6f")
        (agree *key:x448* (string-append "3d262fddf9ec8e88495266fea19a34d28882acef045104d0d1aae121700a779c984c24f8cdd78fbff44943eba368f54b"
                                         "29259a4f1c600ad3")
               (string-append "06fce640fa3487bfda5f6cf2d5263f8aad88334cbd07437f020f08f9814dc031ddbdc38c19c6da2583fa5429db94ada1"
                              "8aa7a7fb4ef8a086")))
  (test (string-append "884a02576239ff7a2f2f63b2db6a9ff37047ac13568e1e30fe63c4a7ad1b3ee3a5700df34321d62077e63633c575c1c9"
                       "54514e99da7c179d")
        (agree *key:x448* (string-append "203d494428b8399352665ddca42f9de8fef600908e0d461cb021f8c538345dd77c3e4806e25f46d3315c44e0a5b43712"
                                         "82dd2c8d5be3095f")
               (string-append "0fbcc2f993cd56d3305b0b7d9e55d4c1a8fb5dbb52f8e9a1e9b6201b165d015894e56c4d3570bee52fe205e28a78b91c"
                              "dfbde71ce8d157db"))))

(define (exchange scheme alice-secret alice-public bob-secret bob-public shared)
  (let ((alice (import-private-key scheme (hex->bv alice-secret)))
        (bob (import-private-key scheme (hex->bv bob-secret)))
        (alice-pub (import-public-key scheme (hex->bv alice-public)))
        (bob-pub (import-public-key scheme (hex->bv bob-public))))
    (test shared (bv->hex (calculate-key-agreement scheme alice bob-pub)))
    (test shared (bv->hex (calculate-key-agreement scheme bob alice-pub)))
    ;; the keys round-trip through raw, PKCS #8 and SubjectPublicKeyInfo
    (test alice-secret (bv->hex (export-private-key alice)))
    (test alice-secret (bv->hex (export-private-key (import-private-key (export-private-key alice 'private-key-info) 'private-key-info))))
    (test alice-public (bv->hex (export-public-key (import-public-key (export-public-key alice-pub 'subject-public-key-info)
                                                                      'subject-public-key-info))))
    (test alice-public (bv->hex (export-public-key scheme alice-pub 'raw)))))

(test-group "RFC 7748 6.1 (X25519)"
  (exchange *key:x25519*
            "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
            "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"
            "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
            "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"))

(test-group "RFC 7748 6.2 (X448)"
  (exchange *key:x448*
            (string-append "9a8f4925d1519f5775cf46b04b5800d4ee9ee8bae8bc5565d498c28dd9c9baf574a9419744897391006382a6f127ab1d"
                           "9ac2d8c0a598726b")
            (string-append "9b08f7cc31b7e3e67d22d5aea121074a273bd2b83de09c63faa73d2c22c5d9bbc836647241d953d40c5b12da88120d53"
                           "177f80e532c41fa0")
            (string-append "1c306a7ac2a0e2e0990b294470cba339e6453772b075811d8fad0d1d6927c120bb5ee8972b0d3e21374c9c921b09d1b0"
                           "366f10b65173992d")
            (string-append "3eb7a829b0cd20f5bcfc0b599b6feccf6da4627107bdb0d4f345b43027d8b972fc3e34fb4232a13ca706dcb57aec3dae"
                           "07bdc1c67bf33609")
            (string-append "07fff4181ac6cc95ec1c16a94a0f74d12da232ce40a77552281d282bb60c0b56fd2464c335543936521c24403085d59a"
                           "449a5037514a879d")))

(test-group "generated keys"
  (for-each
   (lambda (scheme size prefix)
     (let ((a (generate-key-pair scheme)) (b (generate-key-pair scheme)))
       (define s (calculate-key-agreement scheme (key-pair-private a) (key-pair-public b)))
       (test size (bytevector-length s))
       (test s (calculate-key-agreement scheme (key-pair-private b) (key-pair-public a)))
       (test size (bytevector-length (export-public-key (key-pair-public a))))
       (test size (bytevector-length (export-private-key (key-pair-private a))))
       ;; RFC 8410 SubjectPublicKeyInfo: the algorithm identifier then the key
       (define spki (export-public-key (key-pair-public a) 'subject-public-key-info))
       (test prefix (bv->hex (bytevector-copy spki 0 (- (bytevector-length spki) size))))
       (test (export-public-key (key-pair-public a))
             (export-public-key (generate-public-key scheme (export-public-key (key-pair-public a)))))
       (test (export-private-key (key-pair-private a))
             (export-private-key (generate-private-key scheme (export-private-key (key-pair-private a)))))))
   (list *key:x25519* *key:x448*) '(32 56) '("302a300506032b656e032100" "3042300506032b656f033900")))

(test-group "errors"
  (define x25519 (generate-key-pair *key:x25519*))
  (define x448 (generate-key-pair *key:x448*))
  (define ec (generate-key-pair *key:ecdsa*))
  (test #t (private-key? (key-pair-private x448)))
  (test #t (public-key? (key-pair-public x25519)))
  (test #t (asymmetric-key? (key-pair-public x448)))
  (test #t (crypto-key? (key-pair-private x25519)))
  (test #f (public-key? (key-pair-private x25519)))
  (test "x25519 key agreement needs X25519 keys, not x448 (argument 3)"
        (condition-message (guard (e (#t e)) (calculate-key-agreement *key:x25519* (key-pair-private x25519) (key-pair-public x448)))))
  (test "a raw x448 public key is 56 bytes, not 32"
        (condition-message (guard (e (#t e)) (import-public-key *key:x448* (make-bytevector 32 9)))))
  ;; mismatched keys and schemes
  (test-error (exn type) (calculate-key-agreement *key:x25519* (key-pair-private x25519) (key-pair-public x448)))
  (test-error (exn type) (calculate-key-agreement *key:x448* (key-pair-private x25519) (key-pair-public x25519)))
  (test-error (exn type) (calculate-key-agreement *key:x448* (key-pair-private x448) (key-pair-public ec)))
  (test-error (exn type) (calculate-key-agreement *key:ecdh* (key-pair-private x25519) (key-pair-public ec)))
  (test-error (exn type) (calculate-key-agreement *key:x25519* (key-pair-public x25519) (key-pair-public x25519)))
  (test-error (exn type) (calculate-key-agreement *key:ed448* (key-pair-private x448) (key-pair-public x448)))
  ;; low-order public keys: u = 0 and u = 1
  (test-error (calculate-key-agreement *key:x25519* (key-pair-private x25519) (import-public-key *key:x25519* (make-bytevector 32 0))))
  (test-error (calculate-key-agreement *key:x448* (key-pair-private x448) (import-public-key *key:x448* (make-bytevector 56 0))))
  (test-error (calculate-key-agreement *key:x448* (key-pair-private x448)
                                       (import-public-key *key:x448* (bytevector-append #vu8(1) (make-bytevector 55 0)))))
  ;; wrong sizes
  (test-error (import-public-key *key:x25519* (make-bytevector 31 9)))
  (test-error (import-private-key *key:x25519* (make-bytevector 33 9)))
  (test-error (import-public-key *key:x448* (make-bytevector 32 9)))
  (test-error (import-private-key *key:x448* (open-bytevector-input-port (make-bytevector 55 9))))
  (test-error (exn type) (generate-private-key *key:x25519* (make-bytevector 56 9)))
  (test-error (exn type) (import-public-key *key:x448* (export-public-key (key-pair-public x25519) 'subject-public-key-info) 'subject-public-key-info))
  (test-error (exn type) (export-private-key *key:x448* (key-pair-private x25519)))
  ;; they do not sign
  (test-error (make-signer *signature:ed25519* (key-pair-private x25519)))
  (test-error (make-signer *signature:ed448* (key-pair-private x448))))
