// The low-level socket API of (sagittarius socket): make-socket, socket-bind!, socket-connect!, socket-listen!, socket options, socket-sendto and socket-recvfrom.

package socket

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// RawSocket is a socket made by make-socket: a descriptor until
// socket-connect! or socket-listen! (or, for SOCK_DGRAM, its first
// send, receive or select) makes it a connected, listening or datagram
// socket — a [Socket] or [Datagram] it then is: every Endpoint operation
// goes to that one. Safe for concurrent use.
type RawSocket struct {
	family, socktype, protocol int

	mu     sync.Mutex
	raw    *rawFD   // the descriptor while it is one
	inner  Endpoint // *Socket or *Datagram, once made
	closed bool
	pre    Base // the mode and read timeout set before inner exists
}

// rawFD holds a RawSocket's descriptor (-1 once it is no longer one),
// which a cleanup closes when the socket is dropped unclosed.
type rawFD struct{ fd int }

// newRawSocket returns the socket of fd.
func newRawSocket(fd, family, typ, proto int) *RawSocket {
	r := &RawSocket{family: family, socktype: typ, protocol: proto, raw: &rawFD{fd}}
	runtime.AddCleanup(r, func(h *rawFD) {
		if h.fd >= 0 {
			sysClose(h.fd)
		}
	}, r.raw)
	return r
}

// TypeName implements scheme.Value.
func (*RawSocket) TypeName() string { return "socket" }

// Repr implements scheme.Repr.
func (r *RawSocket) Repr() string {
	if ep := r.endpoint(); ep != nil {
		return ep.(scheme.Repr).Repr()
	}
	kind := "stream"
	if r.socktype == SockDgram {
		kind = "udp"
	}
	if _, local := r.Addrs(); local != nil {
		return "#<socket " + kind + " bound " + local.String() + ">"
	}
	return "#<socket " + kind + ">"
}

// endpoint returns the socket r has become, or nil.
func (r *RawSocket) endpoint() Endpoint {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.inner
}

// become makes r the socket mk makes of f, the descriptor as a file (nil:
// r's own descriptor), which it then owns; the mode and read timeout set
// so far pass on to it.
func (r *RawSocket) become(who string, f *os.File, mk func(f *os.File) (Endpoint, error)) (Endpoint, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.inner != nil || r.closed {
		if f != nil {
			f.Close()
		}
		if r.inner != nil {
			return r.inner, nil
		}
		return nil, errClosed
	}
	if f == nil {
		f = os.NewFile(uintptr(r.raw.fd), "socket")
	}
	r.raw.fd = -1
	ep, err := mk(f)
	f.Close() // the net package holds its own copy
	if err != nil {
		r.closed = true
		return nil, conditions.Net(who, "", err)
	}
	ep.SetNonblocking(context.Background(), r.pre.Nonblocking())
	ep.SetReadTimeout(r.pre.ReadTimeout())
	r.inner = ep
	return ep, nil
}

// datagram returns the datagram socket r is, making it from an
// unconnected descriptor (bound or not) the first time.
func (r *RawSocket) datagram(who string) (*Datagram, error) {
	if r.socktype != SockDgram {
		return nil, nil
	}
	ep, err := r.become(who, nil, func(f *os.File) (Endpoint, error) {
		pc, err := net.FilePacketConn(f)
		if err != nil {
			return nil, err
		}
		uc, ok := pc.(*net.UDPConn)
		if !ok {
			pc.Close()
			return nil, errors.New("socket: not a UDP socket")
		}
		return NewDatagram(uc, false, "", ""), nil
	})
	if err != nil {
		return nil, err
	}
	d, _ := ep.(*Datagram)
	return d, nil
}

// Send implements Endpoint.
func (r *RawSocket) Send(ctx context.Context, p []byte, flags int) (int, error) {
	if ep := r.endpoint(); ep != nil {
		return ep.Send(ctx, p, flags)
	}
	return 0, r.notYet()
}

