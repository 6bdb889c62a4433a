package scheme_test

import (
	"strings"
	"testing"
)

// TestEveryGlobalDocumented checks ,help has Sig/Doc for every name bound
// by New (internal %-names excepted).
func TestEveryGlobalDocumented(t *testing.T) {
	in := newR7RS(t)
	var missing, nodoc []string
	for _, n := range in.GlobalNames() {
		if strings.HasPrefix(n, "%") {
			continue
		}
		rows := in.LookupProc(n)
		if len(rows) == 0 {
			missing = append(missing, n)
			continue
		}
		ok := false
		for _, r := range rows {
			if r.Doc != "" && r.Sig != "" {
				ok = true
			}
		}
		if !ok {
			nodoc = append(nodoc, n)
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d names without a binding-table row: %s", len(missing), strings.Join(missing, " "))
	}
	if len(nodoc) > 0 {
		t.Errorf("%d names without Sig and Doc: %s", len(nodoc), strings.Join(nodoc, " "))
	}
}
