// The (sagittarius socket) constants with their Linux numeric values (spec §1.5).

package socket

import "github.com/tlsport/tlsport/scheme"

// Linux values of the socket constants.
const (
	AFUnspec      = 0
	AFInet        = 2
	AFInet6       = 10
	SockStream    = 1
	SockDgram     = 2
	SockRaw       = 3
	AIPassive     = 0x1
	AICanonName   = 0x2
	AINumericHost = 0x4
	AIV4Mapped    = 0x8
	AIAll         = 0x10
	AIAddrConfig  = 0x20
	AINumericServ = 0x400
	IPProtoIP     = 0
	IPProtoTCP    = 6
	IPProtoUDP    = 17
	IPProtoRaw    = 255
	ShutRD        = 0
	ShutWR        = 1
	ShutRDWR      = 2
	MsgOOB        = 0x1
	MsgPeek       = 0x2
	MsgWaitAll    = 0x100
	MsgNoSignal   = 0x4000
)

func constant(name string, v int, doc string) scheme.Binding {
	return specConstant("§1.5", name, v, doc)
}

// specConstant is the binding of the constant name, v, documented in spec.
func specConstant(spec, name string, v int, doc string) scheme.Binding {
	return scheme.Binding{Name: name, Spec: spec, Doc: doc, Value: scheme.Fixnum(v)}
}

