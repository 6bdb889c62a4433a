// Tests of the library registry.

package all

import (
	"slices"
	"testing"

	"github.com/tlsport/tlsport/bindings/bindingtest"
	"github.com/tlsport/tlsport/scheme"
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
