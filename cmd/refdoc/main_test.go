// The checked-in reference (docs/reference) matches the binding tables.

package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/internal/refdoc"
)

// TestReferenceUpToDate regenerates the reference in memory and compares
// it with docs/reference: a table changed without `go generate ./...`
// fails here.
func TestReferenceUpToDate(t *testing.T) {
	want, err := reference()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.FromSlash("../../" + refdoc.Dir)
	have, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var stale []string
	for _, f := range have {
		if _, ok := want[filepath.Base(f)]; !ok {
			stale = append(stale, filepath.Base(f)+" (no longer generated)")
		}
	}
	for name, content := range want {
		got, err := os.ReadFile(filepath.Join(dir, name))
		switch {
		case err != nil:
			stale = append(stale, name+" (missing)")
		case string(got) != string(content):
			stale = append(stale, name)
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Fatalf("docs/reference is out of date with the binding tables; run `go generate ./...` (files: %v)", stale)
	}
}

// TestReferenceCoversEveryExport: every library has its file, listed in the
// index, and every exported name has its anchor.
func TestReferenceCoversEveryExport(t *testing.T) {
	files, err := reference()
	if err != nil {
		t.Fatal(err)
	}
	libs, err := libraries()
	if err != nil {
		t.Fatal(err)
	}
	if len(libs) < 5 {
		t.Fatalf("only %d libraries", len(libs))
	}
	index := string(files["README.md"])
	for _, lib := range libs {
		fn := refdoc.FileName(lib.Name)
		body, ok := files[fn]
		if !ok {
			t.Errorf("%s: no file %s", lib.Name, fn)
			continue
		}
		if !strings.Contains(index, "("+fn+")") {
			t.Errorf("index does not link %s", fn)
		}
		for _, e := range lib.Entries {
			if !strings.Contains(string(body), `<a id="`+refdoc.Anchor(e.Name)+`"></a>`) {
				t.Errorf("%s: no anchor for %s", fn, e.Name)
			}
		}
	}
}
