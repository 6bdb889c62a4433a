// Package bindingtest is the shared test support of the Scheme binding
// packages under bindings/: interpreters with the certificate fixture and
// real-peer procedures bound, a script runner, and the binding-table checks.
// Only _test.go files may import it (deps_test.go enforces this).
package bindingtest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
	"github.com/tlsport/tlsport/scheme/schemetest"
	"github.com/tlsport/tlsport/scheme/stdlib"
)

// Options says what an interpreter made by NewInterp has bound.
type Options struct {
	Libs    []*scheme.Library // registered and imported, in order
	Fixture *certgen.Set      // nil: no fixture names defined
	Peers   bool              // bind the (tlsport testpeer) procedures of PeerLibrary
}

// NewInterp returns an interpreter with o.Libs imported, the fixture's file
// names defined (ca-file, leaf-cert, leaf-key, …, and leaf-der, the leaf's
// DER bytevector) when o.Fixture is set, and the peer procedures when
// o.Peers is set.
func NewInterp(t testing.TB, o Options) *scheme.Interp {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir()) // temporary files the test makes are removed after it
	in := stdlib.New()
	libs := o.Libs
	if o.Peers {
		libs = append(append([]*scheme.Library(nil), libs...), PeerLibrary(t))
	}
	for _, lib := range libs {
		if err := in.Register(lib); err != nil {
			t.Fatal(err)
		}
		in.Import(lib.Name)
	}
	if o.Fixture != nil {
		defineFixture(in, o.Fixture)
	}
	return in
}

// defineFixture binds the fixture's file names and the leaf's DER.
func defineFixture(in *scheme.Interp, set *certgen.Set) {
	f := set.Files
	for name, path := range map[string]string{
		"ca-file": f.CACert, "other-ca-file": f.OtherCACert,
		"leaf-cert": f.LeafCert, "leaf-key": f.LeafKey,
		"chain-leaf-cert": f.ChainLeafCert, "chain-leaf-key": f.ChainLeafKey,
		"client-cert": f.ClientCert, "client-key": f.ClientKey,
		"expired-cert": f.ExpiredCert, "expired-key": f.ExpiredKey,
		"wrong-host-cert": f.WrongHostCert, "wrong-host-key": f.WrongHostKey,
		"self-signed-cert": f.SelfSignedCert, "self-signed-key": f.SelfSignedKey,
		"unknown-cert": f.UnknownCert, "unknown-key": f.UnknownKey,
		"rsa-leaf-cert": f.RSALeafCert, "rsa-leaf-key": f.RSALeafKey,
	} {
		in.Define(name, scheme.NewString(path))
	}
	in.Define("leaf-der", &scheme.Bytevector{B: set.Leaf.Cert.Raw})
}

// RunScripts runs every dir/*.scm script as a subtest in a fresh
// interpreter made with o; with o.Peers, a script using a peer binary that
// is missing is skipped (NeedPeers).
func RunScripts(t *testing.T, dir string, o Options) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.scm"))
	if err != nil || len(files) == 0 {
		t.Fatalf("bindingtest: no %s/*.scm scripts: %v", dir, err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".scm"), func(t *testing.T) {
			if o.Peers {
				src, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				NeedPeers(t, string(src))
			}
			schemetest.RunFile(t, NewInterp(t, o), f)
		})
	}
}
