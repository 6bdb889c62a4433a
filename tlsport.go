// The one-call entry points: Dial, DialContext, Dialer, Listen, Client and Server.

package tlsport

import (
	"context"
	"net"
	"strings"
	"sync"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/listener"
	"github.com/tlsport/tlsport/ports"
)

// defaultClient is the context DefaultClientContext builds once.
var defaultClient = sync.OnceValues(func() (*tlsctx.Context, error) {
	c, err := tlsctx.New(tlsctx.Client, "tls")
	if err != nil {
		return nil, err
	}
	if err := c.LoadSystemRoots(); err != nil {
		return nil, err
	}
	c.Seal()
	return c, nil
})

// DefaultClientContext returns the client context used when nil is passed
// for one: the system trust store (SSL_CERT_FILE and SSL_CERT_DIR
// honoured), TLS 1.2 and 1.3, chain and host-name verification on. It is
// built once, sealed and shared, so its session cache resumes sessions
// across calls.
func DefaultClientContext() (*tlsctx.Context, error) { return defaultClient() }

// clientContext returns c, or the default client context when c is nil.
func clientContext(c *tlsctx.Context) (*tlsctx.Context, error) {
	if c != nil {
		return c, nil
	}
	return DefaultClientContext()
}

// Dial connects to addr on network ("tcp", "tcp4" or "tcp6") and performs
// the TLS handshake as a client configured by c (nil = the
// [DefaultClientContext]). The server's certificate is checked against
// the host part of addr unless c says otherwise, so Dial("tcp",
// "example.com:443", nil) is as safe as crypto/tls.Dial with a nil
// config. The handshake is bounded by [ports.DefaultHandshakeTimeout].
// Errors are *conditions.Error; a failed verification has status ssl and
// the OpenSSL verify code (conditions.Error.VerifyCode).
func Dial(network, addr string, c *tlsctx.Context) (*ports.Conn, error) {
	return DialContext(context.Background(), nil, network, addr, c)
}

// DialContext is [Dial] with a context bounding the connect and the
// handshake, and the net.Dialer d for the TCP connection (nil = zero
// Dialer: its Timeout, LocalAddr, KeepAlive and Control apply).
func DialContext(ctx context.Context, d *net.Dialer, network, addr string, c *tlsctx.Context) (*ports.Conn, error) {
	td := Dialer{NetDialer: d, Context: c}
	return td.dial(ctx, network, addr)
}

// Dialer dials TLS connections with fixed settings; its DialContext has
// the signature of http.Transport.DialTLSContext. The zero value dials
// with the [DefaultClientContext] and default options.
type Dialer struct {
	// NetDialer dials the TCP connection (nil = a zero net.Dialer).
	NetDialer *net.Dialer
	// Context configures the client (nil = DefaultClientContext).
	Context *tlsctx.Context
	// ServerName is sent as SNI and verified against the certificate
	// ("" = the host part of the address, an IP literal sending no SNI).
	ServerName string
	// Options are the engine options of the connection (zero value:
	// handshake bounded by ports.DefaultHandshakeTimeout, no read or
	// write timeouts, unbuffered output).
	Options ports.Options
}

// Dial is DialContext with context.Background.
func (d *Dialer) Dial(network, addr string) (net.Conn, error) {
	return d.DialContext(context.Background(), network, addr)
}

// DialContext connects and completes the handshake, bounded by ctx and
// Options.HandshakeTimeout; the result is a *ports.Conn.
func (d *Dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	c, err := d.dial(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	return c, nil
}

func (d *Dialer) dial(ctx context.Context, network, addr string) (*ports.Conn, error) {
	cctx, err := clientContext(d.Context)
	if err != nil {
		return nil, err
	}
	name := d.ServerName
	if name == "" {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, conditions.Net(string(conditions.OpConnect), "", err)
		}
		name = host
	}
	nd := d.NetDialer
	if nd == nil {
		nd = &net.Dialer{}
	}
	raw, err := nd.DialContext(ctx, network, addr)
	if err != nil {
		return nil, conditions.NetOp(conditions.OpConnect, err)
	}
	conn, err := newClient(raw, cctx, name, d.Options)
	if err != nil {
		raw.Close()
		return nil, err
	}
	if err := conn.Handshake(ctx); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// newClient returns a lazy client connection over raw for serverName.
func newClient(raw net.Conn, c *tlsctx.Context, serverName string, o ports.Options) (*ports.Conn, error) {
	if c.Role() != tlsctx.Client {
		return nil, conditions.Config("tlsport: a client needs a client context", nil)
	}
	// An IPv6 zone is not part of the name a certificate can hold.
	name, _, _ := strings.Cut(serverName, "%")
	cc, err := c.ConnConfig(tlsctx.ConnParams{ServerName: name, VerifyName: name})
	if err != nil {
		return nil, err
	}
	return ports.Client(raw, cc, o), nil
}

// Client returns a client TLS connection over conn, an existing
// connection (for example after an SMTP, IMAP or XMPP STARTTLS exchange),
// configured by c (nil = the [DefaultClientContext]). serverName is sent
// as SNI and the certificate is verified against it; with the default
// context an empty serverName makes the handshake fail (there is nothing
// to check the certificate against). As with crypto/tls.Client, the
// handshake runs on the first Read or Write, or on Handshake; it is
// bounded by [ports.DefaultHandshakeTimeout]. conn must hold no unread
// bytes of the server's handshake in a buffer of its own (see
// ports.StartTLS for that case).
func Client(conn net.Conn, c *tlsctx.Context, serverName string) (*ports.Conn, error) {
	cctx, err := clientContext(c)
	if err != nil {
		return nil, err
	}
	return newClient(conn, cctx, serverName, ports.Options{})
}

// Server returns a server TLS connection over conn configured by the
// server context c, which must hold a certificate (or a certificate
// callback). The handshake runs on the first Read or Write, or on
// Handshake, bounded by [ports.DefaultHandshakeTimeout].
func Server(conn net.Conn, c *tlsctx.Context) (*ports.Conn, error) {
	if err := serverContext(c); err != nil {
		return nil, err
	}
	cc, err := c.ConnConfig(tlsctx.ConnParams{})
	if err != nil {
		return nil, err
	}
	return ports.Server(conn, cc, ports.Options{}), nil
}

// serverContext checks that c is a server context.
func serverContext(c *tlsctx.Context) error {
	if c == nil || c.Role() != tlsctx.Server {
		return conditions.Config("tlsport: a server needs a server context (tlsctx.New(tlsctx.Server, …) with a certificate)", nil)
	}
	return nil
}

// Listen listens on addr ("host:port"; port 0 picks a free one) on network
// "tcp", "tcp4" or "tcp6" and returns a net.Listener whose Accept returns
// server connections (*ports.Conn) configured by the server context c.
// Accept does not wait for the handshake, which runs on the connection's
// first I/O bounded by [ports.DefaultHandshakeTimeout]; set the returned
// listener's Options to change that.
func Listen(network, addr string, c *tlsctx.Context) (*listener.Listener, error) {
	if err := serverContext(c); err != nil {
		return nil, err
	}
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, conditions.Net("listen", "tlsport: unsupported network "+network, nil)
	}
	ln, err := net.Listen(network, addr)
	if err != nil {
		return nil, conditions.NetOp("listen", err)
	}
	return listener.Wrap(ln.(*net.TCPListener), c), nil
}
