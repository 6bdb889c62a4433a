// Error: the condition type every tlsport package returns, and its constructors.

package conditions

import (
	"crypto/x509"
	"errors"
	"fmt"
	"slices"
	"syscall"
)

// Op names the engine operation that failed (spec §2.2).
type Op string

// Operations passed to Classify.
const (
	OpHandshake Op = "handshake"
	OpRead      Op = "read"
	OpWrite     Op = "write"
	OpFlush     Op = "flush"
	OpClose     Op = "close"
	OpShutdown  Op = "shutdown"
	OpAccept    Op = "accept"
	OpConnect   Op = "connect"
	OpListen    Op = "listen" // binding a listening (or bound) socket
	OpConfig    Op = "config"
)

// State is what the engine knows about the connection when an error occurs.
type State struct {
	RawEOFSeen          bool // the raw connection returned io.EOF
	CloseNotifyReceived bool // the peer's close_notify was read
	SuppressRaggedEOFs  bool // ssl-suppress-ragged-eofs
	TimeoutMS           Opt  // the limit in force, for timeout conditions; none = unknown
}

// Error is a tlsport condition: its kinds, status and the properties of
// spec §0.5. Fields that do not apply hold their zero value, which means
// none (#f in Scheme): a zero [Opt] for Alert, VerifyCode, Depth and
// TimeoutMS, "" / nil / false / 0 otherwise.
//
// An Error is built once and not modified afterwards (the bindings copy it
// into a Scheme condition); it is safe to read from several goroutines.
type Error struct {
	Kinds            []string          // e.g. {"exn","i/o","net","openssl"}
	Status           Status            // openssl.status (spec §2.1); StatusNone = #f
	Message          string            // exn.message; egg format for openssl conditions
	Location         string            // exn.location (Scheme procedure name; "" = unknown)
	Arguments        []any             // exn.arguments
	Reason           string            // openssl.reason: Go error text
	Library          string            // "crypto/tls", "crypto/x509", "net", "tlsport"
	Function         string            // the failing operation, the "function=" part of Message
	Alert            Opt               // TLS alert number (0 is close_notify)
	AlertDescription string            // e.g. "bad-certificate"
	AlertOrigin      string            // "local", "remote" or ""
	VerifyCode       Opt               // OpenSSL X509_V_ERR_* number (0 is X509_V_OK)
	VerifyError      string            // e.g. "certificate-has-expired"
	VerifyMessage    string            // e.g. "certificate has expired"
	Depth            Opt               // chain depth of the failing certificate (0 is the leaf)
	Certificate      *x509.Certificate // the certificate blamed by a verification failure
	Errno            syscall.Errno     // 0 when none
	ErrnoName        string            // e.g. "ECONNRESET"
	EOF              bool              // an EOF that violates the protocol
	Retry            bool              // want-* statuses
	ECHRetryConfigs  []byte            // the server's ECH retry configs (tls.ECHRejectionError)
	RecordHeader     []byte            // the 5 bytes of a tls.RecordHeaderError
	CallbackCause    any               // the value raised or returned by a user callback
	TimeoutMS        Opt               // the limit of a timeout condition, in ms; none = unknown
	GoType           string            // dynamic type of the innermost Go error
	Err              error             // Go cause; Unwrap returns it
}

// Error returns the condition message (exn.message).
func (e *Error) Error() string { return e.Message }

// Unwrap returns the Go cause.
func (e *Error) Unwrap() error { return e.Err }

// Timeout reports whether the condition is of kind timeout (an expired
// handshake, read, write, accept or deadline), so an *Error satisfies
// net.Error as callers of a net.Conn expect.
func (e *Error) Timeout() bool { return e.HasKind(KindTimeout) }

// Temporary is Timeout (net.Error; deprecated there, kept for callers that
// still ask).
func (e *Error) Temporary() bool { return e.Timeout() }

