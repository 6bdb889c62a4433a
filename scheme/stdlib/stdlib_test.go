package stdlib_test

import (
	"context"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestTables checks every row of the standard libraries: documented, its
// Sig agreeing with its Args, its Go function named by [scheme.GoName] (or
// that of the row it is an alias of, "Same as X"). A row without Fn
// re-exports a binding of the core or one the library's Scheme source
// defines, which stdlib.New must bind.
func TestTables(t *testing.T) {
	bound := map[string]bool{}
	for _, n := range stdlib.New().GlobalNames() {
		bound[n] = true
	}
	for _, l := range stdlib.Libraries() {
		l = l.Ready()
		bound := bound
		if l.ImportOnly && l.Source != nil { // its names are bound where it is imported
			in := stdlib.New()
			if _, err := in.EvalString(context.Background(), "(import "+l.Name+")"); err != nil {
				t.Fatalf("import %s: %v", l.Name, err)
			}
			bound = map[string]bool{}
			for _, n := range in.GlobalNames() {
				bound[n] = true
			}
		}
		fn := map[string]string{}
		for _, p := range l.Procs {
			if p.Fn == nil {
				continue
			}
			full := runtime.FuncForPC(reflect.ValueOf(p.Fn).Pointer()).Name()
			fn[p.Name] = full[strings.LastIndex(full, ".")+1:]
		}
		for i := range l.Procs {
			p := &l.Procs[i]
			if p.Fn == nil {
				if !bound[p.Name] && !p.IsSyntax() {
					t.Errorf("%s %s: row without Fn names no binding of stdlib.New", l.Name, p.Name)
				}
				if p.Doc == "" || p.Spec == "" {
					t.Errorf("%s %s: row lacks Doc or Spec", l.Name, p.Name)
				}
				continue
			}
			if p.Doc == "" || p.Spec == "" {
				t.Errorf("%s %s: row lacks Doc or Spec", l.Name, p.Name)
			}
			if m := p.SigMismatch(); m != "" {
				t.Errorf("%s %s: %s", l.Name, p.Name, m)
			}
			want := scheme.GoName(p.Name)
			if alias, ok := strings.CutPrefix(p.Doc, "Same as "); ok && fn[p.Name] != want {
				want = fn[strings.TrimRight(strings.Fields(alias)[0], ".,;:")]
			}
			if p.Fn != nil && fn[p.Name] != want {
				t.Errorf("%s %s: Go function %s, want %s", l.Name, p.Name, fn[p.Name], want)
			}
		}
	}
}

// TestNew checks stdlib.New binds the standard libraries' names and
// scheme.New alone does not (for a library's first row with Fn; an
// ImportOnly library's names are bound by import only).
func TestNew(t *testing.T) {
	for _, l := range stdlib.Libraries() {
		if l.ImportOnly {
			continue
		}
		i := 0
		for i < len(l.Procs) && (l.Procs[i].Fn == nil || l.Procs[i].OnImport) { // an OnImport row's name is the core's
			i++
		}
		if i == len(l.Procs) {
			continue
		}
		name := l.Procs[i].Name
		if _, ok := stdlib.New().Lookup(name); !ok {
			t.Errorf("stdlib.New: %s (%s) unbound", name, l.Name)
		}
		if _, ok := scheme.New().Lookup(name); ok {
			t.Errorf("scheme.New binds %s of %s", name, l.Name)
		}
		if _, err := stdlib.New().EvalString(context.Background(), "(import "+l.Name+")"); err != nil {
			t.Errorf("import %s: %v", l.Name, err)
		}
	}
}

// TestImportable checks stdlib.New registers the ImportOnly libraries
// without binding their names (those the core or the global libraries do
// not define), and importing binds them.
func TestImportable(t *testing.T) {
	plain := stdlib.New()
	for _, l := range stdlib.Libraries() {
		if !l.ImportOnly {
			continue
		}
		l = l.Ready()
		name := ""
		for _, p := range l.Procs {
			if _, bound := plain.Lookup(p.Name); p.Fn != nil && name == "" && !bound {
				name = p.Name
			}
		}
		if name == "" {
			continue
		}
		in := stdlib.New()
		if in.Library(l.Name) == nil {
			t.Errorf("stdlib.New: %s not registered", l.Name)
		}
		if _, ok := in.Lookup(name); ok {
			t.Errorf("stdlib.New binds %s of %s before import", name, l.Name)
		}
		if !in.Import(l.Name) {
			t.Errorf("Import(%s) failed", l.Name)
		} else if _, ok := in.Lookup(name); !ok {
			t.Errorf("after importing %s, %s is unbound", l.Name, name)
		}
	}
}

// BenchmarkNew measures making an interpreter with the standard libraries.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		stdlib.New()
	}
}

// TestCalled checks some test script calls every procedure of the standard
// libraries.
func TestCalled(t *testing.T) {
	dirs, _ := filepath.Glob("../*/testdata")
	schemetest.CheckCalled(t, append(dirs, "../testdata"), stdlib.Libraries()...)
}

// TestBuiltLibraries checks what a library whose tables are built on first
// use (Library.Build) must keep to: no Parameters or Init, and, unless it
// is ImportOnly (whose rows are read when it is imported), no Source and no
// row without Fn that is not syntax (nothing of it is recorded when an
// interpreter is made); and that it is importable with its rows.
func TestBuiltLibraries(t *testing.T) {
	n := 0
	for _, l := range stdlib.Libraries() {
		if l.Build == nil {
			continue
		}
		n++
		if len(l.Parameters) > 0 || l.Init != nil || (l.Source != nil && !l.ImportOnly) {
			t.Errorf("%s: a library with Build has Parameters or Init, or a Source without ImportOnly", l.Name)
		}
		for _, p := range l.Ready().Procs {
			if p.Fn == nil && !p.IsSyntax() && !l.ImportOnly {
				t.Errorf("%s %s: row without Fn in a library with Build", l.Name, p.Name)
			}
		}
		if len(l.Procs) == 0 && len(l.Reexports) == 0 {
			t.Errorf("%s: Build made no rows and no re-exports", l.Name)
		}
	}
	if n < 20 {
		t.Errorf("%d libraries built on first use, want the R6RS, Sagittarius and SRFI-64 ones", n)
	}
}
