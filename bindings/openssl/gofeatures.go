// (openssl ext) what Go 1.26 adds: ssl-post-quantum?, ssl-fips-mode?, ssl-abort-handshake! (spec §4.3, §4.11, §4.12).

package openssl

import (
	"crypto/fips140"
	"crypto/tls"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// goFeatureProcs are the (openssl ext) rows of this file.
var goFeatureProcs = []scheme.Proc{
	{Name: "ssl-post-quantum?", Spec: "§4.3", Sig: "(ssl-post-quantum? conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; #t if the key exchange used a post-quantum hybrid group (X25519MLKEM768, SecP256r1MLKEM768, SecP384r1MLKEM1024; the group of ssl-connection-info).",
		Fn:  sslPostQuantumP},
	{Name: "ssl-fips-mode?", Spec: "§4.12", Sig: "(ssl-fips-mode?)", LazyArgs: func() scheme.Params { return req() },
		Doc: "#t if the Go runtime runs in FIPS 140-3 mode (GODEBUG=fips140=on): only approved versions, suites and groups are offered.",
		Fn:  sslFIPSModeP},
	{Name: "ssl-abort-handshake!", Spec: "§4.11", Sig: "(ssl-abort-handshake! conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Cancel conn's handshake from another thread: a running handshake fails at once, one not started yet when it starts, with status syscall \"handshake aborted\" (sticky; the connection is closed). #f if the handshake had already finished.",
		Fn:  sslAbortHandshakeBang},
}

func sslPostQuantumP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-post-quantum?", args[0])
	if err != nil {
		return nil, err
	}
	switch c.E.ConnectionState().CurveID {
	case tls.X25519MLKEM768, tls.SecP256r1MLKEM768, tls.SecP384r1MLKEM1024:
		return scheme.True, nil
	}
	return scheme.False, nil
}

func sslFIPSModeP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(fips140.Enabled()), nil
}

func sslAbortHandshakeBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.ConnOf("ssl-abort-handshake!", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(c.E.AbortHandshake()), nil
}