// HasKind reports whether the condition is of the given kind (KindExn …).
func (e *Error) HasKind(kind string) bool { return slices.Contains(e.Kinds, kind) }

// IsOpenSSL reports whether the condition is an openssl condition.
func (e *Error) IsOpenSSL() bool { return e.HasKind(KindOpenSSL) }

// WithLocation returns a copy of e whose exn.location is loc and
// exn.arguments args (nil keeps the old arguments).
func (e *Error) WithLocation(loc string, args ...any) *Error {
	c := *e
	c.Kinds = slices.Clone(e.Kinds)
	c.Location = loc
	if args != nil {
		c.Arguments = args
	}
	return &c
}

func kindsOpenSSL() []string { return []string{KindExn, KindIO, KindNet, KindOpenSSL} }

// newOpenSSL returns an openssl condition.
func newOpenSSL(st Status, lib string, op Op, reason string, err error) *Error {
	e := &Error{
		Kinds:    kindsOpenSSL(),
		Status:   st,
		Reason:   reason,
		Library:  lib,
		Function: string(op),
		Err:      err,
		GoType:   goType(err),
	}
	e.Retry = st >= WantRead && st <= WantX509Lookup
	e.format()
	return e
}

// format sets Message in the egg format
// "<status>: library=<lib>, function=<fn>, reason=<text>".
func (e *Error) format() {
	st := e.Status.String()
	if st == "" {
		st = "error"
	}
	e.Message = fmt.Sprintf("%s: library=%s, function=%s, reason=%s", st, e.Library, e.Function, e.Reason)
}

// Timeout returns the (exn i/o net timeout) condition for op. ms is the
// limit (timeout.ms; none = unknown), err the Go cause (may be nil).
func Timeout(op Op, ms Opt, err error) *Error {
	var msg string
	switch op {
	case OpHandshake:
		msg = "SSL handshake operation timed out"
	case OpRead:
		msg = "SSL read timed out"
	case OpWrite, OpFlush:
		msg = "SSL write timed out"
	case OpShutdown, OpClose:
		msg = "SSL shutdown operation timed out"
	case OpAccept:
		msg = "accept operation timed out"
	case OpConnect:
		msg = "connect operation timed out"
	default:
		msg = "operation timed out"
	}
	return &Error{
		Kinds: []string{KindExn, KindIO, KindNet, KindTimeout}, Message: msg,
		Function: string(op), TimeoutMS: ms, Err: err, GoType: goType(err),
	}
}

// Unsupported returns the (exn i/o net openssl unsupported) condition with
// status #f for a feature Go crypto/tls cannot provide (spec §3.6).
func Unsupported(reason string) *Error {
	e := newOpenSSL(StatusNone, LibTLSPort, OpConfig, reason, nil)
	e.Kinds = append(e.Kinds, KindUnsupported)
	return e
}

// Config returns a status-#f openssl condition for a configuration or
// loading failure; err (may be nil) is the Go cause. When reason is "" the
// cause's text is used.
func Config(reason string, err error) *Error {
	if reason == "" && err != nil {
		reason = err.Error()
	}
	return newOpenSSL(StatusNone, LibTLSPort, OpConfig, reason, err)
}

// Net returns the (exn i/o net) condition of a plain network failure
// (spec §0.5: TCP connect, listen, accept, read or write outside TLS):
// status #f, library "net", function op. reason ("" = the cause's text)
// should name the host or address involved; the message is
// "<op>: <reason>". errno and errno-name are taken from err's chain.
func Net(op, reason string, err error) *Error {
	if reason == "" && err != nil {
		reason = err.Error()
	}
	msg := reason
	if op != "" {
		msg = op + ": " + reason
	}
	e := &Error{
		Kinds: []string{KindExn, KindIO, KindNet}, Message: msg, Reason: reason,
		Library: LibNet, Function: op, Err: err, GoType: goType(err),
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		e.Errno, e.ErrnoName = errno, ErrnoName(errno)
	}
	return e
}

