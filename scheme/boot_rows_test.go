package scheme_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestBootRows checks that the boot table's rows are, in order, the
// procedures each boot file defines (BootFileRows of each but the last,
// the rest the last's): each file is evaluated when one of its own rows'
// names is first needed.
func TestBootRows(t *testing.T) {
	lib := scheme.New().Library("(tlsport boot)")
	if lib == nil {
		t.Fatal("no (tlsport boot) library")
	}
	var rows []string
	for _, p := range lib.Procs {
		rows = append(rows, p.Name)
	}
	if len(scheme.BootFiles) != len(scheme.BootFileRows)+1 {
		t.Fatalf("%d boot files, %d row counts: give each file but the last its count", len(scheme.BootFiles), len(scheme.BootFileRows))
	}
	var parts [][]string
	for _, n := range scheme.BootFileRows {
		parts, rows = append(parts, rows[:n]), rows[n:]
	}
	for i, part := range append(parts, rows) {
		names, err := schemetest.TopLevelDefinitions(scheme.BootFiles[i])
		if err != nil {
			t.Fatal(err)
		}
		names = slices.DeleteFunc(names, func(n string) bool { return strings.HasPrefix(n, "%") })
		slices.Sort(names)
		if part = slices.Sorted(slices.Values(part)); !slices.Equal(part, names) {
			t.Errorf("%s defines %q; its rows are %q", scheme.BootFiles[i], names, part)
		}
	}
}
