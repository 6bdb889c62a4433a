// The (sagittarius socket) procedures; each dispatches on the Endpoint, so plain and TLS sockets both work (spec §1.5, §1.2.7).

package socket

import (
	"context"
	"net"
	"slices"
	"time"

	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// EndpointArg returns argument pos as an Endpoint (a socket or a TLS socket).
func EndpointArg(who string, pos int, v scheme.Value) (Endpoint, error) {
	if e, ok := v.(Endpoint); ok {
		return e, nil
	}
	return nil, scheme.TypeError(who, pos, "socket", v)
}

// TimeoutArg converts a timeout argument: exact or inexact milliseconds,
// a pair of seconds and microseconds (select(2)'s timeval), or a time
// object (a SRFI-19 duration, or a point in time: the time until then);
// #f or 0 = none.
func TimeoutArg(who string, pos int, v scheme.Value) (time.Duration, error) {
	switch x := v.(type) {
	case *scheme.Pair:
		sec, ok1 := x.Car.(scheme.Fixnum)
		usec, ok2 := x.Cdr.(scheme.Fixnum)
		if !ok1 || !ok2 {
			return 0, scheme.TypeError(who, pos, "(seconds . microseconds)", v)
		}
		if sec < 0 || usec < 0 {
			return 0, scheme.RangeError(who, pos, "negative timeout", v)
		}
		return time.Duration(sec)*time.Second + time.Duration(usec)*time.Microsecond, nil
	case *scheme.Time:
		if x.Type != nil && x.Type.Name == "time-duration" {
			return max(x.T.Sub(time.Unix(0, 0)), 0), nil
		}
		return max(time.Until(x.T), time.Nanosecond), nil
	case scheme.Fixnum:
		if x < 0 {
			return 0, scheme.RangeError(who, pos, "negative timeout", v)
		}
		return time.Duration(x) * time.Millisecond, nil
	case scheme.Flonum:
		if x < 0 {
			return 0, scheme.RangeError(who, pos, "negative timeout", v)
		}
		return time.Duration(float64(x) * float64(time.Millisecond)), nil
	}
	if v == scheme.Value(scheme.False) {
		return 0, nil
	}
	return 0, scheme.TypeError(who, pos, "milliseconds, (seconds . microseconds), time or #f", v)
}

// opError converts an endpoint error for who: closed → &socket-closed.
func opError(who string, ep Endpoint, err error) error {
	if IsClosedError(err) {
		return Closed(who, ep)
	}
	return Error(who, ep, err)
}

func makeClientSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-client-socket"
	node, service, family := str(a[0]), str(a[1]), num(a[2])
	switch num(a[3]) {
	case SockStream:
	case SockDgram:
		raw, err := dial(th, who, node, service, family, "udp")
		if err != nil {
			return nil, err
		}
		return NewDatagram(raw.(*net.UDPConn), true, node, service), nil
	default:
		return nil, scheme.RangeError(who, 4, "expected SOCK_STREAM or SOCK_DGRAM", a[3])
	}
	raw, err := Dial(th, who, node, service, family)
	if err != nil {
		return nil, err
	}
	return NewConnected(raw, nil, node, service), nil
}

// HostOf returns a host-name argument declared scheme.OrFalse(scheme.TypeString):
// "" (every interface) for #f.
func HostOf(v scheme.Value) string {
	if s, ok := v.(*scheme.String); ok {
		return s.String()
	}
	return ""
}

// str returns the Go string of an argument declared scheme.TypeString.
func str(v scheme.Value) string { return v.(*scheme.String).String() }

// num returns the int of an argument declared tlsval.TypeFixnum.
func num(v scheme.Value) int { return int(v.(scheme.Fixnum)) }

// serverArgs reads (service :optional ai-family ai-socktype ai-protocol host).
func serverArgs(who string, a []scheme.Value) (service, host string, family int, err error) {
	if num(a[2]) != SockStream {
		return "", "", 0, scheme.RangeError(who, 3, "only SOCK_STREAM is supported", a[2])
	}
	return str(a[0]), HostOf(a[4]), num(a[1]), nil
}

func makeServerSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-server-socket"
	if num(a[2]) == SockDgram {
		c, err := ListenUDP(who, HostOf(a[4]), str(a[0]), num(a[1]))
		if err != nil {
			return nil, err
		}
		return NewDatagram(c, false, "", str(a[0])), nil
	}
	service, host, family, err := serverArgs(who, a)
	if err != nil {
		return nil, err
	}
	ln, err := Listen(who, host, service, family)
	if err != nil {
		return nil, err
	}
	return NewServer(ln, service), nil
}

func makeServerSocketStar(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-server-socket*"
	service, host, _, err := serverArgs(who, a)
	if err != nil {
		return nil, err
	}
	lns, err := ListenAll(who, host, service)
	if err != nil {
		return nil, err
	}
	var out []scheme.Value
	for _, ln := range lns {
		out = append(out, NewServer(ln, service))
	}
	return scheme.List(out...), nil
}

func socketP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	switch a[0].(type) {
	case *Socket, *Datagram, *RawSocket:
		return scheme.True, nil
	}
	return scheme.False, nil
}

func socketAccept(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket-accept"
	ep, err := EndpointArg(who, 1, a[0])
	if err != nil {
		return nil, err
	}
	v, err := ep.Accept(th, a[1], a[2])
	if err != nil {
		return nil, opError(who, ep, err)
	}
	return v, nil
}

// Send is socket-send / tls-socket-send on ep.
// Its row declares SendParams.
func Send(th *scheme.Thread, who string, ep Endpoint, bvV, flagsV scheme.Value) (scheme.Value, error) {
	bv := bvV.(*scheme.Bytevector)
	return SendRange(th, who, ep, bv, 0, len(bv.B), flagsV)
}

// SendRange sends bv[start:start+n].
func SendRange(th *scheme.Thread, who string, ep Endpoint, bv *scheme.Bytevector, start, n int, flagsV scheme.Value) (scheme.Value, error) {
	m, err := ep.Send(th.Context(), bv.B[start:start+n], num(flagsV))
	if err != nil {
		return nil, opError(who, ep, err)
	}
	return scheme.Fixnum(m), nil
}

// SendRangeArgs is socket-send/range: (socket bv :optional (start 0) (len -1) (flags 0)),
// declared SendRangeParams.
func SendRangeArgs(th *scheme.Thread, who string, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
	bv, start, n := a[1].(*scheme.Bytevector), num(a[2]), num(a[3])
	if start < 0 || start > len(bv.B) {
		return nil, scheme.RangeError(who, 3, "start outside the bytevector", a[2])
	}
	if n < 0 {
		n = len(bv.B) - start
	}
	if start+n > len(bv.B) {
		return nil, scheme.RangeError(who, 4, "range outside the bytevector", a[3])
	}
	return SendRange(th, who, ep, bv, start, n, a[4])
}

// Recv is socket-recv / tls-socket-recv: a bytevector of 1..size bytes,
// empty at EOF, #f when non-blocking with no data; declared RecvParams.
func Recv(th *scheme.Thread, who string, ep Endpoint, sizeV, flagsV scheme.Value) (scheme.Value, error) {
	size, flags := num(sizeV), num(flagsV)
	if size < 0 {
		return nil, scheme.RangeError(who, 2, "negative size", sizeV)
	}
	if _, err := scheme.ArgSize(2, sizeV, 1); err != nil {
		return nil, err
	}
	buf := make([]byte, size)
	n, err := recv(th.Context(), ep, buf, flags)
	if err != nil {
		return nil, opError(who, ep, err)
	}
	if n < 0 {
		return scheme.False, nil
	}
	return &scheme.Bytevector{B: buf[:n]}, nil
}

