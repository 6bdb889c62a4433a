// The engine verification of spec §3.3, run in tls.Config.VerifyConnection.

package tlsctx

import (
	"cmp"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"time"

	"github.com/tlsport/tlsport/conditions"
)

// errNoVerifyName is the cause of a client verification that has no name
// to check the host against: neither ConnParams nor the context give one.
var errNoVerifyName = errors.New("tlsctx: no host name to verify the server certificate against (give ConnParams.ServerName or VerifyName, or call SetInsecureSkipHostname)")

// secLevelBits returns the minimum RSA and ECC key bits of a security level.
func secLevelBits(level int) [2]int {
	return [6][2]int{{0, 0}, {1024, 160}, {2048, 224}, {3072, 256}, {7680, 384}, {15360, 512}}[level]
}

// verify runs steps 1–6 of the engine verification and stores the result,
// after telling a StateObserver handle the state.
// A resumed handshake reports the verification kept with its session's
// certificates when it may (verifycache.go).
func (s *snapshot) verify(cs tls.ConnectionState, p ConnParams, res *VerifyResult) error {
	if o, ok := p.Handle.(StateObserver); ok {
		o.ObserveState(cs)
	}
	// Allowed TLS 1.3 suites: a policy, not a certificate check; always enforced.
	if err := s.checkTLS13Suite(cs); err != nil {
		return err
	}
	certs := cs.PeerCertificates
	if len(certs) == 0 {
		res.set(func(r *VerifyResult) {
			r.Done, r.Code, r.Error, r.Message, r.Depth = true, conditions.VerifyApplication, "application-verification", "no peer certificate", conditions.Opt{}
		})
		return nil // Go itself enforces RequireAnyClientCert
	}
	// twapi verifier on a client replaces automatic verification.
	if s.verifier != nil && s.role == Client {
		ok, err := s.verifier(p.Handle, cs)
		if err != nil || !ok {
			cbe := &conditions.CallbackError{Cause: err, Verify: true, Depth: conditions.Some(0), Cert: certs[0], Name: "verifier"}
			s.store(res, conditions.VerifyApplication, cbe.Depth, certs, cbe)
			return cbe
		}
		s.store(res, 0, conditions.Opt{}, certs, nil)
		return nil
	}
	name := ""
	if s.role == Client && s.hostname {
		name = cmp.Or(s.fixedName, p.VerifyName, p.ServerName)
	}
	var at time.Time
	if s.verifyTime != nil {
		at = s.verifyTime()
	}
	if cs.DidResume {
		if chain, depth, ok := s.reuse(certs, name, at); ok {
			s.store(res, 0, depth, chain, nil)
			res.set(func(r *VerifyResult) { r.reused = true })
			return nil
		}
	}
	roots := s.roots
	if roots == nil {
		roots = x509.NewCertPool()
	}
	inter := x509.NewCertPool()
	for _, c := range certs[1:] {
		inter.AddCert(c)
	}
	usage := x509.ExtKeyUsageServerAuth
	if s.role == Server {
		usage = x509.ExtKeyUsageClientAuth
	}
	chains, verr := certs[0].Verify(x509.VerifyOptions{
		Roots: roots, Intermediates: inter, DNSName: name,
		KeyUsages: []x509.ExtKeyUsage{usage}, CurrentTime: at,
	})
	if verr == nil && s.role == Client && s.hostname && name == "" && !s.nameOptional {
		verr = &conditions.VerifyError{Code: conditions.VerifyHostnameMismatch, Cert: certs[0], Err: errNoVerifyName}
	}
	code, _, _, depth, blamed := conditions.VerifyFromX509At(verr, certs, name, at)
	chain := certs
	if verr == nil && len(chains) > 0 {
		chain = chains[0]
	}
	// Revocation (CRLs, stapled OCSP response), as of the verification time.
	if code == 0 {
		now := at
		if now.IsZero() {
			now = time.Now()
		}
		if ve := s.rev.check(chain, cs.OCSPResponse, now); ve != nil {
			code, depth, blamed, verr = ve.Code, conditions.Some(ve.Depth), ve.Cert, ve
		}
	}
	// Security-level key sizes.
	if code == 0 && s.secLevel > 0 {
		for i, c := range chain {
			if !keyStrongEnough(c, s.secLevel) {
				code, depth, blamed = conditions.VerifyEEKeyTooSmall, conditions.Some(i), c
				if i > 0 {
					code = conditions.VerifyCAKeyTooSmall
				}
				verr = &conditions.VerifyError{Code: code, Depth: i, Cert: c}
				break
			}
		}
	}
	// Per-depth callback. Accepting a failed certificate lets the
	// handshake go on, but the failure stays recorded (as OpenSSL's
	// SSL_get_verify_result and Racket report it).
	accepted := false
	if s.verifyCB != nil {
		for d := len(chain) - 1; d >= 0; d-- {
			ok := code == 0 || conditions.Some(d) != depth
			msg := ""
			if !ok {
				_, msg = conditions.VerifyCodeInfo(code)
			}
			verdict, err := s.verifyCB(p.Handle, d, chain[d], ok, msg)
			if err != nil {
				cbe := &conditions.CallbackError{Cause: err, Verify: true, Depth: conditions.Some(d), Cert: chain[d], Name: "verify callback"}
				s.store(res, conditions.VerifyApplication, cbe.Depth, chain, cbe)
				return cbe
			}
			switch verdict {
			case VerdictReject:
				cbe := &conditions.CallbackError{Verify: true, Depth: conditions.Some(d), Cert: chain[d], Name: "verify callback"}
				s.store(res, conditions.VerifyApplication, cbe.Depth, chain, cbe)
				return cbe
			case VerdictAccept:
				if !ok {
					accepted = true
				}
			}
		}
	}
	// Whole-connection verifier (servers: in addition to the engine).
	if s.verifier != nil {
		ok, err := s.verifier(p.Handle, cs)
		if err != nil || !ok {
			cbe := &conditions.CallbackError{Cause: err, Verify: true, Depth: conditions.Some(0), Cert: certs[0], Name: "verifier"}
			s.store(res, conditions.VerifyApplication, cbe.Depth, chain, cbe)
			return cbe
		}
	}
	s.store(res, code, depth, chain, verr)
	if code == 0 && verr == nil {
		s.keep(certs, chain, depth, name)
	}
	if code != 0 && s.enforce && !accepted {
		if ve, ok := verr.(*conditions.VerifyError); ok {
			return ve
		}
		d, _ := depth.Get()
		return &conditions.VerifyError{Code: code, Depth: d, Cert: blamed, Err: verr}
	}
	return nil
}

