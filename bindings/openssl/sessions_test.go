// Sessions exported by one interpreter resume in another (as in a later run of a script), against openssl s_server and Python ssl.

package openssl

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/scheme"
)

// pyServerPreamble starts a Python ssl server script: ctx with the
// certificate and key of argv[1] and argv[2], s listening on 127.0.0.1:0
// (announced as testpeer.PythonServer expects).
const pyServerPreamble = `
import socket, ssl, sys
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(sys.argv[1], sys.argv[2])
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen()
print("ACCEPT 127.0.0.1:%d" % s.getsockname()[1], flush=True)
`

// pySessionServer answers each connection's first line with
// "reused=True|False" (SSLSocket.session_reused).
const pySessionServer = pyServerPreamble + `
while True:
    c, _ = s.accept()
    try:
        with ctx.wrap_socket(c, server_side=True) as t:
            f = t.makefile("rwb")
            f.readline()
            f.write(b"reused=%s\n" % str(t.session_reused).encode())
            f.flush()
            f.close()
    except Exception as e:
        print("error", e, flush=True)
`

func TestSessionAcrossRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("real peers")
	}
	set := certgen.MustSet(t)
	f := set.Files
	peers := map[string]struct {
		start   func() *testpeer.Peer
		request string // sent after the handshake
		reused  string // substring of the answer on resumption
	}{
		"openssl": {func() *testpeer.Peer {
			return testpeer.OpenSSLServer(t, "-cert", f.LeafCert, "-key", f.LeafKey, "-www")
		},
			`GET / HTTP/1.0\r\n\r\n`, "Reused, TLSv1.3"},
		"python": {func() *testpeer.Peer {
			testpeer.Need(t, "python3", "python3")
			return testpeer.PythonServer(t, pySessionServer, f.LeafCert, f.LeafKey)
		}, `hello\n`, "reused=True"},
	}
	for name, p := range peers {
		t.Run(name, func(t *testing.T) {
			srv := p.start()
			file := filepath.Join(t.TempDir(), "saved.session")
			// each run is a fresh interpreter with its own contexts and caches
			run := func(session string) string {
				in := bindingtest.NewInterp(t, testOptions(set))
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				defer cancel()
				src := fmt.Sprintf(`(let-values (((i o) (ssl-connect* hostname: "localhost" port: %s certificate-authorities: %q %s)))
  (write-string "%s" o) (flush-output o)
  (let loop ((answer "") (line (read-line i)))
    (if (eof-object? line)
        (let ((r (string-append answer (if (ssl-session-reused? i) " client-reused" ""))))
          (ssl-write-session (ssl-session i) %q)
          (close-input-port i) (close-output-port o)
          r)
        (loop (string-append answer line " ") (read-line i)))))`,
					srv.Addr[len("127.0.0.1:"):], f.CACert, session, p.request, file)
				v, err := in.EvalString(ctx, src)
				if err != nil {
					t.Fatalf("run: %v\n%s", err, srv.Stderr())
				}
				return scheme.DisplayString(v)
			}
			if out := run(""); strings.Contains(out, p.reused) {
				t.Fatalf("first run resumed: %s", out)
			}
			out := run(fmt.Sprintf("session: (ssl-read-session %q)", file))
			if !strings.Contains(out, p.reused) || !strings.Contains(out, "client-reused") {
				t.Fatalf("second run did not resume: %s", out)
			}
		})
	}
}
