;; SRFI-106's flag syntax, over the constants of srfi106.go.
(define-syntax address-family
  (syntax-rules (inet inet6 unspec)
    ((_ inet) *af-inet*) ((_ inet6) *af-inet6*) ((_ unspec) *af-unspec*)
    ((_ other) (syntax-error "address-family: expected inet, inet6 or unspec" other))))
(define-syntax %srfi106-address-info
  (syntax-rules (canoname numerichost v4mapped all addrconfig)
    ((_ canoname) *ai-canonname*) ((_ numerichost) *ai-numerichost*) ((_ v4mapped) *ai-v4mapped*)
    ((_ all) *ai-all*) ((_ addrconfig) *ai-addrconfig*)
    ((_ other) (syntax-error "address-info: expected canoname, numerichost, v4mapped, all or addrconfig" other))))
(define-syntax address-info
  (syntax-rules () ((_ name ...) (socket-merge-flags (%srfi106-address-info name) ...))))
(define-syntax socket-domain
  (syntax-rules (stream datagram)
    ((_ stream) *sock-stream*) ((_ datagram) *sock-dgram*)
    ((_ other) (syntax-error "socket-domain: expected stream or datagram" other))))
(define-syntax ip-protocol
  (syntax-rules (ip tcp udp)
    ((_ ip) *ipproto-ip*) ((_ tcp) *ipproto-tcp*) ((_ udp) *ipproto-udp*)
    ((_ other) (syntax-error "ip-protocol: expected ip, tcp or udp" other))))
(define-syntax %srfi106-message-type
  (syntax-rules (none peek oob wait-all)
    ((_ none) 0) ((_ peek) *msg-peek*) ((_ oob) *msg-oob*) ((_ wait-all) *msg-waitall*)
    ((_ other) (syntax-error "message-type: expected none, peek, oob or wait-all" other))))
(define-syntax message-type
  (syntax-rules () ((_ name ...) (socket-merge-flags (%srfi106-message-type name) ...))))
(define-syntax %srfi106-shutdown-method
  (syntax-rules (read write)
    ((_ read) *shut-rd*) ((_ write) *shut-wr*)
    ((_ other) (syntax-error "shutdown-method: expected read or write" other))))
(define-syntax shutdown-method
  (syntax-rules ()
    ((_ name) (%srfi106-shutdown-method name))
    ((_ name ...) (begin (%srfi106-shutdown-method name) ... *shut-rdwr*))))
