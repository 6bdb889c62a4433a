// addrinfo and sockaddr objects of (sagittarius socket)'s low-level API: make-addrinfo, make-hint-addrinfo, get-addrinfo, next-addrinfo, addrinfo-sockaddr.

package socket

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strconv"
	"sync"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// Sockaddr is a sockaddr object (sockaddr?): an IP address and port.
// addrinfo-sockaddr returns one; socket-recvfrom stores the sender's
// address in the one it is given, which socket-sendto then replies to.
// Safe for concurrent use.
type Sockaddr struct {
	mu sync.Mutex
	ap netip.AddrPort
}

// TypeName implements scheme.Value.
func (*Sockaddr) TypeName() string { return "sockaddr" }

// Repr implements scheme.Repr.
func (s *Sockaddr) Repr() string {
	ap := s.AddrPort()
	if !ap.IsValid() {
		return "#<sockaddr>"
	}
	return "#<sockaddr " + ap.String() + ">"
}

// AddrPort returns the address (invalid when none is set yet).
func (s *Sockaddr) AddrPort() netip.AddrPort {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ap
}

// Set stores ap.
func (s *Sockaddr) Set(ap netip.AddrPort) {
	s.mu.Lock()
	s.ap = ap
	s.mu.Unlock()
}

// Addrinfo is an addrinfo object (addrinfo?): what get-addrinfo returns,
// one address and socket type per object, chained by next-addrinfo; or a
// hint (make-hint-addrinfo) whose Addr is nil.
type Addrinfo struct {
	Family, Socktype, Flags, Protocol int
	Addr                              *Sockaddr
	Next                              *Addrinfo
}

// TypeName implements scheme.Value.
func (*Addrinfo) TypeName() string { return "addrinfo" }

// Repr implements scheme.Repr.
func (a *Addrinfo) Repr() string {
	if a.Addr == nil || !a.Addr.AddrPort().IsValid() {
		return "#<addrinfo>"
	}
	return "#<addrinfo " + a.Addr.AddrPort().String() + ">"
}

var (
	_ scheme.Repr = (*Sockaddr)(nil)
	_ scheme.Repr = (*Addrinfo)(nil)
)

// hintKeys are make-hint-addrinfo's keywords, in its positional order.
var hintKeys = []string{"family", "socktype", "flags", "protocol"}

// makeHintAddrinfo implements make-hint-addrinfo: keywords :family
// :socktype :flags :protocol (Sagittarius's own definition), or the four
// values in that order (the document's signature).
func makeHintAddrinfo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-hint-addrinfo"
	rest, _ := scheme.ListToSlice(a[0])
	h := &Addrinfo{Family: AFInet, Socktype: SockStream, Flags: AIV4Mapped | AIAddrConfig}
	fields := []*int{&h.Family, &h.Socktype, &h.Flags, &h.Protocol}
	set := func(i, pos int, v scheme.Value) error {
		n, ok := v.(scheme.Fixnum)
		if !ok {
			return scheme.TypeError(who, pos, "fixnum", v)
		}
		*fields[i] = int(n)
		return nil
	}
	if len(rest) > 0 {
		if _, kw := rest[0].(*scheme.Keyword); kw {
			if len(rest)%2 != 0 {
				return nil, scheme.NewError(who, "keyword without a value", rest, "arity")
			}
			for i := 0; i < len(rest); i += 2 {
				k, ok := rest[i].(*scheme.Keyword)
				idx := -1
				for j, name := range hintKeys {
					if ok && k.Name == name {
						idx = j
					}
				}
				if idx < 0 {
					return nil, scheme.NewError(who, "unknown keyword (expected :family, :socktype, :flags or :protocol)", []scheme.Value{rest[i]}, "type")
				}
				if err := set(idx, i+2, rest[i+1]); err != nil {
					return nil, err
				}
			}
			return h, nil
		}
	}
	if len(rest) > len(fields) {
		return nil, scheme.NewError(who, "too many arguments (family socktype flags protocol)", rest, "arity")
	}
	for i, v := range rest {
		if err := set(i, i+1, v); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// getAddrinfo implements get-addrinfo: the addresses of node (a name or
// an IP literal; #f: the wildcard address with AI_PASSIVE, else
// loopback) and service (a port number or name; #f: 0), one addrinfo per
// address and socket type (both SOCK_STREAM and SOCK_DGRAM when the
// hint's is 0), chained. Failure raises &host-not-found.
func getAddrinfo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "get-addrinfo"
	node, service := HostOf(a[0]), HostOf(a[1])
	hint := &Addrinfo{Family: AFUnspec}
	if h, ok := a[2].(*Addrinfo); ok {
		hint = h
	} else if a[2] != scheme.Value(scheme.False) && a[2] != scheme.Default {
		return nil, scheme.TypeError(who, 3, "addrinfo or #f", a[2])
	}
	types := []int{hint.Socktype}
	if hint.Socktype == 0 {
		types = []int{SockStream, SockDgram}
	}
	var port int
	if service != "" {
		proto := "tcp"
		if types[0] == SockDgram {
			proto = "udp"
		}
		var p int
		var err error
		if _, nerr := strconv.Atoi(service); nerr != nil && hint.Flags&AINumericServ != 0 {
			err = errors.New("socket: AI_NUMERICSERV and not a port number")
		} else {
			p, err = servicePort(service, proto)
		}
		if err != nil {
			return nil, HostNotFound(who, node, service, err)
		}
		port = p
	}
	ips, err := lookupAddrs(th, node, hint)
	if err != nil {
		return nil, HostNotFound(who, node, service, err)
	}
	var first, last *Addrinfo
	for _, ip := range ips {
		fam := AFInet
		if !ip.Is4() {
			fam = AFInet6
		}
		for _, t := range types {
			proto := hint.Protocol
			if proto == 0 {
				proto = IPProtoTCP
				if t == SockDgram {
					proto = IPProtoUDP
				}
			}
			ai := &Addrinfo{Family: fam, Socktype: t, Flags: hint.Flags, Protocol: proto,
				Addr: &Sockaddr{ap: netip.AddrPortFrom(ip, uint16(port))}}
			if first == nil {
				first = ai
			} else {
				last.Next = ai
			}
			last = ai
		}
	}
	return first, nil
}

