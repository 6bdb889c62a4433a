;; (sagittarius socket) and (srfi 106) datagram sockets over loopback UDP: boundaries, truncation, timeouts, modes, select, peek.
(import (tlsport test) (sagittarius socket) (srfi 18))

(define server (make-server-socket "0" AF_INET SOCK_DGRAM 0 "127.0.0.1"))
(test #t (socket? server))
(define port (number->string (socket-info-port (socket-info server))))
(test "127.0.0.1" (ip-address->string (socket-info-ip-address (socket-info server))))
(test #f (socket-peer server))
(define client (make-client-socket "127.0.0.1" port AF_INET SOCK_DGRAM))
(test #t (socket? client))
(test (string->number port) (socket-info-port (socket-peer client)))
(test "127.0.0.1" (socket-node client))

;; each send is one datagram; a receive returns one, cut to the size asked
(test 4 (socket-send client (string->utf8 "ping")))
(socket-send client (string->utf8 "a"))
(socket-send client (string->utf8 "bc"))
(socket-send client (string->utf8 "hello"))
(test "ping" (utf8->string (socket-recv server 100)))
(test "a" (utf8->string (socket-recv server 100)))
(test "bc" (utf8->string (socket-recv server 100)))
(test "he" (utf8->string (socket-recv server 2)))
;; the rest of a cut datagram is gone
(socket-send client (string->utf8 "next"))
(test "next" (utf8->string (socket-recv server 100)))

;; peek: the datagram is received again, whole
(socket-send client (string->utf8 "peeked"))
(test "pe" (utf8->string (socket-recv server 2 MSG_PEEK)))
(test "pe" (utf8->string (socket-recv server 2 MSG_PEEK)))
(test "peeked" (utf8->string (socket-recv server 100)))

;; select: nothing, then a datagram
(test '() (socket-read-select 0 server))
(socket-send client (string->utf8 "sel"))
(test (list server) (socket-read-select 2000 server))
(test "sel" (utf8->string (socket-recv server 100)))

;; non-blocking: #f when nothing is waiting
(socket-nonblocking! server)
(test #f (socket-recv server 10))
(socket-blocking! server)

;; a read timeout raises &socket-read-timeout
(socket-set-read-timeout! server 50)
(test #t (guard (e ((socket-read-timeout-error? e) #t)) (socket-recv server 10)))
(socket-set-read-timeout! server #f)

;; a bound socket has no peer to send to, and takes no connections
(test-error (socket-send server (string->utf8 "x")))
(test-error (socket-accept server))
;; a receive waiting in another thread gets the datagram
(define th (make-thread (lambda () (utf8->string (socket-recv server 100)))))
(thread-start! th)
(thread-sleep! 0.05)
(socket-send client (string->utf8 "late"))
(test "late" (thread-join! th))

;; a receive waiting in a thread ends when the thread is terminated
(define waiter (thread-start! (make-thread (lambda () (socket-recv server 100)))))
(thread-sleep! 0.05)
(thread-terminate! waiter)
(test 'terminated (guard (e ((terminated-thread-exception? e) 'terminated)) (thread-join! waiter 5 'stuck)))
(socket-send client (string->utf8 "after"))
(test "after" (utf8->string (socket-recv server 100)))

;; ports: a write sends, a read receives
(define out (socket-output-port client))
(write-bytevector (string->utf8 "via port") out)
(flush-output-port out)
(test "via port" (utf8->string (read-bytevector 8 (socket-input-port server))))

(socket-close client)
(test #t (socket-closed? client))
(test #t (guard (e ((socket-closed-error? e) #t)) (socket-send client (string->utf8 "x"))))
(socket-close server)
(test-error (make-client-socket "127.0.0.1" "1" AF_INET 3))
