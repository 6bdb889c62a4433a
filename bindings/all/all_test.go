// Tests of the library registry.

package all

import (
	"slices"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// TestRegister: every listed library registers, its names are bound
// globally, and a second interpreter gets its own registration.
func TestRegister(t *testing.T) {
	for range 2 {
		in := scheme.New()
		if err := Register(in); err != nil {
			t.Fatalf("Register: %v", err)
		}
		for _, lib := range libraries() {
			if in.Library(lib.Name) == nil {
				t.Errorf("%s not registered", lib.Name)
			}
			if lib.ImportOnly {
				continue
			}
			for _, p := range lib.Procs {
				if p.Fn == nil { // syntax of the library's source: bound when its name is a known global
					if !slices.Contains(in.GlobalNames(), p.Name) {
						t.Errorf("%s: syntax %s not bound without an import", lib.Name, p.Name)
					}
					continue
				}
				if _, ok := in.Lookup(p.Name); !ok {
					t.Errorf("%s: %s not bound without an import", lib.Name, p.Name)
				}
			}
		}
	}
}

// TestArgErrors runs testdata/*.scm with every library: the argument
// errors of the binding tables name the procedure and the parameter.
func TestArgErrors(t *testing.T) {
	bindingtest.RunScripts(t, "testdata", bindingtest.Options{Libs: libraries()})
}

// TestGlobalNamesOnce: a name bound globally (without an import) by two
// libraries means one of them silently loses it; each such name is listed
// here with the reason it is shared.
func TestGlobalNamesOnce(t *testing.T) {
	shared := map[string]string{
		// (rfc x509) dates follow SRFI-19's procedures on the same values
		"date?": "x509", "date->string": "x509", "current-date": "x509", "make-date": "x509", "date-year": "x509",
		"date-month": "x509", "date-day": "x509", "date-hour": "x509", "date-minute": "x509", "date-second": "x509",
		// Sagittarius's older (crypto) and (sagittarius crypto keys) make the same key pairs
		"generate-key-pair": "crypto",
		// (sagittarius socket)'s is global; CHICKEN's file-type predicate comes with (import (chicken file posix))
		"socket?": "socket",
	}
	seen := map[string]string{}
	for _, l := range append(stdlib.Libraries(), libraries()...) {
		if l.ImportOnly || l.Name == "(rfc x.509)" { // (rfc x.509) is (rfc x509) under its older name
			continue
		}
		for _, p := range l.Ready().Procs {
			if p.Fn == nil {
				continue // syntax and re-exports share the one binding
			}
			if o, ok := seen[p.Name]; ok && shared[p.Name] == "" {
				t.Errorf("%s is bound globally by %s and %s: make one ImportOnly, rename, or list it here", p.Name, o, l.Name)
			}
			seen[p.Name] = l.Name
		}
	}
}
