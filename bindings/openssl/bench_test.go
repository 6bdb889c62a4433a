// Throughput, handshake rate and idle memory of Scheme ports (ssl-connect*/ssl-accept, (chicken tcp)) vs bare Go, in the same run.

package openssl

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/loopback"
)

const benchBytes = 256 << 20 // per transfer

// bulkCase is one row of BenchmarkThroughput: a transport and an I/O style.
type bulkCase struct {
	name   string
	tls    int  // 0: plain TCP ((chicken tcp)); else tls.VersionTLS12/13
	string bool // read-string/write-string; else read-bytevector!/write-bytevector
	bang   bool // string rows: read-string! into one string instead of read-string
	piece  int
}

var bulkCases = []bulkCase{
	{"tls13/string64K", tls.VersionTLS13, true, false, 64 << 10},
	{"tls13/string!64K", tls.VersionTLS13, true, true, 64 << 10},
	{"tls13/bytevector16K", tls.VersionTLS13, false, false, 16 << 10},
	{"tls12/string64K", tls.VersionTLS12, true, false, 64 << 10},
	{"tls12/string!64K", tls.VersionTLS12, true, true, 64 << 10},
	{"tls12/bytevector16K", tls.VersionTLS12, false, false, 16 << 10},
	{"tcp/string64K", 0, true, false, 64 << 10},
	{"tcp/string!64K", 0, true, true, 64 << 10},
	{"tcp/bytevector16K", 0, false, false, 16 << 10},
}

// script defines (transfer): a thread writes benchBytes to an accepted
// port in pieces, the main thread reads them from a connected port until
// EOF and returns the count.
func (bc bulkCase) script() string {
	listen := `(ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key)`
	if bc.tls == tls.VersionTLS12 {
		listen = `(ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key max-protocol: 'tlsv12)`
	}
	accept := `(ssl-accept l)`
	connect := `(ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file)`
	if bc.tls == 0 {
		listen, accept = `(tcp-listen 0 4 "127.0.0.1")`, `(tcp-accept l)`
		connect = `(tcp-connect "127.0.0.1" (tcp-listener-port l))`
	}
	chunk, write, read, count := fmt.Sprintf("(make-bytevector %d 97)", bc.piece), "write-bytevector",
		"(read-bytevector! buf i)", "got"
	if bc.string {
		chunk, write, read, count = fmt.Sprintf("(make-string %d #\\a)", bc.piece), "write-string",
			fmt.Sprintf("(read-string %d i)", bc.piece), "(string-length got)"
	}
	if bc.bang { // CHICKEN's read-string! into one string: 0 at the end
		read, count = "(let ((n (read-string! #f sbuf i))) (if (= n 0) (eof-object) n))", "got"
	}
	return fmt.Sprintf(`
(import (chicken io))
(define l %s)
(define sbuf (make-string %d))
(define chunk %s)
(define buf (make-bytevector %d))
(define (transfer)
  (let ((t (make-thread (lambda ()
             (let-values (((i o) %s))
               (let loop ((n %d))
                 (when (> n 0) (%s chunk o) (loop (- n 1))))
               (flush-output o) (close-output-port o) (close-input-port i))))))
    (thread-start! t)
    (let-values (((i o) %s))
      (let loop ((total 0))
        (let ((got %s))
          (if (eof-object? got)
              (begin (thread-join! t) (close-input-port i) (close-output-port o) total)
              (loop (+ total %s))))))))`, listen, bc.piece, chunk, bc.piece, accept, benchBytes/bc.piece, write, connect, read, count)
}