// Policy returns the status-ssl condition of a handshake that completed
// but broke a local policy checked after negotiation (e.g. a TLS 1.3 suite
// outside ciphersuites:); the local side sent alert 42 (Go's answer to a
// VerifyConnection error). err (may be nil) is the Go cause.
func Policy(reason string, err error) *Error {
	e := newOpenSSL(SSL, LibTLSPort, OpHandshake, reason, err)
	e.setAlert(42, OriginLocal)
	return e
}

// NetOp returns the condition of a failed TCP listen, accept or connect
// op: (exn i/o net timeout) when err is a deadline or context-deadline
// expiry, else [Net] with the cause's text.
func NetOp(op Op, err error) *Error {
	if isTimeout(err) {
		return Timeout(op, Opt{}, err)
	}
	return Net(string(op), "", err)
}

// Exn returns a plain (exn) condition with message msg, e.g. for I/O on
// a closed port.
func Exn(msg string) *Error {
	return &Error{Kinds: []string{KindExn}, Message: msg}
}

// Closed returns the (exn) condition "SSL socket already closed".
func Closed() *Error { return Exn("SSL socket already closed") }

// NetFailed returns the (exn i/o net) condition of a failed TCP operation
// op on what (a host or address; "" = none): message "cannot <op> to
// <what>: <cause>" ("on <what>" for listen and accept), library "net",
// what as its argument, errno and errno-name from err's chain.
func NetFailed(op Op, what string, err error) *Error {
	e := &Error{Kinds: []string{KindExn, KindIO, KindNet},
		Function: string(op), Err: err, Library: LibNet, Reason: err.Error()}
	e.Message = "cannot " + string(op)
	if what != "" {
		if op == OpListen || op == OpAccept {
			e.Message += " on " + what
		} else {
			e.Message += " to " + what
		}
		e.Arguments = []any{what}
	}
	e.Message += ": " + err.Error()
	var errno syscall.Errno
	if errors.As(err, &errno) {
		e.Errno, e.ErrnoName = errno, ErrnoName(errno)
	}
	return e
}

// Want returns a want-* condition (retry #t) for a non-blocking operation
// that cannot proceed now. s is WantRead, WantWrite, WantConnect or WantAccept.
func Want(s Status, op Op) *Error {
	return newOpenSSL(s, LibTLSPort, op, "operation would block", nil)
}

// TypeError returns an (exn type) condition raised by location with the
// given message and offending arguments.
func TypeError(location, msg string, args ...any) *Error {
	return &Error{Kinds: []string{KindExn, KindType}, Message: msg, Location: location,
		Arguments: args}
}

// VerifyFailure returns the status-ssl condition of a failed certificate
// verification with OpenSSL code (§2.3), chain depth (none when no
// certificate is blamed) and blamed certificate. The local side sent alert
// 42 (bad_certificate).
func VerifyFailure(code int, depth Opt, cert *x509.Certificate, cause error) *Error {
	reason := "certificate verify failed"
	if cause != nil {
		reason = cause.Error()
	}
	e := newOpenSSL(SSL, LibX509, OpHandshake, reason, cause)
	e.setVerify(code, depth, cert)
	e.setAlert(42, OriginLocal)
	return e
}

func (e *Error) setVerify(code int, depth Opt, cert *x509.Certificate) {
	e.VerifyCode = index(code)
	e.VerifyError, e.VerifyMessage = VerifyCodeInfo(code)
	e.Depth = depth
	e.Certificate = cert
}

func (e *Error) setAlert(n int, origin string) {
	e.Alert = Some(n)
	e.AlertDescription = AlertDescription(n)
	e.AlertOrigin = origin
}

// goType is the dynamic type of the innermost error of err's chain.
func goType(err error) string {
	if err == nil {
		return ""
	}
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			break
		}
		next := u.Unwrap()
		if next == nil {
			break
		}
		err = next
	}
	return fmt.Sprintf("%T", err)
}
