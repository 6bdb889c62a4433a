;; Ed448 keys and signatures: the RFC 8032 §7.4 (Ed448) and §7.5 (Ed448ph) test vectors, with and without context.
(import (tlsport test) (rnrs) (sagittarius crypto keys) (sagittarius crypto signatures))

(include "lib/hex.scm")
(define (flip bv i)
  (let ((c (bytevector-copy bv)))
    (bytevector-u8-set! c i (bitwise-xor 1 (bytevector-u8-ref c i)))
    c))
(define (sign alg priv msg . opts) (bv->hex (signer-sign-message (apply make-signer alg priv opts) msg)))
(define (verify alg pub msg sig . opts) (verifier-verify-signature (apply make-verifier alg pub opts) msg sig))

;; §7.4 "Blank": the empty message
(define blank-secret (hex->bv (string-append "6c82a562cb808d10d632be89c8513ebf6c929f34ddfa8c9f63c9960ef6e348a3528c8a3fcc2f044e39a3fc5b94492f8f"
                                             "032e7549a20098f95b")))
(define blank-public (string-append "5fd7449b59b461fd2ce787ec616ad46a1da1342485a70e1f8a0ea75d80e96778edf124769b46c7061bd6783df1e50f6c"
                                    "d1fa1abeafe8256180"))
(define blank-sig (string-append "533a37f6bbe457251f023c0d88f976ae2dfb504a843e34d2074fd823d41a591f2b233f034f628281f2fd7a22ddd47d78"
                                 "28c59bd0a21bfd3980ff0d2028d4b18a9df63e006c5d1c2d345b925d8dc00b4104852db99ac5c7cdda8530a113a0f4db"
                                 "b61149f05a7363268c71d95808ff2e652600"))
;; §7.4 "1 octet" and "1 octet (with context)": the message 03, the context "foo"
(define one-secret (hex->bv (string-append "c4eab05d357007c632f3dbb48489924d552b08fe0c353a0d4a1f00acda2c463afbea67c5e8d2877c5e3bc397a659949e"
                                           "f8021e954e0a12274e")))
(define one-public (string-append "43ba28f430cdff456ae531545f7ecd0ac834a55d9358c0372bfa0c6c6798c0866aea01eb00742802b8438ea4cb82169c"
                                  "235160627b4c3a9480"))
(define one-sig (string-append "26b8f91727bd62897af15e41eb43c377efb9c610d48f2335cb0bd0087810f4352541b143c4b981b7e18f62de8ccdf633"
                               "fc1bf037ab7cd779805e0dbcc0aae1cbcee1afb2e027df36bc04dcecbf154336c19f0af7e0a6472905e799f1953d2a0f"
                               "f3348ab21aa4adafd1d234441cf807c03a00"))
(define one-ctx-sig (string-append "d4f8f6131770dd46f40867d6fd5d5055de43541f8c5e35abbcd001b32a89f7d2151f7647f11d8ca2ae279fb842d60721"
                                   "7fce6e042f6815ea000c85741de5c8da1144a6a1aba7f96de42505d7a7298524fda538fccbbb754f578c1cad10d54d0d"
                                   "5428407e85dcbc98a49155c13764e66c3c00"))
;; §7.5 "TEST abc" and "TEST abc (with context)": Ed448ph of "abc"
(define ph-secret (hex->bv (string-append "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42ef7822e0d5104127dc05d6dbefde69e3"
                                          "ab2cec7c867c6e2c49")))
(define ph-public (string-append "259b71c19f83ef77a7abd26524cbdb3161b590a48f7d17de3ee0ba9c52beb743c09428a131d6b1b57303d90d8132c276"
                                 "d5ed3d5d01c0f53880"))
(define ph-sig (string-append "822f6901f7480f3d5f562c592994d9693602875614483256505600bbc281ae381f54d6bce2ea911574932f52a4e6cadd"
                              "78769375ec3ffd1b801a0d9b3f4030cd433964b6457ea39476511214f97469b57dd32dbc560a9a94d00bff07620464a3"
                              "ad203df7dc7ce360c3cd3696d9d9fab90f00"))
(define ph-ctx-sig (string-append "c32299d46ec8ff02b54540982814dce9a05812f81962b649d528095916a2aa481065b1580423ef927ecf0af5888f90da"
                                  "0f6a9a85ad5dc3f280d91224ba9911a3653d00e484e2ce232521481c8658df304bb7745a73514cdb9bf3e15784ab7128"
                                  "4f8d0704a608c54a6b62d97beb511d132100"))
(define foo (string->utf8 "foo"))
(define abc (string->utf8 "abc"))

