// Global queries of (openssl ext): ssl-ciphers, ssl-protocols, ssl-version (spec §1.3.4).

package openssl

import (
	"crypto/tls"
	"runtime"
	"sync"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// extProtocols are the protocol symbols of (openssl ext), with the tcltls spellings.
var extProtocols = sync.OnceValue(func() map[string]uint16 {
	return map[string]uint16{
		"tlsv1": tls.VersionTLS10, "tlsv11": tls.VersionTLS11, "tlsv12": tls.VersionTLS12, "tlsv13": tls.VersionTLS13,
		"tls1": tls.VersionTLS10, "tls1.1": tls.VersionTLS11, "tls1.2": tls.VersionTLS12, "tls1.3": tls.VersionTLS13,
	}
})

func sslCiphers(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-ciphers"
	var version uint16
	if p := args[0]; p != scheme.Default && p != scheme.Value(scheme.False) {
		s, ok := p.(*scheme.Symbol)
		if !ok {
			return nil, scheme.TypeError(who, 1, "protocol symbol or #f", p)
		}
		switch s.Name {
		case "sslv2", "sslv3", "ssl2", "ssl3":
			return scheme.Null, nil
		}
		v, ok := extProtocols()[s.Name]
		if !ok {
			return nil, conditions.TypeError(who, "invalid protocol", p)
		}
		version = v
	}
	verbose := scheme.Truthy(scheme.OrDefault(args[1], scheme.False))
	supported := scheme.Truthy(scheme.OrDefault(args[2], scheme.False))
	secure := map[uint16]bool{}
	for _, s := range tls.CipherSuites() {
		secure[s.ID] = true
	}
	var out []scheme.Value
	for _, s := range tlsctx.Suites() {
		if version != 0 && (version < s.MinVersion || version > s.MaxVersion) {
			continue
		}
		if supported && !secure[s.ID] {
			continue
		}
		if verbose {
			out = append(out, scheme.NewString(s.Description()))
		} else {
			out = append(out, scheme.NewString(s.Name))
		}
	}
	return scheme.List(out...), nil
}

func sslProtocols(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.List(scheme.Intern("tlsv1"), scheme.Intern("tlsv11"), scheme.Intern("tlsv12"), scheme.Intern("tlsv13")), nil
}

func sslVersion(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.NewString("Go crypto/tls " + runtime.Version()), nil
}
