package scheme_test

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

// TestEveryGlobalDocumented checks ,help has a signature and a doc for
// every name bound by New (internal %-names excepted): a row of a binding
// table, a parameter or a value.
func TestEveryGlobalDocumented(t *testing.T) {
	in := newR7RS(t)
	documented := map[string]bool{}
	for _, l := range in.Libraries() {
		for i := range l.Procs {
			if p := &l.Procs[i]; p.Doc != "" && p.Signature() != "" {
				documented[p.Name] = true
			}
		}
		for _, pd := range l.Parameters {
			documented[pd.Name] = pd.Doc != "" && pd.Sig != ""
		}
		for _, b := range l.Values {
			documented[b.Name] = b.Doc != ""
		}
	}
	var missing []string
	for _, n := range in.GlobalNames() {
		if !strings.HasPrefix(n, "%") && !documented[n] {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d names without a documented binding-table row: %s", len(missing), strings.Join(missing, " "))
	}
}

// TestSigAgreesWithArgs checks every written Sig of the built-in rows
// against the row's Args.
func TestSigAgreesWithArgs(t *testing.T) {
	in := scheme.New()
	for _, l := range in.Libraries() {
		for i := range l.Procs {
			if m := l.Procs[i].SigMismatch(); m != "" {
				t.Errorf("%s %s: %s", l.Name, l.Procs[i].Name, m)
			}
		}
	}
}
