// (openssl ext) ssl-export-keying-material: RFC 5705 / RFC 8446 §7.5 exporters (spec §4.6).

package openssl

import (
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// exporterProcs are the (openssl ext) rows of this file.
var exporterProcs = []scheme.Proc{
	{Name: "ssl-export-keying-material", Spec: "§4.6", Sig: "(ssl-export-keying-material conn label length #!optional context)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("conn", nil), scheme.Req("label", nil), scheme.Req("length", scheme.OrFalse(tlsval.TypeFixnum)), scheme.Opt("context", nil, nil))
		},
		Doc: "Force the handshake; length bytes of keying material exported under label (string or bytevector) and context (bytevector or string; absent = no context, which in TLS 1.2 differs from an empty one and in TLS 1.3 does not) — ConnectionState.ExportKeyingMaterial, the same on both ends. " +
			"TLS 1.2 needs the extended master secret and refuses the reserved labels (client finished, server finished, master secret, key expansion) with status #f.",
		Fn: sslExportKeyingMaterial},
}

// bytesOrString returns a bytevector's bytes or a string's UTF-8.
func bytesOrString(who string, pos int, v scheme.Value) ([]byte, error) {
	switch x := v.(type) {
	case *scheme.Bytevector:
		return x.B, nil
	case *scheme.String:
		return []byte(x.String()), nil
	}
	return nil, scheme.TypeError(who, pos, "string or bytevector", v)
}

func sslExportKeyingMaterial(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-export-keying-material"
	label, err := bytesOrString(who, 2, args[1])
	if err != nil {
		return nil, err
	}
	n := tlsval.Num(args[2], 0)
	if n < 1 || n > 1<<16 {
		return nil, scheme.RangeError(who, 3, "length must be between 1 and 65536", args[2])
	}
	var context []byte
	if !tlsval.Absent(args[3]) {
		if context, err = bytesOrString(who, 4, args[3]); err != nil {
			return nil, err
		}
		if context == nil {
			context = []byte{}
		}
	}
	c, err := handshaken(th, who, args[0])
	if err != nil {
		return nil, err
	}
	return exportKeyingMaterial(who, c, string(label), context, n)
}

// exportKeyingMaterial returns n bytes exported from c's connection.
func exportKeyingMaterial(who string, c *tlsval.ConnRef, label string, context []byte, n int) (scheme.Value, error) {
	cs := c.E.ConnectionState()
	b, err := cs.ExportKeyingMaterial(label, context, n)
	if err != nil {
		return nil, located(who, conditions.Config("", err))
	}
	return &scheme.Bytevector{B: b}, nil
}
