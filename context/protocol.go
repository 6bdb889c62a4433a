// Protocol symbols → TLS version ranges (spec §3.1).

package tlsctx

import (
	"crypto/tls"

	"github.com/tlsport/tlsport/conditions"
)

// ParseProtocol maps a protocol symbol of spec §3.1 (egg, Racket or tcltls
// spelling) to its version range. sslv2/sslv3 → unsupported condition;
// unknown → (exn type) "invalid SSL/TLS connection protocol".
func ParseProtocol(name string) (minV, maxV uint16, err error) {
	switch name {
	case "sslv2-or-v3", "auto", "secure", "tls", "tlsv1", "tls1":
		return tls.VersionTLS10, tls.VersionTLS13, nil
	case "tlsv11", "tls1.1":
		return tls.VersionTLS11, tls.VersionTLS13, nil
	case "tlsv12", "tls1.2":
		return tls.VersionTLS12, tls.VersionTLS13, nil
	case "tlsv13", "tls1.3":
		return tls.VersionTLS13, tls.VersionTLS13, nil
	case "tls11":
		return tls.VersionTLS11, tls.VersionTLS11, nil
	case "tls12":
		return tls.VersionTLS12, tls.VersionTLS12, nil
	case "tls13":
		return tls.VersionTLS13, tls.VersionTLS13, nil
	case "sslv3":
		return 0, 0, conditions.Unsupported("SSLv3 is not supported by Go crypto/tls")
	case "sslv2":
		return 0, 0, conditions.Unsupported("SSLv2 is not supported by Go crypto/tls")
	}
	return 0, 0, conditions.TypeError("", "invalid SSL/TLS connection protocol", name)
}

// ParseVersion maps a single-version symbol (tlsv1 tlsv11 tlsv12 tlsv13,
// tcltls tls1 … tls1.3, Racket tls tls11 tls12 tls13) to its version; ""
// means "library default" and returns 0.
func ParseVersion(name string) (uint16, error) {
	switch name {
	case "":
		return 0, nil
	case "tlsv1", "tls1", "tls", "tls1.0":
		return tls.VersionTLS10, nil
	case "tlsv11", "tls1.1", "tls11":
		return tls.VersionTLS11, nil
	case "tlsv12", "tls1.2", "tls12":
		return tls.VersionTLS12, nil
	case "tlsv13", "tls1.3", "tls13":
		return tls.VersionTLS13, nil
	case "sslv3":
		return 0, conditions.Unsupported("SSLv3 is not supported by Go crypto/tls")
	case "sslv2":
		return 0, conditions.Unsupported("SSLv2 is not supported by Go crypto/tls")
	}
	return 0, conditions.TypeError("", "invalid SSL/TLS connection protocol", name)
}

// RacketVersionName returns tls, tls11, tls12, tls13 for a negotiated version.
func RacketVersionName(v uint16) string { return versionNames(v).racket }
