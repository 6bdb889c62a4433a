// (openssl ext) sessions as objects: inspection, export and import (spec §1.3.3, §4.4).

package openssl

import (
	"crypto/tls"
	"os"
	"time"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

// sessionProcs are the (openssl ext) rows of this file.
var sessionProcs = []scheme.Proc{
	{Name: "ssl-session?", Spec: "§1.3.3", Sig: "(ssl-session? x)", LazyArgs: func() scheme.Params { return req("x") },
		Doc: "#t for a session object (ssl-session, bytevector->ssl-session, ssl-read-session).", Fn: sslSessionP},
	{Name: "ssl-session-info", Spec: "§1.3.3", Sig: "(ssl-session-info s)", LazyArgs: func() scheme.Params { return req("s") },
		Doc: "Alist of a client session: id (hex, derived from the ticket: Go has no session IDs), protocol, cipher, standard-name, created (seconds since the epoch), " +
			"lifetime (seconds: TLS 1.3 the server's ticket lifetime capped at 7 days; #f for TLS 1.2, whose lifetime hint Go drops), expires, resumable?, " +
			"extended-master-secret?, peer-certificates (leaf first), ocsp-response, ticket (bytevector).", Fn: sslSessionInfo},
	{Name: "ssl-session-resumable?", Spec: "§1.3.3", Sig: "(ssl-session-resumable? s)", LazyArgs: func() scheme.Params { return req("s") },
		Doc: "#t while Go would still offer s: before created + lifetime (TLS 1.2: + 7 days).", Fn: sslSessionResumableP},
	{Name: "ssl-session->bytevector", Spec: "§4.4", Sig: "(ssl-session->bytevector s)", LazyArgs: func() scheme.Params { return req("s") },
		Doc: "Export s (ticket and Go session state, ClientSessionState.ResumptionState) for bytevector->ssl-session in another process. The bytes hold the session secret; they are specific to the Go version's session encoding and are not OpenSSL's -sess_out format (whose ASN.1 SSL_SESSION carries fields Go cannot restore).", Fn: sslSessionToBytevector},
	{Name: "bytevector->ssl-session", Spec: "§4.4", Sig: "(bytevector->ssl-session bv)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("bv", scheme.TypeBytevector)) },
		Doc: "The session exported in bv (NewResumptionState); pass it as session: to ssl-connect* to resume. Malformed bytes raise status #f.", Fn: bytevectorToSSLSession},
	{Name: "ssl-write-session", Spec: "§4.4", Sig: "(ssl-write-session s path)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("s", nil), scheme.Req("path", tlsval.TypeName)) },
		Doc: "Write the export of s to the file path (mode 0600; it holds the session secret).", Fn: sslWriteSession},
	{Name: "ssl-read-session", Spec: "§4.4", Sig: "(ssl-read-session src)", LazyArgs: func() scheme.Params { return req("src") },
		Doc: "The session exported in src: a file written by ssl-write-session, or a bytevector.", Fn: sslReadSession},
	{Name: "ssl-set-session-ticket-keys!", Spec: "§4.5", Sig: "(ssl-set-session-ticket-keys! ctx keys)", LazyArgs: func() scheme.Params { return req("ctx", "keys") },
		Doc: "Servers: encrypt session tickets with the first of keys (32-byte bytevectors) and accept tickets made with any of them (Config.SetSessionTicketKeys), so servers and later runs sharing the keys resume each other's sessions; rotate by putting a new key first. #f returns to the context's own random key.",
		Fn:  contextSetter("ssl-set-session-ticket-keys!", setSessionTicketKeys)},
	{Name: "ssl-set-ticket-data-callback!", Spec: "§4.5", Sig: "(ssl-set-ticket-data-callback! ctx wrap #!optional unwrap)",
		Args: scheme.Params{Required: []string{"ctx", "wrap"}, Optional: []string{"unwrap"}},
		Doc:  "Servers: carry application data inside session tickets (WrapSession/UnwrapSession, SessionState.Extra): (wrap conn) → bytevector, string or #f is sealed into each ticket issued; (unwrap conn data-or-#f) sees it when a client offers the ticket and returns true to resume or #f for a full handshake. #f for both removes them; a raise aborts the handshake.",
		Fn:   sslSetTicketDataCallbackBang},
}

func sessionArg(who string, v scheme.Value) (*tls.ClientSessionState, error) {
	if s, ok := v.(*tlsval.Session); ok && s.S != nil {
		return s.S, nil
	}
	return nil, scheme.TypeError(who, 1, "ssl-session", v)
}

func sslSessionP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, ok := args[0].(*tlsval.Session)
	return scheme.MakeBool(ok), nil
}

func sessionInfo(who string, v scheme.Value) (*tlsctx.SessionInfo, error) {
	s, err := sessionArg(who, v)
	if err != nil {
		return nil, err
	}
	info, err := tlsctx.InspectSession(s)
	if err != nil {
		return nil, located(who, err)
	}
	return info, nil
}