// RecvInto is socket-recv! / tls-socket-recv!: (socket bv start len :optional flags),
// declared RecvIntoParams.
func RecvInto(th *scheme.Thread, who string, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
	bv, start, n := a[1].(*scheme.Bytevector), num(a[2]), num(a[3])
	if start < 0 || start > len(bv.B) {
		return nil, scheme.RangeError(who, 3, "start outside the bytevector", a[2])
	}
	if n < 0 || start+n > len(bv.B) {
		return nil, scheme.RangeError(who, 4, "range outside the bytevector", a[3])
	}
	m, err := recv(th.Context(), ep, bv.B[start:start+n], num(a[4]))
	if err != nil {
		return nil, opError(who, ep, err)
	}
	return scheme.Fixnum(m), nil
}

// recv is ep.Recv, and with MSG_WAITALL (blocking mode, without MSG_PEEK) it goes on until p
// is full, the peer closes or a read fails: then the bytes that came are
// returned, and the failure, if it lasts, is the next call's.
func recv(ctx context.Context, ep Endpoint, p []byte, flags int) (int, error) {
	n, err := ep.Recv(ctx, p, flags)
	if flags&MsgWaitAll == 0 || flags&MsgPeek != 0 || ep.Nonblocking() { // a peek returns what is there
		return n, err
	}
	for err == nil && n > 0 && n < len(p) {
		m, err := ep.Recv(ctx, p[n:], flags)
		if m > 0 {
			n += m
		}
		if m <= 0 || err != nil { // what came is returned; a lasting error comes again on the next call
			break
		}
	}
	return n, err
}

// Shutdown is socket-shutdown / tls-socket-shutdown, declared ShutdownParams.
func Shutdown(th *scheme.Thread, who string, ep Endpoint, howV scheme.Value) (scheme.Value, error) {
	how := num(howV)
	if how < ShutRD || how > ShutRDWR {
		return nil, scheme.RangeError(who, 2, "expected SHUT_RD, SHUT_WR or SHUT_RDWR", howV)
	}
	if err := ep.Shutdown(th.Context(), how); err != nil {
		return nil, opError(who, ep, err)
	}
	return scheme.Unspecified, nil
}

// InfoValues is socket-info-values: (values hostname ip-address port) of
// the peer (type 'peer) or of the local end (type 'info).
func InfoValues(who string, ep Endpoint, typeV scheme.Value) (scheme.Value, error) {
	local, remote := ep.Addrs()
	addr, host := remote, ""
	if n, _ := ep.NodeService(); n != "" {
		host = n
	}
	if typeV != scheme.Default {
		sym, ok := typeV.(*scheme.Symbol)
		if !ok || (sym.Name != "peer" && sym.Name != "info") {
			return nil, scheme.TypeError(who, 2, "peer or info", typeV)
		}
		if sym.Name == "info" {
			addr, host = local, ""
		}
	}
	inf, ok := InfoOf(addr, host).(*Info)
	if !ok {
		return scheme.Values(scheme.False, scheme.False, scheme.False), nil
	}
	return scheme.Values(scheme.NewString(inf.Hostname), inf.IP, scheme.Fixnum(inf.Port)), nil
}

// CallWith is call-with-socket / call-with-tls-socket: (proc socket), then close.
func CallWith(th *scheme.Thread, ep Endpoint, proc scheme.Value) (scheme.Value, error) {
	r, err := th.Call(proc, ep)
	if err != nil {
		return nil, err
	}
	_ = ep.Close()
	return r, nil
}

