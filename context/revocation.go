// Revocation: CRL checking and OCSP stapling (ssl-load-crl!, ssl-set-ocsp-check!, ssl-set-ocsp-staple!; spec §1.3.1, §4.7).

package tlsctx

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"golang.org/x/crypto/ocsp"

	"github.com/tlsport/tlsport/conditions"
)

// CRL scopes of [Context.LoadCRL].
const (
	CRLScopeLeaf  = "leaf"  // check the peer's leaf certificate only
	CRLScopeChain = "chain" // check every certificate of the chain but the trust anchor
)

// OCSP modes of [Context.SetOCSPCheck].
const (
	OCSPOff       = ""           // a stapled response is only recorded
	OCSPIfStapled = "if-stapled" // validate a staple when present (and when the leaf is must-staple, require it)
	OCSPRequire   = "require"    // a valid staple is required (must-staple)
)

// OCSPFetcher returns the OCSP response a server staples for its leaf
// certificate issued by issuer (the next certificate of the served chain,
// else the context's trust anchor that signed leaf, else nil); a nil
// response staples nothing. It is called on every handshake.
type OCSPFetcher func(leaf, issuer *x509.Certificate) ([]byte, error)

// revocation is the revocation part of a context's state. Its slices are
// never modified in place (copy-on-write), so a shallow copy is independent.
type revocation struct {
	crls     []*x509.RevocationList
	crlScope string // "" = no CRL checking
	ocspMode string
	staple   []byte      // server: fixed OCSP response
	fetch    OCSPFetcher // server: per-handshake OCSP response
	scts     [][]byte    // server: signed certificate timestamps sent with the leaf
}

// LoadCRL is [Context.LoadCRLContext] with context.Background().
func (c *Context) LoadCRL(src any, scope string) error {
	return c.LoadCRLContext(context.Background(), src, scope)
}

// LoadCRLContext adds the CRLs of src and turns CRL checking on for scope
// ([CRLScopeLeaf] or [CRLScopeChain]). src is a file (PEM with one or more
// "X509 CRL" blocks, or DER), a directory (every <hash>.rN, *.crl and *.pem
// file holding CRLs; others are skipped) or []byte (PEM or DER). Files
// are read under ctx, as [ReadFile] reads them; its end ends the load.
func (c *Context) LoadCRLContext(ctx context.Context, src any, scope string) error {
	if scope != CRLScopeLeaf && scope != CRLScopeChain {
		return conditions.Config("CRL scope must be leaf or chain: "+scope, nil)
	}
	var crls []*x509.RevocationList
	var err error
	if p, ok := src.(string); ok {
		if fi, e := os.Stat(p); e == nil && fi.IsDir() {
			crls, err = readCRLDir(ctx, p)
		} else {
			crls, err = readCRLFile(ctx, src)
		}
	} else {
		crls, err = readCRLFile(ctx, src)
	}
	if err != nil {
		return err
	}
	return c.mutate(func(st *state) error {
		st.rev.crls = append(slices.Clip(st.rev.crls), crls...)
		st.rev.crlScope = scope
		return nil
	})
}

// CRLs returns the loaded CRLs and the scope ("" when CRL checking is off).
func (c *Context) CRLs() (crls []*x509.RevocationList, scope string) {
	c.read(func(st *state) { crls, scope = slices.Clone(st.rev.crls), st.rev.crlScope })
	return
}

func readCRLFile(ctx context.Context, src any) ([]*x509.RevocationList, error) {
	data, name, _, err := readFileOrBytes(ctx, src)
	if err != nil {
		return nil, err
	}
	crls, err := parseCRLs(data)
	if err != nil {
		return nil, conditions.Config(err.Error()+": "+name, err)
	}
	if len(crls) == 0 {
		return nil, conditions.Config("no CRL found in "+name, nil)
	}
	return crls, nil
}