// BenchmarkThroughput moves 256 MiB per iteration through Scheme ports
// (both ends in one interpreter, on two SRFI-18 threads; tcp-buffer-size
// #f) and, in the same iteration, through bare Go (crypto/tls or
// net.Conn, Write and io.ReadFull of the same piece size); it reports both
// rates and their ratio (scheme/bare).
//
//	go test -run XXX -bench Throughput -benchtime 3x ./bindings/openssl/
func BenchmarkThroughput(b *testing.B) {
	set := certgen.MustSet(b)
	for _, bc := range bulkCases {
		b.Run(bc.name, func(b *testing.B) {
			in := bindingtest.NewInterp(b, testOptions(set))
			ctx := context.Background()
			if _, err := in.EvalString(ctx, "(import (srfi 18))"+bc.script()); err != nil {
				b.Fatal(err)
			}
			var sc, bare, bareFresh loopback.Cost
			for b.Loop() {
				sc.Add(loopback.Measure(func() {
					v, err := in.EvalString(ctx, "(transfer)")
					if err != nil {
						b.Fatal(err)
					}
					if fmt.Sprint(v) != fmt.Sprint(benchBytes) {
						b.Fatalf("scheme transfer moved %v bytes", v)
					}
				}))
				bare.Add(loopback.Measure(func() { bareTransfer(b, set, bc, false) }))
				if bc.string && !bc.bang {
					bareFresh.Add(loopback.Measure(func() { bareTransfer(b, set, bc, true) }))
				}
			}
			loopback.Report(b, float64(b.N)*benchBytes/1e6, "MB/s", "scheme", bare, sc)
			if bc.string && !bc.bang {
				// what a fresh buffer per read costs Go itself, as read-string's
				// fresh string must: bare Go reading into a new slice each time
				// against bare Go reusing one ("fresh-cpu-ratio"), and the Scheme
				// reader against that Go reader ("scheme-vs-fresh-cpu-ratio")
				b.ReportMetric(bare.CPU.Seconds()/bareFresh.CPU.Seconds(), "fresh-cpu-ratio")
				b.ReportMetric(bareFresh.CPU.Seconds()/sc.CPU.Seconds(), "scheme-vs-fresh-cpu-ratio")
			}
		})
	}
}

// bareTransfer moves benchBytes from a server to a client in pieces of
// bc.piece, over crypto/tls of version bc.tls or plain TCP; the client
// reads into one buffer, or into a new one each time when fresh.
func bareTransfer(b *testing.B, set *certgen.Set, bc bulkCase, fresh bool) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	done := make(chan error, 1)
	go func() {
		c, err := ln.Accept()
		if err != nil {
			done <- err
			return
		}
		if bc.tls != 0 {
			c = tls.Server(c, &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}, MaxVersion: uint16(bc.tls)})
		}
		buf := make([]byte, bc.piece)
		for i := range buf {
			buf[i] = 'a'
		}
		for n := 0; n < benchBytes; n += bc.piece {
			if _, err := c.Write(buf); err != nil {
				done <- err
				return
			}
		}
		done <- c.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	if bc.tls != 0 {
		c = tls.Client(c, &tls.Config{RootCAs: set.CA.Pool(), ServerName: "localhost"})
	}
	buf := make([]byte, bc.piece)
	total := 0
	for {
		if fresh {
			buf = make([]byte, bc.piece)
		}
		n, err := io.ReadFull(c, buf)
		total += n
		if err != nil {
			break
		}
	}
	c.Close()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	if total != benchBytes {
		b.Fatalf("bare transfer moved %d bytes", total)
	}
}

// idleConns is the number of connections BenchmarkIdleMemory holds open.
const idleConns = 300

// goServer serves each connection accepted on a loopback listener with
// crypto/tls and serve on a goroutine of its own, closing it when serve
// returns. stop closes the listener.
func goServer(b testing.TB, cfg *tls.Config, serve func(*tls.Conn)) (addr string, stop func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				s := tls.Server(c, cfg)
				defer s.Close()
				serve(s)
			}()
		}
	}()
	return ln.Addr().String(), func() { ln.Close() }
}

// idleClient dials addr, completes a TLS 1.3 handshake and leaves a
// goroutine blocked reading; the returned func closes it and waits.
func idleClient(b *testing.B, addr string, cfg *tls.Config) func() {
	c, err := tls.Dial("tcp", addr, cfg)
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		buf := make([]byte, 4<<10)
		for {
			if _, err := c.Read(buf); err != nil {
				close(done)
				return
			}
		}
	}()
	return func() { c.Close(); <-done }
}

