// Soak test: thousands of Scheme TLS connections leave heap, goroutines and fds where they were.

package tests

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/all"
	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// soakConns is the number of connections served (and made) per path; soak
// warm-up runs soakWarmup first so that one-time allocations (library
// state, the first context of each kind) are in the baseline.
const (
	soakConns  = 4000
	soakWarmup = 100
	// soakHeapSlack is how far the live heap may end above its baseline.
	// A leak of one connection's buffers (~100 KiB) over soakConns
	// connections is ~400 MiB, of 1 KiB ~4 MiB. What stays is a few KiB
	// (2-8 KiB over 4,000 connections; the MiBs seen before were closed
	// connections kept for 120 s by their stopped handshake timers), so
	// the slack is 2 MiB: a leak of 512 bytes per connection fails.
	soakHeapSlack = 2 << 20
)

// soakPrelude is loaded before each path: (run-soak n serve-one
// connect-one) serves n connections with (serve-one) on a Scheme thread
// and makes n with (connect-one) on the calling thread, returning how
// many replies were "ping"; echo and ping are the two ends of one
// exchange over a port pair (one line each way, then both close).
const soakPrelude = `
(import (srfi 18))
(define (run-soak n serve-one connect-one)
  (let ((t (make-thread (lambda () (do ((k 0 (+ k 1))) ((= k n)) (serve-one))))))
    (thread-start! t)
    (let loop ((k n) (ok 0))
      (if (= k 0)
          (begin (thread-join! t) ok)
          (loop (- k 1) (if (equal? (connect-one) "ping") (+ ok 1) ok))))))
(define (echo i o)
  (write-line (read-line i) o)
  (close-output-port o) (close-input-port i))
(define (ping i o)
  (write-line "ping" o) (flush-output o)
  (let ((r (read-line i)))
    (close-output-port o) (close-input-port i)
    r))`

// soakPaths are the Scheme programs of the soak test: each defines
// (soak n) over run-soak for one way of making connections.
var soakPaths = []struct{ name, src string }{
	{"openssl", `
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define (soak n)
  (run-soak n
            (lambda () (call-with-values (lambda () (ssl-accept l)) echo))
            (lambda ()
              (call-with-values
                  (lambda () (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file))
                ping))))`},
	// A context per connection whose callbacks refer to the context itself.
	{"openssl-context-callbacks", `
(define l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
(define events 0)
(define (connect-one)
  (let ((ctx (ssl-make-client-context* certificate-authorities: ca-file)))
    (ssl-set-info-callback! ctx (lambda (kind conn . args) (when (ssl-client-context? ctx) (set! events (+ events 1)))))
    (ssl-set-verify-callback! ctx (lambda (conn depth cert ok? err) (and ok? (ssl-client-context? ctx))))
    (call-with-values (lambda () (ssl-connect "localhost" (ssl-listener-port l) ctx #t)) ping)))
(define (soak n)
  (run-soak n (lambda () (call-with-values (lambda () (ssl-accept l)) echo)) connect-one))`},
	{"tcp+ssl-start*", `
(define l (tcp-listen 0 100 "127.0.0.1"))
(define (soak n)
  (run-soak n
            (lambda ()
              (let-values (((i o) (tcp-accept l)))
                (call-with-values (lambda () (ssl-start* #t #f i o certificate: leaf-cert private-key: leaf-key)) echo)))
            (lambda ()
              (let-values (((i o) (tcp-connect "127.0.0.1" (tcp-listener-port l))))
                (call-with-values (lambda () (ssl-start* #f "localhost" i o certificate-authorities: ca-file)) ping)))))`},
	{"rfc-tls", `
(define (read-file path) (call-with-input-file path (lambda (in) (read-string 1000000 in))))
(define leaf (call-with-input-file leaf-cert read-x509-certificate))
(define ca (call-with-input-file ca-file read-x509-certificate))
(define srv (make-server-tls-socket "0" (list leaf) :host "127.0.0.1" :private-key (read-file leaf-key)))
(define port (number->string (socket-info-port (tls-socket-info srv))))
(define (soak n)
  (run-soak n
            (lambda ()
              (let ((s (tls-socket-accept srv)))
                (tls-socket-send s (tls-socket-recv s 4))
                (tls-socket-close s)))
            (lambda ()
              (let ((c (make-client-tls-socket "localhost" port :certificate-verifier #t :authorities (list ca))))
                (tls-socket-send c (string->utf8 "ping"))
                (let ((r (utf8->string (tls-socket-recv c 4))))
                  (tls-socket-close c)
                  r)))))`},
}

// TestSoakConnections serves and makes soakConns connections per path from
// Scheme and checks that the live heap after a GC, the goroutine count and
// the open fds come back to their values after a warm-up.
func TestSoakConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("soak test skipped under -short")
	}
	set := certgen.MustSet(t)
	for _, p := range soakPaths {
		t.Run(p.name, func(t *testing.T) {
			in := bindingtest.NewInterp(t, bindingtest.Options{Fixture: set})
			if err := all.Register(in); err != nil {
				t.Fatal(err)
			}
			soak := func(n int) {
				t.Helper()
				ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
				defer cancel()
				v, err := in.EvalString(ctx, fmt.Sprintf("(soak %d)", n))
				if err != nil {
					t.Fatalf("(soak %d): %v", n, err)
				}
				if v != scheme.Fixnum(n) {
					t.Fatalf("(soak %d): %v replies", n, v)
				}
			}
			if _, err := in.EvalString(context.Background(), soakPrelude+p.src); err != nil {
				t.Fatal(err)
			}
			soak(soakWarmup)
			base := measure()
			start := time.Now()
			soak(soakConns)
			t.Logf("%d connections in %v", soakConns, time.Since(start).Round(time.Millisecond))
			after := settle(base)
			t.Logf("live heap %d → %d KiB, goroutines %d → %d, fds %d → %d",
				base.heap>>10, after.heap>>10, base.goroutines, after.goroutines, base.fds, after.fds)
			if after.heap > base.heap+soakHeapSlack {
				t.Errorf("live heap grew by %d KiB over %d connections (limit %d KiB): connections are kept alive",
					(after.heap-base.heap)>>10, soakConns, soakHeapSlack>>10)
			}
			if after.goroutines > base.goroutines {
				t.Errorf("goroutines: %d after, %d before", after.goroutines, base.goroutines)
			}
			if base.fds >= 0 && after.fds > base.fds {
				t.Errorf("open fds: %d after, %d before", after.fds, base.fds)
			}
			runtime.KeepAlive(in)
		})
	}
}

// usage is what the soak test watches.
type usage struct {
	heap       uint64 // live heap bytes after GC
	goroutines int
	fds        int // open file descriptors, -1 where /proc/self/fd is missing
}

// measure collects garbage (twice, so that objects freed by cleanups and
// finalizers of the first cycle go too) and returns the usage.
func measure() usage {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fds := -1
	if ents, err := os.ReadDir("/proc/self/fd"); err == nil {
		fds = len(ents)
	}
	return usage{heap: ms.HeapAlloc, goroutines: runtime.NumGoroutine(), fds: fds}
}

// settle measures until goroutines and fds are back at base (closing
// goroutines take a moment to end), for at most 10 s, and returns the last
// measurement.
func settle(base usage) usage {
	deadline := time.Now().Add(10 * time.Second)
	for {
		u := measure()
		if (u.goroutines <= base.goroutines && u.fds <= base.fds) || time.Now().After(deadline) {
			return u
		}
		time.Sleep(100 * time.Millisecond)
	}
}
