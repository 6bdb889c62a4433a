// ssl-unwrap-ports against Python's SSLSocket.unwrap(): TLS, then plaintext on the same socket.

package openssl

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/testpeer"
	"github.com/tlsport/tlsport/scheme"
)

// pyUnwrapServer reads a line over TLS, answers, unwraps (close_notify
// both ways) and goes on in plaintext on the same socket.
const pyUnwrapServer = pyServerPreamble + `
c, _ = s.accept()
c.settimeout(20)
t = ctx.wrap_socket(c, server_side=True)
buf = b""
while not buf.endswith(b"\n"):
    buf += t.recv(100)
t.sendall(b"tls ok\n")
plain = t.unwrap()
plain.sendall(b"plain from python\n")
buf = b""
while not buf.endswith(b"\n"):
    buf += plain.recv(100)
print("got", buf.decode().strip(), flush=True)
plain.close()
`

func TestUnwrapPython(t *testing.T) {
	if testing.Short() {
		t.Skip("real peers")
	}
	testpeer.Need(t, "python3", "python3")
	set := certgen.MustSet(t)
	srv := testpeer.PythonServer(t, pyUnwrapServer, set.Files.LeafCert, set.Files.LeafKey)
	in := bindingtest.NewInterp(t, testOptions(set))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	v, err := in.EvalString(ctx, fmt.Sprintf(`
(let-values (((i o) (ssl-connect* hostname: "localhost" port: %s certificate-authorities: %q)))
  (write-string "tls line\n" o) (flush-output o)
  (let ((tls (read-line i)))
    (let-values (((pi po) (ssl-unwrap-ports i o)))
      (let ((plain (read-line pi)))
        (write-string "plain from scheme\n" po) (flush-output po)
        (close-input-port pi) (close-output-port po)
        (list tls plain)))))`, srv.Addr[len("127.0.0.1:"):], set.Files.CACert))
	if err != nil {
		t.Fatalf("%v\n%s", err, srv.Stderr())
	}
	if got := scheme.WriteString(v); got != `("tls ok" "plain from python")` {
		t.Fatalf("client saw %s", got)
	}
	srv.ReadUntil(t, "got plain from scheme", 10*time.Second)
}
