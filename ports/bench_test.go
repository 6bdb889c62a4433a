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
// the cost.
func throughput(b *testing.B, write func([]byte) error, read func([]byte) (int, error)) loopback.Cost {
	buf := make([]byte, 256<<10)
	done := make(chan error, 1)
	start, cpu := time.Now(), loopback.CPUTime()
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
	return loopback.Cost{Wall: time.Since(start), CPU: loopback.CPUTime() - cpu}
}

// benchSetup holds both sides' configuration: bare tls.Configs as a Go
// program would write them, and the tlsctx contexts the engine's
// connections are snapshotted from (the real per-connection path).
type benchSetup struct {
	bareClient, bareServer *tls.Config
	client, server         *tlsctx.Context
}

func newBenchSetup(b testing.TB) *benchSetup {
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

func benchBareTLS(b *testing.B, bs *benchSetup) loopback.Cost {
	rc, rs := loopback.Pair(b)
	c := tls.Client(rc, bs.bareClient)
	s := tls.Server(rs, bs.bareServer)
	return throughput(b, func(x []byte) error { _, err := c.Write(x); return err }, s.Read)
}

func benchEngine(b *testing.B, bs *benchSetup) loopback.Cost {
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
	var bare, eng loopback.Cost
	for b.Loop() {
		bare.Add(benchBareTLS(b, p))
		eng.Add(benchEngine(b, p))
	}
	loopback.Report(b, float64(b.N)*benchBytes/1e6, "MB/s", "engine", bare, eng)
}

// handshake connects once over ln and runs hs on the two ends; it
// returns the cost (connection setup included).
func handshake(b *testing.B, ln net.Listener, hs func(rc, rs net.Conn) error) loopback.Cost {
	start, cpu := time.Now(), loopback.CPUTime()
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
	return loopback.Cost{Wall: time.Since(start), CPU: loopback.CPUTime() - cpu}
}

// BenchmarkHandshake compares handshakes per second through the engine,
// each connection configured by Context.ConnConfig (counted), with bare
// crypto/tls (target ratio ≥ 0.95): full and resumed, TLS 1.3 and 1.2.
// Bare and engine handshakes alternate one by one so both see the same
// machine load; each side's client keeps its own session cache.
func BenchmarkHandshake(b *testing.B) {
	for _, row := range []struct {
		name          string
		tls12, resume bool
	}{{"full13", false, false}, {"full12", true, false}, {"resumed13", false, true}, {"resumed12", true, true}} {
		b.Run(row.name, func(b *testing.B) { benchHandshake(b, row.tls12, row.resume) })
	}
}

func benchHandshake(b *testing.B, tls12, resume bool) {
	bs := newBenchSetup(b)
	if tls12 {
		bs.bareServer.MaxVersion = tls.VersionTLS12
		if err := bs.server.SetMaxProtocol("tlsv12"); err != nil {
			b.Fatal(err)
		}
	}
	if resume {
		bs.bareClient.ClientSessionCache = tls.NewLRUClientSessionCache(64)
		if err := bs.client.SetSessionCache(64); err != nil {
			b.Fatal(err)
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	ctx := context.Background()
	bareResumed, engResumed := 0, 0
	bare := func(rc, rs net.Conn) error {
		s := tls.Server(rs, bs.bareServer)
		errc := make(chan error, 1)
		go func() { errc <- s.Handshake() }()
		c := tls.Client(rc, bs.bareClient)
		if err := c.Handshake(); err != nil {
			return err
		}
		if err := <-errc; err != nil {
			return err
		}
		if c.ConnectionState().DidResume {
			bareResumed++
		}
		return readTicket(c.Read, s.Write, resume && !tls12)
	}
	engine := func(rc, rs net.Conn) error {
		c, s := bs.engines(b, rc, rs)
		errc := make(chan error, 1)
		go func() { errc <- s.Handshake(ctx) }()
		if err := c.Handshake(ctx); err != nil {
			return err
		}
		if err := <-errc; err != nil {
			return err
		}
		if c.TLSConn().ConnectionState().DidResume {
			engResumed++
		}
		return readTicket(func(p []byte) (int, error) { return c.ReadContext(ctx, p) },
			func(p []byte) (int, error) { return s.WriteContext(ctx, p) }, resume && !tls12)
	}
	handshake(b, ln, bare) // warm the session caches
	handshake(b, ln, engine)
	bareResumed, engResumed = 0, 0
	batch := 50 // per side per iteration; resumptions are cheaper, run more
	if resume {
		batch = 200
	}
	var tb, te loopback.Cost
	for b.Loop() {
		for range batch {
			tb.Add(handshake(b, ln, bare))
			te.Add(handshake(b, ln, engine))
		}
	}
	n := b.N * batch
	if want := map[bool]int{true: n, false: 0}[resume]; bareResumed != want || engResumed != want {
		b.Fatalf("resumed: bare %d, engine %d of %d; want %d", bareResumed, engResumed, n, want)
	}
	loopback.Report(b, float64(n), "hs/s", "engine", tb, te)
}

// readTicket, when ticket is set (TLS 1.3 resumption), has the server
// write one byte and the client read it, so the client has processed the
// session ticket sent after the handshake before the connection closes.
func readTicket(read, write func([]byte) (int, error), ticket bool) error {
	if !ticket {
		return nil
	}
	one := []byte{1}
	if _, err := write(one); err != nil {
		return err
	}
	_, err := read(one)
	return err
}

// idleConns is the number of connections BenchmarkIdleMemory holds open.
const idleConns = 400

// idleEnds opens idleConns loopback pairs, runs open on each (a handshake
// that leaves both ends with a goroutine blocked reading) and returns the
// memory each end holds while idle. close closes everything open made.
func idleEnds(b *testing.B, open func(rc, rs net.Conn) (close func())) float64 {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	before := loopback.MemInUse()
	closers := make([]func(), 0, idleConns)
	for range idleConns {
		acc := make(chan net.Conn, 1)
		go func() { c, _ := ln.Accept(); acc <- c }()
		rc, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			b.Fatal(err)
		}
		closers = append(closers, open(rc, <-acc))
	}
	time.Sleep(200 * time.Millisecond) // let every reader block
	after := loopback.MemInUse()
	for _, c := range closers {
		c()
	}
	return float64(after-before) / (2 * idleConns)
}

// BenchmarkIdleMemory measures the memory of an idle established TLS 1.3
// connection end (live heap and stack after GC, per end; both ends in this
// process, each with a goroutine blocked in a 4 KiB read, as a server
// thread waiting for a request) for bare crypto/tls and for the engine
// (target ≤ 41 KiB), and the growth of VmRSS per connection of a server
// process (the test binary run again, TestIdleRSSChild) holding
// idleRSSConns connections from this process, Go's default GC.
func BenchmarkIdleMemory(b *testing.B) {
	bs := newBenchSetup(b)
	ctx := context.Background()
	reader := func(read func([]byte) (int, error), done chan<- struct{}) {
		buf := make([]byte, 4<<10)
		for {
			if _, err := read(buf); err != nil {
				close(done)
				return
			}
		}
	}
	bare := func(rc, rs net.Conn) func() {
		s := tls.Server(rs, bs.bareServer)
		c := tls.Client(rc, bs.bareClient)
		errc := make(chan error, 1)
		go func() { errc <- s.Handshake() }()
		if err := c.Handshake(); err != nil {
			b.Fatal(err)
		}
		if err := <-errc; err != nil {
			b.Fatal(err)
		}
		d1, d2 := make(chan struct{}), make(chan struct{})
		go reader(s.Read, d1)
		go reader(c.Read, d2)
		return func() { rc.Close(); rs.Close(); <-d1; <-d2 }
	}
	engine := func(rc, rs net.Conn) func() {
		c, s := bs.engines(b, rc, rs)
		errc := make(chan error, 1)
		go func() { errc <- s.Handshake(ctx) }()
		if err := c.Handshake(ctx); err != nil {
			b.Fatal(err)
		}
		if err := <-errc; err != nil {
			b.Fatal(err)
		}
		d1, d2 := make(chan struct{}), make(chan struct{})
		go reader(func(p []byte) (int, error) { return s.ReadContext(ctx, p) }, d1)
		go reader(func(p []byte) (int, error) { return c.ReadContext(ctx, p) }, d2)
		return func() { c.Close(); s.Close(); <-d1; <-d2 }
	}
	var mb, me, rb, re float64
	for b.Loop() {
		mb += idleEnds(b, bare)
		me += idleEnds(b, engine)
		rb += loopback.IdleRSS(b, "TestIdleRSSChild", "bare", idleRSSConns)
		re += loopback.IdleRSS(b, "TestIdleRSSChild", "engine", idleRSSConns)
	}
	n := float64(b.N)
	b.ReportMetric(mb/n/1024, "bare-KiB/conn")
	b.ReportMetric(me/n/1024, "engine-KiB/conn")
	b.ReportMetric(me/mb, "ratio")
	b.ReportMetric(rb/n/1024, "bare-RSS-KiB/conn")
	b.ReportMetric(re/n/1024, "engine-RSS-KiB/conn")
	b.ReportMetric(re/rb, "rss-ratio")
}

// idleRSSConns is the number of server connections of the RSS
// measurement of BenchmarkIdleMemory (issue 17 asks 1,000–10,000).
const idleRSSConns = 1000

// TestIdleRSSChild is the server process of BenchmarkIdleMemory's RSS
// measurement (skipped otherwise): mode "bare" serves each accepted
// connection with crypto/tls, "engine" with [Server] configured by a
// tlsctx context, each with a goroutine blocked in a 4 KiB read (whose
// first read runs the handshake).
func TestIdleRSSChild(t *testing.T) {
	loopback.IdleRSSChild(t, func(mode string) string {
		bs := newBenchSetup(t)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		go func() {
			for {
				raw, err := ln.Accept()
				if err != nil {
					return
				}
				var read func([]byte) (int, error)
				if mode == "engine" {
					scc, err := bs.server.ConnConfig(tlsctx.ConnParams{})
					if err != nil {
						panic(err)
					}
					s := Server(raw, scc, Options{})
					read = func(p []byte) (int, error) { return s.ReadContext(ctx, p) }
				} else {
					read = tls.Server(raw, bs.bareServer).Read
				}
				go func() {
					buf := make([]byte, 4<<10)
					for {
						if _, err := read(buf); err != nil {
							return
						}
					}
				}()
			}
		}()
		return ln.Addr().String()
	})
}
