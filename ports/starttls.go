// StartTLS: TLS over an existing plaintext connection and its read-ahead bytes (spec §1.1.4, §3.5).

package ports

import (
	"net"

	tlsctx "github.com/tlsport/tlsport/context"
)

// StartTLS returns a lazy TLS connection over raw, an existing plaintext
// connection whose read-ahead buffer held the unread bytes buffered (for
// example [TCP.Detach]). Those bytes are handed to TLS before anything read
// from raw, so a ClientHello or ServerHello that arrived together with the
// plaintext reply is neither lost nor duplicated. server selects the side.
func StartTLS(raw net.Conn, buffered []byte, cc *tlsctx.ConnConfig, server bool, o Options) *Conn {
	return newConn(raw, buffered, cc, server, o)
}
