package scheme_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// TestBootRows checks that the boot table's first BootCoreRows rows are
// the procedures the first boot file defines and the rest those of the
// second: each file is evaluated when one of its own
// rows' names is first needed.
func TestBootRows(t *testing.T) {
	lib := scheme.New().Library("(tlsport boot)")
	if lib == nil {
		t.Fatal("no (tlsport boot) library")
	}
	var rows []string
	for _, p := range lib.Procs {
		rows = append(rows, p.Name)
	}
	if len(scheme.BootFiles) != 2 {
		t.Fatalf("%d boot files: split the rows for each", len(scheme.BootFiles))
	}
	for i, part := range [][]string{rows[:scheme.BootCoreRows], rows[scheme.BootCoreRows:]} {
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
