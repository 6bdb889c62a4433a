package scheme

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestBootFiles checks that bootFiles, the boot files embedded one by one,
// are every boot/*.scm in name order, and that bootSources gives them in
// that order.
func TestBootFiles(t *testing.T) {
	files, err := filepath.Glob("boot/*.scm")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	if !slices.Equal(files, bootFiles) {
		t.Fatalf("boot/*.scm = %q, bootFiles = %q: embed each boot file in boot.go", files, bootFiles)
	}
	srcs := bootSources()
	for i, f := range bootFiles {
		if srcs[i].file != f {
			t.Errorf("bootSources()[%d] is %s, want %s", i, srcs[i].file, f)
		}
	}
	for i, f := range bootFiles {
		b, err := os.ReadFile(f)
		if err != nil || string(b) != *bootTexts[i] {
			t.Errorf("%s: embedded text differs from the file (%v)", f, err)
		}
	}
}
