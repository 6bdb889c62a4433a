// The (sagittarius socket) binding table (spec §1.5).

package socket

import (
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

func req(names ...string) scheme.Params { return scheme.Params{Required: names} }

func opt(reqs []string, opts ...string) scheme.Params {
	return scheme.Params{Required: reqs, Optional: opts}
}

const spec = "§1.5"

// Library is (sagittarius socket): plain sockets, the socket conditions,
// and the generic procedures that also take (rfc tls) sockets.
var Library = &scheme.Library{
	Name: "(sagittarius socket)", TypeKinds: []string{KindAssertion},
	Doc:    "Sagittarius sockets: plain TCP sockets, socket conditions; the socket-* procedures also work on TLS sockets.",
	Init:   func(in *scheme.Interp) error { tlsval.Install(in); return nil },
	Values: append(constants, conditionTypes...),
	Procs: []scheme.Proc{
		{Name: "make-client-socket", Spec: spec, Sig: "(make-client-socket node service :optional ai-family ai-socktype ai-flags ai-protocol)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("node", scheme.TypeString), scheme.Req("service", scheme.TypeString),
					scheme.Opt("ai-family", tlsval.TypeFixnum, scheme.Fixnum(AFInet)), scheme.Opt("ai-socktype", tlsval.TypeFixnum, scheme.Fixnum(SockStream)),
					scheme.Opt("ai-flags", tlsval.TypeFixnum, scheme.Fixnum(0)), scheme.Opt("ai-protocol", tlsval.TypeFixnum, scheme.Fixnum(0)))
			},
			Doc: "Connect to node:service (ai-family AF_INET by default, AF_UNSPEC tries every address); raises &host-not-found or &socket-connection. With SOCK_DGRAM a UDP socket whose sends go to node:service as one datagram each and whose receives return one datagram each (cut to the size asked).",
			Fn:  makeClientSocket},
		{Name: "make-server-socket", Spec: spec, Sig: "(make-server-socket service :optional ai-family ai-socktype ai-protocol host)",
			Args: serverParams,
			Doc:  "Listen on service (\"0\" = an ephemeral port) on every interface of the family. [ext] host (a string, e.g. \"127.0.0.1\") listens on that address only. With SOCK_DGRAM a UDP socket bound there, which receives datagrams from any peer and answers each with socket-sendto to the sockaddr socket-recvfrom stored (socket-send has no peer to send to).",
			Fn:   makeServerSocket},
		{Name: "make-server-socket*", Spec: spec, Sig: "(make-server-socket* service :optional ai-family ai-socktype ai-protocol host)",
			Args: serverParams,
			Doc:  "Listen on service once per address family that can be bound (IPv4, IPv6); returns the list of server sockets. [ext] host listens on that name only (\"localhost\" = 127.0.0.1 and ::1).",
			Fn:   makeServerSocketStar},
		{Name: "socket?", Spec: spec, Sig: "(socket? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a plain socket?", Fn: socketP},
		{Name: "socket-accept", Spec: spec, Sig: "(socket-accept socket :key handshake raise-error)",
			Args: scheme.Params{Required: []string{"socket"}, Keys: []string{"handshake", "raise-error"}},
			Doc:  "Wait for a connection on a server socket; #f when non-blocking and none is pending. On a TLS server socket it is tls-socket-accept.",
			Fn:   socketAccept},
		{Name: "socket-send", Spec: spec, Sig: "(socket-send socket bv :optional flags)", LazyArgs: func() scheme.Params { return SendParams("socket") },
			Doc: "Send all bytes of bv; returns the count (MSG_NOSIGNAL: a broken pipe returns 0).", Fn: socketSend},
		{Name: "socket-send/range", Spec: spec, Sig: "(socket-send/range socket bv :optional (start 0) (len -1) (flags 0))",
			LazyArgs: func() scheme.Params { return SendRangeParams("socket") },
			Doc:      "Send bv[start, start+len) (len -1 = to the end); returns the count.", Fn: socketSendRange},
		{Name: "socket-recv", Spec: spec, Sig: "(socket-recv socket size :optional flags)", LazyArgs: func() scheme.Params { return RecvParams("socket") },
			Doc: "Receive 1..size bytes; an empty bytevector when the peer closed, #f when non-blocking with no data.", Fn: socketRecv},
		{Name: "socket-recv!", Spec: spec, Sig: "(socket-recv! socket bv start len :optional flags)",
			LazyArgs: func() scheme.Params { return RecvIntoParams("socket") },
			Doc:      "Receive into bv[start, start+len); returns the count, 0 at EOF, -1 when non-blocking with no data.", Fn: socketRecvBang},
		{Name: "socket-shutdown", Spec: spec, Sig: "(socket-shutdown socket how)", LazyArgs: func() scheme.Params { return ShutdownParams("socket") },
			Doc: "Half-close: SHUT_RD, SHUT_WR (FIN; TLS: close_notify first) or SHUT_RDWR.", Fn: socketShutdown},
		{Name: "shutdown-port", Spec: spec, Sig: "(shutdown-port port how)", LazyArgs: func() scheme.Params { return ShutdownParams("port") },
			Doc: "socket-shutdown of the socket behind a socket port (SHUT_RD, SHUT_WR or SHUT_RDWR), after the port's buffered output is sent.", Fn: portShutdown("shutdown-port", nil)},
		{Name: "shutdown-input-port", Spec: spec, Sig: "(shutdown-input-port port)", LazyArgs: func() scheme.Params { return req("port") },
			Doc: "(shutdown-port port SHUT_RD).", Fn: portShutdown("shutdown-input-port", scheme.Fixnum(ShutRD))},
		{Name: "shutdown-output-port", Spec: spec, Sig: "(shutdown-output-port port)", LazyArgs: func() scheme.Params { return req("port") },
			Doc: "(shutdown-port port SHUT_WR): sends the port's buffered output, then FIN (TLS: close_notify first).", Fn: portShutdown("shutdown-output-port", scheme.Fixnum(ShutWR))},
		{Name: "socket-close", Spec: spec, Sig: "(socket-close socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "Close the socket (idempotent).", Fn: socketClose},
		{Name: "socket-closed?", Spec: spec, Sig: "(socket-closed? socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "Has the socket been closed?", Fn: socketClosedP},
		{Name: "socket-peer", Spec: spec, Sig: "(socket-peer socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "The peer's <socket-info>, or #f.", Fn: socketPeer},
		{Name: "socket-name", Spec: spec, Sig: "(socket-name socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "The local <socket-info>, or #f.", Fn: socketName},
		{Name: "socket-info", Spec: spec, Sig: "(socket-info socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "The local <socket-info> (getsockname), or #f.", Fn: socketInfo},
		{Name: "socket-node", Spec: spec, Sig: "(socket-node socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "The node given at creation, or #f.", Fn: socketNode},
		{Name: "socket-service", Spec: spec, Sig: "(socket-service socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "The service given at creation, or #f.", Fn: socketService},
		{Name: "socket-info-values", Spec: spec, Sig: "(socket-info-values socket :key type)",
			Args: scheme.Params{Required: []string{"socket"}, Keys: []string{"type"}},
			Doc:  "(values hostname ip-address port) of the peer (type 'peer, the default) or of the local end (type 'info).", Fn: socketInfoValues},
		{Name: "socket-info-hostname", Spec: spec, Sig: "(socket-info-hostname info)", LazyArgs: func() scheme.Params { return req("info") }, Doc: "Host name slot of a <socket-info>.", Fn: socketInfoHostname},
		{Name: "socket-info-ip-address", Spec: spec, Sig: "(socket-info-ip-address info)", LazyArgs: func() scheme.Params { return req("info") }, Doc: "ip-address slot of a <socket-info>.", Fn: socketInfoIPAddress},
		{Name: "socket-info-port", Spec: spec, Sig: "(socket-info-port info)", LazyArgs: func() scheme.Params { return req("info") }, Doc: "Port slot of a <socket-info>.", Fn: socketInfoPort},
		{Name: "ip-address->string", Spec: spec, Sig: "(ip-address->string ip)", LazyArgs: func() scheme.Params { return req("ip") }, Doc: "Text of an ip-address (or of a 4/16-byte bytevector).", Fn: ipAddressToString},
		{Name: "ip-address->bytevector", Spec: spec, Sig: "(ip-address->bytevector ip)", LazyArgs: func() scheme.Params { return req("ip") }, Doc: "The bytes of an ip-address: 4 for IPv4, 16 for IPv6 (a 4/16-byte bytevector is copied).", Fn: ipAddressToBytevector},
		{Name: "socket-port", Spec: spec, Sig: "(socket-port socket :optional close?)", LazyArgs: func() scheme.Params { return opt([]string{"socket"}, "close?") },
			Doc: "A binary input/output port reading and writing the socket; closing it shuts down and closes the socket unless close? is #f.", Fn: socketPort},
		{Name: "socket-input-port", Spec: spec, Sig: "(socket-input-port socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "A binary input port on the socket; closing it leaves the socket open.", Fn: socketInputPort},
		{Name: "socket-output-port", Spec: spec, Sig: "(socket-output-port socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "A binary output port on the socket; closing it leaves the socket open.", Fn: socketOutputPort},
		{Name: "call-with-socket", Spec: spec, Sig: "(call-with-socket socket proc)", LazyArgs: func() scheme.Params { return req("socket", "proc") },
			Doc: "Call (proc socket), close the socket, return proc's values (no close on a non-local exit).", Fn: callWithSocket},
		{Name: "socket-set-read-timeout!", Spec: spec, Sig: "(socket-set-read-timeout! socket timeout)", LazyArgs: func() scheme.Params { return req("socket", "timeout") },
			Doc: "Set the read timeout in ms (#f or 0 = none); expiry raises &socket-read-timeout.", Fn: socketSetReadTimeoutBang},
		{Name: "socket-get-read-timeout", Spec: spec, Sig: "(socket-get-read-timeout socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "The read timeout in ms, or #f.", Fn: socketGetReadTimeout},
		{Name: "socket-nonblocking!", Spec: spec, Sig: "(socket-nonblocking! socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "Make reads and accepts return at once (#f / -1 when nothing is available).", Fn: socketNonblockingBang},
		{Name: "socket-blocking!", Spec: spec, Sig: "(socket-blocking! socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "Back to blocking mode (the default).", Fn: socketBlockingBang},
		{Name: "nonblocking-socket?", Spec: spec, Sig: "(nonblocking-socket? socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "Is the socket in non-blocking mode?", Fn: nonblockingSocketP},
		{Name: "socket-read-select", Spec: spec, Sig: "(socket-read-select timeout . sockets)", Args: scheme.Params{Required: []string{"timeout"}, Rest: "sockets"},
			Doc: "Wait up to timeout ms (#f = forever) until some sockets are readable (TLS: buffered plaintext counts); returns them.", Fn: socketReadSelect},
		{Name: "socket-write-select", Spec: spec, Sig: "(socket-write-select timeout . sockets)", Args: scheme.Params{Required: []string{"timeout"}, Rest: "sockets"},
			Doc: "The sockets that can be written (every open one).", Fn: socketWriteSelect},
		{Name: "socket-error-select", Spec: spec, Sig: "(socket-error-select timeout . sockets)", Args: scheme.Params{Required: []string{"timeout"}, Rest: "sockets"},
			Doc: "The sockets in an error state (closed).", Fn: socketErrorSelect},
		{Name: "host-not-found-error?", Spec: spec, Sig: "(host-not-found-error? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a &host-not-found condition?", Fn: hostNotFoundErrorP},
		{Name: "host-not-found-error-node", Spec: spec, Sig: "(host-not-found-error-node c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "The node that could not be resolved.", Fn: hostNotFoundErrorNode},
		{Name: "host-not-found-error-service", Spec: spec, Sig: "(host-not-found-error-service c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "The service of a &host-not-found condition.", Fn: hostNotFoundErrorService},
		{Name: "socket-error?", Spec: spec, Sig: "(socket-error? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a &socket condition?", Fn: socketErrorP},
		{Name: "socket-error-socket", Spec: spec, Sig: "(socket-error-socket c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "The socket (or TLS socket) of a &socket condition, or #f.", Fn: socketErrorSocket},
		{Name: "socket-connection-error?", Spec: spec, Sig: "(socket-connection-error? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a &socket-connection condition (refused, unreachable)?", Fn: socketConnectionErrorP},
		{Name: "socket-closed-error?", Spec: spec, Sig: "(socket-closed-error? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a &socket-closed condition?", Fn: socketClosedErrorP},
		{Name: "socket-read-timeout-error?", Spec: spec, Sig: "(socket-read-timeout-error? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a &socket-read-timeout condition?", Fn: socketReadTimeoutErrorP},
		{Name: "socket-port-error?", Spec: spec, Sig: "(socket-port-error? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a &socket-port condition (I/O through a socket port failed)?", Fn: socketPortErrorP},
		{Name: "socket-error-port", Spec: spec, Sig: "(socket-error-port c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "The port of a &socket-port condition.", Fn: socketErrorPort},
		// The low-level API (sagittarius-socket.md §3–§4).
		{Name: "make-socket", Spec: spec, Sig: "(make-socket ai-family ai-socktype ai-protocol)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("ai-family", tlsval.TypeFixnum), scheme.Req("ai-socktype", tlsval.TypeFixnum), scheme.Req("ai-protocol", tlsval.TypeFixnum))
			},
			Doc: "A new unconnected socket (socket(2)), #f when the system makes none: AF_INET or AF_INET6, SOCK_STREAM or SOCK_DGRAM. socket-bind!, socket-connect! and socket-listen! make it bound, connected or listening; the other socket-* procedures then work on it.", Fn: makeSocket},
		{Name: "socket-bind!", Spec: spec, Sig: "(socket-bind! socket addrinfo)", LazyArgs: func() scheme.Params { return req("socket", "addrinfo") },
			Doc: "Bind a make-socket socket to the address of addrinfo (get-addrinfo; port 0 = any); returns the socket. A datagram socket then receives from any peer (socket-recvfrom) and replies with socket-sendto.", Fn: socketBindBang},
		{Name: "socket-listen!", Spec: spec, Sig: "(socket-listen! socket backlog)", LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("socket", nil), scheme.Req("backlog", tlsval.TypeFixnum))
		},
			Doc: "Make a bound (or unbound: any port) make-socket stream socket listen; socket-accept then takes connections. Returns the socket.", Fn: socketListenBang},
		{Name: "socket-connect!", Spec: spec, Sig: "(socket-connect! socket addrinfo :optional timeout)", LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("socket", nil), scheme.Req("addrinfo", nil), scheme.Opt("timeout", nil, nil))
		},
			Doc: "Connect a make-socket socket to the address of addrinfo; returns the socket, or #f when thread-interrupt! ends the wait. timeout as socket-select's (default tcp-connect-timeout); refused, unreachable or timed out raises &socket-connection. A datagram socket only fixes its peer.", Fn: socketConnectBang},
		{Name: "socket-setsockopt!", Spec: spec, Sig: "(socket-setsockopt! socket level name value)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("socket", nil), scheme.Req("level", tlsval.TypeFixnum), scheme.Req("name", tlsval.TypeFixnum), scheme.Req("value", nil))
			},
			Doc: "setsockopt(2) on a plain socket (make-socket, make-client-socket, make-server-socket): level SOL_SOCKET, SOL_TCP or SOL_IP, name SO_…, TCP_… or IP_…, value an integer or a bytevector of the option's bytes.", Fn: socketSetsockoptBang},
		{Name: "socket-getsockopt", Spec: spec, Sig: "(socket-getsockopt socket level name size)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("socket", nil), scheme.Req("level", tlsval.TypeFixnum), scheme.Req("name", tlsval.TypeFixnum), scheme.Req("size", tlsval.TypeFixnum))
			},
			Doc: "getsockopt(2): an integer when size ≤ 0, else a bytevector of size bytes (the option as the system stores it: struct linger for SO_LINGER, struct timeval for SO_RCVTIMEO/SO_SNDTIMEO, else an int; cut or zero-padded).", Fn: socketGetsockopt},
		{Name: "socket-sendto", Spec: spec, Sig: "(socket-sendto socket bv sockaddr :optional (flags 0))",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("socket", nil), scheme.Req("bv", nil), scheme.Req("sockaddr", nil), scheme.Opt("flags", tlsval.TypeFixnum, scheme.Fixnum(0)))
			},
			Doc: "Send bv as one datagram to sockaddr (from addrinfo-sockaddr, or filled in by socket-recvfrom); returns the count. A connected socket sends to its peer.", Fn: socketSendto},
		{Name: "socket-recvfrom", Spec: spec, Sig: "(socket-recvfrom socket size #!optional sockaddr flags)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("socket", nil), scheme.Req("size", nil), scheme.Opt("sockaddr", nil, nil), scheme.Opt("flags", nil, nil))
			},
			Doc: "Receive one datagram (its first size bytes) and store its sender in sockaddr (a sockaddr object, e.g. from addrinfo-sockaddr), for socket-sendto to reply to; #f when non-blocking and none is waiting. (socket-recvfrom socket sockaddr [flags]), the document's form, receives up to a whole datagram. On a stream socket, socket-recv storing the peer.", Fn: socketRecvfrom},
		{Name: "addrinfo?", Spec: spec, Sig: "(addrinfo? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj an addrinfo?", Fn: addrinfoP},
		{Name: "make-addrinfo", Spec: spec, Sig: "(make-addrinfo)", Args: scheme.Params{}, Doc: "An empty addrinfo (no address).", Fn: makeAddrinfo},
		{Name: "make-hint-addrinfo", Spec: spec, Sig: "(make-hint-addrinfo . args)",
			Args: scheme.Params{Rest: "args"},
			Doc:  "A hint for get-addrinfo: (make-hint-addrinfo :family :socktype :flags :protocol) by keywords, as Sagittarius defines it, or (make-hint-addrinfo family socktype flags protocol) as its document writes it; defaults AF_INET, SOCK_STREAM, (+ AI_V4MAPPED AI_ADDRCONFIG), 0.", Fn: makeHintAddrinfo},
		{Name: "get-addrinfo", Spec: spec, Sig: "(get-addrinfo node service :optional hints)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("node", scheme.OrFalse(scheme.TypeString)), scheme.Req("service", scheme.OrFalse(scheme.TypeString)), scheme.Opt("hints", nil, nil))
			},
			Doc: "getaddrinfo(3): the addrinfo of the first address of node (#f: the wildcard address with AI_PASSIVE, else loopback) and service (#f: port 0), one per address and socket type (both when the hint's is 0), chained by next-addrinfo. Failure raises &host-not-found.", Fn: getAddrinfo},
		{Name: "next-addrinfo", Spec: spec, Sig: "(next-addrinfo addrinfo)", LazyArgs: func() scheme.Params { return req("addrinfo") }, Doc: "The next addrinfo of the chain, or #f.", Fn: nextAddrinfo},
		{Name: "addrinfo-sockaddr", Spec: spec, Sig: "(addrinfo-sockaddr addrinfo)", LazyArgs: func() scheme.Params { return req("addrinfo") }, Doc: "The sockaddr of an addrinfo (#f for a hint or an empty one).", Fn: addrinfoSockaddr},
		{Name: "sockaddr?", Spec: spec, Sig: "(sockaddr? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj a sockaddr?", Fn: sockaddrP},
		{Name: "fdset?", Spec: spec, Sig: "(fdset? obj)", LazyArgs: func() scheme.Params { return req("obj") }, Doc: "Is obj an fdset?", Fn: fdsetP},
		{Name: "make-fdset", Spec: spec, Sig: "(make-fdset)", Args: scheme.Params{}, Doc: "An empty fdset.", Fn: makeFdset},
		{Name: "sockets->fdset", Spec: spec, Sig: "(sockets->fdset sockets)", LazyArgs: func() scheme.Params { return req("sockets") }, Doc: "An fdset of the sockets of the list.", Fn: socketsToFdset},
		{Name: "fdset-ref", Spec: spec, Sig: "(fdset-ref fdset socket)", LazyArgs: func() scheme.Params { return req("fdset", "socket") }, Doc: "Is socket in fdset?", Fn: fdsetRef},
		{Name: "fdset-set!", Spec: spec, Sig: "(fdset-set! fdset socket flag)", LazyArgs: func() scheme.Params { return req("fdset", "socket", "flag") }, Doc: "Add socket to fdset (flag true) or remove it (#f).", Fn: fdsetSetBang},
		{Name: "collect-sockets", Spec: spec, Sig: "(collect-sockets fdset)", LazyArgs: func() scheme.Params { return req("fdset") }, Doc: "The sockets of fdset, in the order they were added.", Fn: collectSockets},
		{Name: "socket-select", Spec: spec, Sig: "(socket-select rfds wfds efds timeout)", LazyArgs: func() scheme.Params { return req("rfds", "wfds", "efds", "timeout") },
			Doc: "select(2) over fdsets (each an fdset or #f): wait up to timeout (milliseconds, (seconds . microseconds), a time object; #f = forever) until a socket of rfds has data or a connection, one of wfds is open or one of efds closed; returns (values n rfds wfds efds), fresh fdsets of the ready sockets (n of them). thread-interrupt! ends the wait with none ready.", Fn: socketSelect},
		{Name: "socket-select!", Spec: spec, Sig: "(socket-select! rfds wfds efds timeout)", LazyArgs: func() scheme.Params { return req("rfds", "wfds", "efds", "timeout") },
			Doc: "socket-select whose fdsets keep only their ready sockets; returns (values n rfds wfds efds).", Fn: socketSelectBang},
		{Name: "make-host-not-found-error", Spec: spec, Sig: "(make-host-not-found-error node service)", LazyArgs: func() scheme.Params { return req("node", "service") },
			Doc: "A &host-not-found condition (not raised).", Fn: makeHostNotFoundError},
		{Name: "make-socket-error", Spec: spec, Sig: "(make-socket-error socket)", LazyArgs: func() scheme.Params { return req("socket") }, Doc: "A &socket condition (not raised).", Fn: makeSocketError},
		{Name: "make-socket-connection-error", Spec: spec, Sig: "(make-socket-connection-error socket)", LazyArgs: func() scheme.Params { return req("socket") },
			Doc: "A &socket-connection condition (not raised).", Fn: makeSocketConnectionError},
		{Name: "make-socket-closed-error", Spec: spec, Sig: "(make-socket-closed-error socket)", LazyArgs: func() scheme.Params { return req("socket") },
			Doc: "A &socket-closed condition (not raised).", Fn: makeSocketClosedError},
		{Name: "make-socket-read-timeout-error", Spec: spec, Sig: "(make-socket-read-timeout-error socket)", LazyArgs: func() scheme.Params { return req("socket") },
			Doc: "A &socket-read-timeout condition (not raised).", Fn: makeSocketReadTimeoutError},
		{Name: "make-socket-port-error", Spec: spec, Sig: "(make-socket-port-error socket port)", LazyArgs: func() scheme.Params { return req("socket", "port") },
			Doc: "A &socket-port condition (not raised).", Fn: makeSocketPortError},
		{Name: "assertion-violation?", Spec: "§1.6", Sig: "(assertion-violation? obj)", LazyArgs: func() scheme.Params { return req("obj") },
			Doc: "R6RS &assertion view: wrong argument types, counts or ranges (also the interpreter's (exn type) and arity errors).", Fn: assertionViolationP},
	},
}