func readCRLDir(ctx context.Context, dir string) ([]*x509.RevocationList, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, conditions.Config("", err)
	}
	var out []*x509.RevocationList
	for _, e := range entries {
		n := e.Name()
		if !isCRLName(n) && filepath.Ext(n) != ".crl" && filepath.Ext(n) != ".pem" {
			continue
		}
		data, err := ReadFile(ctx, filepath.Join(dir, n))
		if err != nil {
			if ctx.Err() != nil { // the load ends with the wait
				return nil, err
			}
			continue
		}
		crls, err := parseCRLs(data)
		if err != nil {
			continue
		}
		out = append(out, crls...)
	}
	if len(out) == 0 {
		return nil, conditions.Config("no CRL found in directory "+dir, nil)
	}
	return out, nil
}

// parseCRLs decodes the "X509 CRL" PEM blocks of data, or one DER CRL.
func parseCRLs(data []byte) ([]*x509.RevocationList, error) {
	if !bytes.Contains(data, []byte("-----BEGIN ")) {
		crl, err := x509.ParseRevocationList(data)
		if err != nil {
			return nil, err
		}
		return []*x509.RevocationList{crl}, nil
	}
	var out []*x509.RevocationList
	for b := range pemBlocks(data) {
		if b.Type != "X509 CRL" {
			continue
		}
		crl, err := x509.ParseRevocationList(b.Bytes)
		if err != nil {
			return nil, err
		}
		out = append(out, crl)
	}
	return out, nil
}

// SetOCSPCheck sets how a peer's stapled OCSP response is used: [OCSPOff],
// [OCSPIfStapled] or [OCSPRequire].
func (c *Context) SetOCSPCheck(mode string) error {
	switch mode {
	case OCSPOff, OCSPIfStapled, OCSPRequire:
	default:
		return conditions.Config("OCSP check mode must be #f, if-stapled or require: "+mode, nil)
	}
	return c.mutate(func(st *state) error { st.rev.ocspMode = mode; return nil })
}

// OCSPCheck returns the OCSP check mode.
func (c *Context) OCSPCheck() (mode string) {
	c.read(func(st *state) { mode = st.rev.ocspMode })
	return
}

// SetOCSPStaple sets the OCSP response a server staples (nil: none). The
// response must parse as an OCSP response.
func (c *Context) SetOCSPStaple(resp []byte) error {
	if resp != nil {
		if _, err := ocsp.ParseResponse(resp, nil); err != nil {
			return conditions.Config("tlsctx: bad OCSP response: "+err.Error(), err)
		}
	}
	return c.mutate(func(st *state) error { st.rev.staple, st.rev.fetch = slices.Clone(resp), nil; return nil })
}

// SetOCSPFetcher installs a callback that supplies the stapled OCSP
// response on every handshake (nil: none); it replaces a fixed staple.
func (c *Context) SetOCSPFetcher(f OCSPFetcher) error {
	return c.mutate(func(st *state) error { st.rev.fetch, st.rev.staple = f, nil; return nil })
}

// SetSCTs sets the signed certificate timestamps (RFC 6962) a server
// sends with its leaf certificate (nil: none).
func (c *Context) SetSCTs(scts [][]byte) error {
	for _, s := range scts {
		if len(s) == 0 || len(s) > 0xffff {
			return conditions.Config("tlsctx: an SCT must have 1 to 65535 bytes", nil)
		}
	}
	cp := make([][]byte, 0, len(scts))
	for _, s := range scts {
		cp = append(cp, slices.Clone(s))
	}
	if scts == nil {
		cp = nil
	}
	return c.mutate(func(st *state) error { st.rev.scts = cp; return nil })
}

