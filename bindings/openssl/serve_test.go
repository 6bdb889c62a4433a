// Soak test of ssl-serve: many connections through a running server leave goroutines, fds and heap at their baseline after the stop.

package openssl

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

func openFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skipf("no /proc/self/fd: %v", err)
	}
	return len(ents)
}

func TestServeSoak(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 50
	}
	set := certgen.MustSet(t)
	in := bindingtest.NewInterp(t, testOptions(set))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	// warm up: one connection, so lazily made state is not counted
	run := func(count int) {
		t.Helper()
		v, err := in.EvalString(ctx, `
(let* ((l (ssl-listen* hostname: "127.0.0.1" certificate: leaf-cert private-key: leaf-key))
       (srv (ssl-serve l (lambda (i o) (write-string (string-append (read-line i) "\n") o)))))
  (let loop ((k 0))
    (when (< k `+itoa(count)+`)
      (let-values (((i o) (ssl-connect* hostname: "localhost" port: (ssl-listener-port l) certificate-authorities: ca-file)))
        (write-string "ping\n" o) (flush-output o)
        (read-line i)
        (close-input-port i) (close-output-port o))
      (loop (+ k 1))))
  (let ((stopped (ssl-server-stop! srv 10)))
    (ssl-close l)
    (list stopped (cdr (assq 'served (ssl-server-info srv))) (cdr (assq 'failed (ssl-server-info srv))))))`)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := scheme.WriteString(v), "(#t "+itoa(count)+" 0)"; got != want {
			t.Fatalf("server result %s, want %s", got, want)
		}
	}
	run(1)
	runtime.GC()
	var m0 runtime.MemStats
	runtime.ReadMemStats(&m0)
	g0, fd0 := runtime.NumGoroutine(), openFDs(t)
	run(n)
	var g int
	for range 300 {
		runtime.GC()
		if g = runtime.NumGoroutine(); g <= g0 && openFDs(t) <= fd0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if g > g0 {
		buf := make([]byte, 1<<16)
		t.Fatalf("goroutines %d > %d before:\n%s", g, g0, buf[:runtime.Stack(buf, true)])
	}
	if fd := openFDs(t); fd > fd0 {
		t.Fatalf("fds %d > %d before", fd, fd0)
	}
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)
	if grow := int64(m1.HeapAlloc) - int64(m0.HeapAlloc); grow > 8<<20 {
		t.Fatalf("heap grew by %d bytes over %d connections", grow, n)
	}
}

func itoa(n int) string { return scheme.WriteString(scheme.Fixnum(n)) }
