package schemetest

import (
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// CheckExports checks that lib exports every name of names (a
// whitespace-separated list, e.g. the definitions of the library's manual
// page), as a row, value, parameter or re-export, and that stdlib.New
// binds each.
func CheckExports(t *testing.T, lib *scheme.Library, names string) {
	t.Helper()
	have := Exports(lib)
	for _, n := range strings.Fields(names) {
		if !have[n] {
			t.Errorf("%s does not export %s", lib.Name, n)
		}
	}
	CheckBound(t, names)
}

// Exports returns the names lib exports: its rows, values, parameters and
// re-exports.
func Exports(lib *scheme.Library) map[string]bool {
	have := map[string]bool{}
	lib = lib.Ready()
	for _, p := range lib.Procs {
		have[p.Name] = true
	}
	for _, b := range lib.Values {
		have[b.Name] = true
	}
	for _, p := range lib.Parameters {
		have[p.Name] = true
	}
	for _, n := range lib.Reexports {
		have[n] = true
	}
	return have
}

// CheckBound checks that stdlib.New binds every name of names (syntax
// included), for the names of a manual page that the core provides.
func CheckBound(t *testing.T, names string) {
	t.Helper()
	global := map[string]bool{}
	for _, n := range stdlib.New().GlobalNames() {
		global[n] = true
	}
	for _, n := range strings.Fields(names) {
		if !global[n] {
			t.Errorf("%s is not bound by stdlib.New", n)
		}
	}
}
