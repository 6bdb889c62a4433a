// Kinds, property names and status symbols of conditions, spelt as spec §0.5/§2.

package conditions

// Condition kinds (spec §0.5).
const (
	KindExn         = "exn"
	KindIO          = "i/o"
	KindNet         = "net"
	KindOpenSSL     = "openssl"
	KindTimeout     = "timeout"
	KindUnsupported = "unsupported"
	KindType        = "type"
)

// Status symbol names (spec §2.1). Status #f has no name.
const (
	StatusZeroReturn     = "zero-return"
	StatusWantRead       = "want-read"
	StatusWantWrite      = "want-write"
	StatusWantConnect    = "want-connect"
	StatusWantAccept     = "want-accept"
	StatusWantX509Lookup = "want-X509-lookup"
	StatusSyscall        = "syscall"
	StatusSSL            = "ssl"
)

// Property names of the exn kind.
const (
	PropMessage   = "message"
	PropLocation  = "location"
	PropArguments = "arguments"
)

// Property names of the openssl kind (spec §0.5).
const (
	PropStatus           = "status"
	PropReason           = "reason"
	PropLibrary          = "library"
	PropAlert            = "alert"
	PropAlertDescription = "alert-description"
	PropAlertOrigin      = "alert-origin"
	PropVerifyCode       = "verify-code"
	PropVerifyError      = "verify-error"
	PropVerifyMessage    = "verify-message"
	PropDepth            = "depth"
	PropCertificate      = "certificate"
	PropErrno            = "errno"
	PropErrnoName        = "errno-name"
	PropEOF              = "eof"
	PropRetry            = "retry"
	PropECHRetryConfigs  = "ech-retry-configs"
	PropRecordHeader     = "record-header"
	PropCause            = "cause"
	PropGoType           = "go-type"
)

// PropMS is the property of the timeout kind holding the limit in milliseconds.
const PropMS = "ms"

// Values of the alert-origin property.
const (
	OriginLocal  = "local"
	OriginRemote = "remote"
)

// Values of the library property.
const (
	LibTLS     = "crypto/tls"
	LibX509    = "crypto/x509"
	LibNet     = "net"
	LibTLSPort = "tlsport"
)
