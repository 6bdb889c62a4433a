// (srfi 106), the basic socket interface, over the (sagittarius socket) procedures.

package socket

import (
	_ "embed"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

//go:embed srfi106.scm
var srfi106Source string

const spec106 = "srfi-106"

func constant106(name string, v int, doc string) scheme.Binding {
	return specConstant(spec106, name, v, doc)
}

// flagSyntax is the row of one of SRFI-106's flag forms.
func flagSyntax(name, sig, doc string) scheme.Proc {
	return scheme.Proc{Name: name, Spec: spec106, Sig: "syntax " + sig, Doc: doc}
}

// Library106 is (srfi 106), also (srfi :106) and (srfi :106 socket): the
// SRFI's procedures are (sagittarius socket)'s, as in Sagittarius, so its
// sockets work with both libraries' procedures.
var Library106 = &scheme.Library{
	Name: "(srfi 106)", TypeKinds: []string{KindAssertion},
	Doc:    "SRFI-106: basic socket interface (stream and datagram sockets), the procedures of (sagittarius socket) with the SRFI's flag constants and syntax.",
	Init:   func(in *scheme.Interp) error { tlsval.Install(in); return nil },
	Source: scheme.LibrarySource("srfi106.scm", srfi106Source),
	Reexports: []string{"make-client-socket", "make-server-socket", "socket?", "socket-accept", "socket-send", "socket-recv",
		"socket-shutdown", "socket-close", "socket-input-port", "socket-output-port", "call-with-socket"},
	Values: []scheme.Binding{
		constant106("*af-unspec*", AFUnspec, "Any address family (0)."),
		constant106("*af-inet*", AFInet, "IPv4 (2), make-client-socket's and make-server-socket's default."),
		constant106("*af-inet6*", AFInet6, "IPv6 (10)."),
		constant106("*sock-stream*", SockStream, "Stream socket type (1), the default."),
		constant106("*sock-dgram*", SockDgram, "Datagram socket type (2): UDP; a client socket is connected to its peer, a server socket is bound and receives only."),
		constant106("*ai-canonname*", AICanonName, "getaddrinfo flag (2)."),
		constant106("*ai-numerichost*", AINumericHost, "getaddrinfo flag (4)."),
		constant106("*ai-v4mapped*", AIV4Mapped, "getaddrinfo flag (8)."),
		constant106("*ai-all*", AIAll, "getaddrinfo flag (#x10)."),
		constant106("*ai-addrconfig*", AIAddrConfig, "getaddrinfo flag (#x20)."),
		constant106("*ipproto-ip*", IPProtoIP, "Protocol 0: the socket type's default."),
		constant106("*ipproto-tcp*", IPProtoTCP, "TCP (6)."),
		constant106("*ipproto-udp*", IPProtoUDP, "UDP (17)."),
		constant106("*msg-peek*", MsgPeek, "socket-recv flag (2): the bytes are received again by the next receive."),
		constant106("*msg-oob*", MsgOOB, "socket-send/socket-recv flag (1); accepted and ignored."),
		constant106("*msg-waitall*", MsgWaitAll, "socket-recv flag (#x100): wait until size bytes came or the peer closed."),
		constant106("*shut-rd*", ShutRD, "socket-shutdown: stop reading (0)."),
		constant106("*shut-wr*", ShutWR, "socket-shutdown: stop writing, send FIN (1)."),
		constant106("*shut-rdwr*", ShutRDWR, "socket-shutdown: both directions (2)."),
	},
	Procs: []scheme.Proc{
		{Name: "socket-merge-flags", Spec: spec106, Sig: "(socket-merge-flags flag ...)",
			LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.SpreadRest("flag", tlsval.TypeFixnum)) },
			Doc:      "The flags merged into one (their bitwise or); 0 for none.", Fn: socketMergeFlags},
		{Name: "socket-purge-flags", Spec: spec106, Sig: "(socket-purge-flags base-flag flag ...)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("base-flag", tlsval.TypeFixnum), scheme.SpreadRest("flag", tlsval.TypeFixnum))
			},
			Doc: "base-flag without the flags (the bits set in any of them cleared).", Fn: socketPurgeFlags},
		flagSyntax("address-family", "(address-family name)", "The address family named inet, inet6 or unspec: *af-inet*, *af-inet6*, *af-unspec*."),
		flagSyntax("address-info", "(address-info name ...)", "The getaddrinfo flags named (canoname, numerichost, v4mapped, all, addrconfig), merged."),
		flagSyntax("socket-domain", "(socket-domain name)", "The socket type named stream or datagram: *sock-stream*, *sock-dgram*."),
		flagSyntax("ip-protocol", "(ip-protocol name)", "The protocol named ip, tcp or udp: *ipproto-ip*, *ipproto-tcp*, *ipproto-udp*."),
		flagSyntax("message-type", "(message-type name ...)", "The message flags named (none, peek, oob, wait-all), merged."),
		flagSyntax("shutdown-method", "(shutdown-method name ...)", "The shutdown method named read or write: *shut-rd*, *shut-wr*, both *shut-rdwr*."),
	},
}

// socketMergeFlags implements socket-merge-flags.
func socketMergeFlags(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	flags := 0
	for _, f := range a {
		flags |= num(f)
	}
	return scheme.Fixnum(flags), nil
}

// socketPurgeFlags implements socket-purge-flags.
func socketPurgeFlags(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	flags := num(a[0])
	for _, f := range a[1:] {
		flags &^= num(f)
	}
	return scheme.Fixnum(flags), nil
}
