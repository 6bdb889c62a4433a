package all

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestOneSourcePerName checks that no two of the Scheme sources of the
// libraries and the boot code (every .scm under scheme/ and bindings/ but
// test data) define the same name at their top level. The interpreter
// relies on it when it evaluates sources on first use: a name's source is
// the one that defines it, and the other libraries listing the name among
// their rows re-export it (scheme's autoload.go).
func TestOneSourcePerName(t *testing.T) {
	sourceDefinitions(t)
}

// sourceDefinitions returns the names the sources define at their top
// level, each with its source; a name two sources define is an error.
func sourceDefinitions(t *testing.T) map[string]string {
	definer := map[string]string{}
	files := 0
	for _, root := range []string{"../../scheme", "../../bindings"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".scm") {
				return nil
			}
			files++
			names, err := schemetest.TopLevelDefinitions(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range names {
				if prev, ok := definer[n]; ok && prev != path {
					t.Errorf("%s is defined by %s and by %s", n, prev, path)
				}
				definer[n] = path
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 30 || len(definer) < 500 {
		t.Fatalf("read %d sources defining %d names: the walk missed the sources", files, len(definer))
	}
	return definer
}

// TestSourceRowsReplace: a name a library's Scheme source defines while
// another library binds it without an import (a procedure the source
// replaces, as SRFI-13's string-upcase) is marked Replaces on a row
// without Fn, and only such names are. The interpreter evaluates a
// source when a reference to a bound name it lists is compiled only for
// those rows; for the others the rows re-export the binding.
func TestSourceRowsReplace(t *testing.T) {
	definer := sourceDefinitions(t)
	in := stdlib.New()
	if err := Register(in); err != nil {
		t.Fatal(err)
	}
	bound := map[string]string{} // by the libraries bound without an import
	for _, lib := range in.Libraries() {
		if lib.ImportOnly {
			continue
		}
		lib = lib.Ready()
		for _, p := range lib.Procs {
			if p.Fn != nil {
				bound[p.Name] = lib.Name
			}
		}
		for _, v := range lib.Values {
			bound[v.Name] = lib.Name
		}
		for _, pd := range lib.Parameters {
			bound[pd.Name] = lib.Name
		}
	}
	marked := map[string]bool{}
	for _, lib := range in.Libraries() {
		for _, p := range lib.Ready().Procs {
			if !p.Replaces {
				continue
			}
			marked[p.Name] = true
			switch {
			case p.Fn != nil:
				t.Errorf("%s %s: Replaces on a row with Fn", lib.Name, p.Name)
			case definer[p.Name] == "":
				t.Errorf("%s %s: Replaces, but no source defines it", lib.Name, p.Name)
			case bound[p.Name] == "":
				t.Errorf("%s %s: Replaces, but no library binds it without an import", lib.Name, p.Name)
			}
		}
	}
	for n, file := range definer {
		if lib := bound[n]; lib != "" && !marked[n] {
			t.Errorf("%s defines %s, which %s binds: mark its row Replaces", file, n, lib)
		}
	}
	if len(marked) == 0 {
		t.Error("no row is marked Replaces (SRFI-13's string-upcase is)")
	}
}

// TestSyntaxRowsSaySyntax: a row without Fn whose name is bound as syntax
// where its library is imported (a macro of a library's Scheme source) is
// documented as syntax ("syntax (…)" Sig), so ,doc and the manual do not
// call it a procedure, and the expander evaluates the source when it
// meets the name: it compiles any other such row's name as a variable
// whose source is evaluated when the reference first runs.
func TestSyntaxRowsSaySyntax(t *testing.T) {
	ctx := context.Background()
	for _, lib := range append(stdlib.Libraries(), libraries()...) {
		lib = lib.Ready()
		var rows []string
		for i := range lib.Procs {
			if p := &lib.Procs[i]; p.Fn == nil && !p.IsSyntax() && !strings.HasPrefix(p.Sig, "syntax ") {
				rows = append(rows, p.Name)
			}
		}
		if len(rows) == 0 {
			continue
		}
		in := stdlib.New()
		if err := Register(in); err != nil {
			t.Fatal(err)
		}
		if _, err := in.EvalString(ctx, "(import "+lib.Name+")"); err != nil {
			t.Fatalf("import %s: %v", lib.Name, err)
		}
		for _, n := range rows {
			in.Lookup(n) // evaluates the source defining n
			if _, err := in.EvalString(ctx, scheme.WriteString(scheme.Intern(n))); err != nil && strings.Contains(err.Error(), "syntax keyword") {
				t.Errorf("%s %s is syntax but its row reads as a procedure (write Sig as \"syntax (…)\")", lib.Name, n)
			}
		}
	}
}
