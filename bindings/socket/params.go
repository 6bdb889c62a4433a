// Typed parameter declarations shared by the socket procedures of
// (sagittarius socket) and (rfc tls).

package socket

import (
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// The shared parameter lists; sock names the socket parameter ("socket",
// "tls-socket"), which the procedure checks itself (any endpoint).

// SendParams declares (sock bv :optional (flags 0)) for [Send].
func SendParams(sock string) scheme.Params {
	return scheme.Lambda(scheme.Req(sock, nil), scheme.Req("bv", scheme.TypeBytevector),
		scheme.Opt("flags", tlsval.TypeFixnum, scheme.Fixnum(0)))
}

// SendRangeParams declares (sock bv :optional (start 0) (len -1) (flags 0))
// for [SendRangeArgs].
func SendRangeParams(sock string) scheme.Params {
	return scheme.Lambda(scheme.Req(sock, nil), scheme.Req("bv", scheme.TypeBytevector),
		scheme.Opt("start", tlsval.TypeFixnum, scheme.Fixnum(0)), scheme.Opt("len", tlsval.TypeFixnum, scheme.Fixnum(-1)),
		scheme.Opt("flags", tlsval.TypeFixnum, scheme.Fixnum(0)))
}

// RecvParams declares (sock size :optional (flags 0)) for [Recv].
func RecvParams(sock string) scheme.Params {
	return scheme.Lambda(scheme.Req(sock, nil), scheme.Req("size", tlsval.TypeFixnum),
		scheme.Opt("flags", tlsval.TypeFixnum, scheme.Fixnum(0)))
}

// RecvIntoParams declares (sock bv start len :optional (flags 0)) for
// [RecvInto].
func RecvIntoParams(sock string) scheme.Params {
	return scheme.Lambda(scheme.Req(sock, nil), scheme.Req("bv", scheme.TypeBytevector),
		scheme.Req("start", tlsval.TypeFixnum), scheme.Req("len", tlsval.TypeFixnum),
		scheme.Opt("flags", tlsval.TypeFixnum, scheme.Fixnum(0)))
}

// ShutdownParams declares (sock how) for [Shutdown].
func ShutdownParams(sock string) scheme.Params {
	return scheme.Lambda(scheme.Req(sock, nil), scheme.Req("how", tlsval.TypeFixnum))
}

// serverParams declares (service :optional ai-family ai-socktype
// ai-protocol host) of make-server-socket(*).
var serverParams = scheme.Lambda(scheme.Req("service", scheme.TypeString),
	scheme.Opt("ai-family", tlsval.TypeFixnum, scheme.Fixnum(AFInet)),
	scheme.Opt("ai-socktype", tlsval.TypeFixnum, scheme.Fixnum(SockStream)),
	scheme.Opt("ai-protocol", tlsval.TypeFixnum, scheme.Fixnum(0)),
	scheme.Opt("host", scheme.OrFalse(scheme.TypeString), scheme.False))
