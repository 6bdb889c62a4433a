package tlsctx_test

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"

	tlsctx "github.com/tlsport/tlsport/context"
)

func ExampleParseCipherList() {
	ids, _, _ := tlsctx.ParseCipherList("ECDHE+AESGCM:!aNULL")
	for _, id := range ids {
		s, _ := tlsctx.SuiteByID(id)
		fmt.Println(s.Name)
	}
	_, _, err := tlsctx.ParseCipherList("eNULL")
	fmt.Println(err)
	// Output:
	// ECDHE-ECDSA-AES128-GCM-SHA256
	// ECDHE-RSA-AES128-GCM-SHA256
	// ECDHE-ECDSA-AES256-GCM-SHA384
	// ECDHE-RSA-AES256-GCM-SHA384
	// error: library=tlsport, function=config, reason=no cipher match
}

func ExampleContext_ConnConfig() {
	// A server with a throw-away certificate, and a client that trusts it.
	srv, _ := tlsctx.New(tlsctx.Server, "auto")
	srv.UseEphemeralCertificate()
	cli, _ := tlsctx.New(tlsctx.Client, "tlsv12")
	cli.AddTrustAnchors([]*x509.Certificate{srv.Certificate()}) // chain and host name are verified by default

	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		scc, _ := srv.ConnConfig(tlsctx.ConnParams{})
		s := tls.Server(c, scc.TLS)
		s.Handshake()
		s.Write([]byte("hello"))
		s.Close()
	}()
	raw, _ := net.Dial("tcp", ln.Addr().String())
	cc, _ := cli.ConnConfig(tlsctx.ConnParams{ServerName: "localhost"})
	conn := tls.Client(raw, cc.TLS)
	defer conn.Close()
	buf := make([]byte, 5)
	n, err := conn.Read(buf)
	fmt.Println(string(buf[:n]), err, cc.Result.OK(), cc.Result.Message)
	// Output: hello <nil> true ok
}

func ExampleOneLineName() {
	cert, _, _ := tlsctx.EphemeralCertificate()
	fmt.Println(tlsctx.SubjectName(cert))
	// Output: /O=tlsport ephemeral/CN=localhost
}

func ExampleMakeECHKey() {
	// A server's ECH key; the config list goes to clients (DNS HTTPS records).
	list, config, key, _ := tlsctx.MakeECHKey("public.example", 1)
	srv, _ := tlsctx.New(tlsctx.Server, "auto")
	fmt.Println(srv.SetECHKeys([]tls.EncryptedClientHelloKey{{Config: config, PrivateKey: key, SendAsRetry: true}}))
	cli, _ := tlsctx.New(tlsctx.Client, "auto")
	fmt.Println(cli.SetECHConfigList(list))
	minV, maxV := cli.ProtocolRange()
	fmt.Println(tlsctx.VersionName(minV), tlsctx.VersionName(maxV))
	// Output:
	// <nil>
	// <nil>
	// TLSv1.3 TLSv1.3
}
