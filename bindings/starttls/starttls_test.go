// Tests of (tlsport starttls): the testdata scripts (scripted Scheme servers) and the binding table.

package starttls

import (
	"slices"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/bindings/openssl"
	"github.com/tlsport/tlsport/bindings/tcp"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/starttls"
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

// TestUpgradeRows checks the rows of the upgrade procedures, written as
// literals: each is named after its protocol, and its Sig and keywords
// are the protocol's own then ssl-start*'s.
func TestUpgradeRows(t *testing.T) {
	for _, p := range []starttls.Protocol{starttls.SMTP, starttls.IMAP, starttls.POP3, starttls.LDAP, starttls.PostgreSQL, starttls.XMPP, starttls.FTP} {
		name := string(p) + "-starttls"
		row := Library.Lookup(name)
		if row == nil {
			t.Errorf("no row %s", name)
			continue
		}
		keys := append(slices.Clone(ownKeys(p)), startKeys()...)
		if want := "(" + name + " sni-name tcp-in tcp-out #!key " + strings.Join(keys, " ") + ")"; row.Sig != want {
			t.Errorf("%s: Sig %s, want %s", name, row.Sig, want)
		}
		if got := row.Params().Keys; !slices.Equal(got, keys) {
			t.Errorf("%s: keywords %v, want %v", name, got, keys)
		}
	}
}
