// <socket-info> and ip-address values, and the address procedures (socket-peer, socket-info-values …).

package socket

import (
	"net"
	"strconv"

	"github.com/tlsport/tlsport/scheme"
)

// Info is a <socket-info>: the host name, IP address and port of one end
// of a connection.
type Info struct {
	Hostname string
	IP       *IPAddress
	Port     int
}

// TypeName implements scheme.Value.
func (*Info) TypeName() string { return "socket-info" }

// Repr implements scheme.Repr.
func (i *Info) Repr() string {
	return "#<socket-info " + net.JoinHostPort(i.IP.IP.String(), strconv.Itoa(i.Port)) + ">"
}

// IPAddress is an ip-address object (ip-address->string prints it).
type IPAddress struct{ IP net.IP }

// TypeName implements scheme.Value.
func (*IPAddress) TypeName() string { return "ip-address" }

// Repr implements scheme.Repr.
func (a *IPAddress) Repr() string { return "#<ip-address " + a.IP.String() + ">" }

// InfoOf returns the <socket-info> of addr (#f for nil); hostname is the
// node when known, else the address text (no reverse lookup).
func InfoOf(addr net.Addr, hostname string) scheme.Value {
	var ip net.IP
	var port int
	switch t := addr.(type) {
	case *net.TCPAddr:
		if t == nil {
			return scheme.False
		}
		ip, port = t.IP, t.Port
	case *net.UDPAddr:
		if t == nil {
			return scheme.False
		}
		ip, port = t.IP, t.Port
	default:
		return scheme.False
	}
	if hostname == "" {
		hostname = ip.String()
	}
	return &Info{Hostname: hostname, IP: &IPAddress{IP: ip}, Port: port}
}

var (
	_ scheme.Repr = (*Info)(nil)
	_ scheme.Repr = (*IPAddress)(nil)
)
