// Connecting and listening: make-client-socket, make-server-socket(*) and the helpers (rfc tls) shares.

package socket

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// network returns the Go network for an address family and a protocol,
// "tcp" or "udp".
func network(family int, proto string) (string, error) {
	switch family {
	case AFInet:
		return proto + "4", nil
	case AFInet6:
		return proto + "6", nil
	case AFUnspec:
		return proto, nil
	}
	return "", errors.New("socket: unsupported address family " + strconv.Itoa(family))
}

// Dial connects to node:service for who: DNS or service failures raise
// &host-not-found, refused or unreachable peers &socket-connection. The
// wait is bounded by tcp-connect-timeout and the thread's context.
func Dial(th *scheme.Thread, who, node, service string, family int) (net.Conn, error) {
	return dial(th, who, node, service, family, "tcp")
}

// dial is Dial over proto, "tcp" or "udp" (a UDP connection only fixes
// its peer).
func dial(th *scheme.Thread, who, node, service string, family int, proto string) (net.Conn, error) {
	nw, err := network(family, proto)
	if err != nil {
		return nil, scheme.RangeError(who, 3, err.Error(), scheme.Fixnum(family))
	}
	port, err := servicePort(service, proto)
	if err != nil {
		return nil, HostNotFound(who, node, service, err)
	}
	ctx := th.Context()
	if d := tlsval.ParamMS(th, tlsval.TCPConnectTimeout); d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	ipNet := "ip" + strings.TrimPrefix(nw, proto) // ip, ip4 or ip6
	ips, err := net.DefaultResolver.LookupIP(ctx, ipNet, node)
	if err != nil || len(ips) == 0 {
		if err == nil {
			err = errors.New("socket: no address")
		}
		var de *net.DNSError
		if errors.As(err, &de) || len(ips) == 0 {
			return nil, HostNotFound(who, node, service, err)
		}
	}
	var last error
	for _, ip := range ips {
		d := net.Dialer{}
		c, derr := d.DialContext(ctx, nw, net.JoinHostPort(ip.String(), strconv.Itoa(port)))
		if derr == nil {
			return c, nil
		}
		last = derr
		if ctx.Err() != nil {
			break
		}
	}
	e := tlsval.NetError(conditions.OpConnect, net.JoinHostPort(node, service), conditions.Opt{}, last)
	return nil, Error(who, nil, e, KindSocketConnection)
}

// Listen opens a listening socket for service on host ("" = every
// interface) of the family (AF_UNSPEC = dual stack).
func Listen(who, host, service string, family int) (*net.TCPListener, error) {
	nw, err := network(family, "tcp")
	if err != nil {
		return nil, scheme.RangeError(who, 2, err.Error(), scheme.Fixnum(family))
	}
	port, err := ServicePort(service)
	if err != nil {
		return nil, HostNotFound(who, "", service, err)
	}
	ln, err := net.Listen(nw, net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return nil, Error(who, nil, tlsval.NetError(conditions.OpAccept, ":"+service, conditions.Opt{}, err), KindSocketConnection)
	}
	return ln.(*net.TCPListener), nil
}

// ListenAll opens one listening socket per address family that can be
// bound (IPv4, then IPv6 on the same port) on host ("" = every interface;
// "localhost" = 127.0.0.1 and ::1).
func ListenAll(who, host, service string) ([]*net.TCPListener, error) {
	first, err := Listen(who, host, service, AFInet)
	var out []*net.TCPListener
	if err == nil {
		out = append(out, first)
		service = strconv.Itoa(first.Addr().(*net.TCPAddr).Port)
	}
	if six, err6 := Listen(who, host, service, AFInet6); err6 == nil {
		out = append(out, six)
	} else if len(out) == 0 {
		return nil, err6
	}
	return out, nil
}

// ListenUDP opens a UDP socket bound to service on host ("" = every
// interface) of the family.
func ListenUDP(who, host, service string, family int) (*net.UDPConn, error) {
	nw, err := network(family, "udp")
	if err != nil {
		return nil, scheme.RangeError(who, 2, err.Error(), scheme.Fixnum(family))
	}
	port, err := servicePort(service, "udp")
	if err != nil {
		return nil, HostNotFound(who, "", service, err)
	}
	addr, err := net.ResolveUDPAddr(nw, net.JoinHostPort(host, strconv.Itoa(port)))
	if err == nil {
		var c *net.UDPConn
		if c, err = net.ListenUDP(nw, addr); err == nil {
			return c, nil
		}
	}
	return nil, Error(who, nil, tlsval.NetError(conditions.OpAccept, ":"+service, conditions.Opt{}, err), KindSocketConnection)
}