// installStaple makes a server config staple the configured OCSP response
// and send the SCTs. The issuer passed to the fetcher comes from the
// served chain, or else from anchors.
func (r *revocation) installStaple(cfg *tls.Config, anchors []*x509.Certificate) {
	if r.staple == nil && r.fetch == nil && r.scts == nil {
		return
	}
	if len(cfg.Certificates) > 0 {
		if r.staple != nil {
			cfg.Certificates[0].OCSPStaple = r.staple
		}
		if r.scts != nil {
			cfg.Certificates[0].SignedCertificateTimestamps = r.scts
		}
	}
	fetch, next := r.fetch, cfg.GetCertificate
	if fetch == nil || (len(cfg.Certificates) == 0 && next == nil) {
		return
	}
	// Go calls GetCertificate only with SNI or without Certificates: move
	// the loaded certificate into the callback so every handshake fetches.
	base := cfg.Certificates
	cfg.Certificates = nil
	cfg.GetCertificate = func(h *tls.ClientHelloInfo) (*tls.Certificate, error) {
		var tc *tls.Certificate
		if next != nil {
			var err error
			if tc, err = next(h); err != nil {
				return nil, err
			}
		}
		if tc == nil {
			if tc = pickCertificate(h, base); tc == nil {
				return nil, nil
			}
		}
		leaf := tc.Leaf
		if leaf == nil && len(tc.Certificate) > 0 {
			leaf, _ = x509.ParseCertificate(tc.Certificate[0])
		}
		var issuer *x509.Certificate
		if len(tc.Certificate) > 1 {
			issuer, _ = x509.ParseCertificate(tc.Certificate[1])
		} else if leaf != nil {
			issuer = findIssuer(leaf, anchors)
		}
		resp, err := fetch(leaf, issuer)
		if err != nil {
			return nil, &conditions.CallbackError{Cause: err, Name: "OCSP staple callback"}
		}
		out := *tc
		out.OCSPStaple = resp
		if out.SignedCertificateTimestamps == nil {
			out.SignedCertificateTimestamps = r.scts
		}
		return &out, nil
	}
}

// findIssuer returns the certificate of cands that signed c, or nil.
func findIssuer(c *x509.Certificate, cands []*x509.Certificate) *x509.Certificate {
	for _, x := range cands {
		if bytes.Equal(x.RawSubject, c.RawIssuer) && c.CheckSignatureFrom(x) == nil {
			return x
		}
	}
	return nil
}

// crlReasons are the RFC 5280 CRLReason names.
var crlReasons = map[int]string{
	ocsp.Unspecified: "unspecified", ocsp.KeyCompromise: "keyCompromise", ocsp.CACompromise: "cACompromise",
	ocsp.AffiliationChanged: "affiliationChanged", ocsp.Superseded: "superseded",
	ocsp.CessationOfOperation: "cessationOfOperation", ocsp.CertificateHold: "certificateHold",
	ocsp.RemoveFromCRL: "removeFromCRL", ocsp.PrivilegeWithdrawn: "privilegeWithdrawn",
	ocsp.AACompromise: "aACompromise",
}

// ReasonName returns the RFC 5280 name of a CRLReason code.
func ReasonName(code int) string {
	if n, ok := crlReasons[code]; ok {
		return n
	}
	return fmt.Sprintf("reason %d", code)
}

// revokedError is the certificate-revoked failure at depth d.
func revokedError(d int, cert *x509.Certificate, reason int, at time.Time, via string) *conditions.VerifyError {
	return &conditions.VerifyError{Code: conditions.VerifyCertRevoked, Depth: d, Cert: cert,
		Detail: fmt.Sprintf("certificate revoked (%s, %s, %s)", ReasonName(reason), at.UTC().Format(time.RFC3339), via)}
}

// check runs the CRL and OCSP checks on a verified chain (leaf
// first, ending with the trust anchor) at time now; cs carries the staple.
func (r *revocation) check(chain []*x509.Certificate, staple []byte, now time.Time) *conditions.VerifyError {
	if r.crlScope != "" {
		last := 1
		if r.crlScope == CRLScopeChain {
			last = len(chain) - 1
		}
		for d := 0; d < last && d+1 < len(chain); d++ {
			if ve := r.checkCRL(d, chain[d], chain[d+1], now); ve != nil {
				return ve
			}
		}
	}
	if r.ocspMode == OCSPOff || len(chain) < 2 {
		return nil
	}
	return r.checkOCSP(chain[0], chain[1], staple, now)
}

