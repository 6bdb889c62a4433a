;; (srfi 106): the SRFI's constants and flag syntax, and an echo over loopback with its procedures only.
(import (tlsport test) (srfi :106 socket) (srfi 18) (rnrs io ports) (only (sagittarius socket) socket-info socket-info-port))

(test 0 *af-unspec*) (test 2 *af-inet*) (test 10 *af-inet6*) (test 1 *sock-stream*) (test 2 *sock-dgram*)
(test 2 *ai-canonname*) (test 4 *ai-numerichost*) (test 8 *ai-v4mapped*) (test 16 *ai-all*) (test 32 *ai-addrconfig*)
(test 0 *ipproto-ip*) (test 6 *ipproto-tcp*) (test 17 *ipproto-udp*)
(test 2 *msg-peek*) (test 1 *msg-oob*) (test #x100 *msg-waitall*)
(test 0 *shut-rd*) (test 1 *shut-wr*) (test 2 *shut-rdwr*)

;; the flag syntax names the constants
(test *af-inet* (address-family inet)) (test *af-inet6* (address-family inet6)) (test *af-unspec* (address-family unspec))
(test (socket-merge-flags *ai-v4mapped* *ai-addrconfig*) (address-info v4mapped addrconfig))
(test (socket-merge-flags *ai-canonname* *ai-numerichost* *ai-all*) (address-info canoname numerichost all))
(test *sock-stream* (socket-domain stream)) (test *sock-dgram* (socket-domain datagram))
(test *ipproto-ip* (ip-protocol ip)) (test *ipproto-tcp* (ip-protocol tcp)) (test *ipproto-udp* (ip-protocol udp))
(test 0 (message-type none)) (test (socket-merge-flags *msg-peek* *msg-oob* *msg-waitall*) (message-type peek oob wait-all))
(test *shut-rd* (shutdown-method read)) (test *shut-wr* (shutdown-method write)) (test *shut-rdwr* (shutdown-method read write))
;; a name the SRFI does not list is a syntax error naming the form
(test-error (eval '(address-family inet4) (interaction-environment)))
(test-error (eval '(shutdown-method both) (interaction-environment)))

(test 0 (socket-merge-flags))
(test 7 (socket-merge-flags 1 2 4))
(test 4 (socket-purge-flags 7 1 2))
(test 5 (socket-purge-flags 5 2))
(test-error (socket-merge-flags 'x))

;; echo: the server reads exactly 5 bytes with wait-all although the client sends them in two pieces
(define server (make-server-socket "0" (address-family inet) (socket-domain stream) (ip-protocol ip)))
(test #t (socket? server))
(define port (number->string (socket-info-port (socket-info server))))
(define th
  (make-thread
   (lambda ()
     (call-with-socket (socket-accept server)
       (lambda (s)
         (let ((got (socket-recv s 5 (message-type wait-all))))
           (socket-send s got)
           (let ((in (socket-input-port s)))
             (let ((rest (get-bytevector-all in)))
               (socket-shutdown s (shutdown-method read write))
               (list (utf8->string got) (utf8->string rest))))))))))
(thread-start! th)
(define c (make-client-socket "127.0.0.1" port (address-family inet) (socket-domain stream)
                              (address-info v4mapped addrconfig) (ip-protocol ip)))
(socket-send c (string->utf8 "hel"))
(thread-sleep! 0.05)
(socket-send c (string->utf8 "lo"))
(test "hello" (utf8->string (socket-recv c 5 (message-type wait-all))))
(let ((out (socket-output-port c)))
  (put-bytevector out (string->utf8 "rest"))
  (flush-output-port out))
(socket-shutdown c (shutdown-method write))
(test '("hello" "rest") (thread-join! th))
;; wait-all stops at the peer's close with what came
(test 0 (bytevector-length (socket-recv c 10 (message-type wait-all))))
(socket-close c)
(socket-close server)
(test-error (make-client-socket "127.0.0.1" port))

;; datagram sockets
(define userver (make-server-socket "0" (address-family inet) (socket-domain datagram) (ip-protocol udp)))
(define uport (number->string (socket-info-port (socket-info userver))))
(define uclient (make-client-socket "127.0.0.1" uport (address-family inet) (socket-domain datagram) 0 (ip-protocol udp)))
(socket-send uclient (string->utf8 "dgram"))
(test "dgram" (utf8->string (socket-recv userver 100)))
(for-each socket-close (list uclient userver))
