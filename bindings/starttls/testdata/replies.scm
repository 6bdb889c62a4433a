;; The reply readers over in-memory ports: coded replies, LDAP BER data, PostgreSQL messages, XMPP elements, SASL PLAIN.
(import (tlsport test) (tlsport starttls))

(define (in-string s) (open-input-string s))
(define (in-bytes bv) (open-input-bytevector bv))

(test '(250 "mx" "SIZE 100" "STARTTLS") (smtp-read-reply (in-string "250-mx\r\n250-SIZE 100\r\n250 STARTTLS\r\n")))
(test '(221 "") (smtp-read-reply (in-string "221\r\n")))
(test-error (exn i/o net) (smtp-read-reply (in-string "hello\r\n")))
(test '(211 "features:" " EPSV" "end") (ftp-read-reply (in-string "211-features:\r\n EPSV\r\n211 end\r\n")))
(let ((out (open-output-string)))
  (test '(200 "ok") (ftp-command (in-string "200 ok\r\n") out "NOOP"))
  (test "NOOP\r\n" (get-output-string out)))

;; SASL PLAIN: base64 of authzid NUL user NUL password.
(test "AGFsaWNlAHNlY3JldA==" (sasl-plain "alice" "secret"))
(test "YWRtaW4AYWxpY2UAc2VjcmV0" (sasl-plain "alice" "secret" "admin"))

;; LDAP: a simple bind request as the server sees it, and a search entry read back.
(define out (open-output-bytevector))
(ldap-write-message out 2 '(application 0 (integer 3) (octet-string "cn=admin,dc=example,dc=org") (context-primitive 0 "secret")))
(define bind (get-output-bytevector out))
(test #x30 (bytevector-u8-ref bind 0))
(define-values (id op) (ldap-read-message (in-bytes bind)))
(test 2 id)
(test '(application 0 (integer 3) (octet-string "cn=admin,dc=example,dc=org") (context-primitive 0 "secret")) op)
(define out2 (open-output-bytevector))
(ldap-write-message out2 3 '(application 4 (octet-string "cn=alice") (sequence (sequence (octet-string "sn") (set (octet-string "Liddell"))))))
(define-values (id2 op2) (ldap-read-message (in-bytes (get-output-bytevector out2))))
(test '(application 4 (octet-string "cn=alice") (sequence (sequence (octet-string "sn") (set (octet-string "Liddell"))))) op2)
(define out3 (open-output-bytevector))
(ldap-write-message out3 4 '(sequence (boolean #t) (null) (enumerated 2) (integer -200) (context 3 (octet-string #u8(255)))))
(define-values (id3 op3) (ldap-read-message (in-bytes (get-output-bytevector out3))))
(test '(sequence (boolean #t) (null) (enumerated 2) (integer -200) (context 3 (octet-string #u8(255)))) op3)
(test-error (exn type) (ldap-write-message (open-output-bytevector) 1 '(frobnicate 1)))
(test-error (exn i/o net) (ldap-read-message (in-bytes #u8(#x30 #x05 #x02))))

;; PostgreSQL: a startup message as sent, and backend messages decoded.
(define pg (open-output-bytevector))
(postgresql-write-message pg #f 196608 "user" "tlsport" "" #u8(0))
(test #u8(0 0 0 23 0 3 0 0 117 115 101 114 0 116 108 115 112 111 114 116 0 0 0) (get-output-bytevector pg))
(define pgq (open-output-bytevector))
(postgresql-write-message pgq #\Q "SELECT 1")
(test #u8(81 0 0 0 13 83 69 76 69 67 84 32 49 0) (get-output-bytevector pgq))
(define backend
  (bytevector-append
   #u8(82 0 0 0 8 0 0 0 3)                                    ; R: cleartext password
   #u8(68 0 0 0 15 0 2 0 0 0 1 49 255 255 255 255)            ; D: ("1" #f)
   #u8(90 0 0 0 5 73)                                         ; Z: idle
   #u8(69 0 0 0 17 83 69 82 82 79 82 0 77 98 97 100 0 0)))     ; E: S ERROR, M bad
(define bin (in-bytes backend))
(define (next) (call-with-values (lambda () (postgresql-read-message bin)) list))
(test '(#\R (3)) (next))
(test '(#\D ("1" #f)) (next))
(test '(#\Z "I") (next))
(test '(#\E ((#\S . "ERROR") (#\M . "bad"))) (next))
(test-error (exn i/o net) (postgresql-read-message (in-bytes #u8(68 0 0 0 6 0 5))))

;; XMPP elements: declaration, stream header, nested element with '>' in an attribute.
(define x (in-string "<?xml version='1.0'?>\n<stream:stream id='1'> <a k='>'><b/>text<c>d</c></a></stream:stream>"))
(test "<?xml version='1.0'?>" (xmpp-read-element x))
(test "<stream:stream id='1'>" (xmpp-read-element x))
(test "<a k='>'><b/>text<c>d</c></a>" (xmpp-read-element x))
(test "</stream:stream>" (xmpp-read-element x))
(test-error (exn i/o net) (xmpp-read-element (in-string "<a>unfinished")))
(test #t (string-prefix? "<?xml version='1.0'?><stream:stream to='example.org'" (xmpp-stream-header "example.org")))
