// Parameter types shared by the binding tables (scheme.Lambda declarations).

package tlsval

import "github.com/tlsport/tlsport/scheme"

// Parameter types of the binding libraries, beyond the core's scheme.Type*
// values.
var (
	// TypeName is a host, file or protocol name: a string or a symbol.
	TypeName = &scheme.Type{Name: "string", Accept: isName}
	// TypeSymbolName is a symbol such as 'accept; its name may also be
	// given as a string.
	TypeSymbolName = &scheme.Type{Name: "symbol", Accept: isName}
	// TypeStrings is a proper list of strings, bytevectors or symbols (ALPN names,
	// curves); a string alone is not a list (§0.2).
	TypeStrings = &scheme.Type{Name: "list of strings or bytevectors", Accept: func(v scheme.Value) bool {
		_, isList, ok := StringItems(v, true)
		return isList && ok
	}}
	// TypeFixnum is an exact integer (a fixnum).
	TypeFixnum = &scheme.Type{Name: "exact integer", Accept: func(v scheme.Value) bool {
		_, ok := v.(scheme.Fixnum)
		return ok
	}}
	// TypePortNumber is a TCP port: an exact integer or a numeric string.
	TypePortNumber = &scheme.Type{Name: "port number", Accept: func(v scheme.Value) bool {
		switch v.(type) {
		case scheme.Fixnum, *scheme.String:
			return true
		}
		return false
	}}
	// TypeProtocol is a protocol symbol such as 'tlsv12.
	TypeProtocol = &scheme.Type{Name: "SSL/TLS protocol symbol", Accept: func(v scheme.Value) bool {
		_, ok := v.(*scheme.Symbol)
		return ok
	}}
)

// ListOf returns the type named name of proper lists whose elements are
// of type elem.
func ListOf(name string, elem *scheme.Type) *scheme.Type {
	return &scheme.Type{Name: name, Accept: func(v scheme.Value) bool {
		items, ok := scheme.ListToSlice(v)
		for _, it := range items {
			if !elem.Accept(it) {
				return false
			}
		}
		return ok
	}}
}

// TypeCertificate is a certificate object.
var TypeCertificate = &scheme.Type{Name: "x509 certificate", Accept: func(v scheme.Value) bool {
	_, ok := v.(*Certificate)
	return ok
}}

// isName reports whether v is a string or a symbol.
func isName(v scheme.Value) bool {
	switch v.(type) {
	case *scheme.String, *scheme.Symbol:
		return true
	}
	return false
}