// lookupAddrs resolves node for the hint's family: an IP literal as it
// is, "" as the wildcard (AI_PASSIVE) or loopback address, a name through
// the resolver (not with AI_NUMERICHOST), within tcp-connect-timeout.
func lookupAddrs(th *scheme.Thread, node string, hint *Addrinfo) ([]netip.Addr, error) {
	want := func(ip netip.Addr) bool {
		return hint.Family == AFUnspec || (hint.Family == AFInet) == ip.Is4()
	}
	if node == "" {
		cands := []netip.Addr{netip.IPv4Unspecified(), netip.IPv6Unspecified()}
		if hint.Flags&AIPassive == 0 {
			cands = []netip.Addr{netip.AddrFrom4([4]byte{127, 0, 0, 1}), netip.IPv6Loopback()}
		}
		var out []netip.Addr
		for _, ip := range cands {
			if want(ip) {
				out = append(out, ip)
			}
		}
		return out, nil
	}
	if ip, err := netip.ParseAddr(node); err == nil {
		ip = ip.Unmap()
		if !want(ip) {
			return nil, errors.New("socket: the address is not of the family asked for")
		}
		return []netip.Addr{ip}, nil
	}
	if hint.Flags&AINumericHost != 0 {
		return nil, errors.New("socket: AI_NUMERICHOST and not a numeric address")
	}
	ctx := th.WaitContext()
	if d := tlsval.ParamMS(th, tlsval.TCPConnectTimeout); d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	network := map[int]string{AFInet: "ip4", AFInet6: "ip6"}[hint.Family]
	if network == "" {
		network = "ip"
	}
	ips, err := net.DefaultResolver.LookupNetIP(ctx, network, node)
	if err == nil && len(ips) == 0 {
		err = errors.New("socket: no address")
	}
	for i := range ips {
		ips[i] = ips[i].Unmap()
	}
	return ips, err
}

func makeAddrinfo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &Addrinfo{}, nil
}

func addrinfoP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*Addrinfo)
	return scheme.MakeBool(ok), nil
}

func sockaddrP(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	_, ok := a[0].(*Sockaddr)
	return scheme.MakeBool(ok), nil
}

// addrinfoArg checks an addrinfo argument.
func addrinfoArg(who string, pos int, v scheme.Value) (*Addrinfo, error) {
	if ai, ok := v.(*Addrinfo); ok {
		return ai, nil
	}
	return nil, scheme.TypeError(who, pos, "addrinfo", v)
}

func nextAddrinfo(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ai, err := addrinfoArg("next-addrinfo", 1, a[0])
	if err != nil {
		return nil, err
	}
	if ai.Next == nil {
		return scheme.False, nil
	}
	return ai.Next, nil
}

func addrinfoSockaddr(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ai, err := addrinfoArg("addrinfo-sockaddr", 1, a[0])
	if err != nil {
		return nil, err
	}
	if ai.Addr == nil {
		return scheme.False, nil
	}
	return ai.Addr, nil
}
