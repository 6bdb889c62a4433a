// describe: what a context holds, for the REPL's ,describe (repl.Describer).

package tlsval

import (
	"crypto/tls"
	"strconv"
	"strings"
)

// Describe lists what the context is configured with, for the REPL's
// ,describe: role, protocol range, verification, client authentication,
// ALPN, ciphers, certificate, session and key-log settings.
func (c *Context) Describe() [][2]string {
	x := c.Ctx
	onOff := func(b bool) string {
		if b {
			return "on"
		}
		return "off"
	}
	minV, maxV := x.ProtocolRange()
	version := func(v uint16) string {
		if v == 0 {
			return "default"
		}
		return tls.VersionName(v)
	}
	var d [][2]string
	d = append(d, [2]string{"protocols", version(minV) + " to " + version(maxV)})
	d = append(d, [2]string{"verify", onOff(x.Verify()) + " (" + strings.Join(x.VerifyMode(), " ") + ")"})
	if on, name := x.VerifyHostname(); on {
		h := "on"
		if name != "" {
			h += " (" + name + ")"
		}
		d = append(d, [2]string{"verify hostname", h})
	} else {
		d = append(d, [2]string{"verify hostname", "off"})
	}
	if m := x.ClientAuth(); m != "" {
		d = append(d, [2]string{"client auth", m})
	}
	if p := x.ALPN(); len(p) > 0 {
		d = append(d, [2]string{"alpn", strings.Join(p, " ")})
	}
	if cs := x.CipherSuites(); len(cs) > 0 {
		names := make([]string, len(cs))
		for i, s := range cs {
			names[i] = tls.CipherSuiteName(s)
		}
		d = append(d, [2]string{"ciphers (TLS 1.2)", strings.Join(names, " ")})
	}
	if cert := x.Certificate(); cert != nil {
		d = append(d, [2]string{"certificate", cert.Subject.String()})
	}
	d = append(d,
		[2]string{"security level", strconv.Itoa(x.SecurityLevel())},
		[2]string{"session cache", x.SessionCacheMode()},
		[2]string{"key log", onOff(x.KeyLogging())},
		[2]string{"sealed", onOff(x.Sealed())})
	return d
}