// notYet is the error of I/O on a socket that is neither connected nor
// listening.
func (r *RawSocket) notYet() error {
	if r.Closed() {
		return errClosed
	}
	return conditions.Net("socket", "the socket is not connected", syscall.ENOTCONN)
}

// Recv implements Endpoint: a datagram socket bound by socket-bind!
// receives from any peer.
func (r *RawSocket) Recv(ctx context.Context, p []byte, flags int) (int, error) {
	if ep := r.endpoint(); ep != nil {
		return ep.Recv(ctx, p, flags)
	}
	if r.socktype == SockDgram && r.bound() {
		d, err := r.datagram("socket-recv")
		if err != nil {
			return 0, err
		}
		return d.Recv(ctx, p, flags)
	}
	return 0, r.notYet()
}

// bound reports whether the descriptor has a local address.
func (r *RawSocket) bound() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.raw.fd >= 0 && sysName(r.raw.fd).Port() != 0
}

// Shutdown implements Endpoint.
func (r *RawSocket) Shutdown(ctx context.Context, how int) error {
	if ep := r.endpoint(); ep != nil {
		return ep.Shutdown(ctx, how)
	}
	return r.notYet()
}

// Close implements Endpoint.
func (r *RawSocket) Close() error {
	r.mu.Lock()
	if r.inner != nil {
		ep := r.inner
		r.mu.Unlock()
		return ep.Close()
	}
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed = true
	fd := r.raw.fd
	r.raw.fd = -1
	r.mu.Unlock()
	return sysClose(fd)
}

// Closed implements Endpoint.
func (r *RawSocket) Closed() bool {
	r.mu.Lock()
	ep, closed := r.inner, r.closed
	r.mu.Unlock()
	if ep != nil {
		return ep.Closed()
	}
	return closed
}

// Accept implements Endpoint: on a socket made listening by
// socket-listen!.
func (r *RawSocket) Accept(th *scheme.Thread, handshake, raiseError scheme.Value) (scheme.Value, error) {
	if ep := r.endpoint(); ep != nil {
		return ep.Accept(th, handshake, raiseError)
	}
	if r.Closed() {
		return nil, errClosed
	}
	return nil, conditions.TypeError("socket-accept", "the socket is not listening (socket-listen!)")
}

