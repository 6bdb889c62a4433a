//go:build linux

// The socket option constants of (sagittarius socket) are the system's.

package socket

import (
	"os"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/tlsport/tlsport/scheme"
)

// TestSockoptConstants: each level and option name has the value Go's
// syscall package gives it on this system.
func TestSockoptConstants(t *testing.T) {
	want := map[string]int{
		"SOL_SOCKET": syscall.SOL_SOCKET, "SOL_TCP": syscall.SOL_TCP, "SOL_IP": syscall.SOL_IP,
		"SO_DEBUG": syscall.SO_DEBUG, "SO_REUSEADDR": syscall.SO_REUSEADDR, "SO_TYPE": syscall.SO_TYPE,
		"SO_ERROR": syscall.SO_ERROR, "SO_DONTROUTE": syscall.SO_DONTROUTE, "SO_BROADCAST": syscall.SO_BROADCAST,
		"SO_SNDBUF": syscall.SO_SNDBUF, "SO_RCVBUF": syscall.SO_RCVBUF, "SO_KEEPALIVE": syscall.SO_KEEPALIVE,
		"SO_OOBINLINE": syscall.SO_OOBINLINE, "SO_PRIORITY": syscall.SO_PRIORITY, "SO_LINGER": syscall.SO_LINGER,
		"SO_REUSEPORT": 15, "SO_PASSCRED": syscall.SO_PASSCRED, "SO_PEERCRED": syscall.SO_PEERCRED,
		"SO_RCVLOWAT": syscall.SO_RCVLOWAT, "SO_SNDLOWAT": syscall.SO_SNDLOWAT, "SO_RCVTIMEO": syscall.SO_RCVTIMEO,
		"SO_SNDTIMEO": syscall.SO_SNDTIMEO, "SO_BINDTODEVICE": syscall.SO_BINDTODEVICE,
		"SO_TIMESTAMP": syscall.SO_TIMESTAMP, "SO_ACCEPTCONN": syscall.SO_ACCEPTCONN,
		"TCP_NODELAY": syscall.TCP_NODELAY, "TCP_MAXSEG": syscall.TCP_MAXSEG, "TCP_CORK": syscall.TCP_CORK,
		"IP_TOS": syscall.IP_TOS, "IP_TTL": syscall.IP_TTL, "IP_HDRINCL": syscall.IP_HDRINCL,
		"IP_OPTIONS": syscall.IP_OPTIONS, "IP_ROUTER_ALERT": syscall.IP_ROUTER_ALERT, "IP_RECVOPTS": syscall.IP_RECVOPTS,
		"IP_PKTINFO": syscall.IP_PKTINFO, "IP_MTU_DISCOVER": syscall.IP_MTU_DISCOVER, "IP_RECVERR": syscall.IP_RECVERR,
		"IP_RECVTTL": syscall.IP_RECVTTL, "IP_RECVTOS": syscall.IP_RECVTOS, "IP_MTU": syscall.IP_MTU,
		"IP_MULTICAST_IF": syscall.IP_MULTICAST_IF, "IP_MULTICAST_TTL": syscall.IP_MULTICAST_TTL,
		"IP_MULTICAST_LOOP": syscall.IP_MULTICAST_LOOP, "IP_ADD_MEMBERSHIP": syscall.IP_ADD_MEMBERSHIP,
		"IP_DROP_MEMBERSHIP": syscall.IP_DROP_MEMBERSHIP, "IPPROTO_IP": syscall.IPPROTO_IP, "IPPROTO_UDP": syscall.IPPROTO_UDP,
		"MSG_OOB": syscall.MSG_OOB, "MSG_WAITALL": syscall.MSG_WAITALL, "MSG_PEEK": syscall.MSG_PEEK,
		"MSG_NOSIGNAL": syscall.MSG_NOSIGNAL, "AF_INET": syscall.AF_INET, "AF_INET6": syscall.AF_INET6,
		"SOCK_STREAM": syscall.SOCK_STREAM, "SOCK_DGRAM": syscall.SOCK_DGRAM, "IPPROTO_TCP": syscall.IPPROTO_TCP,
		"SOCK_RAW": syscall.SOCK_RAW, "AI_NUMERICSERV": 0x400, "IPPROTO_RAW": syscall.IPPROTO_RAW,
	}
	seen := 0
	for _, b := range Library.Values {
		w, ok := want[b.Name]
		if !ok {
			continue
		}
		seen++
		if b.Value != scheme.Value(scheme.Fixnum(w)) {
			t.Errorf("%s = %v, the system's is %d", b.Name, b.Value, w)
		}
	}
	if seen != len(want) {
		t.Errorf("%d of the %d constants are bound", seen, len(want))
	}
}

// TestRawSocketDropped: a make-socket socket dropped without
// socket-close gives its descriptor back when it is collected.
func TestRawSocketDropped(t *testing.T) {
	fds := func() int {
		ents, err := os.ReadDir("/proc/self/fd")
		if err != nil {
			t.Skip(err)
		}
		return len(ents)
	}
	before := fds()
	for range 200 {
		v, err := makeSocket(nil, []scheme.Value{scheme.Fixnum(AFInet), scheme.Fixnum(SockStream), scheme.Fixnum(0)})
		if err != nil || v == scheme.Value(scheme.False) {
			t.Fatalf("make-socket: %v %v", v, err)
		}
	}
	if fds() < before+200 {
		t.Fatalf("the sockets were not made: %d descriptors before, %d after", before, fds())
	}
	deadline := time.Now().Add(5 * time.Second)
	for fds() > before+5 && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := fds(); n > before+5 {
		t.Errorf("%d descriptors open after the sockets were dropped, %d before", n, before)
	}
}
