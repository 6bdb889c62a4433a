// Benchmarks of issue 3: engine vs bare crypto/tls throughput and handshake rate, same process and run.
package ports

import (
	"context"
	"crypto/tls"
	"net"
	"testing"
	"time"
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

func benchBareTLS(b *testing.B, p *testPKI) time.Duration {
	rc, rs := tcpPair(b)
	c := tls.Client(rc, p.clientConfig().TLS)
	s := tls.Server(rs, p.serverConfig().TLS)
	return throughput(b, func(x []byte) error { _, err := c.Write(x); return err }, s.Read)
}

func benchEngine(b *testing.B, p *testPKI) time.Duration {
	rc, rs := tcpPair(b)
	ctx := context.Background()
	c := Client(rc, p.clientConfig(), Options{})
	s := Server(rs, p.serverConfig(), Options{})
	defer c.Close()
	defer s.Close()
	return throughput(b, func(x []byte) error { _, err := c.Write(ctx, x); return err },
		func(x []byte) (int, error) { return s.Read(ctx, x) })
}

// BenchmarkThroughput moves 256 MiB per iteration through the engine and
// through a bare tls.Conn, alternating, and reports both rates and their
// ratio (target ≥ 0.95).
func BenchmarkThroughput(b *testing.B) {
	p := newTestPKI(b)
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

// handshakes runs n handshakes over fresh loopback connections with hs and
// returns the elapsed time (connection setup included for both sides).
func handshakes(b *testing.B, ln net.Listener, n int, hs func(rc, rs net.Conn) error) time.Duration {
	start := time.Now()
	for range n {
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
	}
	return time.Since(start)
}

// BenchmarkHandshake compares full handshakes per second through the
// engine with bare crypto/tls (target ratio ≥ 0.9).
func BenchmarkHandshake(b *testing.B) {
	p := newTestPKI(b)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	ctx := context.Background()
	const batch = 50
	var bare, eng time.Duration
	for b.Loop() {
		bare += handshakes(b, ln, batch, func(rc, rs net.Conn) error {
			s := tls.Server(rs, p.serverConfig().TLS)
			errc := make(chan error, 1)
			go func() { errc <- s.Handshake() }()
			c := tls.Client(rc, p.clientConfig().TLS)
			if err := c.Handshake(); err != nil {
				return err
			}
			return <-errc
		})
		eng += handshakes(b, ln, batch, func(rc, rs net.Conn) error {
			s := Server(rs, p.serverConfig(), Options{})
			errc := make(chan error, 1)
			go func() { errc <- s.Handshake(ctx) }()
			c := Client(rc, p.clientConfig(), Options{})
			if err := c.Handshake(ctx); err != nil {
				return err
			}
			return <-errc
		})
	}
	n := float64(b.N * batch)
	b.ReportMetric(n/bare.Seconds(), "bare-hs/s")
	b.ReportMetric(n/eng.Seconds(), "engine-hs/s")
	b.ReportMetric(bare.Seconds()/eng.Seconds(), "ratio")
}