// Addrs implements Endpoint.
func (r *RawSocket) Addrs() (local, remote net.Addr) {
	if ep := r.endpoint(); ep != nil {
		return ep.Addrs()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if ap := sysName(r.raw.fd); r.raw.fd >= 0 && ap.Port() != 0 {
		if r.socktype == SockDgram {
			return net.UDPAddrFromAddrPort(ap), nil
		}
		return net.TCPAddrFromAddrPort(ap), nil
	}
	return nil, nil
}

// NodeService implements Endpoint.
func (r *RawSocket) NodeService() (string, string) {
	if ep := r.endpoint(); ep != nil {
		return ep.NodeService()
	}
	return "", ""
}

// SetNonblocking implements Endpoint.
func (r *RawSocket) SetNonblocking(ctx context.Context, on bool) error {
	if ep := r.endpoint(); ep != nil {
		return ep.SetNonblocking(ctx, on)
	}
	return r.pre.SetNonblocking(ctx, on)
}

// Nonblocking implements Endpoint.
func (r *RawSocket) Nonblocking() bool {
	if ep := r.endpoint(); ep != nil {
		return ep.Nonblocking()
	}
	return r.pre.Nonblocking()
}

// SetReadTimeout implements Endpoint.
func (r *RawSocket) SetReadTimeout(d time.Duration) {
	if ep := r.endpoint(); ep != nil {
		ep.SetReadTimeout(d)
		return
	}
	r.pre.SetReadTimeout(d)
}

// ReadTimeout implements Endpoint.
func (r *RawSocket) ReadTimeout() time.Duration {
	if ep := r.endpoint(); ep != nil {
		return ep.ReadTimeout()
	}
	return r.pre.ReadTimeout()
}

// Ready implements Endpoint: a datagram socket bound by socket-bind! has
// a datagram waiting.
func (r *RawSocket) Ready(ctx context.Context) bool {
	if ep := r.endpoint(); ep != nil {
		return ep.Ready(ctx)
	}
	if r.socktype == SockDgram && r.bound() {
		if d, err := r.datagram("socket-select"); err == nil {
			return d.Ready(ctx)
		}
	}
	return false
}

// Ports implements Endpoint.
func (r *RawSocket) Ports(closeSocket bool) (*scheme.Port, *scheme.Port) {
	return NewPorts(r, closeSocket)
}

var (
	_ Endpoint    = (*RawSocket)(nil)
	_ scheme.Repr = (*RawSocket)(nil)
)

// makeSocket implements make-socket: #f when the system makes no such
// socket; only AF_INET and AF_INET6 sockets of types SOCK_STREAM and
// SOCK_DGRAM are taken.
func makeSocket(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-socket"
	family, typ, proto := num(a[0]), num(a[1]), num(a[2])
	if family != AFInet && family != AFInet6 {
		return nil, scheme.RangeError(who, 1, "expected AF_INET or AF_INET6", a[0])
	}
	if typ == SockRaw {
		return scheme.False, nil // tlsport makes no raw sockets: "#f if it couldn't create a socket"
	}
	if typ != SockStream && typ != SockDgram {
		return nil, scheme.RangeError(who, 2, "expected SOCK_STREAM or SOCK_DGRAM", a[1])
	}
	fd, err := sysSocket(family, typ, proto)
	if err != nil {
		return scheme.False, nil
	}
	return newRawSocket(fd, family, typ, proto), nil
}

// rawArg checks a socket argument made by make-socket.
func rawArg(who string, v scheme.Value) (*RawSocket, error) {
	if r, ok := v.(*RawSocket); ok {
		return r, nil
	}
	return nil, scheme.TypeError(who, 1, "socket made by make-socket", v)
}

// addrOf is the address of an addrinfo argument for a socket of family.
func addrOf(who string, pos int, v scheme.Value, family int) (netip.AddrPort, error) {
	ai, err := addrinfoArg(who, pos, v)
	if err != nil {
		return netip.AddrPort{}, err
	}
	if ai.Addr == nil || !ai.Addr.AddrPort().IsValid() {
		return netip.AddrPort{}, scheme.RangeError(who, pos, "addrinfo without an address (use get-addrinfo)", v)
	}
	ap := ai.Addr.AddrPort()
	if (family == AFInet) != ap.Addr().Is4() {
		return netip.AddrPort{}, scheme.RangeError(who, pos, "address of another family than the socket's", v)
	}
	return ap, nil
}

// rawAndAddr reads the (socket addrinfo …) arguments of who: a make-socket
// socket and an address of its family.
func rawAndAddr(who string, a []scheme.Value) (*RawSocket, netip.AddrPort, error) {
	r, err := rawArg(who, a[0])
	if err != nil {
		return nil, netip.AddrPort{}, err
	}
	ap, err := addrOf(who, 2, a[1], r.family)
	return r, ap, err
}

// unusedLocked is the error of op (bind, listen, connect) on r when r is
// already connected, listening or closed (errno), else nil; r.mu is held.
func (r *RawSocket) unusedLocked(who, op string, errno syscall.Errno) error {
	if r.inner != nil || r.raw.fd < 0 {
		return Error(who, r, conditions.Net(op, "the socket is already connected, listening or closed", errno))
	}
	return nil
}

// socketBindBang implements socket-bind!.
func socketBindBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket-bind!"
	r, ap, err := rawAndAddr(who, a)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if err := r.unusedLocked(who, "bind", syscall.EINVAL); err != nil {
		return nil, err
	}
	if err := sysBind(r.raw.fd, r.family, ap); err != nil {
		return nil, Error(who, r, tlsval.NetError(conditions.OpListen, ap.String(), conditions.Opt{}, err))
	}
	return r, nil
}