func (s *snapshot) store(res *VerifyResult, code int, depth conditions.Opt, chain []*x509.Certificate, err error) {
	sym, msg := conditions.VerifyCodeInfo(code)
	if ve, ok := err.(*conditions.VerifyError); ok && ve.Code == code {
		msg = ve.Message()
	}
	res.set(func(r *VerifyResult) {
		r.Done, r.Code, r.Error, r.Message, r.Depth, r.Chain, r.Err, r.reused = true, code, sym, msg, depth, chain, err, false
	})
}

// keyStrongEnough applies the security-level key-size table.
func keyStrongEnough(c *x509.Certificate, level int) bool {
	if level > 5 {
		level = 5
	}
	lim := secLevelBits(level)
	switch k := c.PublicKey.(type) {
	case *rsa.PublicKey:
		return k.N.BitLen() >= lim[0]
	case *ecdsa.PublicKey:
		return k.Curve.Params().BitSize >= lim[1]
	case ed25519.PublicKey:
		return 256 >= lim[1]
	}
	return true
}

// VerifyChain verifies chain (leaf first) against roots (nil = system
// pool) for purpose "server" or "client", optionally checking hostname
// (ssl-verify-certificate-chain). It returns the §2.3 code and message.
func VerifyChain(chain []*x509.Certificate, roots *x509.CertPool, hostname, purpose string) (ok bool, code int, msg string) {
	if len(chain) == 0 {
		return false, conditions.VerifyApplication, "no peer certificate"
	}
	if roots == nil {
		var err error
		if roots, err = x509.SystemCertPool(); err != nil {
			roots = x509.NewCertPool()
		}
	}
	inter := x509.NewCertPool()
	for _, c := range chain[1:] {
		inter.AddCert(c)
	}
	usage := x509.ExtKeyUsageServerAuth
	if purpose == "client" {
		usage = x509.ExtKeyUsageClientAuth
	}
	_, err := chain[0].Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, DNSName: hostname, KeyUsages: []x509.ExtKeyUsage{usage}})
	code, _, msg, _, _ = conditions.VerifyFromX509(err, chain, hostname)
	return code == 0, code, msg
}
