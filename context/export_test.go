package tlsctx

// Reused reports whether r is the kept verification of a resumed session
// (verifycache.go) rather than a verification of its own.
func Reused(r *VerifyResult) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.reused
}
