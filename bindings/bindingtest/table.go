// Checks of binding tables: exports equal a spec list, rows are complete,
// Sig agrees with Args, testdata scripts call every procedure.

package bindingtest

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
)

// Exported returns every name l exports (procedures, values, parameters,
// re-exports), sorted.
func Exported(l *scheme.Library) []string {
	out := slices.Clone(l.Reexports)
	for _, p := range l.Procs {
		out = append(out, p.Name)
	}
	for _, b := range l.Values {
		out = append(out, b.Name)
	}
	for _, pd := range l.Parameters {
		out = append(out, pd.Name)
	}
	sort.Strings(out)
	return out
}

// CheckExports reports every name of want that l lacks and every name l
// exports beyond want.
func CheckExports(t testing.TB, l *scheme.Library, want []string) {
	t.Helper()
	got := Exported(l)
	for _, n := range want {
		if !slices.Contains(got, n) {
			t.Errorf("%s lacks %s", l.Name, n)
		}
	}
	for _, n := range got {
		if !slices.Contains(want, n) {
			t.Errorf("%s exports %s, not in the spec list", l.Name, n)
		}
	}
}

// SigParams parses a signature into its name and Params ([scheme.ParseSig]).
func SigParams(sig string) (string, scheme.Params) { return scheme.ParseSig(sig) }

// CheckTable checks every row of each library for Doc, Spec and Fn (a
// library with Scheme source, and a Syntax or Transform row, may have
// syntax rows without Fn, Sig "syntax (…)"), and that each procedure's signature (Sig, or the one
// derived from Args) agrees with its Args.
func CheckTable(t testing.TB, libs ...*scheme.Library) {
	t.Helper()
	eq := func(a, b []string) bool { return slices.Equal(a, b) || (len(a) == 0 && len(b) == 0) }
	for _, l := range libs {
		for i := range l.Procs {
			p := &l.Procs[i]
			if (l.Source != nil || p.IsSyntax()) && p.Fn == nil && strings.HasPrefix(p.Sig, "syntax (") && p.Doc != "" && p.Spec != "" {
				continue
			}
			if p.Doc == "" || p.Spec == "" || p.Fn == nil {
				t.Errorf("%s %s: row lacks Doc, Spec or Fn", l.Name, p.Name)
				continue
			}
			name, sp := SigParams(p.Signature()) // Sig, or derived from Args
			if name != p.Name {
				t.Errorf("%s: Sig names %s", p.Name, name)
			}
			if args := p.Params(); !eq(sp.Required, args.Required) || !eq(sp.Optional, args.Optional) || !eq(sp.Keys, args.Keys) || sp.Rest != args.Rest {
				t.Errorf("%s: Sig %q disagrees with Args %+v", p.Name, p.Sig, args)
			}
		}
		for _, pd := range l.Parameters {
			if pd.Sig == "" || pd.Doc == "" || pd.Spec == "" {
				t.Errorf("%s parameter %s lacks Sig, Doc or Spec", l.Name, pd.Name)
			}
		}
		for _, b := range l.Values {
			if b.Doc == "" || b.Spec == "" {
				t.Errorf("%s value %s lacks Doc or Spec", l.Name, b.Name)
			}
		}
	}
}

// CheckCalled reports every procedure of libs that no dir/*.scm script calls
// ([schemetest.CheckCalled]).
func CheckCalled(t testing.TB, dir string, libs ...*scheme.Library) {
	t.Helper()
	schemetest.CheckCalled(t, []string{dir}, libs...)
}

// CheckLibrary runs CheckExports, CheckTable and CheckCalled (on
// scriptDir) for l as the subtests Exports, Table and Called.
func CheckLibrary(t *testing.T, l *scheme.Library, want []string, scriptDir string) {
	t.Helper()
	t.Run("Exports", func(t *testing.T) { CheckExports(t, l.Ready(), want) })
	t.Run("Table", func(t *testing.T) { CheckTable(t, l) })
	t.Run("Called", func(t *testing.T) { CheckCalled(t, scriptDir, l) })
}
