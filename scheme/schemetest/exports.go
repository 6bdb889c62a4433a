package schemetest

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// CheckExports checks that lib exports every name of names (a
// whitespace-separated list, e.g. the definitions of the library's manual
// page), as a row, value or parameter, and that stdlib.New binds each.
func CheckExports(t *testing.T, lib *scheme.Library, names string) {
	t.Helper()
	have := map[string]bool{}
	for _, p := range lib.Procs {
		have[p.Name] = true
	}
	for _, b := range lib.Values {
		have[b.Name] = true
	}
	for _, p := range lib.Parameters {
		have[p.Name] = true
	}
	global := map[string]bool{}
	for _, n := range stdlib.New().GlobalNames() {
		global[n] = true
	}
	for _, n := range strings.Fields(names) {
		if !have[n] {
			t.Errorf("%s does not export %s", lib.Name, n)
		}
		if !global[n] {
			t.Errorf("%s: %s is not bound by stdlib.New", lib.Name, n)
		}
	}
}