// checkCRL checks cert (at depth d, issued by issuer) against the CRLs.
func (r *revocation) checkCRL(d int, cert, issuer *x509.Certificate, now time.Time) *conditions.VerifyError {
	fail := func(code int, detail string) *conditions.VerifyError {
		return &conditions.VerifyError{Code: code, Depth: d, Cert: cert, Detail: detail}
	}
	var sigFail, expired, notYet *x509.RevocationList
	found := false
	for _, crl := range r.crls {
		if !bytes.Equal(crl.RawIssuer, cert.RawIssuer) {
			continue
		}
		if crl.CheckSignatureFrom(issuer) != nil {
			sigFail = crl
			continue
		}
		if now.Before(crl.ThisUpdate) {
			notYet = crl
			continue
		}
		if !crl.NextUpdate.IsZero() && now.After(crl.NextUpdate) {
			expired = crl
			continue
		}
		found = true
		for _, e := range crl.RevokedCertificateEntries {
			if e.SerialNumber.Cmp(cert.SerialNumber) == 0 {
				return revokedError(d, cert, e.ReasonCode, e.RevocationTime, "CRL")
			}
		}
	}
	switch {
	case found:
		return nil
	case expired != nil:
		return fail(conditions.VerifyCRLHasExpired, "CRL has expired (next update "+expired.NextUpdate.UTC().Format(time.RFC3339)+")")
	case notYet != nil:
		return fail(conditions.VerifyCRLNotYetValid, "")
	case sigFail != nil:
		return fail(conditions.VerifyCRLSignatureFailure, "CRL signature failure (CRL not signed by the issuer "+OneLineName(issuer.RawSubject)+")")
	}
	return fail(conditions.VerifyUnableToGetCRL, "unable to get certificate CRL (issuer "+OneLineName(cert.RawIssuer)+")")
}

// oidTLSFeature is the TLS Feature extension (RFC 7633); value 5 is
// status_request, i.e. must-staple.
var oidTLSFeature = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 24}

// MustStaple reports whether cert carries the RFC 7633 must-staple feature.
func MustStaple(cert *x509.Certificate) bool {
	for _, e := range cert.Extensions {
		if !e.Id.Equal(oidTLSFeature) {
			continue
		}
		var features []int
		if _, err := asn1.Unmarshal(e.Value, &features); err == nil && slices.Contains(features, 5) {
			return true
		}
	}
	return false
}

// checkOCSP validates the stapled response for leaf.
func (r *revocation) checkOCSP(leaf, issuer *x509.Certificate, staple []byte, now time.Time) *conditions.VerifyError {
	fail := func(code int, detail string) *conditions.VerifyError {
		return &conditions.VerifyError{Code: code, Depth: 0, Cert: leaf, Detail: detail}
	}
	if len(staple) == 0 {
		if r.ocspMode == OCSPRequire || MustStaple(leaf) {
			return fail(conditions.VerifyOCSPVerifyNeeded, "OCSP verification needed (no stapled OCSP response)")
		}
		return nil
	}
	resp, err := ocsp.ParseResponseForCert(staple, leaf, issuer)
	if err != nil {
		return fail(conditions.VerifyOCSPVerifyFailed, "OCSP verification failed: "+err.Error())
	}
	if resp.SerialNumber == nil || resp.SerialNumber.Cmp(leaf.SerialNumber) != 0 {
		return fail(conditions.VerifyOCSPVerifyFailed, "OCSP verification failed: response is for another certificate")
	}
	const skew = 5 * time.Minute
	if now.Add(skew).Before(resp.ThisUpdate) {
		return fail(conditions.VerifyOCSPVerifyFailed, "OCSP verification failed: response is not yet valid")
	}
	if !resp.NextUpdate.IsZero() && now.Add(-skew).After(resp.NextUpdate) {
		return fail(conditions.VerifyOCSPVerifyFailed, "OCSP verification failed: response has expired")
	}
	switch resp.Status {
	case ocsp.Good:
		return nil
	case ocsp.Revoked:
		return revokedError(0, leaf, resp.RevocationReason, resp.RevokedAt, "OCSP")
	}
	if r.ocspMode == OCSPRequire {
		return fail(conditions.VerifyOCSPCertUnknown, "OCSP unknown cert (the responder does not know the certificate)")
	}
	return nil
}
