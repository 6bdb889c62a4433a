// Checks of the (rfc tls) binding table: exports equal spec §1.2, rows are complete, Sig agrees with Args, scripts call every procedure.

package rfctls

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
)

// specExports is the export list of spec §1.2 (with the §1.6 [ext] tls-error? / tls-error-status).
var specExports = strings.Fields(`make-client-tls-socket tls-client-handshake make-server-tls-socket
make-server-tls-socket* socket->tls-socket tls-socket-accept tls-server-handshake tls-socket? <tls-socket>
tls-socket-send tls-socket-send/range tls-socket-recv tls-socket-recv! tls-socket-pending?
tls-socket-shutdown tls-socket-close tls-socket-closed? call-with-tls-socket tls-socket-peer
tls-socket-name tls-socket-node tls-socket-service tls-socket-info tls-socket-info-values
tls-socket-peer-certificate tls-socket-selected-alpn tls-socket-raw-socket tls-socket-error
tls-socket-nonblocking! tls-socket-blocking! nonblocking-tls-socket? tls-socket-set-read-timeout!
tls-socket-get-read-timeout tls-socket-client-certificate-callback-set! tls-socket-port
tls-socket-input-port tls-socket-output-port *tls-version-1.0* *tls-version-1.1* *tls-version-1.2*
*tls-version-1.3* make-server-name-indication make-protocol-name-list make-hello-extension
tls-error? tls-error-status`)

func TestLibrary(t *testing.T) { bindingtest.CheckLibrary(t, Library, specExports, "testdata") }
