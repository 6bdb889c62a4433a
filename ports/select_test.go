// Tests of Select over loopback TLS connections and an acceptor.

package ports_test

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"

	"github.com/tlsport/tlsport/ports"
)

func TestSelect(t *testing.T) {
	never := func(ctx context.Context) (bool, error) { return false, nil }
	always := func(ctx context.Context) (bool, error) { return true, nil }
	broken := func(ctx context.Context) (bool, error) { return false, errors.New("boom") }
	cases := []struct {
		name    string
		timeout time.Duration
		funcs   []ports.ReadyFunc
		want    []int
	}{
		{"poll-none", 0, []ports.ReadyFunc{never, never}, nil},
		{"poll-some", 0, []ports.ReadyFunc{never, always, never, always}, []int{1, 3}},
		{"error-is-ready", 0, []ports.ReadyFunc{broken, never}, []int{0}},
		{"timeout", 30 * time.Millisecond, []ports.ReadyFunc{never}, nil},
		{"empty", 10 * time.Millisecond, nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			got, err := ports.Select(context.Background(), c.timeout, false, c.funcs)
			if err != nil || len(got) != len(c.want) {
				t.Fatalf("got %v %v, want %v", got, err, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
			if c.want == nil && time.Since(start) < c.timeout {
				t.Fatalf("returned before the timeout")
			}
		})
	}
	// forever, until the context is cancelled
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	if _, err := ports.Select(ctx, 0, true, []ports.ReadyFunc{never}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled select: %v", err)
	}
}

// TestSelectTCP waits on a TCP connection and an acceptor: data or a
// pending connection makes them ready.
func TestSelectTCP(t *testing.T) {
	ln, err := net.ListenTCP("tcp", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	acc := ports.NewAcceptor(ln)
	defer acc.Close()
	c1, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c1.Close()
	s1, err := acc.Accept(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	tcp := ports.NewTCP(s1, nil, ports.Options{})
	defer tcp.Close()
	funcs := []ports.ReadyFunc{tcp.Ready, func(ctx context.Context) (bool, error) { return acc.TryReady(ctx), nil }}
	if got, _ := ports.Select(context.Background(), 20*time.Millisecond, false, funcs); len(got) != 0 {
		t.Fatalf("idle: %v", got)
	}
	go func() { time.Sleep(30 * time.Millisecond); c1.Write([]byte("x")) }()
	if got, _ := ports.Select(context.Background(), 5*time.Second, false, funcs); len(got) != 1 || got[0] != 0 {
		t.Fatalf("after a write: %v", got)
	}
	b := make([]byte, 1)
	tcp.Read(context.Background(), b)
	c2, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	if got, _ := ports.Select(context.Background(), 5*time.Second, false, funcs); len(got) != 1 || got[0] != 1 {
		t.Fatalf("after a connect: %v", got)
	}
}