(test-group "keys"
  (define priv (import-private-key *key:ed448* blank-secret))
  (test blank-secret (export-private-key priv))
  (test blank-secret (export-private-key *key:ed448* priv 'raw))
  (test blank-secret (export-private-key (generate-private-key *key:ed448* blank-secret)))
  (define pub (import-public-key *key:ed448* (hex->bv blank-public)))
  (test blank-public (bv->hex (export-public-key pub)))
  (test blank-public (bv->hex (export-public-key (generate-public-key *key:ed448* (hex->bv blank-public)))))
  ;; from ports: 57 bytes each
  (test blank-secret (export-private-key (import-private-key *key:ed448* (open-bytevector-input-port (bytevector-append blank-secret #vu8(1))))))
  (test blank-public (bv->hex (export-public-key (import-public-key *key:ed448* (open-bytevector-input-port (hex->bv (string-append blank-public "ff")))))))
  ;; RFC 8410: SubjectPublicKeyInfo 30 43 30 05 06 03 2b 65 71 03 3a 00 ‖ key, PrivateKeyInfo 30 47 02 01 00 30 05 06 03 2b 65 71 04 3b 04 39 ‖ seed
  (define spki (export-public-key pub 'subject-public-key-info))
  (test (string-append "3043300506032b6571033a00" blank-public) (bv->hex spki))
  (test spki (export-public-key (import-public-key spki 'subject-public-key-info) 'subject-public-key-info))
  (test spki (export-public-key (import-public-key *key:ed448* spki 'subject-public-key-info) 'subject-public-key-info))
  (define p8 (export-private-key priv 'private-key-info))
  (test (string-append "3047020100300506032b6571043b0439" (bv->hex blank-secret)) (bv->hex p8))
  (test blank-secret (export-private-key (import-private-key p8 'private-key-info)))
  ;; the public key of the private key signs for it
  (test #t (verify *signature:ed448* pub #vu8() (signer-sign-message (make-signer *signature:ed448* priv) #vu8())))
  ;; wrong sizes and formats, mismatched schemes
  (test-error (import-private-key *key:ed448* (make-bytevector 32 1)))
  (test-error (import-public-key *key:ed448* (make-bytevector 56 1)))
  (test-error (import-public-key *key:ed448* (open-bytevector-input-port (make-bytevector 56 1))))
  (test-error (exn type) (generate-public-key *key:ed448* (make-bytevector 32 1)))
  (test-error (exn type) (generate-private-key *key:ed448* 1))
  (test-error (import-public-key (bytevector-append spki #vu8(0)) 'subject-public-key-info))
  (test-error (import-public-key (bytevector-copy spki 0 60) 'subject-public-key-info))
  (test-error (import-private-key (bytevector-copy p8 0 40) 'private-key-info))
  (test-error (exn type) (import-public-key *key:ed25519* spki 'subject-public-key-info))
  (test-error (exn type) (export-public-key *key:ed25519* pub))
  (test-error (exn type) (export-private-key *key:x448* priv))
  (let ((kp (generate-key-pair *key:ed448*)))
    (test 57 (bytevector-length (export-public-key (key-pair-public kp))))
    (test 57 (bytevector-length (export-private-key (key-pair-private kp))))))

(test-group "Ed448 (RFC 8032 7.4)"
  (define blank (import-private-key *key:ed448* blank-secret))
  (test blank-sig (sign *signature:ed448* blank #vu8()))
  (test blank-sig (sign *signature:eddsa* blank #vu8()))
  (test blank-sig (sign *signature:eddsa* blank #vu8() :scheme *signature:ed448*))
  (define blank-pub (import-public-key *key:ed448* (hex->bv blank-public)))
  (test #t (verify *signature:ed448* blank-pub #vu8() (hex->bv blank-sig)))
  (test #f (verify *signature:ed448* blank-pub #vu8(0) (hex->bv blank-sig)))
  (test #f (verify *signature:ed448* blank-pub #vu8() (flip (hex->bv blank-sig) 3)))
  (define one (import-private-key *key:ed448* one-secret))
  (define one-pub (import-public-key *key:ed448* (hex->bv one-public)))
  (test one-sig (sign *signature:ed448* one #vu8(3)))
  (test one-ctx-sig (sign *signature:ed448* one #vu8(3) :context foo))
  (test one-ctx-sig (sign *signature:eddsa* one #vu8(3) :context foo))
  (test #t (verify *signature:ed448* one-pub #vu8(3) (hex->bv one-ctx-sig) :context foo))
  (test #t (verify *signature:eddsa* one-pub #vu8(3) (hex->bv one-ctx-sig) :context foo))
  ;; the context is part of the signature
  (test #f (verify *signature:ed448* one-pub #vu8(3) (hex->bv one-ctx-sig)))
  (test #f (verify *signature:ed448* one-pub #vu8(3) (hex->bv one-sig) :context foo))
  ;; in pieces
  (define s (make-signer *signature:ed448* one :context foo))
  (signer-process! s #vu8(9 3 9) 1 1)
  (test one-ctx-sig (bv->hex (signer-sign! s)))
  (define v (make-verifier *signature:ed448* one-pub :context foo))
  (verifier-process! v #vu8(3))
  (test #t (verifier-verify! v (hex->bv one-ctx-sig)))
  (test-error (verifier-verify-signature (make-verifier *signature:ed448* one-pub) #vu8(3) (make-bytevector 64 0)))
  (test-error (exn bounds) (make-signer *signature:ed448* one :context (make-bytevector 256 0)))
  (test-error (exn type) (make-signer *signature:ed448* one :context "foo"))
  (test-error (exn type) (make-signer *signature:ed25519* one))
  (test-error (exn type) (make-verifier *signature:ed448* (key-pair-public (generate-key-pair *key:ed25519*)))))

(test-group "Ed448ph (RFC 8032 7.5)"
  (define priv (import-private-key *key:ed448* ph-secret))
  (define pub (import-public-key *key:ed448* (hex->bv ph-public)))
  (test ph-sig (sign *signature:ed448ph* priv abc))
  (test ph-sig (sign *signature:eddsa* priv abc :scheme *signature:ed448ph*))
  (test ph-ctx-sig (sign *signature:ed448ph* priv abc :context foo))
  (test #t (verify *signature:ed448ph* pub abc (hex->bv ph-sig)))
  (test #t (verify *signature:ed448ph* pub abc (hex->bv ph-ctx-sig) :context foo))
  (test #f (verify *signature:ed448ph* pub abc (hex->bv ph-ctx-sig)))
  (test #f (verify *signature:ed448* pub abc (hex->bv ph-sig)))
  (define s (make-signer *signature:ed448ph* priv :context foo))
  (signer-process! s abc 0 1)
  (signer-process! s abc 1)
  (test ph-ctx-sig (bv->hex (signer-sign! s)))
  (test ph-ctx-sig (bv->hex (signer-sign-message s abc))))
