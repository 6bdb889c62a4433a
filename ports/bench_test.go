// Benchmarks of issue 3: engine vs bare crypto/tls throughput and handshake rate, same process and run.

package ports

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net"
	"testing"
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/loopback"
)

const benchBytes = 256 << 20

// throughput sends total bytes through w and reads them with r; it returns
// the elapsed time.
func throughput(b *testing.B, write func([]byte) error, read func([]byte) (int, error)) time.Duration {
	buf := make([]byte, 256<<10)
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		rb := make([]byte, 256<<10)
		for got := 0; got < benchBytes; {
			n, err := read(rb)
			got += n
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for sent := 0; sent < benchBytes; sent += len(buf) {
		if err := write(buf); err != nil {
			b.Fatal(err)
		}
	}
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// benchSetup holds both sides' configuration: bare tls.Configs as a Go
// program would write them, and the tlsctx contexts the engine's
// connections are snapshotted from (the real per-connection path).
type benchSetup struct {
	bareClient, bareServer *tls.Config
	client, server         *tlsctx.Context
}

func newBenchSetup(b *testing.B) *benchSetup {
	p := newTestPKI(b)
	client, err := tlsctx.New(tlsctx.Client, "tlsv12")
	if err != nil {
		b.Fatal(err)
	}
	server, err := tlsctx.New(tlsctx.Server, "tlsv12")
	if err != nil {
		b.Fatal(err)
	}
	for _, err := range []error{
		client.AddTrustAnchors([]*x509.Certificate{p.ca.Cert}),
		client.SetVerify(true),
		client.SetVerifyHostname(true, ""),
		client.SetSessionCache(0), // full handshakes, like the bare client
		server.SetCertificate([]*x509.Certificate{p.leaf.Cert}, p.leaf.Key),
	} {
		if err != nil {
			b.Fatal(err)
		}
	}
	return &benchSetup{
		bareClient: &tls.Config{RootCAs: p.pool, ServerName: "localhost"},
		bareServer: &tls.Config{Certificates: []tls.Certificate{p.cert}},
		client:     client, server: server,
	}
}

// engines returns a client and a server engine over rc/rs, each configured
// by its context's ConnConfig.
func (bs *benchSetup) engines(b *testing.B, rc, rs net.Conn) (*Conn, *Conn) {
	ccc, err := bs.client.ConnConfig(tlsctx.ConnParams{ServerName: "localhost", VerifyName: "localhost"})
	if err != nil {
		b.Fatal(err)
	}
	scc, err := bs.server.ConnConfig(tlsctx.ConnParams{})
	if err != nil {
		b.Fatal(err)
	}
	return Client(rc, ccc, Options{}), Server(rs, scc, Options{})
}

func benchBareTLS(b *testing.B, bs *benchSetup) time.Duration {
	rc, rs := loopback.Pair(b)
	c := tls.Client(rc, bs.bareClient)
	s := tls.Server(rs, bs.bareServer)
	return throughput(b, func(x []byte) error { _, err := c.Write(x); return err }, s.Read)
}

func benchEngine(b *testing.B, bs *benchSetup) time.Duration {
	rc, rs := loopback.Pair(b)
	ctx := context.Background()
	c, s := bs.engines(b, rc, rs)
	defer c.Close()
	defer s.Close()
	return throughput(b, func(x []byte) error { _, err := c.WriteContext(ctx, x); return err },
		func(x []byte) (int, error) { return s.ReadContext(ctx, x) })
}

// BenchmarkThroughput moves 256 MiB per iteration through the engine and
// through a bare tls.Conn, alternating, and reports both rates and their
// ratio (target ≥ 0.95).
func BenchmarkThroughput(b *testing.B) {
	p := newBenchSetup(b)
	b.SetBytes(benchBytes)
	var bare, eng time.Duration
	for b.Loop() {
		bare += benchBareTLS(b, p)
		eng += benchEngine(b, p)
	}
	n := float64(b.N) * benchBytes / 1e6
	b.ReportMetric(n/bare.Seconds(), "bare-MB/s")
	b.ReportMetric(n/eng.Seconds(), "engine-MB/s")
	b.ReportMetric(bare.Seconds()/eng.Seconds(), "ratio")
}

// handshake connects once over ln and runs hs on the two ends; it
// returns the elapsed time (connection setup included).
func handshake(b *testing.B, ln net.Listener, hs func(rc, rs net.Conn) error) time.Duration {
	start := time.Now()
	acc := make(chan net.Conn, 1)
	go func() { c, _ := ln.Accept(); acc <- c }()
	rc, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	rs := <-acc
	if err := hs(rc, rs); err != nil {
		b.Fatal(err)
	}
	rc.Close()
	rs.Close()
	return time.Since(start)
}

// BenchmarkHandshake compares full handshakes per second through the
// engine, each connection configured by Context.ConnConfig (counted), with
// bare crypto/tls (target ratio ≥ 0.9). Bare and engine handshakes
// alternate one by one so both see the same machine load.
func BenchmarkHandshake(b *testing.B) {
	bs := newBenchSetup(b)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	ctx := context.Background()
	bare := func(rc, rs net.Conn) error {
		s := tls.Server(rs, bs.bareServer)
		errc := make(chan error, 1)
		go func() { errc <- s.Handshake() }()
		c := tls.Client(rc, bs.bareClient)
		if err := c.Handshake(); err != nil {
			return err
		}
		return <-errc
	}
	engine := func(rc, rs net.Conn) error {
		c, s := bs.engines(b, rc, rs)
		errc := make(chan error, 1)
		go func() { errc <- s.Handshake(ctx) }()
		if err := c.Handshake(ctx); err != nil {
			return err
		}
		return <-errc
	}
	const batch = 50
	var tb, te time.Duration
	for b.Loop() {
		for range batch {
			tb += handshake(b, ln, bare)
			te += handshake(b, ln, engine)
		}
	}
	n := float64(b.N * batch)
	b.ReportMetric(n/tb.Seconds(), "bare-hs/s")
	b.ReportMetric(n/te.Seconds(), "engine-hs/s")
	b.ReportMetric(tb.Seconds()/te.Seconds(), "ratio")
}
