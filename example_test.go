// Runnable examples of the entry points over loopback: Dial/Listen, STARTTLS and net/http.

package tlsport_test

import (
	"bufio"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"

	"github.com/tlsport/tlsport"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
)

// exampleContexts returns a server context with a throw-away certificate
// for localhost and a client context (secure defaults) that trusts it.
func exampleContexts() (sctx, cctx *tlsctx.Context) {
	sctx, _ = tlsctx.New(tlsctx.Server, "tls") // a throw-away certificate for localhost
	sctx.UseEphemeralCertificate()
	cctx, _ = tlsctx.New(tlsctx.Client, "tls") // verifies chain and host name
	cctx.AddTrustAnchors([]*x509.Certificate{sctx.Certificate()})
	return sctx, cctx
}

// Dial a TLS echo server started with Listen. The client verifies the
// server's chain and that its certificate is for "localhost", the host
// dialled.
func Example() {
	sctx, cctx := exampleContexts()
	ln, err := tlsport.Listen("tcp", "127.0.0.1:0", sctx)
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		line, _ := bufio.NewReader(c).ReadString('\n') // the handshake runs here
		fmt.Fprintf(c, "echo: %s", line)
	}()

	conn, err := tlsport.Dial("tcp", fmt.Sprintf("localhost:%d", ln.Port()), cctx)
	if err != nil {
		panic(err)
	}
	defer conn.Close()
	fmt.Fprintln(conn, "hello")
	reply, _ := bufio.NewReader(conn).ReadString('\n')
	fmt.Print(reply)
	fmt.Println(conn.VerifyResult().Message, conn.ConnectionState().ServerName)
	// Output:
	// echo: hello
	// ok localhost
}

// A client refuses a server whose certificate is not for the name it
// expects, with a typed condition carrying the OpenSSL verify code.
func ExampleDialer_wrongHost() {
	sctx, cctx := exampleContexts()
	ln, _ := tlsport.Listen("tcp", "127.0.0.1:0", sctx)
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err == nil {
			c.Read(make([]byte, 1))
			c.Close()
		}
	}()
	d := &tlsport.Dialer{Context: cctx, ServerName: "mail.example"}
	_, err := d.Dial("tcp", ln.Addr().String())
	var ce *conditions.Error
	if errors.As(err, &ce) {
		fmt.Println(ce.Status, ce.VerifyCode, ce.VerifyError)
	}
	// Output:
	// ssl 62 hostname-mismatch
}

// STARTTLS as an SMTP client does it: a plaintext exchange on a net.Conn,
// then Client upgrades the same connection.
func ExampleClient_starttls() {
	sctx, cctx := exampleContexts()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	go func() { // a minimal SMTP server
		raw, err := ln.Accept()
		if err != nil {
			return
		}
		defer raw.Close()
		tp := textproto.NewConn(raw)
		tp.PrintfLine("220 localhost ESMTP")
		tp.ReadLine() // STARTTLS
		tp.PrintfLine("220 ready to start TLS")
		tc, _ := tlsport.Server(raw, sctx)
		tp = textproto.NewConn(tc)
		line, _ := tp.ReadLine()
		tp.PrintfLine("250 hello %s, over TLS", line[5:])
		tc.Close()
	}()

	raw, _ := net.Dial("tcp", ln.Addr().String())
	tp := textproto.NewConn(raw)
	tp.ReadResponse(220)
	tp.Cmd("STARTTLS")
	_, msg, _ := tp.ReadResponse(220)
	fmt.Println(msg)
	conn, _ := tlsport.Client(raw, cctx, "localhost")
	defer conn.Close()
	tp = textproto.NewConn(conn)
	tp.Cmd("EHLO client.example")
	_, msg, _ = tp.ReadResponse(250)
	fmt.Println(msg)
	// Output:
	// ready to start TLS
	// hello client.example, over TLS
}

// net/http over tlsport: an http.Server serving on a tlsport listener and
// an http.Client whose transport dials through a tlsport.Dialer.
func Example_http() {
	sctx, cctx := exampleContexts()
	ln, _ := tlsport.Listen("tcp", "127.0.0.1:0", sctx)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "you asked for %s", r.URL.Path)
	})}
	go srv.Serve(ln)
	defer srv.Close()

	dialer := &tlsport.Dialer{Context: cctx}
	client := &http.Client{Transport: &http.Transport{DialTLSContext: dialer.DialContext}}
	resp, err := client.Get(fmt.Sprintf("https://localhost:%d/hello", ln.Port()))
	if err != nil {
		panic(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.Status, string(body))
	// Output:
	// 200 OK you asked for /hello
}
