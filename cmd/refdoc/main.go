// Command refdoc writes the reference manual of tlsport's Scheme libraries
// (docs/reference/) from the binding tables of every library the tlsport
// command binds. Run it through `go generate ./...` after changing a
// table; a test fails while the checked-in reference is out of date.
//
// Usage:
//
//	refdoc [-o DIR]    write the reference into DIR (default: the repository's docs/reference)
package main

//go:generate go run . -o ../../docs/reference

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/tlsport/tlsport/bindings/all"
	"github.com/tlsport/tlsport/internal/refdoc"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

func main() {
	dir := flag.String("o", filepath.FromSlash("../../"+refdoc.Dir), "output directory")
	flag.Parse()
	if err := write(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "refdoc:", err)
		os.Exit(1)
	}
}

// libraries reads the binding tables of every library tlsport binds.
func libraries() ([]refdoc.Library, error) {
	interp := stdlib.New()
	defer interp.Close()
	if err := all.Register(interp); err != nil {
		return nil, err
	}
	return refdoc.FromTables(interp.Libraries()), nil
}

// reference renders the reference of every library tlsport binds.
func reference() (map[string][]byte, error) {
	libs, err := libraries()
	if err != nil {
		return nil, err
	}
	return refdoc.Render(libs), nil
}

// write replaces the *.md files of dir with the reference.
func write(dir string) error {
	files, err := reference()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, f := range old {
		if _, keep := files[filepath.Base(f)]; !keep {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), files[n], 0o644); err != nil {
			return err
		}
	}
	return nil
}
