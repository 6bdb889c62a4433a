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
	AIPassive     = 0x1
	AICanonName   = 0x2
	AINumericHost = 0x4
	AIV4Mapped    = 0x8
	AIAll         = 0x10
	AIAddrConfig  = 0x20
	IPProtoIP     = 0
	IPProtoTCP    = 6
	IPProtoUDP    = 17
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
	constant("SOCK_DGRAM", SockDgram, "Datagram socket type (2): UDP, for make-client-socket (connected to the peer) and make-server-socket (bound; it receives only)."),
	constant("AI_PASSIVE", AIPassive, "getaddrinfo flag (1)."),
	constant("AI_CANONNAME", AICanonName, "getaddrinfo flag (2)."),
	constant("AI_NUMERICHOST", AINumericHost, "getaddrinfo flag (4)."),
	constant("AI_V4MAPPED", AIV4Mapped, "getaddrinfo flag (8)."),
	constant("AI_ALL", AIAll, "getaddrinfo flag (#x10)."),
	constant("AI_ADDRCONFIG", AIAddrConfig, "getaddrinfo flag (#x20)."),
	constant("IPPROTO_TCP", IPProtoTCP, "TCP protocol number (6)."),
	constant("SHUT_RD", ShutRD, "socket-shutdown: stop reading (0)."),
	constant("SHUT_WR", ShutWR, "socket-shutdown: stop writing, send FIN (1); on a TLS socket close_notify first."),
	constant("SHUT_RDWR", ShutRDWR, "socket-shutdown: both directions (2)."),
	constant("MSG_NOSIGNAL", MsgNoSignal, "send flag (#x4000): a broken pipe returns 0 instead of raising."),
	constant("MSG_PEEK", MsgPeek, "recv flag (2): the bytes received are received again by the next receive (a socket port's too, and the TLS handshake of socket->tls-socket)."),
}
