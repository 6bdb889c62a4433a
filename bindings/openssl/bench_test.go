// Throughput of Scheme SSL ports (ssl-connect*/ssl-accept, read-string/write-string in 64 KiB pieces) vs bare crypto/tls.

package openssl

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
)

const benchBytes = 256 << 20 // per transfer
const piece = 64 << 10

// BenchmarkThroughput moves 256 MiB per iteration through Scheme ports and,
// in the same iteration, through bare crypto/tls; it reports both rates
// and their ratio (scheme/bare).
//
//	go test -run XXX -bench Throughput -benchtime 3x ./bindings/openssl/
func BenchmarkThroughput(b *testing.B) {
	set := certgen.MustSet(b)
	in := bindingtest.NewInterp(b, testOptions(set))
	script := fmt.Sprintf(`
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define chunk (make-string %d #\a))
(define (transfer)
  (let ((t (make-thread (lambda ()
             (let-values (((i o) (ssl-accept l)))
               (let loop ((n %d))
                 (when (> n 0) (write-string chunk o) (loop (- n 1))))
               (flush-output o) (close-output-port o) (close-input-port i))))))
    (thread-start! t)
    (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file)))
      (let loop ((total 0))
        (let ((s (read-string %d i)))
          (if (eof-object? s)
              (begin (thread-join! t) (close-input-port i) (close-output-port o) total)
              (loop (+ total (string-length s)))))))))`, piece, benchBytes/piece, piece)
	ctx := context.Background()
	if _, err := in.EvalString(ctx, "(import (srfi 18))"+script); err != nil {
		b.Fatal(err)
	}
	var schemeDur, bareDur time.Duration
	for b.Loop() {
		start := time.Now()
		v, err := in.EvalString(ctx, "(transfer)")
		if err != nil {
			b.Fatal(err)
		}
		schemeDur += time.Since(start)
		if fmt.Sprint(v) != fmt.Sprint(benchBytes) {
			b.Fatalf("scheme transfer moved %v bytes", v)
		}
		start = time.Now()
		bareTransfer(b, set)
		bareDur += time.Since(start)
	}
	mb := func(d time.Duration) float64 { return float64(b.N) * benchBytes / d.Seconds() / 1e6 }
	b.ReportMetric(mb(schemeDur), "scheme-MB/s")
	b.ReportMetric(mb(bareDur), "bare-MB/s")
	b.ReportMetric(bareDur.Seconds()/schemeDur.Seconds(), "ratio")
}

// bareTransfer moves benchBytes from a tls.Server to a tls.Client in 64 KiB pieces.
func bareTransfer(b *testing.B, set *certgen.Set) {
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
		s := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{set.Leaf.TLSCertificate()}})
		buf := make([]byte, piece)
		for i := range buf {
			buf[i] = 'a'
		}
		for n := 0; n < benchBytes; n += piece {
			if _, err := s.Write(buf); err != nil {
				done <- err
				return
			}
		}
		done <- s.Close()
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	cl := tls.Client(c, &tls.Config{RootCAs: set.CA.Pool(), ServerName: "localhost"})
	buf := make([]byte, piece)
	total := 0
	for {
		n, err := io.ReadFull(cl, buf)
		total += n
		if err != nil {
			break
		}
	}
	cl.Close()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	if total != benchBytes {
		b.Fatalf("bare transfer moved %d bytes", total)
	}
}