// BenchmarkIdleMemory measures the memory of an idle established TLS 1.3
// connection on a Scheme server with a thread per connection (the thread
// blocked in read-line), against a bare crypto/tls server with a goroutine
// per connection blocked in a 4 KiB Read (target ≤ 48 KiB per Scheme
// connection). Memory is the live heap plus goroutine stacks after GC;
// the clients (bare crypto/tls, in this process) are subtracted. The RSS
// figures are the growth of VmRSS of a server process (the test binary
// run again, TestIdleRSSChild) per connection, idleRSSConns connections
// from this process, Go's default GC.
func BenchmarkIdleMemory(b *testing.B) {
	set := certgen.MustSet(b)
	in := bindingtest.NewInterp(b, testOptions(set))
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `(import (srfi 18))
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define (serve n)
  (let loop ((k n))
    (when (> k 0)
      (let-values (((i o) (ssl-accept l)))
        (thread-start! (make-thread (lambda () (read-line i) (close-input-port i) (close-output-port o))))
        (loop (- k 1))))))
(ssl-listener-port l)`); err != nil {
		b.Fatal(err)
	}
	port, _ := in.EvalString(ctx, "(ssl-listener-port l)")
	clientCfg := &tls.Config{RootCAs: set.CA.Pool(), ServerName: "localhost"}
	serverCfg := &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}}
	var bareEnd, schemeConn, rssBare, rssScheme float64
	for b.Loop() {
		// Bare pairs: both ends alike, so each end is half a pair.
		before := loopback.MemInUse()
		addr, stop := goServer(b, serverCfg, func(s *tls.Conn) {
			buf := make([]byte, 4<<10)
			for {
				if _, err := s.Read(buf); err != nil {
					return
				}
			}
		})
		var closers []func()
		for range idleConns {
			closers = append(closers, idleClient(b, addr, clientCfg))
		}
		time.Sleep(200 * time.Millisecond)
		end := float64(loopback.MemInUse()-before) / (2 * idleConns)
		bareEnd += end
		stop()
		for _, c := range closers {
			c()
		}
		// Scheme server, bare clients.
		before = loopback.MemInUse()
		served := make(chan error, 1)
		go func() { _, err := in.EvalString(ctx, fmt.Sprintf("(serve %d)", idleConns)); served <- err }()
		closers = closers[:0]
		for range idleConns {
			closers = append(closers, idleClient(b, fmt.Sprintf("127.0.0.1:%v", port), clientCfg))
		}
		if err := <-served; err != nil {
			b.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond)
		schemeConn += float64(loopback.MemInUse()-before)/idleConns - end
		for _, c := range closers {
			c()
		}
		rssBare += loopback.IdleRSS(b, "TestIdleRSSChild", "bare", idleRSSConns)
		rssScheme += loopback.IdleRSS(b, "TestIdleRSSChild", "scheme", idleRSSConns)
	}
	n := float64(b.N) * 1024
	b.ReportMetric(bareEnd/n, "bare-KiB/conn")
	b.ReportMetric(schemeConn/n, "scheme-KiB/conn")
	b.ReportMetric(schemeConn/bareEnd, "ratio")
	b.ReportMetric(rssBare/n, "bare-RSS-KiB/conn")
	b.ReportMetric(rssScheme/n, "scheme-RSS-KiB/conn")
	b.ReportMetric(rssScheme/rssBare, "rss-ratio")
}

// idleRSSConns is the number of server connections of the RSS
// measurement of BenchmarkIdleMemory (issue 17 asks 1,000–10,000).
const idleRSSConns = 1000

