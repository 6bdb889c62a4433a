// Package tcp is the (chicken tcp) library (spec §1.4): plaintext TCP port
// pairs whose read-ahead buffer ssl-start* takes over.
package tcp

import (
	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

func listenerArg(who string, v scheme.Value) (*tlsval.TCPListener, error) {
	if l, ok := v.(*tlsval.TCPListener); ok {
		return l, nil
	}
	return nil, scheme.TypeError(who, 1, "tcp-listener", v)
}

func tcpConnect(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "tcp-connect"
	host, port, err := tlsval.SplitHostPort(who, args[0], args[1])
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	// thread-signal! reaches a thread waiting for the connection; the
	// connect is made again after the handler, to the same deadline.
	limit := tlsval.ParamMS(th, tlsval.TCPConnectTimeout)
	return th.ResumableWaitFor(who, limit, func(th *scheme.Thread, left time.Duration) (scheme.Value, error) {
		th.WaitBegin() // thread-state: blocked
		defer th.WaitEnd()
		raw, err := tlsval.Dial(th.WaitContext(), host, port, left, nil)
		if err != nil {
			return nil, tlsval.Located(who, tlsval.WithLimit(err, limit))
		}
		_, in, out := tlsval.NewTCPPorts(raw, nil, tlsval.Options(th))
		return scheme.Values(in, out), nil
	})
}

func tcpListen(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "tcp-listen"
	l, err := tlsval.ListenTCP(tlsval.Str(args[2]), tlsval.Num(args[0], 0))
	if err != nil {
		return nil, tlsval.Located(who, err)
	}
	return l, nil
}

func tcpListenerP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, ok := args[0].(*tlsval.TCPListener)
	return scheme.MakeBool(ok), nil
}

func tcpAccept(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "tcp-accept"
	l, err := listenerArg(who, args[0])
	if err != nil {
		return nil, err
	}
	// thread-signal! reaches a thread waiting for a connection; the accept
	// is made again after the handler, to the same deadline.
	limit := tlsval.ParamMS(th, tlsval.TCPAcceptTimeout)
	return th.ResumableWaitFor(who, limit, func(th *scheme.Thread, left time.Duration) (scheme.Value, error) {
		th.WaitBegin() // thread-state: blocked
		defer th.WaitEnd()
		raw, err := l.Accept(th.WaitContext(), left)
		if err != nil {
			return nil, tlsval.Located(who, tlsval.WithLimit(err, limit))
		}
		_, in, out := tlsval.NewTCPPorts(raw, nil, tlsval.Options(th))
		return scheme.Values(in, out), nil
	})
}

func tcpAcceptReadyP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("tcp-accept-ready?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(l.AcceptReady(th.Context())), nil
}

func tcpClose(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("tcp-close", args[0])
	if err != nil {
		return nil, err
	}
	_ = l.Close()
	return scheme.Unspecified, nil
}

