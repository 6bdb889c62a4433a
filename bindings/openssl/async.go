// The async?: keyword of ssl-connect* (twapi tls_socket -async): the TCP connection is dialled in the background.

package openssl

import (
	"context"
	"net"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// dialAsync starts dialling host:port with the thread's tcp-connect-timeout
// and returns the connection at once.
func dialAsync(th *scheme.Thread, host string, port int, local *net.TCPAddr) net.Conn {
	timeout := tlsval.ParamMS(th, tlsval.TCPConnectTimeout)
	return ports.DialAsync(func(ctx context.Context) (net.Conn, error) {
		return tlsval.Dial(ctx, host, port, timeout, local)
	})
}
