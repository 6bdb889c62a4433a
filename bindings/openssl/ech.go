// (openssl ext) Encrypted Client Hello: ssl-make-ech-key, ssl-set-ech-config-list!, ssl-set-ech-keys!, ssl-ech-accepted? (spec §4.1, §4.2).

package openssl

import (
	"crypto/tls"

	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// echProcs are the (openssl ext) rows of this file.
var echProcs = []scheme.Proc{
	{Name: "ssl-make-ech-key", Spec: "§4.2", Sig: "(ssl-make-ech-key public-name #!key (config-id 0))",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("public-name", tlsval.TypeName), scheme.Key("config-id", scheme.OrFalse(tlsval.TypeFixnum), nil))
		},
		Doc: "(values config-list config private-key): a fresh X25519 key and its ECHConfig (version 0xfe0d, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM) for public-name (a DNS name with two or more labels: the name the outer ClientHello shows). " +
			"config-list (an ECHConfigList, as in DNS HTTPS records) is for clients, config and private-key for ssl-set-ech-keys!.",
		Fn: sslMakeECHKey},
	{Name: "ssl-set-ech-config-list!", Spec: "§4.1", Sig: "(ssl-set-ech-config-list! ctx config-list)", LazyArgs: func() scheme.Params { return setterParams("ctx", "config-list", typeECHConfigList) },
		Doc: "Clients: offer ECH with the ECHConfigList bytevector (#f: off); the context becomes TLS 1.3 only. If the server rejects ECH, its certificate is checked for the public name (when verification is on) and the handshake fails with status ssl whose ech-retry-configs property holds the server's retry configs (try again with them).",
		Fn:  contextSetter("ssl-set-ech-config-list!", setECHConfigList)},
	{Name: "ssl-set-ech-keys!", Spec: "§4.2", Sig: "(ssl-set-ech-keys! ctx keys)", LazyArgs: func() scheme.Params { return req("ctx", "keys") },
		Doc: "Servers: ECH keys, a list of (config private-key send-as-retry?) — the configs of those with send-as-retry? go to clients whose ECH is rejected — or a procedure (hello-alist) → such a list, called per ClientHello (alist as the validate callback's hello kind), or #f for none.",
		Fn:  contextSetter("ssl-set-ech-keys!", setECHKeys)},
	{Name: "ssl-ech-accepted?", Spec: "§4.1", Sig: "(ssl-ech-accepted? conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; #t if the server accepted Encrypted Client Hello (ConnectionState.ECHAccepted).",
		Fn:  sslECHAcceptedP},
}

func sslMakeECHKey(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-make-ech-key"
	name, id := tlsval.Str(args[0]), tlsval.Num(args[1], 0)
	if id < 0 || id > 255 {
		return nil, scheme.RangeError(who, 2, "config-id must be between 0 and 255", args[1])
	}
	list, config, priv, err := tlsctx.MakeECHKey(name, uint8(id))
	if err != nil {
		return nil, located(who, err)
	}
	return scheme.Values(&scheme.Bytevector{B: list}, &scheme.Bytevector{B: config}, &scheme.Bytevector{B: priv}), nil
}

func setECHConfigList(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	if !tlsval.Given(v) {
		return wrap(who, ctx.SetECHConfigList(nil))
	}
	return wrap(who, ctx.SetECHConfigList(v.(*scheme.Bytevector).B))
}

// echKeys converts a list of (config private-key send-as-retry?).
func echKeys(who string, v scheme.Value) ([]tls.EncryptedClientHelloKey, error) {
	items, ok := scheme.ListToSlice(v)
	if !ok {
		return nil, scheme.TypeError(who, 2, "list of (config private-key send-as-retry?)", v)
	}
	keys := make([]tls.EncryptedClientHelloKey, 0, len(items))
	for _, it := range items {
		k, ok := scheme.ListToSlice(it)
		if !ok || len(k) < 2 || len(k) > 3 {
			return nil, scheme.TypeError(who, 2, "(config private-key send-as-retry?)", it)
		}
		var kb [2][]byte
		for i := range kb {
			b, ok := k[i].(*scheme.Bytevector)
			if !ok {
				return nil, scheme.TypeError(who, 2, "bytevector", k[i])
			}
			kb[i] = b.B
		}
		keys = append(keys, tls.EncryptedClientHelloKey{Config: kb[0], PrivateKey: kb[1], SendAsRetry: len(k) == 3 && scheme.Truthy(k[2])})
	}
	return keys, nil
}

func setECHKeys(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	switch {
	case !tlsval.Given(v):
		return wrap(who, ctx.SetECHKeys(nil))
	case scheme.IsProcedure(v):
		in := th.Interp()
		return wrap(who, ctx.SetECHKeysFunc(func(h *tls.ClientHelloInfo) ([]tls.EncryptedClientHelloKey, error) {
			r, err := callScheme(in, v, helloAlist(h))
			if err != nil {
				return nil, err
			}
			if r == scheme.Value(scheme.False) {
				return nil, nil
			}
			return echKeys(who, r)
		}))
	}
	keys, err := echKeys(who, v)
	if err != nil {
		return err
	}
	return wrap(who, ctx.SetECHKeys(keys))
}

func sslECHAcceptedP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := handshaken(th, "ssl-ech-accepted?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(c.E.ConnectionState().ECHAccepted), nil
}
