// Tests of (chicken tcp): the scripts in testdata and the binding table.

package tcp

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestScripts runs every testdata/*.scm file as a subtest.
func TestScripts(t *testing.T) {
	schemetest.RunDir(t, "testdata", func() *scheme.Interp {
		in := scheme.New()
		if err := in.Register(Library); err != nil {
			t.Fatal(err)
		}
		in.Import(Library.Name)
		return in
	})
}

// TestExportsMatchSpec: the table exports exactly the rows of spec §1.4.
func TestExportsMatchSpec(t *testing.T) {
	want := strings.Fields(`tcp-connect tcp-listen tcp-listener? tcp-accept tcp-accept-ready?
tcp-close tcp-listener-port tcp-listener-fileno tcp-addresses tcp-port-numbers tcp-abandon-port
tcp-buffer-size tcp-read-timeout tcp-write-timeout tcp-connect-timeout tcp-accept-timeout`)
	var got []string
	for _, p := range Library.Procs {
		got = append(got, p.Name)
		if p.Sig == "" || p.Doc == "" || p.Spec == "" || !strings.HasPrefix(p.Sig, "("+p.Name) {
			t.Errorf("%s: incomplete row", p.Name)
		}
	}
	for _, pd := range Library.Parameters {
		got = append(got, pd.Name)
	}
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("exports %v, want %v", got, want)
	}
}
