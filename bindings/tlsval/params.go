// Scheme parameters shared by the TLS libraries: timeouts, buffer size, CA directory.

package tlsval

import (
	"time"

	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/ports"
	"github.com/tlsport/tlsport/scheme"
)

// convertMS is the guard of the millisecond parameters: exact
// non-negative milliseconds or #f.
func convertMS(th *scheme.Thread, v scheme.Value) (scheme.Value, error) {
	if _, err := MS("", 1, v); err != nil {
		return nil, err
	}
	if v == scheme.Default {
		return scheme.False, nil
	}
	return v, nil
}

func convertSize(th *scheme.Thread, v scheme.Value) (scheme.Value, error) {
	switch x := v.(type) {
	case scheme.Fixnum:
		if x >= 0 {
			return v, nil
		}
	case *scheme.Boolean:
		if v == scheme.Value(scheme.False) {
			return v, nil
		}
	}
	return nil, scheme.TypeError("tcp-buffer-size", 1, "non-negative exact integer or #f", v)
}

// The parameters of (chicken tcp) (spec §1.4), also read by every TLS connection.
var (
	TCPReadTimeout = &scheme.ParamDef{Name: "tcp-read-timeout", Spec: "§1.4",
		Sig: "(tcp-read-timeout [ms])", Default: scheme.Fixnum(60000), Convert: convertMS,
		Doc: "Milliseconds each read on a TCP or SSL port may wait (#f = no limit); expiry raises (exn i/o net timeout). It comes up to 1/16 of the limit (at most 1 s) late, never early: consecutive reads share one timer."}
	TCPWriteTimeout = &scheme.ParamDef{Name: "tcp-write-timeout", Spec: "§1.4",
		Sig: "(tcp-write-timeout [ms])", Default: scheme.Fixnum(60000), Convert: convertMS,
		Doc: "Milliseconds each write on a TCP or SSL port may wait (#f = no limit); expiry raises (exn i/o net timeout), the part not sent kept first in line (an SSL port keeps the rest of the record it had begun) for the next write, flush-output or close-port. It comes up to 1/16 of the limit (at most 1 s) late, never early: consecutive writes share one timer."}
	TCPConnectTimeout = &scheme.ParamDef{Name: "tcp-connect-timeout", Spec: "§1.4",
		Sig: "(tcp-connect-timeout [ms])", Default: scheme.False, Convert: convertMS,
		Doc: "Milliseconds tcp-connect (and ssl-connect) may wait for the TCP connection (#f = no limit)."}
	TCPAcceptTimeout = &scheme.ParamDef{Name: "tcp-accept-timeout", Spec: "§1.4",
		Sig: "(tcp-accept-timeout [ms])", Default: scheme.False, Convert: convertMS,
		Doc: "Milliseconds tcp-accept (and ssl-accept) may wait for a connection (#f = no limit)."}
	TCPBufferSize = &scheme.ParamDef{Name: "tcp-buffer-size", Spec: "§1.4",
		Sig: "(tcp-buffer-size [bytes])", Default: scheme.False, Convert: convertSize,
		Doc: "Output buffer size of new TCP and SSL ports in bytes; #f or 0 = every write is sent at once."}
)

// The parameters of (openssl) (spec §1.1.1).
var (
	SSLHandshakeTimeout = &scheme.ParamDef{Name: "ssl-handshake-timeout", Spec: "§1.1.1",
		Sig: "(ssl-handshake-timeout [ms])", Default: scheme.Fixnum(120000), Convert: convertMS,
		Doc: "Milliseconds one TLS handshake may take (#f = no limit); read when the handshake starts; expiry raises (exn i/o net timeout) \"SSL handshake operation timed out\"."}
	SSLShutdownTimeout = &scheme.ParamDef{Name: "ssl-shutdown-timeout", Spec: "§1.1.1",
		Sig: "(ssl-shutdown-timeout [ms])", Default: scheme.Fixnum(120000), Convert: convertMS,
		Doc: "Milliseconds for sending close_notify, after the output a write cut short left, when a connection is closed; effectively at most 5000 (Go's own limit)."}
	SSLDefaultCADirectory = &scheme.ParamDef{Name: "ssl-default-certificate-authority-directory", Spec: "§1.1.1",
		Sig: "(ssl-default-certificate-authority-directory [dir])", Default: scheme.NewString(tlsctx.DefaultCADirectory()),
		Doc: "Trust directory the *-constructors use when neither certificate-authorities nor certificate-authority-directory is given; the platform default means the system pool."}
)

// ParamMS reads a millisecond parameter of th as a Duration (0 = none).
func ParamMS(th *scheme.Thread, pd *scheme.ParamDef) time.Duration {
	v := th.Param(pd)
	if x, ok := v.(scheme.Fixnum); ok && x >= 0 {
		return time.Duration(x) * time.Millisecond // the common case (every read and write), without MS's checks
	}
	d, _ := MS("", 1, v)
	return d
}

// Options returns the engine options for a connection created now by th:
// the current handshake, read, write and shutdown limits, the buffer size
// and ragged-EOF suppression (on, the spec default). The handshake, read
// and write limits are re-read from the calling thread at each operation
// ([ThreadLimit]); the values taken now apply only to operations without a
// thread (a background handshake).
func Options(th *scheme.Thread) ports.Options {
	size := 0
	if n, ok := th.Param(TCPBufferSize).(scheme.Fixnum); ok {
		size = int(n)
	}
	hto := ParamMS(th, SSLHandshakeTimeout)
	if hto == 0 {
		hto = ports.NoTimeout // #f: no limit, not the Go default
	}
	return ports.Options{
		HandshakeTimeout:   hto,
		ReadTimeout:        ParamMS(th, TCPReadTimeout),
		WriteTimeout:       ParamMS(th, TCPWriteTimeout),
		ShutdownTimeout:    ParamMS(th, SSLShutdownTimeout),
		BufferSize:         size,
		SuppressRaggedEOFs: true,
		Limit:              ThreadLimit,
	}
}

// OptionsFor is [Options] for a connection whose callbacks use h: the
// engine reports to h which thread runs each handshake.
func OptionsFor(th *scheme.Thread, h *Handle) ports.Options {
	o := Options(th)
	o.Limit = h.Limit
	return o
}
