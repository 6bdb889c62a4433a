// Checks of the binding table: exports equal the spec list, rows are complete, Sig agrees with Args, scripts call every procedure.

package socket

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
)

// specExports is the export list of spec §1.5 (procedures, constants,
// condition procedures) plus the §1.6 assertion-violation? view, and
// Sagittarius's shutdown-port family and ip-address->bytevector
// (sagittarius-socket.md).
var specExports = strings.Fields(`make-client-socket make-server-socket make-server-socket* socket?
socket-accept socket-send socket-send/range socket-recv socket-recv! socket-shutdown socket-close
socket-closed? socket-peer socket-name socket-info socket-node socket-service socket-info-values
socket-info-hostname socket-info-ip-address socket-info-port ip-address->string ip-address->bytevector socket-port
socket-input-port socket-output-port call-with-socket socket-set-read-timeout! socket-get-read-timeout
socket-nonblocking! socket-blocking! nonblocking-socket? socket-read-select socket-write-select
socket-error-select AF_INET AF_INET6 AF_UNSPEC SOCK_STREAM SOCK_DGRAM AI_PASSIVE AI_CANONNAME
AI_NUMERICHOST AI_V4MAPPED AI_ALL AI_ADDRCONFIG IPPROTO_TCP SHUT_RD SHUT_WR SHUT_RDWR MSG_NOSIGNAL
MSG_PEEK host-not-found-error? host-not-found-error-node host-not-found-error-service socket-error?
socket-error-socket socket-connection-error? socket-closed-error? socket-read-timeout-error?
socket-port-error? socket-error-port assertion-violation? shutdown-port shutdown-input-port shutdown-output-port
make-socket socket-bind! socket-listen! socket-connect! socket-setsockopt! socket-getsockopt socket-sendto
socket-recvfrom addrinfo? make-addrinfo make-hint-addrinfo get-addrinfo next-addrinfo addrinfo-sockaddr
sockaddr? fdset? make-fdset sockets->fdset fdset-ref fdset-set! collect-sockets socket-select socket-select!
make-host-not-found-error make-socket-error make-socket-connection-error make-socket-closed-error
make-socket-read-timeout-error make-socket-port-error MSG_OOB MSG_WAITALL IPPROTO_IP IPPROTO_UDP
SOL_SOCKET SOL_TCP SOL_IP SO_DEBUG SO_REUSEADDR SO_TYPE SO_ERROR SO_DONTROUTE SO_BROADCAST SO_SNDBUF
SO_RCVBUF SO_KEEPALIVE SO_OOBINLINE SO_PRIORITY SO_LINGER SO_REUSEPORT SO_PASSCRED SO_PEERCRED SO_RCVLOWAT
SO_SNDLOWAT SO_RCVTIMEO SO_SNDTIMEO SO_BINDTODEVICE SO_TIMESTAMP SO_ACCEPTCONN TCP_NODELAY TCP_MAXSEG
TCP_CORK IP_TOS IP_TTL IP_HDRINCL IP_OPTIONS IP_ROUTER_ALERT IP_RECVOPTS IP_PKTINFO IP_MTU_DISCOVER
IP_RECVERR IP_RECVTTL IP_RECVTOS IP_MTU IP_MULTICAST_IF IP_MULTICAST_TTL IP_MULTICAST_LOOP
IP_ADD_MEMBERSHIP IP_DROP_MEMBERSHIP SOCK_RAW AI_NUMERICSERV IPPROTO_RAW &host-not-found &socket
&socket-connection &socket-closed &socket-read-timeout &socket-port`)

func TestLibrary(t *testing.T) { bindingtest.CheckLibrary(t, Library, specExports, "testdata") }

// srfi106Exports is SRFI-106's export list.
var srfi106Exports = strings.Fields(`make-client-socket make-server-socket socket? socket-accept socket-send
socket-recv socket-shutdown socket-close socket-input-port socket-output-port call-with-socket
address-family address-info socket-domain ip-protocol message-type shutdown-method socket-merge-flags
socket-purge-flags *af-unspec* *af-inet* *af-inet6* *sock-stream* *sock-dgram* *ai-canonname*
*ai-numerichost* *ai-v4mapped* *ai-all* *ai-addrconfig* *ipproto-ip* *ipproto-tcp* *ipproto-udp*
*msg-peek* *msg-oob* *msg-waitall* *shut-rd* *shut-wr* *shut-rdwr*`)

func TestLibrary106(t *testing.T) {
	bindingtest.CheckLibrary(t, Library106, srfi106Exports, "testdata")
}