// Select returns the endpoints among socks that are ready (read: Ready;
// write and error: every open / closed one), waiting up to timeout
// (#f = forever) and until the thread's context is done or
// thread-interrupt! (none then).
func Select(th *scheme.Thread, who string, timeoutV scheme.Value, socks []scheme.Value, kind string) (scheme.Value, error) {
	d, err := TimeoutArg(who, 1, timeoutV)
	if err != nil {
		return nil, err
	}
	forever := timeoutV == scheme.Value(scheme.False)
	eps := make([]Endpoint, len(socks))
	for i, v := range socks {
		if eps[i], err = EndpointArg(who, i+2, v); err != nil {
			return nil, err
		}
	}
	var out []scheme.Value
	if kind != "read" {
		for _, ep := range eps {
			if ep.Closed() == (kind == "error") {
				out = append(out, ep)
			}
		}
		return scheme.List(out...), nil
	}
	funcs := make([]ports.ReadyFunc, len(eps))
	for i, ep := range eps {
		funcs[i] = func(ctx context.Context) (bool, error) { return ep.Ready(ctx), nil }
	}
	idx, err := ports.Select(th.WaitContext(), d, forever, funcs)
	if err != nil {
		if th.Interrupted(err) { // thread-interrupt!: nothing ready
			return scheme.Null, nil
		}
		return nil, err
	}
	for _, i := range idx {
		out = append(out, eps[i])
	}
	return scheme.List(out...), nil
}

// withEndpoint checks that the first argument of who is a plain or TLS
// socket and passes it to f. The procedures are functions calling it
// with a function literal: no closure is made, at start-up or per call.
func withEndpoint(th *scheme.Thread, a []scheme.Value, who string, f func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error)) (scheme.Value, error) {
	ep, err := EndpointArg(who, 1, a[0])
	if err != nil {
		return nil, err
	}
	return f(th, ep, a)
}

func socketSend(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-send", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return Send(th, "socket-send", ep, a[1], a[2])
	})
}

func socketSendRange(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-send/range", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return SendRangeArgs(th, "socket-send/range", ep, a)
	})
}

func socketRecv(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-recv", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return Recv(th, "socket-recv", ep, a[1], a[2])
	})
}

func socketRecvBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-recv!", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return RecvInto(th, "socket-recv!", ep, a)
	})
}

func socketShutdown(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-shutdown", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return Shutdown(th, "socket-shutdown", ep, a[1])
	})
}

// portShutdown is shutdown-port (how from the arguments, how nil) or
// shutdown-input-port / shutdown-output-port: socket-shutdown of the
// socket behind a socket port, after the port's buffered output is sent.
func portShutdown(who string, fixed scheme.Value) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		ep := EndpointOfPort(a[0])
		if ep == nil {
			return nil, scheme.TypeError(who, 1, "socket port", a[0])
		}
		how := fixed
		if how == nil {
			how = a[1]
		}
		if p := a[0].(*scheme.Port); p.IsOutput() && num(how) != ShutRD {
			if err := p.Flush(th.Context()); err != nil {
				return nil, err
			}
		}
		return Shutdown(th, who, ep, how)
	}
}

func socketClose(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-close", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		_ = ep.Close()
		return scheme.Unspecified, nil
	})
}

func socketClosedP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-closed?", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(ep.Closed()), nil
	})
}

// Peer is socket-peer: the peer's <socket-info> or #f.
func Peer(ep Endpoint) scheme.Value {
	_, remote := ep.Addrs()
	node, _ := ep.NodeService()
	return InfoOf(remote, node)
}

// Name is socket-name / socket-info: the local <socket-info> or #f.
func Name(ep Endpoint) scheme.Value {
	local, _ := ep.Addrs()
	return InfoOf(local, "")
}

func socketPeer(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-peer", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return Peer(ep), nil
	})
}

func socketName(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-name", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return Name(ep), nil
	})
}

func socketInfo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-info", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return Name(ep), nil
	})
}

// StringOrFalse returns s as a Scheme string, #f for "".
func StringOrFalse(s string) scheme.Value {
	if s == "" {
		return scheme.False
	}
	return scheme.NewString(s)
}

func socketNode(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-node", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		n, _ := ep.NodeService()
		return StringOrFalse(n), nil
	})
}

func socketService(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-service", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		_, s := ep.NodeService()
		return StringOrFalse(s), nil
	})
}

func socketInfoValues(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-info-values", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return InfoValues("socket-info-values", ep, a[1])
	})
}

func infoArg(who string, v scheme.Value) (*Info, error) {
	if i, ok := v.(*Info); ok {
		return i, nil
	}
	return nil, scheme.TypeError(who, 1, "socket-info", v)
}