// TestIdleRSSChild is the server process of BenchmarkIdleMemory's RSS
// measurement (skipped otherwise): mode "scheme" is an ssl-accept loop
// starting a thread per connection blocked in read-line (whose first
// read runs the handshake), "bare" a crypto/tls server with a goroutine
// per connection blocked in a 4 KiB Read. Both processes load the same
// interpreter and bindings.
func TestIdleRSSChild(t *testing.T) {
	loopback.IdleRSSChild(t, func(mode string) string {
		set := certgen.MustSet(t)
		in := bindingtest.NewInterp(t, testOptions(set))
		if mode == "bare" {
			addr, _ := goServer(t, &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}}, func(s *tls.Conn) {
				buf := make([]byte, 4<<10)
				for {
					if _, err := s.Read(buf); err != nil {
						return
					}
				}
			})
			return addr
		}
		ctx := context.Background()
		port, err := in.EvalString(ctx, `(import (srfi 18))
(define l (ssl-listen* hostname: "127.0.0.1" backlog: 128 certificate: leaf-cert private-key: leaf-key))
(define (serve-forever)
  (let-values (((i o) (ssl-accept l)))
    (thread-start! (make-thread (lambda () (read-line i) (close-input-port i) (close-output-port o))))
    (serve-forever)))
(ssl-listener-port l)`)
		if err != nil {
			t.Fatal(err)
		}
		go func() { _, _ = in.EvalString(ctx, "(serve-forever)") }()
		return fmt.Sprintf("127.0.0.1:%v", port)
	})
}

// hsBatch is the number of handshakes per side per iteration of
// BenchmarkHandshake for full handshakes; resumed rows run 4× as many, so
// that an iteration of the cheapest row (TLS 1.2 resumption, about 0.1 ms
// of CPU time a handshake) still measures tens of milliseconds.
const hsBatch = 40

// bareHSServer serves connections one at a time with crypto/tls: the
// handshake, one byte written, then reading until the client closes. It
// returns the address; the listener closes when the benchmark ends.
func bareHSServer(b *testing.B, cfg *tls.Config) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { ln.Close() })
	go func() {
		one := []byte{1}
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s := tls.Server(c, cfg)
			if _, err := s.Write(one); err == nil {
				_, _ = io.Copy(io.Discard, s)
			}
			s.Close()
		}
	}()
	return ln.Addr().String()
}

// goClients makes n connections to addr with crypto/tls, each reading the
// server's byte and closing; it returns how many resumed a session.
func goClients(b *testing.B, addr string, cfg *tls.Config, n int) int {
	resumed := 0
	one := make([]byte, 1)
	for range n {
		c, err := tls.Dial("tcp", addr, cfg)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.ReadFull(c, one); err != nil {
			b.Fatal(err)
		}
		if c.ConnectionState().DidResume {
			resumed++
		}
		c.Close()
	}
	return resumed
}

