// Runnable examples over loopback.

package listener_test

import (
	"context"
	"crypto/x509"
	"fmt"
	"net"
	"strconv"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/listener"
	"github.com/tlsport/tlsport/ports"
)

func Example() {
	// A demo server needing no files: an ephemeral certificate.
	sctx, _ := tlsctx.New(tlsctx.Server, "tlsv12")
	sctx.UseEphemeralCertificate()
	l, _ := listener.Listen("127.0.0.1", 0, 16, sctx)
	defer l.Close()
	ctx := context.Background()

	go func() {
		cctx, _ := tlsctx.New(tlsctx.Client, "tlsv12")
		cctx.AddTrustAnchors([]*x509.Certificate{sctx.Certificate()})
		raw, _ := net.Dial("tcp", "127.0.0.1:"+strconv.Itoa(l.Port()))
		cc, _ := cctx.ConnConfig(tlsctx.ConnParams{ServerName: "localhost"})
		c := ports.Client(raw, cc, ports.Options{})
		defer c.Close()
		c.WriteString(ctx, "hello listener\n")
		c.ReadLine(ctx)
	}()

	s, err := l.AcceptContext(ctx, 5*time.Second)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	fmt.Println(s.State()) // lazy: nothing happened on the wire yet
	line, _ := s.ReadLine(ctx)
	s.WriteString(ctx, "bye\n")
	fmt.Println(s.State(), line, s.ConnectionState().ServerName)
	// Output:
	// server-init
	// open hello listener localhost
}

func ExampleListener_Accept_timeout() {
	sctx, _ := tlsctx.New(tlsctx.Server, "tlsv12")
	l, _ := listener.Listen("127.0.0.1", 0, 16, sctx)
	defer l.Close()
	_, err := l.AcceptContext(context.Background(), 20*time.Millisecond)
	fmt.Println(err)
	l.SetBlocking(false)
	_, err = l.AcceptContext(context.Background(), 0)
	fmt.Println(err)
	// Output:
	// accept operation timed out
	// want-accept: library=tlsport, function=accept, reason=operation would block
}