// infoProc is the <socket-info> accessor who.
func infoProc(who string, get func(*Info) scheme.Value) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		i, err := infoArg(who, a[0])
		if err != nil {
			return nil, err
		}
		return get(i), nil
	}
}

var socketInfoHostname = infoProc("socket-info-hostname", func(i *Info) scheme.Value { return scheme.NewString(i.Hostname) })

var socketInfoIPAddress = infoProc("socket-info-ip-address", func(i *Info) scheme.Value { return i.IP })

var socketInfoPort = infoProc("socket-info-port", func(i *Info) scheme.Value { return scheme.Fixnum(i.Port) })

func ipAddressToString(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ip, err := ipOf("ip-address->string", a[0])
	if err != nil {
		return nil, err
	}
	return scheme.NewString(ip.String()), nil
}

// ipAddressToBytevector implements ip-address->bytevector.
func ipAddressToBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ip, err := ipOf("ip-address->bytevector", a[0])
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: slices.Clone(ip)}, nil
}

// ipOf is the address of an ip-address object (4 bytes for IPv4), or of a
// 4- or 16-byte bytevector as it is; anything else is who's type error.
func ipOf(who string, v scheme.Value) (net.IP, error) {
	switch x := v.(type) {
	case *IPAddress:
		if v4 := x.IP.To4(); v4 != nil {
			return v4, nil
		}
		return x.IP.To16(), nil
	case *scheme.Bytevector:
		if len(x.B) == 4 || len(x.B) == 16 {
			return net.IP(x.B), nil
		}
	}
	return nil, scheme.TypeError(who, 1, "ip-address", v)
}

func socketPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-port", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return NewPort(ep, a[1] == scheme.Default || scheme.Truthy(a[1])), nil
	})
}

func socketInputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-input-port", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		in, _ := ep.Ports(false)
		return in, nil
	})
}

func socketOutputPort(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-output-port", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		_, out := ep.Ports(false)
		return out, nil
	})
}

func callWithSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "call-with-socket", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return CallWith(th, ep, a[1])
	})
}

func socketSetReadTimeoutBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-set-read-timeout!", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		d, err := TimeoutArg("socket-set-read-timeout!", 2, a[1])
		if err != nil {
			return nil, err
		}
		ep.SetReadTimeout(d)
		return scheme.Unspecified, nil
	})
}

// TimeoutValue is the Scheme value of a read timeout: ms, or #f for none.
func TimeoutValue(d time.Duration) scheme.Value {
	if d <= 0 {
		return scheme.False
	}
	return scheme.Fixnum(d / time.Millisecond)
}

func socketGetReadTimeout(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "socket-get-read-timeout", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return TimeoutValue(ep.ReadTimeout()), nil
	})
}

func setBlocking(th *scheme.Thread, a []scheme.Value, who string, on bool) (scheme.Value, error) {
	return withEndpoint(th, a, who, func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		if err := ep.SetNonblocking(th.Context(), !on); err != nil {
			return nil, opError(who, ep, err)
		}
		return scheme.Unspecified, nil
	})
}

func socketNonblockingBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setBlocking(th, a, "socket-nonblocking!", false)
}

func socketBlockingBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return setBlocking(th, a, "socket-blocking!", true)
}

func nonblockingSocketP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return withEndpoint(th, a, "nonblocking-socket?", func(th *scheme.Thread, ep Endpoint, a []scheme.Value) (scheme.Value, error) {
		return scheme.MakeBool(ep.Nonblocking()), nil
	})
}

func selector(who, kind string) scheme.PrimFn {
	return func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
		socks, _ := scheme.ListToSlice(a[1])
		return Select(th, who, a[0], socks, kind)
	}
}

var (
	socketReadSelect  = selector("socket-read-select", "read")
	socketWriteSelect = selector("socket-write-select", "write")
	socketErrorSelect = selector("socket-error-select", "error")
)
