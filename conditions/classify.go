// Classify: Go error → condition, the ordered algorithm of spec §2.2.

package conditions

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"reflect"
	"strings"
	"syscall"
)

// Classify turns the Go error err returned by engine operation op into a
// condition, following spec §2.2 step by step. It returns nil when the
// error is not an error for the caller: err == nil, or an EOF on read that
// is a clean close (close_notify) or a suppressed ragged EOF; the caller
// then returns EOF. An err that already is (or wraps) a *Error is returned
// as that condition (engine-level states, step 1).
func Classify(op Op, err error, st State) *Error {
	if err == nil {
		return nil
	}
	// 1. Engine-level states: the engine already built the condition.
	var ce *Error
	if errors.As(err, &ce) {
		return ce
	}
	// 2. Timeouts.
	if isTimeout(err) {
		return Timeout(op, st.TimeoutMS, err)
	}
	// 3. io.EOF.
	if errors.Is(err, io.EOF) {
		switch op {
		case OpRead:
			if !st.RawEOFSeen || st.SuppressRaggedEOFs {
				return nil
			}
			return eofError(op, err)
		case OpHandshake:
			if !st.RawEOFSeen {
				return newOpenSSL(ZeroReturn, LibTLS, op, "the peer closed the TLS session", err)
			}
			return eofError(op, err)
		}
	}
	// 4. TCP EOF inside a record.
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return eofError(op, err)
	}
	// 5. A user callback raised or rejected.
	var cbe *CallbackError
	if errors.As(err, &cbe) {
		e := newOpenSSL(SSL, LibTLSPort, op, err.Error(), err)
		e.CallbackCause = cbe.Cause
		if cbe.Verify {
			e.setVerify(VerifyApplication, cbe.Depth, cbe.Cert)
		}
		e.setAlert(42, OriginLocal)
		if !cbe.Verify {
			e.Alert, e.AlertDescription, e.AlertOrigin = Opt{}, "", ""
		}
		return e
	}
	// 6. ECH rejected.
	var eche *tls.ECHRejectionError
	if errors.As(err, &eche) {
		e := newOpenSSL(SSL, LibTLS, op, err.Error(), err)
		e.ECHRetryConfigs = eche.RetryConfigList
		return e
	}
	// 7. Certificate verification.
	if e := classifyVerify(op, err); e != nil {
		return e
	}
	// 8. Not TLS on the wire.
	var rhe tls.RecordHeaderError
	if errors.As(err, &rhe) {
		e := newOpenSSL(SSL, LibTLS, op, err.Error(), err)
		e.RecordHeader = append([]byte(nil), rhe.RecordHeader[:]...)
		return e
	}
	// 9. Alerts.
	var oe *net.OpError
	if errors.As(err, &oe) && (oe.Op == "remote error" || oe.Op == "local error") {
		e := newOpenSSL(SSL, LibTLS, op, err.Error(), err)
		if n, ok := alertNumber(oe.Err); ok {
			origin := OriginLocal
			if oe.Op == "remote error" {
				origin = OriginRemote
			}
			e.setAlert(n, origin)
		}
		return e
	}
	var ae tls.AlertError
	if errors.As(err, &ae) {
		e := newOpenSSL(SSL, LibTLS, op, err.Error(), err)
		e.setAlert(int(ae), OriginLocal)
		return e
	}
	// 10. Transport errno.
	// File errors (*fs.PathError) are loading failures, status #f (§2.1).
	var errno syscall.Errno
	var pe *fs.PathError
	if errors.As(err, &errno) && !errors.As(err, &pe) {
		if st.CloseNotifyReceived && (op == OpWrite || op == OpFlush) {
			return newOpenSSL(ZeroReturn, LibNet, op, err.Error(), err)
		}
		e := newOpenSSL(Syscall, LibNet, op, err.Error(), err)
		e.Errno = errno
		e.ErrnoName = ErrnoName(errno)
		return e
	}
	// 11. Closed underneath / aborted.
	if errors.Is(err, net.ErrClosed) {
		return newOpenSSL(Syscall, LibNet, op, "connection closed", err)
	}
	if errors.Is(err, context.Canceled) {
		// The caller's context was cancelled (Ctrl-C in the REPL, a
		// terminated thread, a Go caller giving up). A handshake failure
		// sticks, so later I/O reports this again: name the cause.
		msg := "interrupted (cancelled by the user)"
		if op == OpHandshake {
			msg = "handshake aborted: " + msg
		}
		return newOpenSSL(Syscall, LibTLS, op, msg, err)
	}
	// 12. Bare "tls: " texts.
	if strings.HasPrefix(err.Error(), "tls: ") {
		return newOpenSSL(SSL, LibTLS, op, err.Error(), err)
	}
	// 13. Anything else.
	return newOpenSSL(StatusNone, LibTLSPort, op, err.Error(), err)
}

func eofError(op Op, err error) *Error {
	e := newOpenSSL(Syscall, LibNet, op, "unexpected eof while reading", err)
	e.EOF = true
	return e
}

func isTimeout(err error) bool {
	if errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// classifyVerify is step 7: engine or x509 verification failures.
func classifyVerify(op Op, err error) *Error {
	var chain []*x509.Certificate
	var tcve *tls.CertificateVerificationError
	found := false
	var ve *VerifyError
	switch {
	case errors.As(err, &ve):
		found = true
	case errors.As(err, &tcve):
		found = true
		chain = tcve.UnverifiedCertificates
	default:
		var (
			uae x509.UnknownAuthorityError
			he  x509.HostnameError
			cie x509.CertificateInvalidError
			sre x509.SystemRootsError
			uce x509.UnhandledCriticalExtension
			iae x509.InsecureAlgorithmError
			cve x509.ConstraintViolationError
		)
		found = errors.As(err, &uae) || errors.As(err, &he) || errors.As(err, &cie) ||
			errors.As(err, &sre) || errors.As(err, &uce) || errors.As(err, &iae) || errors.As(err, &cve)
	}
	if !found {
		return nil
	}
	code, _, _, depth, cert := VerifyFromX509(err, chain, "")
	e := newOpenSSL(SSL, LibX509, op, err.Error(), err)
	e.setVerify(code, depth, cert)
	if ve != nil && ve.Detail != "" {
		e.VerifyMessage = ve.Detail
	}
	if op == OpHandshake {
		e.setAlert(42, OriginLocal) // Go always sends bad_certificate
	}
	return e
}

// alertNumber extracts the number of crypto/tls's unexported alert type
// (a uint8) or of tls.AlertError.
func alertNumber(err error) (int, bool) {
	if err == nil {
		return 0, false
	}
	v := reflect.ValueOf(err)
	if v.Kind() == reflect.Uint8 {
		return int(v.Uint()), true
	}
	return 0, false
}
