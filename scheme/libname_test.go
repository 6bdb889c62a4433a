package scheme

import "testing"

// TestLibraryName checks the one rule for library names: every spelling of
// a SRFI, egg-style symbols, dotted CHICKEN names and R6RS version references.
func TestLibraryName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"srfi-1", "(srfi 1)"},
		{"(srfi 1)", "(srfi 1)"},
		{"(srfi :1)", "(srfi 1)"},
		{"(srfi :18 multithreading)", "(srfi 18 multithreading)"}, // SRFI 97's alias: srfiAlias
		{"(srfi :64 testing (1))", "(srfi 64 testing)"},
		{"(srfi :25 multi-dimensional-arrays all)", "(srfi 25 multi-dimensional-arrays all)"},
		{"openssl", "(openssl)"},
		{"chicken.tcp", "(chicken tcp)"},
		{"(chicken tcp)", "(chicken tcp)"},
		{"(rnrs (6))", "(rnrs)"},
		{"(rnrs base (6))", "(rnrs base)"},
		{"(foo bar (1 2))", "(foo bar)"},
		{"(foo bar ())", "(foo bar)"},
		{"(foo 2 bar)", "(foo 2 bar)"},
		{"srfi-x", "(srfi-x)"},
	} {
		if got := CanonicalLibraryName(c.in); got != c.want {
			t.Errorf("CanonicalLibraryName(%s) = %s, want %s", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"(srfi 18 multithreading)", "(srfi 18)"},
		{"(srfi 1 lists)", "(srfi 1)"},
		{"(srfi 18)", ""},
		{"(srfi 25 multi-dimensional-arrays all)", ""},
		{"(foo 1 bar)", ""},
	} {
		if got, _ := srfiAlias(c.in); got != c.want {
			t.Errorf("srfiAlias(%s) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, bad := range []string{"()", "(\"s\")", "(foo -1)", "42", "(srfi :x)"} {
		ds, _ := readAll(bad, "", nil)
		if n, ok := LibraryName(ds[0]); ok {
			t.Errorf("LibraryName(%s) = %s, want not a name", bad, n)
		}
	}
}

// TestPlainLibraryName checks that a name registration takes as written
// (without reading it) is one reading would leave unchanged.
func TestPlainLibraryName(t *testing.T) {
	for _, c := range []struct {
		name  string
		plain bool
	}{
		{"(srfi 1)", true}, {"(chicken process-context posix)", true}, {"(foo 2 bar)", true}, {"(rnrs)", true},
		{"(srfi 18 threads)", false}, {"(foo 01)", false}, {"(foo  bar)", false}, {"(Foo)", false}, {"(foo -bar)", false},
		{"(foo.bar)", false}, {"()", false}, {"srfi-1", false}, {"(foo (6))", false}, {"(1a)", false},
	} {
		if got := plainLibraryName(c.name); got != c.plain {
			t.Errorf("plainLibraryName(%q) = %v, want %v", c.name, got, c.plain)
		}
		if !c.plain {
			continue
		}
		ds, err := readAll(c.name, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if n, ok := LibraryName(ds[0]); !ok || n != c.name {
			t.Errorf("%s reads as the library name %s", c.name, n)
		}
	}
}