// BenchmarkHandshake compares handshakes per second with Scheme on one
// side against bare crypto/tls on that side, the other side being bare
// crypto/tls in both cases: client rows run ssl-connect (one context, its
// session cache off for full handshakes, on for resumed ones) against a Go
// server; server rows run an ssl-accept loop against Go clients. Each
// connection carries one byte from the server, then the client closes.
//
//	go test -run XXX -bench Handshake -benchtime 3x ./bindings/openssl/
func BenchmarkHandshake(b *testing.B) {
	set := certgen.MustSet(b)
	in := bindingtest.NewInterp(b, testOptions(set))
	ctx := context.Background()
	if _, err := in.EvalString(ctx, `
(define (client-ctx tls12 resume)
  (let ((ctx (ssl-make-client-context* certificate-authorities: ca-file)))
    (if tls12 (ssl-set-protocol-range! ctx #f 'tlsv12))
    (if (not resume) (ssl-set-session-cache! ctx #f))
    ctx))
(define (hs-clients n port ctx)
  (let loop ((k n) (reused 0))
    (if (= k 0)
        reused
        (let-values (((i o) (ssl-connect "127.0.0.1" port ctx)))
          (read-u8 i)
          (let ((r (if (ssl-session-reused? i) 1 0)))
            (close-input-port i) (close-output-port o)
            (loop (- k 1) (+ reused r)))))))
(define (hs-serve n l)
  (let loop ((k n))
    (when (> k 0)
      (let-values (((i o) (ssl-accept l)))
        (write-u8 1 o) (flush-output o)
        (read-u8 i)
        (close-input-port i) (close-output-port o)
        (loop (- k 1))))))`); err != nil {
		b.Fatal(err)
	}
	for _, row := range []struct {
		name          string
		server, tls12 bool
		resume        bool
	}{
		{"client/full13", false, false, false}, {"client/full12", false, true, false},
		{"client/resumed13", false, false, true}, {"client/resumed12", false, true, true},
		{"server/full13", true, false, false}, {"server/full12", true, true, false},
		{"server/resumed13", true, false, true}, {"server/resumed12", true, true, true},
	} {
		b.Run(row.name, func(b *testing.B) {
			maxv, proto := uint16(tls.VersionTLS13), "tlsv13"
			if row.tls12 {
				maxv, proto = tls.VersionTLS12, "tlsv12"
			}
			serverCfg := &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}, MaxVersion: maxv}
			clientCfg := &tls.Config{RootCAs: set.CA.Pool(), ServerName: "127.0.0.1", MaxVersion: maxv}
			if row.resume {
				clientCfg.ClientSessionCache = tls.NewLRUClientSessionCache(64)
			}
			batch, want := hsBatch, 0
			if row.resume {
				batch = 4 * hsBatch
				want = batch
			}
			bareAddr := bareHSServer(b, serverCfg)
			goClients(b, bareAddr, clientCfg, 1) // warm the session cache
			var sc, bare loopback.Cost
			if row.server {
				if _, err := in.EvalString(ctx, fmt.Sprintf(`(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key max-protocol: '%s))`, proto)); err != nil {
					b.Fatal(err)
				}
				port, _ := in.EvalString(ctx, "(ssl-listener-port l)")
				addr := fmt.Sprintf("127.0.0.1:%v", port)
				serve := func(n int) chan error {
					done := make(chan error, 1)
					go func() { _, err := in.EvalString(ctx, fmt.Sprintf("(hs-serve %d l)", n)); done <- err }()
					return done
				}
				schemeCfg := clientCfg.Clone() // a session cache of its own
				if row.resume {
					schemeCfg.ClientSessionCache = tls.NewLRUClientSessionCache(64)
				}
				done := serve(1) // warm the session cache
				goClients(b, addr, schemeCfg, 1)
				if err := <-done; err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					sc.Add(loopback.Measure(func() {
						done := serve(batch)
						if got := goClients(b, addr, schemeCfg, batch); got != want {
							b.Fatalf("%d of %d handshakes resumed, want %d", got, batch, want)
						}
						if err := <-done; err != nil {
							b.Fatal(err)
						}
					}))
					bare.Add(loopback.Measure(func() { goClients(b, bareAddr, clientCfg, batch) }))
				}
			} else {
				if _, err := in.EvalString(ctx, fmt.Sprintf("(define cctx (client-ctx %s %s))", schemeBool(row.tls12), schemeBool(row.resume))); err != nil {
					b.Fatal(err)
				}
				port := bareAddr[len("127.0.0.1:"):]
				if _, err := in.EvalString(ctx, fmt.Sprintf("(hs-clients 1 %s cctx)", port)); err != nil { // warm the cache
					b.Fatal(err)
				}
				for b.Loop() {
					sc.Add(loopback.Measure(func() {
						v, err := in.EvalString(ctx, fmt.Sprintf("(hs-clients %d %s cctx)", batch, port))
						if err != nil {
							b.Fatal(err)
						}
						if fmt.Sprint(v) != fmt.Sprint(want) {
							b.Fatalf("%v of %d handshakes resumed, want %d", v, batch, want)
						}
					}))
					bare.Add(loopback.Measure(func() { goClients(b, bareAddr, clientCfg, batch) }))
				}
			}
			loopback.Report(b, float64(b.N*batch), "hs/s", "scheme", bare, sc)
		})
	}
}

// schemeBool is the Scheme literal of v.
func schemeBool(v bool) string {
	if v {
		return "#t"
	}
	return "#f"
}

// Echo load: echoConns client connections, each sending echoRounds pieces
// of echoPiece bytes and reading each echo back.
const (
	echoConns  = 100
	echoPiece  = 16 << 10
	echoRounds = 160 // 100 × 160 × 16 KiB = 250 MiB each way
	echoEnv    = "TLSPORT_BENCH_ECHO_CLIENT"
)