// socketListenBang implements socket-listen!: the socket becomes a
// server socket (socket-accept).
func socketListenBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket-listen!"
	r, err := rawArg(who, a[0])
	if err != nil {
		return nil, err
	}
	if r.socktype != SockStream {
		return nil, scheme.NewError(who, "a datagram socket does not listen", []scheme.Value{r}, "type")
	}
	r.mu.Lock()
	if err := r.unusedLocked(who, "listen", syscall.EINVAL); err != nil {
		r.mu.Unlock()
		return nil, err
	}
	err = sysListen(r.raw.fd, num(a[1]))
	r.mu.Unlock()
	if err != nil {
		return nil, Error(who, r, conditions.Net("listen", "", err))
	}
	_, err = r.become(who, nil, func(f *os.File) (Endpoint, error) {
		ln, err := net.FileListener(f)
		if err != nil {
			return nil, err
		}
		tl, ok := ln.(*net.TCPListener)
		if !ok {
			ln.Close()
			return nil, errors.New("socket: not a TCP socket")
		}
		return NewServer(tl, strconv.Itoa(tl.Addr().(*net.TCPAddr).Port)), nil
	})
	if err != nil {
		return nil, opError(who, r, err)
	}
	return r, nil
}

// socketConnectBang implements socket-connect!: (socket addrinfo
// [timeout]); the wait ends at the timeout (socket-select's forms; none:
// tcp-connect-timeout), on thread-interrupt! and on Ctrl-C.
func socketConnectBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket-connect!"
	r, ap, err := rawAndAddr(who, a)
	if err != nil {
		return nil, err
	}
	limit := tlsval.ParamMS(th, tlsval.TCPConnectTimeout)
	if a[2] != scheme.Default {
		if limit, err = TimeoutArg(who, 3, a[2]); err != nil {
			return nil, err
		}
	}
	var dl time.Time
	if limit > 0 {
		dl = time.Now().Add(limit)
	}
	r.mu.Lock()
	if err := r.unusedLocked(who, "connect", syscall.EISCONN); err != nil {
		r.mu.Unlock()
		return nil, err
	}
	fd := r.raw.fd
	r.raw.fd = -1 // the connect owns it; Close waits for nothing
	r.mu.Unlock()
	th.WaitBegin()
	f, err := sysConnect(th.WaitContext(), fd, r.family, ap, dl)
	th.WaitEnd()
	if err != nil {
		r.mu.Lock()
		r.closed = true
		r.mu.Unlock()
		if th.Interrupted(err) {
			return scheme.False, nil
		}
		e := tlsval.NetError(conditions.OpConnect, ap.String(), conditions.Millis(limit), err)
		return nil, Error(who, r, e, KindSocketConnection)
	}
	_, err = r.become(who, f, func(f *os.File) (Endpoint, error) {
		c, err := net.FileConn(f)
		if err != nil {
			return nil, err
		}
		if uc, ok := c.(*net.UDPConn); ok {
			return NewDatagram(uc, true, ap.Addr().String(), strconv.Itoa(int(ap.Port()))), nil
		}
		return NewConnected(c, nil, ap.Addr().String(), strconv.Itoa(int(ap.Port()))), nil
	})
	if err != nil {
		return nil, opError(who, r, err)
	}
	return r, nil
}