var constants = []scheme.Binding{
	constant("AF_INET", AFInet, "Address family IPv4 (2)."),
	constant("AF_INET6", AFInet6, "Address family IPv6 (10)."),
	constant("AF_UNSPEC", AFUnspec, "Any address family (0): make-client-socket tries every address."),
	constant("SOCK_STREAM", SockStream, "Stream socket type (1): TCP."),
	constant("SOCK_DGRAM", SockDgram, "Datagram socket type (2): UDP, for make-client-socket (connected to the peer) and make-server-socket and make-socket + socket-bind! (bound: socket-recvfrom from any peer, socket-sendto back)."),
	constant("SOCK_RAW", SockRaw, "Raw socket type (3): listed for programs that name it; make-socket and the socket makers refuse it (tlsport has TCP and UDP sockets only)."),
	constant("AI_PASSIVE", AIPassive, "getaddrinfo flag (1)."),
	constant("AI_CANONNAME", AICanonName, "getaddrinfo flag (2)."),
	constant("AI_NUMERICHOST", AINumericHost, "getaddrinfo flag (4)."),
	constant("AI_V4MAPPED", AIV4Mapped, "getaddrinfo flag (8)."),
	constant("AI_ALL", AIAll, "getaddrinfo flag (#x10)."),
	constant("AI_ADDRCONFIG", AIAddrConfig, "getaddrinfo flag (#x20)."),
	constant("AI_NUMERICSERV", AINumericServ, "getaddrinfo flag (#x400): the service must be a port number, not a name."),
	constant("IPPROTO_RAW", IPProtoRaw, "Raw IP protocol number (255)."),
	constant("IPPROTO_TCP", IPProtoTCP, "TCP protocol number (6)."),
	constant("SHUT_RD", ShutRD, "socket-shutdown: stop reading (0)."),
	constant("SHUT_WR", ShutWR, "socket-shutdown: stop writing, send FIN (1); on a TLS socket close_notify first."),
	constant("SHUT_RDWR", ShutRDWR, "socket-shutdown: both directions (2)."),
	constant("MSG_NOSIGNAL", MsgNoSignal, "send flag (#x4000): a broken pipe returns 0 instead of raising."),
	constant("MSG_PEEK", MsgPeek, "recv flag (2): the bytes received are received again by the next receive (a socket port's too, and the TLS handshake of socket->tls-socket)."),
	constant("MSG_OOB", MsgOOB, "send/recv flag (1): out-of-band data (accepted, no effect)."),
	constant("MSG_WAITALL", MsgWaitAll, "recv flag (#x100): wait for the whole size asked for."),
	constant("IPPROTO_IP", IPProtoIP, "IP protocol level (0), as SOL_IP."),
	constant("IPPROTO_UDP", IPProtoUDP, "UDP protocol number (17)."),
	// socket-setsockopt! and socket-getsockopt: levels and option names (Linux
	// values; TestSockoptConstants checks them against the system's).
	constant("SOL_SOCKET", 1, "socket-setsockopt!/socket-getsockopt level (1 on Linux)."),
	constant("SOL_TCP", 6, "socket-setsockopt!/socket-getsockopt level (6 on Linux)."),
	constant("SOL_IP", 0, "socket-setsockopt!/socket-getsockopt level (0 on Linux)."),
	constant("SO_DEBUG", 1, "socket-setsockopt!/socket-getsockopt option (1 on Linux)."),
	constant("SO_REUSEADDR", 2, "socket-setsockopt!/socket-getsockopt option (2 on Linux)."),
	constant("SO_TYPE", 3, "socket-setsockopt!/socket-getsockopt option (3 on Linux)."),
	constant("SO_ERROR", 4, "socket-setsockopt!/socket-getsockopt option (4 on Linux)."),
	constant("SO_DONTROUTE", 5, "socket-setsockopt!/socket-getsockopt option (5 on Linux)."),
	constant("SO_BROADCAST", 6, "socket-setsockopt!/socket-getsockopt option (6 on Linux)."),
	constant("SO_SNDBUF", 7, "socket-setsockopt!/socket-getsockopt option (7 on Linux)."),
	constant("SO_RCVBUF", 8, "socket-setsockopt!/socket-getsockopt option (8 on Linux)."),
	constant("SO_KEEPALIVE", 9, "socket-setsockopt!/socket-getsockopt option (9 on Linux)."),
	constant("SO_OOBINLINE", 10, "socket-setsockopt!/socket-getsockopt option (10 on Linux)."),
	constant("SO_PRIORITY", 12, "socket-setsockopt!/socket-getsockopt option (12 on Linux)."),
	constant("SO_LINGER", 13, "socket-setsockopt!/socket-getsockopt option (13 on Linux)."),
	constant("SO_REUSEPORT", 15, "socket-setsockopt!/socket-getsockopt option (15 on Linux)."),
	constant("SO_PASSCRED", 16, "socket-setsockopt!/socket-getsockopt option (16 on Linux)."),
	constant("SO_PEERCRED", 17, "socket-setsockopt!/socket-getsockopt option (17 on Linux)."),
	constant("SO_RCVLOWAT", 18, "socket-setsockopt!/socket-getsockopt option (18 on Linux)."),
	constant("SO_SNDLOWAT", 19, "socket-setsockopt!/socket-getsockopt option (19 on Linux)."),
	constant("SO_RCVTIMEO", 20, "socket-setsockopt!/socket-getsockopt option (20 on Linux)."),
	constant("SO_SNDTIMEO", 21, "socket-setsockopt!/socket-getsockopt option (21 on Linux)."),
	constant("SO_BINDTODEVICE", 25, "socket-setsockopt!/socket-getsockopt option (25 on Linux)."),
	constant("SO_TIMESTAMP", 29, "socket-setsockopt!/socket-getsockopt option (29 on Linux)."),
	constant("SO_ACCEPTCONN", 30, "socket-setsockopt!/socket-getsockopt option (30 on Linux)."),
	constant("TCP_NODELAY", 1, "socket-setsockopt!/socket-getsockopt option (1 on Linux)."),
	constant("TCP_MAXSEG", 2, "socket-setsockopt!/socket-getsockopt option (2 on Linux)."),
	constant("TCP_CORK", 3, "socket-setsockopt!/socket-getsockopt option (3 on Linux)."),
	constant("IP_TOS", 1, "socket-setsockopt!/socket-getsockopt option (1 on Linux)."),
	constant("IP_TTL", 2, "socket-setsockopt!/socket-getsockopt option (2 on Linux)."),
	constant("IP_HDRINCL", 3, "socket-setsockopt!/socket-getsockopt option (3 on Linux)."),
	constant("IP_OPTIONS", 4, "socket-setsockopt!/socket-getsockopt option (4 on Linux)."),
	constant("IP_ROUTER_ALERT", 5, "socket-setsockopt!/socket-getsockopt option (5 on Linux)."),
	constant("IP_RECVOPTS", 6, "socket-setsockopt!/socket-getsockopt option (6 on Linux)."),
	constant("IP_PKTINFO", 8, "socket-setsockopt!/socket-getsockopt option (8 on Linux)."),
	constant("IP_MTU_DISCOVER", 10, "socket-setsockopt!/socket-getsockopt option (10 on Linux)."),
	constant("IP_RECVERR", 11, "socket-setsockopt!/socket-getsockopt option (11 on Linux)."),
	constant("IP_RECVTTL", 12, "socket-setsockopt!/socket-getsockopt option (12 on Linux)."),
	constant("IP_RECVTOS", 13, "socket-setsockopt!/socket-getsockopt option (13 on Linux)."),
	constant("IP_MTU", 14, "socket-setsockopt!/socket-getsockopt option (14 on Linux)."),
	constant("IP_MULTICAST_IF", 32, "socket-setsockopt!/socket-getsockopt option (32 on Linux)."),
	constant("IP_MULTICAST_TTL", 33, "socket-setsockopt!/socket-getsockopt option (33 on Linux)."),
	constant("IP_MULTICAST_LOOP", 34, "socket-setsockopt!/socket-getsockopt option (34 on Linux)."),
	constant("IP_ADD_MEMBERSHIP", 35, "socket-setsockopt!/socket-getsockopt option (35 on Linux)."),
	constant("IP_DROP_MEMBERSHIP", 36, "socket-setsockopt!/socket-getsockopt option (36 on Linux)."),
}
