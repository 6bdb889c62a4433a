;; The upgrade procedures against scripted servers: each plaintext dialogue, ssl-start*'s keywords, verification, refusals.
(import (tlsport test) (chicken tcp) (openssl) (tlsport starttls) (srfi 18))

;; serve: a one-connection server on loopback. It writes greeting, then
;; for each (expect . reply) step reads a line (expect a string) or that
;; many bytes (expect a number) and writes reply (a string or bytevector).
;; With tls? it then starts TLS and runs after-steps the same way over TLS,
;; and returns the last line it read. Returns (values port thread).
(define (send o reply)
  (if (bytevector? reply) (write-bytevector reply o) (write-string reply o))
  (flush-output o))
(define (run-steps i o steps last)
  (if (null? steps)
      last
      (let* ((want (caar steps))
             (got (if (number? want) (read-bytevector want i) (read-line i))))
        (send o (cdar steps))
        (run-steps i o (cdr steps) got))))
(define (serve greeting steps tls? after-steps)
  (let ((l (tcp-listen 0 10 "127.0.0.1")))
    (values
     (tcp-listener-port l)
     (thread-start!
      (make-thread
       (lambda ()
         (let-values (((i o) (tcp-accept l)))
           (send o greeting)
           (let ((last (run-steps i o steps #f)))
             (tcp-close l)
             (if tls?
                 (let-values (((si so) (ssl-start* #t #f i o certificate: leaf-cert private-key: leaf-key)))
                   (let ((r (run-steps si so after-steps last)))
                     (close-input-port si) (close-output-port so)
                     r))
                 (begin (close-input-port i) (close-output-port o) last))))))))))

(define (connect port) (tcp-connect "127.0.0.1" port))
(define (refusal thunk) (guard (e (#t e)) (thunk) 'no-refusal))

;; SMTP: EHLO, STARTTLS, EHLO again over TLS; the third value is that EHLO's reply.
(define-values (port th)
  (serve "220 mx ESMTP\r\n"
         '(("EHLO client.example" . "250-mx\r\n250 STARTTLS\r\n") ("STARTTLS" . "220 go ahead\r\n"))
         #t '(("EHLO client.example" . "250-mx\r\n250 AUTH PLAIN\r\n") ("QUIT" . "221 bye\r\n"))))
(define-values (i o) (connect port))
(define-values (si so reply) (smtp-starttls "localhost" i o ehlo-name: "client.example" certificate-authorities: ca-file))
(test '("250-mx" "250 AUTH PLAIN") reply)
(test #t (ssl-port? si))
(test #t (ssl-peer-verified? si))
(test '(221 "bye") (smtp-command si so "QUIT"))
(test "QUIT" (thread-join! th))
(close-input-port si) (close-output-port so)

;; A 454 is an (exn i/o net starttls) condition naming smtp and quoting the reply.
(define-values (port th)
  (serve "220 mx\r\n" '(("EHLO localhost" . "250-mx\r\n250 STARTTLS\r\n") ("STARTTLS" . "454 4.7.0 TLS not available\r\n")) #f '()))
(define-values (i o) (connect port))
(define c (refusal (lambda () (smtp-starttls "localhost" i o certificate-authorities: ca-file))))
(test '(exn i/o net starttls) (condition-kinds c))
(test 'smtp (get-condition-property c 'starttls 'protocol))
(test "454 4.7.0 TLS not available" (get-condition-property c 'starttls 'reply))
(test 'smtp-starttls (get-condition-property c 'exn 'location))
(thread-join! th)

;; Verification is on by default: a server certificate nobody trusts fails the first I/O.
(define-values (port th)
  (serve "* OK hi\r\n" '(("T1 CAPABILITY" . "* CAPABILITY IMAP4rev1 STARTTLS\r\nT1 OK\r\n") ("T2 STARTTLS" . "T2 OK go\r\n")) #t '()))
(define-values (i o) (connect port))
(define-values (si so reply) (imap-starttls "localhost" i o certificate-authorities: other-ca-file))
(test '("T2 OK go") reply)
(test-error (exn i/o net openssl) (read-line si))
(thread-join! th)

;; IMAP with verify? #f, then a tagged command over TLS.
(define-values (port th)
  (serve "* OK hi\r\n" '(("T1 CAPABILITY" . "* CAPABILITY IMAP4rev1 STARTTLS\r\nT1 OK\r\n") ("T2 STARTTLS" . "T2 OK go\r\n"))
         #t '(("a1 LIST \"\" *" . "* LIST () \"/\" INBOX\r\na1 OK done\r\n"))))
(define-values (i o) (connect port))
(define-values (si so reply) (imap-starttls "localhost" i o verify?: #f))
(define-values (status text lines) (imap-command si so "a1" "LIST \"\" *"))
(test '(OK "done" ("* LIST () \"/\" INBOX")) (list status text lines))
(thread-join! th)
(close-input-port si) (close-output-port so)

;; IMAP NO.
(define-values (port th)
  (serve "* OK hi\r\n" '(("T1 CAPABILITY" . "* CAPABILITY IMAP4rev1 STARTTLS\r\nT1 OK\r\n") ("T2 STARTTLS" . "T2 NO later\r\n")) #f '()))
(define-values (i o) (connect port))
(test "T2 NO later" (get-condition-property (refusal (lambda () (imap-starttls "localhost" i o))) 'starttls 'reply))
(thread-join! th)

;; POP3: CAPA, STLS; then a multi-line RETR over TLS, dot-unstuffed.
(define-values (port th)
  (serve "+OK ready\r\n" '(("CAPA" . "+OK\r\nSTLS\r\n.\r\n") ("STLS" . "+OK begin\r\n"))
         #t '(("RETR 1" . "+OK 2 lines\r\nSubject: x\r\n..dot\r\n.\r\n"))))
(define-values (i o) (connect port))
(define-values (si so reply) (pop3-starttls "localhost" i o certificate-authorities: ca-file))
(test '("+OK begin") reply)
(define-values (ok? status data) (pop3-command si so "RETR 1" #t))
(test '(#t "+OK 2 lines" ("Subject: x" ".dot")) (list ok? status data))
(thread-join! th)
(close-input-port si) (close-output-port so)
(define-values (port th) (serve "+OK ready\r\n" '(("CAPA" . "-ERR no CAPA\r\n") ("STLS" . "-ERR not here\r\n")) #f '()))
(define-values (i o) (connect port))
(test 'pop3 (get-condition-property (refusal (lambda () (pop3-starttls "localhost" i o))) 'starttls 'protocol))
(thread-join! th)

;; LDAP: the 31-byte ExtendedRequest; a resultCode 2 is refused with its name.
(define ext-ok #u8(#x30 #x0c #x02 #x01 #x01 #x78 #x07 #x0a #x01 #x00 #x04 #x00 #x04 #x00))
(define ext-no #u8(#x30 #x0e #x02 #x01 #x01 #x78 #x09 #x0a #x01 #x02 #x04 #x00 #x04 #x02 #x6e #x6f))
(define-values (port th) (serve "" `((31 . ,ext-ok)) #t '(("hello" . "world\n"))))
(define-values (i o) (connect port))
(define-values (si so reply) (ldap-starttls "localhost" i o certificate-authorities: ca-file))
(test '("resultCode 0 success") reply)
(write-string "hello\n" so) (flush-output so)
(test "world" (read-line si))
(test "hello" (thread-join! th))
(close-input-port si) (close-output-port so)
(define-values (port th) (serve "" `((31 . ,ext-no)) #f '()))
(define-values (i o) (connect port))
(test "resultCode 2 protocolError: no" (get-condition-property (refusal (lambda () (ldap-starttls "localhost" i o))) 'starttls 'reply))
(thread-join! th)

;; PostgreSQL: SSLRequest answered S, or N.
(define-values (port th) (serve "" '((8 . "S")) #t '(("ping" . "pong\n"))))
(define-values (i o) (connect port))
(define-values (si so reply) (postgresql-starttls "localhost" i o certificate-authorities: ca-file))
(test '("S") reply)
(write-string "ping\n" so) (flush-output so)
(test "pong" (read-line si))
(thread-join! th)
(close-input-port si) (close-output-port so)
(define-values (port th) (serve "" '((8 . "N")) #f '()))
(define-values (i o) (connect port))
(test "N" (get-condition-property (refusal (lambda () (postgresql-starttls "localhost" i o))) 'starttls 'reply))
(thread-join! th)

;; XMPP: stream, <starttls/>, <proceed/>, and the stream restarted over TLS.
(define header (xmpp-stream-header "localhost"))
(define starttls-el "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
(define server-header "<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='1' from='localhost' version='1.0'>")
(define-values (port th)
  (serve "" `((,(string-length header) . ,(string-append server-header "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>"))
              (,(string-length starttls-el) . "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"))
         #t `((,(string-length header) . ,(string-append server-header "<stream:features><mechanisms><mechanism>PLAIN</mechanism></mechanisms></stream:features>")))))
(define-values (i o) (connect port))
(define-values (si so reply) (xmpp-starttls "localhost" i o certificate-authorities: ca-file))
(test '("<stream:features><mechanisms><mechanism>PLAIN</mechanism></mechanisms></stream:features>") reply)
(thread-join! th)
(close-input-port si) (close-output-port so)
(define-values (port th)
  (serve "" `((,(string-length header) . "<stream:stream><stream:features><starttls/></stream:features>")
              (,(string-length starttls-el) . "<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")) #f '()))
(define-values (i o) (connect port))
(test "<failure xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>"
      (get-condition-property (refusal (lambda () (xmpp-starttls "localhost" i o domain: "localhost"))) 'starttls 'reply))
(thread-join! th)

;; FTP: AUTH TLS, then PBSZ/PROT over TLS; EPSV's port.
(define-values (port th)
  (serve "220-welcome\r\n220 ready\r\n" '(("AUTH TLS" . "234 Proceed\r\n"))
         #t '(("PBSZ 0" . "200 PBSZ=0\r\n") ("PROT P" . "200 PROT now Private.\r\n")
              ("EPSV" . "229 Entering Extended Passive Mode (|||40001|)\r\n") ("NOOP" . "200-a\r\n200 b\r\n"))))
(define-values (i o) (connect port))
(define-values (si so reply) (ftp-starttls "localhost" i o certificate-authorities: ca-file))
(test '("200 PBSZ=0" "200 PROT now Private.") reply)
(test 40001 (ftp-epsv si so))
(write-string "NOOP\r\n" so) (flush-output so)
(test '(200 "a" "b") (ftp-read-reply si))
(thread-join! th)
(close-input-port si) (close-output-port so)
(define-values (port th) (serve "220 hi\r\n" '(("AUTH TLS" . "530 no TLS\r\n")) #f '()))
(define-values (i o) (connect port))
(test "530 no TLS" (get-condition-property (refusal (lambda () (ftp-starttls "localhost" i o))) 'starttls 'reply))
(thread-join! th)

;; Argument errors.
(test-error (exn type) (smtp-starttls "localhost" (current-input-port) (current-output-port)))

;; A silent server: the dialogue gives up after tcp-read-timeout with (exn i/o net timeout).
(define silent (tcp-listen 0 10 "127.0.0.1"))
(define holder (thread-start! (make-thread (lambda () (let-values (((i o) (tcp-accept silent))) (read-line i) (close-input-port i) (close-output-port o))))))
(define-values (i o) (connect (tcp-listener-port silent)))
(define t (guard (e (#t e)) (parameterize ((tcp-read-timeout 100)) (smtp-starttls "localhost" i o))))
(test '(exn i/o net timeout) (condition-kinds t))
(test 100 (get-condition-property t 'timeout 'ms))
(thread-join! holder)
(tcp-close silent)
