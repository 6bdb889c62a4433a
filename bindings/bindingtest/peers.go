// The (tlsport testpeer) library: real peer processes (openssl s_server /
// s_client, curl) as Scheme values.

package bindingtest

import (
	"bufio"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/scheme"
)

// NeedPeers skips t when the script uses a peer binary that is missing.
func NeedPeers(t *testing.T, src string) {
	t.Helper()
	if strings.Contains(src, "(openssl-s-") {
		testpeer.Need(t, "openssl", "openssl")
	}
	if strings.Contains(src, "(curl ") {
		testpeer.Need(t, "curl", "curl")
	}
}

// peer is a running peer process as a Scheme value.
type peer struct {
	p     *testpeer.Peer
	lines chan string // stdout lines, closed at EOF
}

func (*peer) TypeName() string { return "test-peer" }
func (*peer) Repr() string     { return "#<test-peer>" }

func newPeer(p *testpeer.Peer) *peer {
	pr := &peer{p: p, lines: make(chan string, 1024)}
	go func(r *bufio.Reader) {
		defer close(pr.lines)
		for {
			line, err := r.ReadString('\n')
			if line != "" {
				pr.lines <- strings.TrimRight(line, "\r\n")
			}
			if err != nil {
				return
			}
		}
	}(p.Stdout)
	return pr
}

func strArgs(args []scheme.Value) []string {
	l, _ := scheme.ListToSlice(args[len(args)-1])
	out := make([]string, 0, len(l))
	for _, v := range l {
		out = append(out, scheme.DisplayString(v))
	}
	return out
}

func peerArg(v scheme.Value) (*peer, error) {
	p, ok := v.(*peer)
	if !ok {
		return nil, scheme.TypeError("", 1, "test-peer", v)
	}
	return p, nil
}

// PeerLibrary returns (tlsport testpeer), binding the real-peer procedures used by the scripts:
//
//	(openssl-s-server arg …) => peer      ; s_server on 127.0.0.1:0
//	(openssl-s-client port arg …) => peer ; s_client -connect 127.0.0.1:port
//	(curl arg …) => peer
//	(peer-port peer) => port of a server
//	(peer-send peer string)               ; to the peer's stdin
//	(peer-close-stdin peer)
//	(peer-read-until peer substr [secs]) => the first stdout line containing substr, or #f
//	(peer-output peer) => all remaining stdout (waits for exit)
//	(peer-wait peer) => exit code
func PeerLibrary(t testing.TB) *scheme.Library {
	rest := func(names ...string) scheme.Params { return scheme.Params{Required: names, Rest: "args"} }
	return &scheme.Library{Name: "(tlsport testpeer)", Procs: []scheme.Proc{
		{Name: "openssl-s-server", Args: rest(), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return newPeer(testpeer.OpenSSLServer(t, strArgs(a)...)), nil
		}},
		{Name: "openssl-s-client", Args: rest("port"), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			addr := "127.0.0.1:" + scheme.DisplayString(a[0])
			return newPeer(testpeer.OpenSSLClient(t, addr, strArgs(a)...)), nil
		}},
		{Name: "curl", Args: rest(), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return newPeer(testpeer.Curl(t, strArgs(a)...)), nil
		}},
		{Name: "peer-port", Args: rest("peer"), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			p, err := peerArg(a[0])
			if err != nil {
				return nil, err
			}
			i := strings.LastIndex(p.p.Addr, ":")
			n, _ := strconv.Atoi(p.p.Addr[i+1:])
			return scheme.Fixnum(n), nil
		}},
		{Name: "peer-send", Args: rest("peer", "text"), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			p, err := peerArg(a[0])
			if err != nil {
				return nil, err
			}
			_, err = io.WriteString(p.p.Stdin, scheme.DisplayString(a[1]))
			return scheme.Unspecified, err
		}},
		{Name: "peer-close-stdin", Args: rest("peer"), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			p, err := peerArg(a[0])
			if err != nil {
				return nil, err
			}
			return scheme.Unspecified, p.p.Stdin.Close()
		}},
		{Name: "peer-read-until", Args: rest("peer", "substr"), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			p, err := peerArg(a[0])
			if err != nil {
				return nil, err
			}
			want := scheme.DisplayString(a[1])
			timeout := time.After(20 * time.Second)
			for {
				select {
				case line, ok := <-p.lines:
					if !ok {
						return scheme.False, nil
					}
					if strings.Contains(line, want) {
						return scheme.NewString(line), nil
					}
				case <-timeout:
					return scheme.False, nil
				case <-th.Context().Done():
					return nil, th.Context().Err()
				}
			}
		}},
		{Name: "peer-output", Args: rest("peer"), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			p, err := peerArg(a[0])
			if err != nil {
				return nil, err
			}
			var b strings.Builder
			for line := range p.lines {
				b.WriteString(line + "\n")
			}
			return scheme.NewString(b.String()), nil
		}},
		{Name: "peer-wait", Args: rest("peer"), Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			p, err := peerArg(a[0])
			if err != nil {
				return nil, err
			}
			err = p.p.Wait()
			var ee *exec.ExitError
			switch {
			case err == nil:
				return scheme.Fixnum(0), nil
			case asExit(err, &ee):
				return scheme.Fixnum(ee.ExitCode()), nil
			}
			return nil, fmt.Errorf("peer: %v", err)
		}},
	}}
}

func asExit(err error, ee **exec.ExitError) bool {
	e, ok := err.(*exec.ExitError)
	if ok {
		*ee = e
	}
	return ok
}
