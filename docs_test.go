// Every package's go doc opens with "Package NAME …" (or "Command NAME …").

package tlsport_test

import (
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackageDocs parses every package of the module and checks that
// exactly one of its files carries a package comment and that the
// comment opens as go doc expects: "Package NAME " for a library,
// "Command NAME " for a main package. A file header written directly
// above the package clause is a package comment too, so go doc would
// merge it into the package's documentation; such headers need a blank
// line before "package".
func TestPackageDocs(t *testing.T) {
	dirs := 0
	err := filepath.WalkDir(".", func(dir string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if dir != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "testdata") {
			return filepath.SkipDir
		}
		bp, err := build.ImportDir(dir, 0)
		if err != nil || len(bp.GoFiles) == 0 {
			return nil // no Go files, or tests only: nothing for go doc to show
		}
		dirs++
		checkPackageDoc(t, dir, bp)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if dirs < 10 {
		t.Fatalf("found only %d packages; is the test running at the module root?", dirs)
	}
}

func checkPackageDoc(t *testing.T, dir string, bp *build.Package) {
	t.Helper()
	want := "Package " + bp.Name + " "
	if bp.Name == "main" {
		want = "Command " + filepath.Base(bp.Dir) + " "
	}
	var withDoc []string
	fset := token.NewFileSet()
	for _, f := range bp.GoFiles {
		file, err := parser.ParseFile(fset, filepath.Join(dir, f), nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Errorf("%s: %v", filepath.Join(dir, f), err)
			continue
		}
		if file.Doc == nil {
			continue
		}
		withDoc = append(withDoc, f)
		if text := file.Doc.Text(); !strings.HasPrefix(text, want) {
			first, _, _ := strings.Cut(text, "\n")
			t.Errorf("%s: the comment above the package clause is package documentation but reads %q; want it to open %q (put a blank line between a file header and \"package\")",
				filepath.Join(dir, f), first, want)
		}
	}
	switch len(withDoc) {
	case 0:
		t.Errorf("%s: package %s has no package comment (want one opening %q)", dir, bp.Name, want)
	case 1:
	default:
		t.Errorf("%s: package comments in %d files %v; go doc merges them, keep one", dir, len(withDoc), withDoc)
	}
}
