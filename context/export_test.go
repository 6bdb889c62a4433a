package tlsctx

import (
	"crypto/x509"
	"weak"
)

// Reused reports whether r is the kept verification of a resumed session
// (verifycache.go) rather than a verification of its own.
func Reused(r *VerifyResult) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.reused
}

// Kept reports whether a verification is kept for the leaf certificate w.
func Kept(w weak.Pointer[x509.Certificate]) bool {
	_, ok := verifiedLeaves.Load(w)
	return ok
}

// IsCRLName is isCRLName, for the table test.
var IsCRLName = isCRLName