// TestMain runs the echo clients of BenchmarkEchoCPU when the test binary
// is started as their process, else the tests.
func TestMain(m *testing.M) {
	if addr := os.Getenv(echoEnv); addr != "" {
		if err := echoClients(addr); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// echoClients runs the echo load against addr (a load generator: the
// server certificate is not verified).
func echoClients(addr string) error {
	errs := make(chan error, echoConns)
	for range echoConns {
		go func() {
			c, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true})
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			out, in := make([]byte, echoPiece), make([]byte, echoPiece)
			for range echoRounds {
				if _, err := c.Write(out); err != nil {
					errs <- err
					return
				}
				if _, err := io.ReadFull(c, in); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range echoConns {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

// runEchoClients runs the echo load against addr in a child process, so
// that this process's CPU time is the server's alone.
func runEchoClients(b *testing.B, addr string) {
	cmd := exec.Command(os.Args[0], "-test.run=XXX")
	cmd.Env = append(os.Environ(), echoEnv+"="+addr)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("echo clients: %v\n%s", err, out)
	}
}

// BenchmarkEchoCPU compares the server CPU time per GiB echoed by a Scheme
// server (ssl-accept, a thread per connection, read-bytevector! and
// write-bytevector of 16 KiB) with a bare crypto/tls server (a goroutine
// per connection, io.ReadFull and Write of 16 KiB), under 100 concurrent
// TLS 1.3 connections driven from a child process (target: Scheme ≤ 1.1×
// bare). cpu-ratio is bare/Scheme CPU (higher is better).
//
//	go test -run XXX -bench EchoCPU -benchtime 3x ./bindings/openssl/
func BenchmarkEchoCPU(b *testing.B) {
	set := certgen.MustSet(b)
	in := bindingtest.NewInterp(b, testOptions(set))
	ctx := context.Background()
	if _, err := in.EvalString(ctx, fmt.Sprintf(`(import (srfi 18))
(define el (ssl-listen* hostname: "127.0.0.1" backlog: 128 certificate: leaf-cert private-key: leaf-key))
(define (echo-serve n)
  (let loop ((k n) (ts '()))
    (if (= k 0)
        (for-each thread-join! ts)
        (let-values (((i o) (ssl-accept el)))
          (let ((t (make-thread
                    (lambda ()
                      (let ((buf (make-bytevector %d)))
                        (let lp ()
                          (let ((n (read-bytevector! buf i)))
                            (unless (eof-object? n)
                              (write-bytevector buf o 0 n)
                              (lp)))))
                      (close-input-port i) (close-output-port o)))))
            (thread-start! t)
            (loop (- k 1) (cons t ts)))))))`, echoPiece)); err != nil {
		b.Fatal(err)
	}
	port, _ := in.EvalString(ctx, "(ssl-listener-port el)")
	cfg := &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}}
	bareAddr, stop := goServer(b, cfg, func(s *tls.Conn) {
		buf := make([]byte, echoPiece)
		for {
			if _, err := io.ReadFull(s, buf); err != nil {
				return
			}
			if _, err := s.Write(buf); err != nil {
				return
			}
		}
	})
	defer stop()
	var sc, bare loopback.Cost
	for b.Loop() {
		sc.Add(loopback.Measure(func() {
			done := make(chan error, 1)
			go func() { _, err := in.EvalString(ctx, fmt.Sprintf("(echo-serve %d)", echoConns)); done <- err }()
			runEchoClients(b, fmt.Sprintf("127.0.0.1:%v", port))
			if err := <-done; err != nil {
				b.Fatal(err)
			}
		}))
		bare.Add(loopback.Measure(func() { runEchoClients(b, bareAddr) }))
	}
	gib := float64(b.N) * echoConns * echoRounds * echoPiece / (1 << 30)
	b.ReportMetric(bare.CPU.Seconds()/gib, "bare-cpu-s/GiB")
	b.ReportMetric(sc.CPU.Seconds()/gib, "scheme-cpu-s/GiB")
	b.ReportMetric(bare.CPU.Seconds()/sc.CPU.Seconds(), "cpu-ratio")
	b.ReportMetric(bare.Wall.Seconds()/sc.Wall.Seconds(), "ratio")
}
