// Runnable examples over loopback.
package ports_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"math/big"
	"net"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
)

// selfSigned returns a certificate for 127.0.0.1 and a pool trusting it.
func selfSigned() (tls.Certificate, *x509.CertPool) {
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), NotBefore: time.Now().Add(-time.Hour),
		NotAfter: time.Now().Add(time.Hour), IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}}
	der, _ := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	leaf, _ := x509.ParseCertificate(der)
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

func Example() {
	cert, pool := selfSigned()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	ctx := context.Background()
	go func() {
		raw, _ := ln.Accept()
		s := ports.Server(raw, &tlsctx.ConnConfig{TLS: &tls.Config{Certificates: []tls.Certificate{cert}}}, ports.Options{})
		defer s.Close()
		line, _ := s.ReadLine(ctx) // the handshake happens here
		s.WriteString(ctx, "echo: "+line+"\r\n")
	}()
	raw, _ := net.Dial("tcp", ln.Addr().String())
	c := ports.Client(raw, &tlsctx.ConnConfig{TLS: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}},
		ports.Options{BufferSize: 4096, SuppressRaggedEOFs: true})
	defer c.Close()
	fmt.Println(c.State())
	c.WriteString(ctx, "hello\n")
	c.Flush(ctx)
	reply, _ := c.ReadLine(ctx)
	fmt.Println(c.State(), reply)
	// Output:
	// client-init
	// open echo: hello
}
