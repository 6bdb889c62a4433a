// Examples of package starttls (they need a real server, so they compile but do not run).

package starttls_test

import (
	"context"
	"fmt"
	"net"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/starttls"
)

// ExampleClient upgrades an IMAP connection, verifying the server with the
// system roots, and logs in over TLS.
func ExampleClient() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := tlsctx.New(tlsctx.Client, "tlsv12")
	if err != nil {
		panic(err)
	}
	if err := c.LoadSystemRoots(); err != nil {
		panic(err)
	}
	c.SetVerify(true)
	c.SetVerifyHostname(true, "")
	cc, err := c.ConnConfig(tlsctx.ConnParams{ServerName: "imap.example.org", VerifyName: "imap.example.org"})
	if err != nil {
		panic(err)
	}
	raw, err := net.Dial("tcp", "imap.example.org:143")
	if err != nil {
		panic(err)
	}
	conn, reply, err := starttls.Client(ctx, raw, nil, starttls.IMAP, starttls.Options{Timeout: 10 * time.Second}, cc, ports.Options{})
	if err != nil {
		panic(err) // a *starttls.RefusedError when the server declines
	}
	defer conn.Close()
	fmt.Println(reply)
	r, err := starttls.IMAPCommand(&starttls.ConnWire{Ctx: ctx, C: conn}, "a1", "LOGIN alice secret")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Status, r.Text)
}
