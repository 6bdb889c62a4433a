;; (rfc pem): parse-pem and its file and string forms, RFC 1421 headers, the PEM conditions.
(import (tlsport test) (rnrs) (rfc pem))

(define one "-----BEGIN CERTIFICATE-----\nAQID\nBAU=\n-----END CERTIFICATE-----\n")

(test-group "parse-pem"
  (let-values (((params content) (parse-pem (open-string-input-port one))))
    (test '(("BEGIN" . "CERTIFICATE") ("END" . "CERTIFICATE")) params)
    (test #vu8(1 2 3 4 5) content))
  ;; text before the boundary is ignored, a CRLF file reads the same
  (let-values (((params content) (parse-pem-string (string-append "junk\r\nmore\r\n-----BEGIN X-----\r\nAQID\r\n-----END X-----\r\n"))))
    (test '(("BEGIN" . "X") ("END" . "X")) params)
    (test #vu8(1 2 3) content))
  ;; only the first block is read without :multiple
  (let* ((p (open-string-input-port (string-append one "-----BEGIN B-----\nBw==\n-----END B-----\n"))))
    (let-values (((params content) (parse-pem p)))
      (test #vu8(1 2 3 4 5) content)
      (let-values (((params content) (parse-pem p)))
        (test '(("BEGIN" . "B") ("END" . "B")) params)
        (test #vu8(7) content)))))

(test-group "RFC 1421 headers"
  (let-values (((params content)
                (parse-pem-string "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,F8F2E1A1\nComment: folded\n  across lines\n\nAQID\n-----END RSA PRIVATE KEY-----\n")))
    (test '(("BEGIN" . "RSA PRIVATE KEY") ("Proc-Type" . "4,ENCRYPTED") ("DEK-Info" . "DES-EDE3-CBC,F8F2E1A1")
            ("Comment" . "foldedacross lines") ("END" . "RSA PRIVATE KEY"))
          params)
    (test "4,ENCRYPTED" (cdr (assoc "Proc-Type" params)))
    (test #vu8(1 2 3) content)))

(test-group ":multiple"
  (let ((l (parse-pem-file "testdata/pem/two.pem" :multiple #t)))
    (test 2 (length l))
    (test '(("BEGIN" . "FIRST") ("END" . "FIRST")) (car (car l)))
    (test #vu8(1 2 3) (cdr (car l)))
    (test "AES-128-CBC,00112233445566778899AABBCCDDEEFF" (cdr (assoc "DEK-Info" (car (cadr l)))))
    (test #vu8(4 5 6 7) (cdr (cadr l))))
  ;; a BEGIN line ends the block before it
  (let ((l (parse-pem-string "-----BEGIN FOO-----\nAQ==\n-----BEGIN BAR-----\nAg==\n-----END BAR-----\n" :multiple #t)))
    (test '((("BEGIN" . "FOO")) . #vu8(1)) (car l))
    (test '((("BEGIN" . "BAR") ("END" . "BAR")) . #vu8(2)) (cadr l)))
  (test '() (parse-pem-string "no PEM here\n" :multiple #t))
  (test '() (parse-pem (open-string-input-port "") :multiple #t)))

(test-group "builder and decoder"
  (let-values (((params content) (parse-pem-string one :builder bytevector-length)))
    (test 5 content))
  (let-values (((params content) (parse-pem-string one :decoder utf8->string)))
    (test "AQIDBAU=" content))
  (let-values (((params content) (parse-pem-string one :decoder utf8->string :builder string-length)))
    (test 8 content))
  ;; builder wins over asn1
  (let-values (((params content) (parse-pem-string one :asn1 #t :builder bytevector-length)))
    (test 5 content))
  (test '(3) (map cdr (parse-pem-string "-----BEGIN A-----\nAQID\n-----END A-----\n" :multiple #t :builder bytevector-length))))

(test-group "conditions"
  (define (condition-of thunk)
    (guard (e (#t e)) (thunk) 'no-condition))
  (let ((e (condition-of (lambda () (parse-pem-string "-----BEGIN FOO-----\nAQ==\n-----BEGIN BAR-----\nAg==\n-----END BAR-----\n")))))
    (test #t (pre-eb-as-boundary? e))
    (test #f (invalid-pem-format? e))
    (test #t ((condition-predicate &pem-error) e))
    (test #t ((condition-predicate &pre-eb-as-boundary) e))
    (test #t (error? e))
    (test 'parse-pem-string (condition-who e)))
  (for-each
   (lambda (text)
     (let ((e (condition-of (lambda () (parse-pem-string text)))))
       (test #t (invalid-pem-format? e))
       (test #f (pre-eb-as-boundary? e))
       (test #t ((condition-predicate &pem-error) e))
       (test #t ((condition-predicate &invalid-pem-format) e))
       (test #f ((condition-predicate &pre-eb-as-boundary) e))))
   '(""                                                   ; no BEGIN line
     "-----BEGIN A-----\nAQID\n"                          ; no END line
     "-----BEGIN A-----\nAQID\n-----END B-----\n"         ; END label differs
     "-----BEGIN A-----\nProc-Type: 4,ENCRYPTED\n"        ; headers without end
     "-----BEGIN A-----\nA:b\n: x\n\nAQ==\n-----END A-----\n" ; header without a name
     "-----BEGIN A-----\n!!!!\n-----END A-----\n"))        ; not Base 64
  (test #f (invalid-pem-format? 'x))
  (test #f (pre-eb-as-boundary? (make-error)))
  (test-error (exn unsupported) (parse-pem-string one :asn1 #t))
  (test #t (implementation-restriction-violation? (condition-of (lambda () (parse-pem-string one :asn1 #t))))))

(test-group "bad input"
  (test-error (exn type) (parse-pem 42))
  (test-error (exn type) (parse-pem (open-bytevector-input-port #vu8(1 2))))
  (test-error (exn type) (parse-pem (open-output-string)))
  (test-error (exn type) (parse-pem (open-string-input-port one) :builder 5))
  (test-error (exn type) (parse-pem-string one :frobnicate #t))
  (test-error (exn type) (parse-pem-string one :multiple))
  (test-error (exn type) (parse-pem-string 'sym))
  (test-error (exn type) (parse-pem-file 42))
  (test-error (exn i/o file) (parse-pem-file "testdata/pem/no-such-file.pem"))
  (let ((p (open-string-input-port one)))
    (close-port p)
    (test-error (exn i/o) (parse-pem p)))
  ;; an error raised by the decoder comes through
  (test-error (parse-pem-string one :decoder (lambda (bv) (error 'dec "no")))))
