// The #!key signatures of the keyword constructors against their declarations.

package openssl

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

// TestKeySigs checks the #!key signatures of the keyword constructors,
// written as constants, against their keyword declarations: every
// keyword in declaration order, with its default.
func TestKeySigs(t *testing.T) {
	for _, c := range []struct {
		name, pre string
		ps        func() []scheme.Param
		defs      map[string]string
	}{
		{"ssl-connect*", "", connectParams, map[string]string{"verify?": "#t"}},
		{"ssl-make-client-context*", "", ctxParams, map[string]string{"verify?": "#t"}},
		{"ssl-listen*", "", listenParams, map[string]string{"verify?": "#f", "port": "0"}},
		{"ssl-start*", "server? sni-name tcp-in tcp-out", ctxParams, map[string]string{"verify?": "(not server?)"}},
	} {
		if got, want := Library.Lookup(c.name).Sig, keySig(c.name, c.pre, keyNames(c.ps()), c.defs); got != want {
			t.Errorf("%s: Sig\n%s\nwant\n%s", c.name, got, want)
		}
	}
}

// keyDefaults are the defaults shown in signatures for keywords.
var keyDefaults = map[string]string{
	"protocol": "'tlsv12", "cipher-list": `"DEFAULT"`, "private-key-type": "'rsa",
	"sni-name": "#t", "port": "", "backlog": "4",
}

// keySig builds a "#!key" signature from keyword names and per-procedure defaults.
func keySig(name string, pre string, names []string, defs map[string]string) string {
	var b strings.Builder
	b.Grow(len(name) + len(pre) + 16 + 24*len(names))
	b.WriteString("(")
	b.WriteString(name)
	if pre != "" {
		b.WriteString(" ")
		b.WriteString(pre)
	}
	b.WriteString(" #!key")
	for _, n := range names {
		d, ok := defs[n]
		if !ok {
			d = keyDefaults[n]
		}
		if d == "" {
			b.WriteString(" ")
			b.WriteString(n)
		} else {
			b.WriteString(" (")
			b.WriteString(n)
			b.WriteString(" ")
			b.WriteString(d)
			b.WriteString(")")
		}
	}
	b.WriteString(")")
	return b.String()
}

// keyNames returns the names of the keyword parameters ps.
func keyNames(ps []scheme.Param) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return out
}
