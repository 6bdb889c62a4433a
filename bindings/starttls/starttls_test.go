// Tests of (tlsport starttls): the testdata scripts (scripted Scheme servers) and the binding table.

package starttls

import (
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/openssl"
	"github.com/tlsport/tlsport/bindings/tcp"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// TestScripts runs every testdata/*.scm script with (chicken tcp),
// (openssl) and (tlsport starttls) imported and the certificate fixture bound.
func TestScripts(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", bindingtest.Options{
		Libs: []*scheme.Library{tcp.Library, openssl.Library, Library}, Fixture: certgen.MustSet(t)})
}

// exports is the export list of issue 16's library.
var exports = []string{
	"smtp-starttls", "imap-starttls", "pop3-starttls", "ldap-starttls", "postgresql-starttls", "xmpp-starttls", "ftp-starttls",
	"smtp-read-reply", "smtp-command", "imap-command", "pop3-command", "ldap-write-message", "ldap-read-message",
	"postgresql-write-message", "postgresql-read-message", "xmpp-stream-header", "xmpp-read-element", "sasl-plain",
	"ftp-read-reply", "ftp-command", "ftp-epsv",
}

// TestLibrary: the table is complete, its signatures agree with the
// arguments, every procedure is called by a script, and each upgrade
// procedure takes every keyword of ssl-start*.
func TestLibrary(t *testing.T) {
	bindingtest.CheckLibrary(t, Library, exports, "testdata")
	for _, p := range Library.Procs[:7] {
		for _, k := range sslStartRow.Params().Keys {
			found := false
			for _, pk := range p.Params().Keys {
				found = found || pk == k
			}
			if !found {
				t.Errorf("%s lacks ssl-start*'s keyword %s", p.Name, k)
			}
		}
	}
}
