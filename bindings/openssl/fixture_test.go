// The (tlsport revocation-fixture) test library: CRLs and OCSP responses signed by the fixture CAs.

package openssl

import (
	"os"
	"path/filepath"
	"time"

	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/scheme"
)

// fixtureLibrary binds, for the scripts:
//
//	(test-crl issuer revoked …) => PEM bytevector ; issuer 'ca or 'intermediate,
//	                                               ; revoked: 'leaf 'chain-leaf 'intermediate 'rsa-leaf (reason keyCompromise)
//	(test-expired-crl issuer) => PEM bytevector    ; NextUpdate an hour ago
//	(test-ocsp-response cert status) => DER bytevector ; status 'good 'revoked (superseded) 'unknown 'expired
//	(test-file name bytevector) => path            ; written under the fixture directory
func fixtureLibrary(set *certgen.Set) *scheme.Library {
	certs := map[string]*certgen.Cert{"ca": set.CA, "intermediate": set.Intermediate, "leaf": set.Leaf,
		"chain-leaf": set.ChainLeaf, "rsa-leaf": set.RSALeaf, "client": set.Client}
	cert := func(v scheme.Value) (*certgen.Cert, error) {
		if c := certs[scheme.DisplayString(v)]; c != nil {
			return c, nil
		}
		return nil, scheme.TypeError("fixture", 1, "fixture certificate name", v)
	}
	bv := func(b []byte, err error) (scheme.Value, error) {
		if err != nil {
			return nil, err
		}
		return &scheme.Bytevector{B: b}, nil
	}
	dir := filepath.Join(set.Files.Dir, "fixture")
	return &scheme.Library{Name: "(tlsport revocation-fixture)", Procs: []scheme.Proc{
		{Name: "test-crl", Args: scheme.Params{Required: []string{"issuer"}, Rest: "revoked"}, Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			ca, err := cert(a[0])
			if err != nil {
				return nil, err
			}
			var o certgen.CRLOptions
			l, _ := scheme.ListToSlice(a[1])
			for _, v := range l {
				c, err := cert(v)
				if err != nil {
					return nil, err
				}
				o.Revoked = append(o.Revoked, certgen.Revoked{Cert: c, Reason: 1})
			}
			return bv(ca.CRL(o))
		}},
		{Name: "test-expired-crl", Args: scheme.Params{Required: []string{"issuer"}}, Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			ca, err := cert(a[0])
			if err != nil {
				return nil, err
			}
			now := time.Now()
			return bv(ca.CRL(certgen.CRLOptions{ThisUpdate: now.Add(-48 * time.Hour), NextUpdate: now.Add(-time.Hour)}))
		}},
		{Name: "test-ocsp-response", Args: scheme.Params{Required: []string{"cert", "status"}}, Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			c, err := cert(a[0])
			if err != nil {
				return nil, err
			}
			switch scheme.DisplayString(a[1]) {
			case "good":
				return bv(c.OCSPResponse(certgen.OCSPGood, 0, time.Time{}))
			case "revoked":
				return bv(c.OCSPResponse(certgen.OCSPRevoked, 4, time.Time{}))
			case "unknown":
				return bv(c.OCSPResponse(certgen.OCSPUnknown, 0, time.Time{}))
			case "expired":
				return bv(c.OCSPResponse(certgen.OCSPGood, 0, time.Now().Add(-2*time.Hour)))
			}
			return nil, scheme.TypeError("test-ocsp-response", 2, "good, revoked, unknown or expired", a[1])
		}},
		{Name: "test-file", Args: scheme.Params{Required: []string{"name", "bytes"}}, Fn: func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			p := filepath.Join(dir, scheme.DisplayString(a[0]))
			if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
				return nil, err
			}
			b, _ := a[1].(*scheme.Bytevector)
			if b == nil {
				return nil, scheme.TypeError("test-file", 2, "bytevector", a[1])
			}
			return scheme.NewString(p), os.WriteFile(p, b.B, 0o600)
		}},
	}}
}