func sslSessionInfo(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	info, err := sessionInfo("ssl-session-info", args[0])
	if err != nil {
		return nil, err
	}
	var a alist
	a.str("id", info.ID)
	a.str("protocol", tlsctx.VersionName(info.Version))
	if suite, ok := tlsctx.SuiteByID(info.CipherSuite); ok {
		a.str("cipher", suite.Name)
	} else {
		a.add("cipher", scheme.False)
	}
	a.str("standard-name", tls.CipherSuiteName(info.CipherSuite))
	a.add("created", scheme.MakeInteger(info.CreatedAt.Unix()))
	if info.Lifetime > 0 {
		a.add("lifetime", scheme.MakeInteger(int64(info.Lifetime/time.Second)))
	} else {
		a.add("lifetime", scheme.False)
	}
	a.add("expires", scheme.MakeInteger(info.Expires().Unix()))
	a.add("resumable?", scheme.MakeBool(info.Resumable(time.Now())))
	a.add("extended-master-secret?", scheme.MakeBool(info.ExtendedMasterSecret))
	certs := make([]scheme.Value, len(info.PeerCertificates))
	for i, c := range info.PeerCertificates {
		certs[i] = tlsval.CertificateValue(c)
	}
	a.add("peer-certificates", scheme.List(certs...))
	if info.OCSPResponse != nil {
		a.add("ocsp-response", &scheme.Bytevector{B: info.OCSPResponse})
	} else {
		a.add("ocsp-response", scheme.False)
	}
	a.add("ticket", &scheme.Bytevector{B: info.Ticket})
	return a.list(), nil
}

func sslSessionResumableP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	info, err := sessionInfo("ssl-session-resumable?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(info.Resumable(time.Now())), nil
}

func exportSession(who string, v scheme.Value) ([]byte, error) {
	s, err := sessionArg(who, v)
	if err != nil {
		return nil, err
	}
	b, err := tlsctx.ExportSession(s)
	if err != nil {
		return nil, located(who, err)
	}
	return b, nil
}

func sslSessionToBytevector(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	b, err := exportSession("ssl-session->bytevector", args[0])
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: b}, nil
}

func importSession(who string, b []byte) (scheme.Value, error) {
	s, err := tlsctx.ImportSession(b)
	if err != nil {
		return nil, located(who, err)
	}
	return &tlsval.Session{S: s}, nil
}

func bytevectorToSSLSession(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "bytevector->ssl-session"
	return importSession(who, args[0].(*scheme.Bytevector).B)
}

func sslWriteSession(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-write-session"
	b, err := exportSession(who, args[0])
	if err != nil {
		return nil, err
	}
	path := tlsval.Str(args[1])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return nil, located(who, conditions.Config("", err))
	}
	return scheme.Unspecified, nil
}

func sslReadSession(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-read-session"
	var b []byte
	switch v := args[0].(type) {
	case *scheme.Bytevector:
		b = v.B
	case *scheme.String:
		data, err := tlsctx.ReadFile(th.Context(), v.String())
		if err != nil {
			return nil, located(who, err)
		}
		b = data
	default:
		return nil, scheme.TypeError(who, 1, "path string or bytevector", args[0])
	}
	return importSession(who, b)
}

// sessionIDAndLifetime are the session-id and lifetime of
// ssl-connection-info: a client's cached session (ID derived from the
// ticket, TLS 1.3 ticket lifetime in seconds); #f otherwise.
func sessionIDAndLifetime(s *tls.ClientSessionState) (id, lifetime scheme.Value) {
	id, lifetime = scheme.False, scheme.False
	if s == nil {
		return
	}
	info, err := tlsctx.InspectSession(s)
	if err != nil {
		return
	}
	id = scheme.NewString(info.ID)
	if info.Lifetime > 0 {
		lifetime = scheme.MakeInteger(int64(info.Lifetime / time.Second))
	}
	return
}

func setSessionTicketKeys(th *scheme.Thread, who string, ctx *tlsctx.Context, v scheme.Value) error {
	if !tlsval.Given(v) {
		return wrap(who, ctx.SetSessionTicketKeys(nil))
	}
	bs, err := bytevectorList(who, 2, v, 32)
	if err != nil {
		return err
	}
	keys := make([][32]byte, len(bs))
	for i, b := range bs {
		keys[i] = [32]byte(b)
	}
	return wrap(who, ctx.SetSessionTicketKeys(keys))
}

func sslSetTicketDataCallbackBang(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-set-ticket-data-callback!"
	wrapProc, unwrapProc := args[1], args[2]
	if tlsval.Absent(unwrapProc) {
		unwrapProc = scheme.False
	}
	for i, p := range []scheme.Value{wrapProc, unwrapProc} {
		if p != scheme.Value(scheme.False) && !scheme.IsProcedure(p) {
			return nil, scheme.TypeError(who, i+2, "procedure or #f", p)
		}
	}
	var td *tlsctx.TicketData
	if tlsval.Given(wrapProc) || tlsval.Given(unwrapProc) {
		in := th.Interp()
		td = &tlsctx.TicketData{}
		if tlsval.Given(wrapProc) {
			td.Wrap = func(handle any) ([]byte, error) {
				h, conn := tlsval.HandleOf(handle)
				r, err := h.Call(in, wrapProc, conn)
				if err != nil {
					return nil, err
				}
				if r == scheme.Value(scheme.False) {
					return nil, nil
				}
				return bytesOrString(who, 0, r)
			}
		}
		if tlsval.Given(unwrapProc) {
			td.Unwrap = func(handle any, data []byte) (bool, error) {
				h, conn := tlsval.HandleOf(handle)
				arg := scheme.Value(scheme.False)
				if data != nil {
					arg = &scheme.Bytevector{B: data}
				}
				r, err := h.Call(in, unwrapProc, conn, arg)
				if err != nil {
					return false, err
				}
				return scheme.Truthy(r), nil
			}
		}
	}
	return withContext(who, args, func(ctx *tlsctx.Context) error { return wrap(who, ctx.SetTicketData(td)) })
}
