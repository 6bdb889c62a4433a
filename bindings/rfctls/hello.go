// Hello extensions (make-server-name-indication, make-protocol-name-list, make-hello-extension) and the version constants (spec §1.2.6).

package rfctls

import (
	"crypto/tls"
	"strconv"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/scheme"
)

// Hello extension types Go can send.
const (
	extSNI  = 0
	extALPN = 16
)

// HelloExtension is a ClientHello extension given in :hello-extensions.
// Only SNI (type 0) and ALPN (type 16) are honoured; other types raise
// unsupported when used.
type HelloExtension struct {
	Type  int
	Names []string // SNI host names or ALPN protocols
	Data  []byte   // raw data of other types
}

// TypeName implements scheme.Value.
func (*HelloExtension) TypeName() string { return "hello-extension" }

// Repr implements scheme.Repr.
func (h *HelloExtension) Repr() string { return "#<hello-extension " + strconv.Itoa(h.Type) + ">" }

var _ scheme.Repr = (*HelloExtension)(nil)

// hello is the SNI and ALPN settings taken from a :hello-extensions list.
type hello struct {
	sni     string
	haveSNI bool
	alpn    []string
}

// parseHello reads a list of hello extensions (typeHello, checked by the
// unpacker) or #!default.
func parseHello(who string, v scheme.Value) (hello, error) {
	var h hello
	if v == scheme.Default {
		return h, nil
	}
	items, _ := scheme.ListToSlice(v)
	for _, it := range items {
		x := it.(*HelloExtension)
		switch x.Type {
		case extSNI:
			h.haveSNI = true
			if len(x.Names) > 0 {
				h.sni = x.Names[0]
			}
		case extALPN:
			h.alpn = append(h.alpn, x.Names...)
		default:
			return h, conditions.Unsupported("hello extension type " + strconv.Itoa(x.Type) + " cannot be sent by Go crypto/tls").WithLocation(who)
		}
	}
	return h, nil
}

func names(who string, v scheme.Value) ([]string, error) {
	out, _, ok := tlsval.StringItems(v, false)
	if !ok {
		return nil, scheme.TypeError(who, 1, "list of strings", v)
	}
	return out, nil
}

func makeServerNameIndication(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, err := names("make-server-name-indication", a[0])
	if err != nil {
		return nil, err
	}
	return &HelloExtension{Type: extSNI, Names: n}, nil
}

func makeProtocolNameList(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	n, err := names("make-protocol-name-list", a[0])
	if err != nil {
		return nil, err
	}
	return &HelloExtension{Type: extALPN, Names: n}, nil
}

func makeHelloExtension(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "make-hello-extension"
	t := int(a[0].(scheme.Fixnum))
	if t < 0 || t > 0xffff {
		return nil, scheme.RangeError(who, 1, "extension type is 0..65535", a[0])
	}
	x := &HelloExtension{Type: t}
	switch d := a[1].(type) {
	case *scheme.Bytevector:
		x.Data = append([]byte(nil), d.B...)
	default:
		n, err := names(who, a[1])
		if err != nil {
			return nil, scheme.TypeError(who, 2, "bytevector or list of strings", a[1])
		}
		x.Names = n
	}
	return x, nil
}

var versions = []scheme.Binding{
	{Name: "*tls-version-1.0*", Spec: "§1.2.6", Doc: "TLS 1.0 (#x0301).", Value: scheme.Fixnum(tls.VersionTLS10)},
	{Name: "*tls-version-1.1*", Spec: "§1.2.6", Doc: "TLS 1.1 (#x0302).", Value: scheme.Fixnum(tls.VersionTLS11)},
	{Name: "*tls-version-1.2*", Spec: "§1.2.6", Doc: "TLS 1.2 (#x0303).", Value: scheme.Fixnum(tls.VersionTLS12)},
	{Name: "*tls-version-1.3*", Spec: "§1.2.6", Doc: "[ext] TLS 1.3 (#x0304).", Value: scheme.Fixnum(tls.VersionTLS13)},
}