// controlFD runs f on the descriptor of a plain socket argument (a
// socket made by make-socket, make-client-socket or make-server-socket).
func controlFD(who string, v scheme.Value, f func(fd int) error) error {
	var rc syscall.RawConn
	var err error
	ep := scheme.Value(v)
	if r, ok := v.(*RawSocket); ok {
		if inner := r.endpoint(); inner != nil {
			ep = inner
		} else {
			r.mu.Lock()
			defer r.mu.Unlock()
			if r.raw.fd < 0 {
				return errClosed
			}
			return f(r.raw.fd)
		}
	}
	switch s := ep.(type) {
	case *Socket:
		switch {
		case s.Closed():
			return errClosed
		case s.acc != nil:
			rc, err = s.acc.Listener().SyscallConn()
		default:
			sc, ok := s.tcp.NetConn().(syscall.Conn)
			if !ok {
				return scheme.NewError(who, "the socket has no descriptor", []scheme.Value{v}, "type")
			}
			rc, err = sc.SyscallConn()
		}
	case *Datagram:
		if s.Closed() {
			return errClosed
		}
		rc, err = s.conn.SyscallConn()
	default:
		return scheme.TypeError(who, 1, "plain socket", v)
	}
	if err != nil {
		return err
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) { ferr = f(int(fd)) }); err != nil {
		return err
	}
	return ferr
}

// optError is the condition of a failed socket option call op on sock:
// &socket-closed, &socket for the system's refusal, or the Scheme error
// (a wrong argument) as it is.
func optError(who string, sock scheme.Value, op string, err error) error {
	var se *os.SyscallError
	switch {
	case IsClosedError(err):
		return Closed(who, sock)
	case errors.As(err, &se):
		return Error(who, sock, conditions.Net(op, "", err))
	}
	return err
}

// socketSetsockoptBang implements socket-setsockopt!: value an integer
// or a bytevector (the option's bytes).
func socketSetsockoptBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket-setsockopt!"
	var value any
	switch v := a[3].(type) {
	case scheme.Fixnum:
		value = int(v)
	case *scheme.Bytevector:
		value = v.B
	default:
		return nil, scheme.TypeError(who, 4, "integer or bytevector", a[3])
	}
	err := controlFD(who, a[0], func(fd int) error { return setOpt(fd, num(a[1]), num(a[2]), value) })
	if err != nil {
		return nil, optError(who, a[0], "setsockopt", err)
	}
	return scheme.Unspecified, nil
}

// socketGetsockopt implements socket-getsockopt: an integer for size ≤
// 0, else a bytevector of size bytes.
func socketGetsockopt(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket-getsockopt"
	var got any
	err := controlFD(who, a[0], func(fd int) error {
		var err error
		got, err = getOpt(fd, num(a[1]), num(a[2]), num(a[3]))
		return err
	})
	if err != nil {
		return nil, optError(who, a[0], "getsockopt", err)
	}
	if b, ok := got.([]byte); ok {
		return &scheme.Bytevector{B: b}, nil
	}
	return scheme.Fixnum(got.(int)), nil
}

// sockaddrArg checks a sockaddr argument.
func sockaddrArg(who string, pos int, v scheme.Value) (*Sockaddr, error) {
	if s, ok := v.(*Sockaddr); ok {
		return s, nil
	}
	return nil, scheme.TypeError(who, pos, "sockaddr", v)
}

// socketSendto implements socket-sendto: one datagram to the sockaddr;
// a connected socket sends to its peer.
func socketSendto(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket-sendto"
	ep, err := EndpointArg(who, 1, a[0])
	if err != nil {
		return nil, err
	}
	bv, ok := a[1].(*scheme.Bytevector)
	if !ok {
		return nil, scheme.TypeError(who, 2, "bytevector", a[1])
	}
	sa, err := sockaddrArg(who, 3, a[2])
	if err != nil {
		return nil, err
	}
	d, err := asDatagram(who, ep)
	if err != nil {
		return nil, opError(who, ep, err)
	}
	if d == nil {
		return Send(th, who, ep, bv, a[3])
	}
	if !sa.AddrPort().IsValid() {
		return nil, scheme.RangeError(who, 3, "sockaddr without an address", a[2])
	}
	n, err := d.SendTo(th.Context(), bv.B, sa.AddrPort())
	if err != nil {
		return nil, opError(who, ep, err)
	}
	return scheme.Fixnum(n), nil
}