func tcpListenerPort(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("tcp-listener-port", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(l.Port()), nil
}

func tcpListenerFileno(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	l, err := listenerArg("tcp-listener-fileno", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.Fixnum(l.Fileno()), nil
}

func tcpAddresses(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	local, remote, ok := tlsval.PortAddrs(args[0])
	if !ok {
		return nil, conditions.TypeError("tcp-addresses", "expected a tcp or ssl port, got", args[0])
	}
	lip, _ := tlsval.IPPort(local)
	rip, _ := tlsval.IPPort(remote)
	return scheme.Values(scheme.NewString(lip), scheme.NewString(rip)), nil
}

func tcpPortNumbers(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	local, remote, ok := tlsval.PortAddrs(args[0])
	if !ok {
		return nil, conditions.TypeError("tcp-port-numbers", "expected a tcp or ssl port, got", args[0])
	}
	_, lp := tlsval.IPPort(local)
	_, rp := tlsval.IPPort(remote)
	return scheme.Values(scheme.Fixnum(lp), scheme.Fixnum(rp)), nil
}

func tcpAbandonPort(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	p, _ := args[0].(*scheme.Port)
	if c := tlsval.TCPPort(args[0]); c != nil {
		c.AbandonSide(p == c.In)
		return scheme.Unspecified, nil
	}
	if c, err := tlsval.SSLConn("tcp-abandon-port", args[0]); err == nil {
		c.Abandon()
		return scheme.Unspecified, nil
	}
	return nil, conditions.TypeError("tcp-abandon-port", "expected a tcp port, got", args[0])
}

func req(names ...string) scheme.Params { return scheme.Params{Required: names} }

// Library is the (chicken tcp) binding table (spec §1.4).
var Library = &scheme.Library{
	Name: "(chicken tcp)",
	Doc:  "Plaintext TCP port pairs (CHICKEN tcp subset) for scripted STARTTLS clients and servers (spec §1.4).",
	Init: func(in *scheme.Interp) error { tlsval.Install(in); return nil },
	Parameters: []*scheme.ParamDef{tlsval.TCPBufferSize, tlsval.TCPReadTimeout, tlsval.TCPWriteTimeout,
		tlsval.TCPConnectTimeout, tlsval.TCPAcceptTimeout},
	Procs: []scheme.Proc{
		{Name: "tcp-connect", Spec: "§1.4", Sig: "(tcp-connect host #!optional port)",
			Args: scheme.Lambda(scheme.Req("host", tlsval.TypeName), scheme.Opt("port", scheme.OrFalse(tlsval.TypePortNumber), nil)),
			Doc:  "Connect to host (\"host:port\" or \"[v6]:port\" when port is omitted) within tcp-connect-timeout; return (values in out).", Fn: tcpConnect},
		{Name: "tcp-listen", Spec: "§1.4", Sig: "(tcp-listen port #!optional (backlog 100) host)",
			Args: scheme.Lambda(scheme.Req("port", scheme.OrFalse(tlsval.TypeFixnum)),
				scheme.Opt("backlog", scheme.OrFalse(tlsval.TypeFixnum), scheme.Fixnum(100)), scheme.Opt("host", scheme.OrFalse(tlsval.TypeName), nil)),
			Doc: "Listen on port (0 = any free port), on host if given; backlog is advisory.", Fn: tcpListen},
		{Name: "tcp-listener?", Spec: "§1.4", Sig: "(tcp-listener? x)", Args: req("x"),
			Doc: "#t if x is a TCP listener.", Fn: tcpListenerP},
		{Name: "tcp-accept", Spec: "§1.4", Sig: "(tcp-accept listener)", Args: req("listener"),
			Doc: "Wait (tcp-accept-timeout) for a connection; return (values in out).", Fn: tcpAccept},
		{Name: "tcp-accept-ready?", Spec: "§1.4", Sig: "(tcp-accept-ready? listener)", Args: req("listener"),
			Doc: "#t if a connection is pending (it is kept for the next tcp-accept).", Fn: tcpAcceptReadyP},
		{Name: "tcp-close", Spec: "§1.4", Sig: "(tcp-close listener)", Args: req("listener"),
			Doc: "Close the listener.", Fn: tcpClose},
		{Name: "tcp-listener-port", Spec: "§1.4", Sig: "(tcp-listener-port listener)", Args: req("listener"),
			Doc: "The port the listener is bound to.", Fn: tcpListenerPort},
		{Name: "tcp-listener-fileno", Spec: "§1.4", Sig: "(tcp-listener-fileno listener)", Args: req("listener"),
			Doc: "The OS descriptor of the listening socket.", Fn: tcpListenerFileno},
		{Name: "tcp-addresses", Spec: "§1.4", Sig: "(tcp-addresses port)", Args: req("port"),
			Doc: "(values local-ip remote-ip) of a TCP or SSL port.", Fn: tcpAddresses},
		{Name: "tcp-port-numbers", Spec: "§1.4", Sig: "(tcp-port-numbers port)", Args: req("port"),
			Doc: "(values local-port remote-port) of a TCP or SSL port.", Fn: tcpPortNumbers},
		{Name: "tcp-abandon-port", Spec: "§1.4", Sig: "(tcp-abandon-port port)", Args: req("port"),
			Doc: "Closing this port later does not count towards closing the socket.", Fn: tcpAbandonPort},
	},
}
