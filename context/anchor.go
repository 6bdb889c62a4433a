// Trust anchors with a constraint on the chains they may anchor (ssl-add-trust-anchor!; spec §4.9).

package tlsctx

import (
	"crypto/x509"
	"maps"
	"slices"

	"github.com/tlsport/tlsport/conditions"
)

// AnchorConstraint is called with a candidate chain as crypto/x509 builds
// it (leaf first); a non-nil error refuses the chain. It may run
// concurrently.
type AnchorConstraint func(chain []*x509.Certificate) error

// AddTrustAnchor adds cert as a trust anchor whose chains must pass
// constraint (x509.CertPool.AddCertWithConstraint), e.g. to restrict a
// private CA to some names. A nil constraint is AddTrustAnchors.
func (c *Context) AddTrustAnchor(cert *x509.Certificate, constraint AnchorConstraint) error {
	if cert == nil {
		return conditions.Config("tlsctx: no certificate", nil)
	}
	if constraint == nil {
		return c.AddTrustAnchors([]*x509.Certificate{cert})
	}
	return c.mutate(func(st *state) error {
		p := x509.NewCertPool()
		if st.roots != nil {
			p = st.roots.Clone()
		}
		p.AddCertWithConstraint(cert, constraint)
		st.roots = p
		st.anchors = append(slices.Clip(st.anchors), cert)
		if st.constraints == nil {
			st.constraints = map[*x509.Certificate]AnchorConstraint{}
		} else {
			st.constraints = maps.Clone(st.constraints)
		}
		st.constraints[cert] = constraint
		return nil
	})
}

// addAnchorsTo adds the explicit anchors to p, with their constraints.
func (st *state) addAnchorsTo(p *x509.CertPool) {
	for _, c := range st.anchors {
		if f := st.constraints[c]; f != nil {
			p.AddCertWithConstraint(c, f)
		} else {
			p.AddCert(c)
		}
	}
}
