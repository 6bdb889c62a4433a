// The (rfc tls) binding table (spec §1.2).

package rfctls

import (
	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

func req(names ...string) scheme.Params { return scheme.Params{Required: names} }

func opt(reqs []string, opts ...string) scheme.Params {
	return scheme.Params{Required: reqs, Optional: opts}
}

// tlsSocketClass is the value bound to <tls-socket>.
var tlsSocketClass = &scheme.Opaque{Name: "class <tls-socket>"}

// Library is (rfc tls).
var Library = &scheme.Library{
	Name: "(rfc tls)", TypeKinds: []string{socket.KindAssertion},
	Doc:    "Sagittarius TLS sockets over the tlsport engine; the (sagittarius socket) procedures also accept them.",
	Init:   func(in *scheme.Interp) error { tlsval.Install(in); return nil },
	Values: append([]scheme.Binding{{Name: "<tls-socket>", Spec: "§1.2.1", Doc: "The class of TLS sockets (see tls-socket?).", Value: tlsSocketClass}}, versions...),
	Procs: []scheme.Proc{
		{Name: "make-client-tls-socket", Spec: "§1.2.1",
			Sig: "(make-client-tls-socket node service :key (handshake #t) (certificates '()) private-key hello-extensions certificate-verifier authorities alpn server-name verify-hostname min-version ciphersuites keylog ech-config-list version prng session cipher-suites info-callback)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(append([]scheme.Param{scheme.Req("node", scheme.TypeString), scheme.Req("service", scheme.TypeString)}, decls().client...)...)
			},
			Doc: "Connect to node:service and (unless :handshake #f) run the TLS handshake. :certificate-verifier #f (default) does not verify; #t verifies chain and host name against the system roots and :authorities; a procedure (depth previous-ok? cert-bytevector) is called per certificate and rejects with #f or a raise. [ext] :info-callback (kind conn . args), as ssl-set-info-callback!, sees the handshake's events.",
			Fn:  makeClientTLSSocket},
		{Name: "tls-client-handshake", Spec: "§1.2.1", Sig: "(tls-client-handshake tls-socket :key hello-extensions)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("tls-socket", nil), scheme.Key("hello-extensions", typeHello, nil))
			},
			Doc: "Run the deferred client handshake; a second call is a no-op, after a failure it re-raises the stored condition.", Fn: tlsClientHandshake},
		{Name: "make-server-tls-socket", Spec: "§1.2.1",
			Sig: "(make-server-tls-socket service certificates :key private-key authorities client-certificate-required? certificate-verifier prng version cipher-suites alpn min-version ciphersuites keylog server-name-callback info-callback host)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(append([]scheme.Param{scheme.Req("service", scheme.TypeString), scheme.Req("certificates", decls().certs)}, decls().listen...)...)
			},
			Doc: "Listen on service (\"0\" = ephemeral). No certificates and no key: an ephemeral self-signed ECDSA certificate. :authorities asks clients for certificates and trusts those CAs. [ext] :host (e.g. \"127.0.0.1\") listens on that address only; default every interface. [ext] :info-callback, as ssl-set-info-callback! on the socket (from (openssl ext)), applies to the connections it accepts.",
			Fn:  makeServerTLSSocket},
		{Name: "make-server-tls-socket*", Spec: "§1.2.1",
			Sig: "(make-server-tls-socket* service certificates :key private-key authorities client-certificate-required? certificate-verifier prng version cipher-suites alpn min-version ciphersuites keylog server-name-callback info-callback host)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(append([]scheme.Param{scheme.Req("service", scheme.TypeString), scheme.Req("certificates", decls().certs)}, decls().listen...)...)
			},
			Doc: "As make-server-tls-socket, one server socket per address family that could be bound; returns a list. [ext] :host \"localhost\" listens on 127.0.0.1 and ::1 only.",
			Fn:  makeServerTLSSocketStar},
		{Name: "socket->tls-socket", Spec: "§1.2.1",
			Sig: "(socket->tls-socket socket :key (client-socket #t) (handshake #t) hello-extensions certificates private-key authorities peer-certificate-required? certificate-verifier info-callback)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(append([]scheme.Param{scheme.Req("socket", nil)}, decls().socketToTLS...)...)
			},
			Doc: "STARTTLS: turn a connected plain socket into a TLS client (handshaking now unless :handshake #f), or with :client-socket #f an accepted or listening socket into a server TLS socket. [ext] :info-callback as for make-client-tls-socket.",
			Fn:  socketToTLSSocket},
		{Name: "tls-socket-accept", Spec: "§1.2.1", Sig: "(tls-socket-accept tls-socket :key (handshake #t) (raise-error #t))",
			Args: scheme.Params{Required: []string{"tls-socket"}, Keys: []string{"handshake", "raise-error"}},
			Doc:  "Wait for a client on a server TLS socket and (unless :handshake #f) run the server handshake. Non-blocking with nothing pending: status want-accept. thread-interrupt! ends the wait with #f (as socket-accept); after a thread-signal! handler the wait goes on.", Fn: tlsSocketAccept},
		{Name: "tls-server-handshake", Spec: "§1.2.1", Sig: "(tls-server-handshake tls-socket :key (raise-error #t))",
			Args: scheme.Params{Required: []string{"tls-socket"}, Keys: []string{"raise-error"}},
			Doc:  "Run the server handshake of an accepted socket; with :raise-error #f a failure closes the socket and stores the condition (tls-socket-error).", Fn: tlsServerHandshake},
		{Name: "tls-socket?", Spec: "§1.2.1", Sig: "(tls-socket? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a TLS socket?", Fn: tlsSocketP},
		{Name: "tls-socket-send", Spec: "§1.2.2", Sig: "(tls-socket-send tls-socket bv :optional flags)", LazyArgs: func() scheme.Params { return socket.SendParams("tls-socket") },
			Doc: "Encrypt and send bv; returns the count (non-blocking: the bytes queued, 0 when full). After the peer closed: &socket-closed.", Fn: tlsSocketSend},
		{Name: "tls-socket-send/range", Spec: "§1.2.2", Sig: "(tls-socket-send/range tls-socket bv :optional (start 0) (len -1) (flags 0))",
			LazyArgs: func() scheme.Params { return socket.SendRangeParams("tls-socket") }, Doc: "Send bv[start, start+len); out of range: &assertion.", Fn: tlsSocketSendRange},
		{Name: "tls-socket-recv", Spec: "§1.2.2", Sig: "(tls-socket-recv tls-socket size :optional flags)", LazyArgs: func() scheme.Params { return socket.RecvParams("tls-socket") },
			Doc: "Receive 1..size bytes of plaintext; empty at EOF; #f when non-blocking with no data; read timeout: &socket-read-timeout.", Fn: tlsSocketRecv},
		{Name: "tls-socket-recv!", Spec: "§1.2.2", Sig: "(tls-socket-recv! tls-socket bv start len :optional flags)",
			LazyArgs: func() scheme.Params { return socket.RecvIntoParams("tls-socket") }, Doc: "Receive into bv[start, start+len); the count, 0 at EOF, -1 when non-blocking with no data.", Fn: tlsSocketRecvBang},
		{Name: "tls-socket-pending?", Spec: "§1.2.2", Sig: "(tls-socket-pending? tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "Are decrypted bytes buffered (no I/O)?", Fn: tlsSocketPendingP},
		{Name: "tls-socket-shutdown", Spec: "§1.2.2", Sig: "(tls-socket-shutdown tls-socket how)", LazyArgs: func() scheme.Params { return socket.ShutdownParams("tls-socket") },
			Doc: "SHUT_WR: close_notify then FIN, reading continues; SHUT_RD: TCP only; SHUT_RDWR: both.", Fn: tlsSocketShutdown},
		{Name: "tls-socket-close", Spec: "§1.2.2", Sig: "(tls-socket-close tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "Send close_notify (after a completed handshake) and close; idempotent.", Fn: tlsSocketClose},
		{Name: "tls-socket-closed?", Spec: "§1.2.2", Sig: "(tls-socket-closed? tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "Is the TLS session closed or failed?", Fn: tlsSocketClosedP},
		{Name: "call-with-tls-socket", Spec: "§1.2.2", Sig: "(call-with-tls-socket tls-socket proc)", LazyArgs: func() scheme.Params { return req("tls-socket", "proc") },
			Doc: "Call (proc tls-socket), then close it; returns proc's values.", Fn: callWithTLSSocket},
		{Name: "tls-socket-peer", Spec: "§1.2.3", Sig: "(tls-socket-peer tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The peer's <socket-info>, or #f.", Fn: tlsSocketPeer},
		{Name: "tls-socket-name", Spec: "§1.2.3", Sig: "(tls-socket-name tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The local <socket-info>.", Fn: tlsSocketName},
		{Name: "tls-socket-node", Spec: "§1.2.3", Sig: "(tls-socket-node tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The node given at creation (#f for servers).", Fn: tlsSocketNode},
		{Name: "tls-socket-service", Spec: "§1.2.3", Sig: "(tls-socket-service tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The service given at creation.", Fn: tlsSocketService},
		{Name: "tls-socket-info", Spec: "§1.2.3", Sig: "(tls-socket-info tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The local <socket-info> (getsockname).", Fn: tlsSocketInfo},
		{Name: "tls-socket-info-values", Spec: "§1.2.3", Sig: "(tls-socket-info-values tls-socket :key type)",
			Args: scheme.Params{Required: []string{"tls-socket"}, Keys: []string{"type"}}, Doc: "(values hostname ip-address port); type 'peer (default) or 'info.", Fn: tlsSocketInfoValues},
		{Name: "tls-socket-peer-certificate", Spec: "§1.2.3", Sig: "(tls-socket-peer-certificate tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The peer's leaf certificate, or #f.", Fn: tlsSocketPeerCertificate},
		{Name: "tls-socket-selected-alpn", Spec: "§1.2.3", Sig: "(tls-socket-selected-alpn tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The negotiated ALPN protocol (string), or #f.", Fn: tlsSocketSelectedALPN},
		{Name: "tls-socket-raw-socket", Spec: "§1.2.3", Sig: "(tls-socket-raw-socket tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The underlying plain socket (its plain I/O is disabled; addresses remain).", Fn: tlsSocketRawSocket},
		{Name: "tls-socket-error", Spec: "§1.2.3", Sig: "(tls-socket-error tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "[ext] The stored failure condition, or #f.", Fn: tlsSocketError},
		{Name: "tls-socket-nonblocking!", Spec: "§1.2.4", Sig: "(tls-socket-nonblocking! tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "Non-blocking mode: recv returns #f / -1 when nothing is buffered, send queues.", Fn: tlsSocketNonblockingBang},
		{Name: "tls-socket-blocking!", Spec: "§1.2.4", Sig: "(tls-socket-blocking! tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "Back to blocking mode (waits for queued output).", Fn: tlsSocketBlockingBang},
		{Name: "nonblocking-tls-socket?", Spec: "§1.2.4", Sig: "(nonblocking-tls-socket? tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "Is the socket non-blocking?", Fn: nonblockingTLSSocketP},
		{Name: "tls-socket-set-read-timeout!", Spec: "§1.2.4", Sig: "(tls-socket-set-read-timeout! tls-socket timeout)", LazyArgs: func() scheme.Params { return req("tls-socket", "timeout") },
			Doc: "Read timeout in ms (#f or 0 = none); expiry raises &socket-read-timeout and leaves the socket usable.", Fn: tlsSocketSetReadTimeoutBang},
		{Name: "tls-socket-get-read-timeout", Spec: "§1.2.4", Sig: "(tls-socket-get-read-timeout tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "The read timeout in ms, or #f.", Fn: tlsSocketGetReadTimeout},
		{Name: "tls-socket-client-certificate-callback-set!", Spec: "§1.2.4", Sig: "(tls-socket-client-certificate-callback-set! tls-socket proc)", LazyArgs: func() scheme.Params { return req("tls-socket", "proc") },
			Doc: "(proc tls-socket) => (cons private-key (list cert ...)) or #f, called when a server requests a client certificate; #f sends none.", Fn: tlsSocketClientCertificateCallbackSetBang},
		{Name: "tls-socket-port", Spec: "§1.2.5", Sig: "(tls-socket-port tls-socket :optional close?)", LazyArgs: func() scheme.Params { return opt([]string{"tls-socket"}, "close?") },
			Doc: "A binary input/output port reading and writing plaintext; closing it shuts down and closes the socket unless close? is #f.", Fn: tlsSocketPort},
		{Name: "tls-socket-input-port", Spec: "§1.2.5", Sig: "(tls-socket-input-port tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "A binary input port; never closes the socket.", Fn: tlsSocketInputPort},
		{Name: "tls-socket-output-port", Spec: "§1.2.5", Sig: "(tls-socket-output-port tls-socket)", LazyArgs: func() scheme.Params { return req("tls-socket") }, Doc: "A binary output port; never closes the socket.", Fn: tlsSocketOutputPort},
		{Name: "make-server-name-indication", Spec: "§1.2.6", Sig: "(make-server-name-indication names)", LazyArgs: func() scheme.Params { return req("names") }, Doc: "SNI hello extension (Go sends the first name).", Fn: makeServerNameIndication},
		{Name: "make-protocol-name-list", Spec: "§1.2.6", Sig: "(make-protocol-name-list names)", LazyArgs: func() scheme.Params { return req("names") }, Doc: "ALPN hello extension (list of protocol strings).", Fn: makeProtocolNameList},
		{Name: "make-hello-extension", Spec: "§1.2.6", Sig: "(make-hello-extension type data)", LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("type", tlsval.TypeFixnum), scheme.Req("data", nil))
		},
			Doc: "A hello extension of any type; types other than 0 (SNI) and 16 (ALPN) raise unsupported when used.", Fn: makeHelloExtension},
		{Name: "tls-error?", Spec: "§1.6", Sig: "(tls-error? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "[ext] Is obj a TLS condition (kind openssl)?", Fn: tlsErrorP},
		{Name: "tls-error-status", Spec: "§1.6", Sig: "(tls-error-status c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "[ext] The openssl.status of a TLS condition.", Fn: tlsErrorStatus},
	},
}