// asDatagram returns the datagram socket ep is (a make-socket one made
// one on its first use), or nil for a stream socket.
func asDatagram(who string, ep Endpoint) (*Datagram, error) {
	switch s := ep.(type) {
	case *Datagram:
		return s, nil
	case *RawSocket:
		if inner := s.endpoint(); inner != nil {
			d, _ := inner.(*Datagram)
			return d, nil
		}
		return s.datagram(who)
	}
	return nil, nil
}

// socketRecvfrom implements socket-recvfrom: (socket size sockaddr
// [flags]) as Sagittarius defines it, or (socket sockaddr [flags]) as its
// document writes it (up to a whole datagram); one datagram, its sender
// stored in sockaddr; an empty bytevector when a stream peer closed, #f
// when non-blocking and none is waiting.
func socketRecvfrom(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "socket-recvfrom"
	ep, err := EndpointArg(who, 1, a[0])
	if err != nil {
		return nil, err
	}
	size, saV, flagsV := maxDatagram, a[1], a[2]
	if _, ok := a[1].(scheme.Fixnum); ok {
		n, err := scheme.ArgSize(2, a[1], 1)
		if err != nil {
			return nil, err
		}
		size, saV, flagsV = n, a[2], a[3]
	} else if a[3] != scheme.Default {
		return nil, scheme.NewError(who, "too many arguments: (socket size sockaddr [flags]) or (socket sockaddr [flags])", a, "arity")
	}
	sa, err := sockaddrArg(who, 3, saV)
	if err != nil {
		return nil, err
	}
	flags := 0
	if flagsV != scheme.Default {
		f, ok := flagsV.(scheme.Fixnum)
		if !ok {
			return nil, scheme.TypeError(who, 4, "fixnum", flagsV)
		}
		flags = int(f)
	}
	d, err := asDatagram(who, ep)
	if err != nil {
		return nil, opError(who, ep, err)
	}
	buf := make([]byte, size)
	var n int
	var from netip.AddrPort
	th.WaitBegin()
	if d != nil {
		n, from, err = d.RecvFrom(th.Context(), buf, flags)
	} else {
		n, err = ep.Recv(th.Context(), buf, flags)
		if _, remote := ep.Addrs(); remote != nil {
			from, _ = netip.ParseAddrPort(remote.String())
		}
	}
	th.WaitEnd()
	if err != nil {
		return nil, opError(who, ep, err)
	}
	if n < 0 {
		return scheme.False, nil
	}
	if from.IsValid() {
		sa.Set(from)
	}
	return &scheme.Bytevector{B: buf[:n]}, nil
}

// Condition constructors (make-socket-error …): the conditions the
// procedures raise, made without raising them.

func makeHostNotFoundError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	node, service := scheme.DisplayString(a[0]), scheme.DisplayString(a[1])
	c := scheme.MakeError("", "host not found: "+node+":"+service, []scheme.Value{a[0], a[1]},
		conditions.KindIO, conditions.KindNet, KindHostNotFound)
	c.Set(KindHostNotFound, "node", a[0])
	c.Set(KindHostNotFound, "service", a[1])
	return c, nil
}

// socketCondition makes the condition of kinds about sock.
func socketCondition(sock scheme.Value, msg string, kinds ...string) *scheme.Condition {
	c := scheme.MakeError("", msg, []scheme.Value{sock}, append([]string{conditions.KindIO, conditions.KindNet, KindSocket}, kinds...)...)
	c.Set(KindSocket, "socket", sock)
	return c
}

func makeSocketError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return socketCondition(a[0], "socket error"), nil
}

func makeSocketConnectionError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return socketCondition(a[0], "socket connection error", KindSocketConnection), nil
}

func makeSocketClosedError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return socketCondition(a[0], "socket already closed", KindSocketClosed), nil
}

func makeSocketReadTimeoutError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return socketCondition(a[0], "socket read timeout", KindSocketReadTimeout), nil
}

func makeSocketPortError(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	c := socketCondition(a[0], "socket port error", KindSocketPort)
	c.Set(KindSocketPort, "port", a[1])
	return c, nil
}
