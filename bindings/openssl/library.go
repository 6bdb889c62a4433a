// The binding tables of (openssl) and (openssl ext): the export lists (spec §1.1, §1.3).

package openssl

import (
	"slices"

	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// The keyword parts of the #!key signatures of ssl-connect*,
// ssl-make-client-context*, ssl-listen* and ssl-start*: constants, where
// building them from the keyword declarations cost every start
// (TestKeySigs checks them against the declarations). CtxSigTail, the
// keywords after verify? (none has a default), also ends the Sigs of
// (tlsport starttls)'s upgrade procedures.
const (
	ctxSigHead = `(protocol 'tlsv12) (cipher-list "DEFAULT") certificate private-key (private-key-type 'rsa) private-key-asn1? certificate-authorities certificate-authority-directory`
	CtxSigTail = "max-protocol ciphersuites alpn verify-hostname password keylog curves client-auth security-level verify-callback validate-callback verifier info-callback verify-time ech-config-list"
)

func req(names ...string) scheme.Params { return scheme.Params{Required: names} }

func install(in *scheme.Interp) error {
	tlsval.Install(in)
	return nil
}

const extKeysDoc = " [ext] keywords: max-protocol: ciphersuites: alpn: (list of strings/bytevectors) verify-hostname: (#t/#f/string) password: (string or thunk) keylog: (file name, output port or procedure) curves: security-level: verify-callback: ((conn depth certificate ok? error) → #t accept, #f reject, other keep) validate-callback: ((kind conn . args), as ssl-set-validate-callback!) verifier: ((conn) → true to accept) info-callback: ((kind conn . args), as ssl-set-info-callback!) verify-time: (as ssl-set-verify-time!) ech-config-list: (clients, as ssl-set-ech-config-list!) certificate: may be a certificate object (or list, leaf first) with private-key: a key object (ssl-make-ephemeral-certificate, ssl-read-certificates, ssl-read-private-key)"

// Library is the (openssl) binding table: the egg's exports (§1.1.1–§1.1.7)
// and the Racket additions (§1.1.8).
var Library = &scheme.Library{
	Name: "(openssl)",
	Doc:  "CHICKEN openssl egg API over Go crypto/tls, with the Racket additions (spec §1.1).",
	Init: install,
	Parameters: []*scheme.ParamDef{tlsval.SSLHandshakeTimeout, tlsval.SSLShutdownTimeout,
		tlsval.SSLDefaultCADirectory, sslDefaultVerifySources},
	Values: []scheme.Binding{
		{Name: "ssl-available?", Spec: "§1.1.8", Doc: "Always #t: TLS is built in (Go crypto/tls).", Value: scheme.True},
		{Name: "ssl-load-fail-reason", Spec: "§1.1.8", Doc: "Always #f: there is no shared library to fail loading.", Value: scheme.False},
		{Name: "ssl-dh4096-param-bytes", Spec: "§1.1.8", Doc: "The RFC 7919 ffdhe4096 group as PEM DH parameters (compatibility only: Go has no finite-field DHE).",
			Value: &scheme.Bytevector{B: []byte(dh4096PEM)}},
	},
	Procs: []scheme.Proc{
		// §1.1.2 client
		{Name: "ssl-connect", Spec: "§1.1.2", Sig: "(ssl-connect hostname #!optional port (ctx 'sslv2-or-v3) sni-name)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("hostname", tlsval.TypeName), scheme.Opt("port", scheme.OrFalse(tlsval.TypePortNumber), nil),
					scheme.Opt("ctx", nil, nil), scheme.Opt("sni-name", nil, nil))
			},
			Doc: "Connect over TCP (port may be omitted when hostname is \"host:port\") and return (values in out) of a lazy TLS client connection; ctx is a client context or a protocol symbol (no verification). sni-name: string, #t (hostname unless an IP literal) or #f.",
			Fn:  sslConnect},
		{Name: "ssl-connect*", Spec: "§1.1.2", Sig: "(ssl-connect* #!key hostname port (sni-name #t) " + ctxSigHead + " (verify? #t) " + CtxSigTail + " session tcp-connect local-address local-port async?)",
			LazyArgs: func() scheme.Params { return scheme.Lambda(connectParams()...) },
			Doc:      "Like (ssl-connect hostname port (ssl-make-client-context* …) sni-name): verifies the peer (chain and hostname) by default; returns (values in out)." + extKeysDoc + " session: tcp-connect: (proc host port → TCP ports) local-address: local-port: async?: (twapi -async: return at once and connect in the background; I/O waits for the connection, a failed connect is raised by the first I/O, on a non-blocking connection ssl-handshake! returns #f and reads raise want-connect meanwhile)",
			Fn:       sslConnectStar},
		{Name: "ssl-make-client-context", Spec: "§1.1.2", Sig: "(ssl-make-client-context #!optional (protocol 'sslv2-or-v3) #!key private-key certificate-chain)",
			Args: scheme.Params{Optional: []string{"protocol"}, Keys: []string{"private-key", "certificate-chain"}},
			Doc:  "A client context with no certificate, no trust anchors and verification off. Racket keywords: private-key: (list 'pem|'der path), certificate-chain: path.",
			Fn:   sslMakeClientContext},
		{Name: "ssl-make-client-context*", Spec: "§1.1.2", Sig: "(ssl-make-client-context* #!key " + ctxSigHead + " (verify? #t) " + CtxSigTail + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(ctxParams()...) },
			Doc:      "A configured client context: default CA directory when no CAs are given, cipher list, certificate and key, trust anchors, verification (with hostname check) on by default." + extKeysDoc + " certificate-authorities: may also be a certificate or a list of them [ext].",
			Fn:       sslMakeClientContextStar},
		{Name: "ssl-client-context?", Spec: "§1.1.2", Sig: "(ssl-client-context? obj)", LazyArgs: func() scheme.Params { return req("obj") },
			Doc: "#t if obj is a client context.", Fn: sslClientContextP},
		// §1.1.3 server
		{Name: "ssl-listen", Spec: "§1.1.3", Sig: "(ssl-listen port #!optional (backlog 4) (hostname #f) (ctx 'sslv2-or-v3))",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("port", scheme.OrFalse(tlsval.TypeFixnum)), scheme.Opt("backlog", scheme.OrFalse(tlsval.TypeFixnum), nil),
					scheme.Opt("hostname", scheme.OrFalse(tlsval.TypeName), nil), scheme.Opt("ctx", nil, nil))
			},
			Doc: "Listen on port (0 = any free port; hostname restricts the bind address) with a server context made from a protocol symbol, or the given server context. No certificate is loaded.",
			Fn:  sslListen},
		{Name: "ssl-listen*", Spec: "§1.1.3", Sig: "(ssl-listen* #!key hostname (port 0) (backlog 4) " + ctxSigHead + " (verify? #f) " + CtxSigTail + ")",
			LazyArgs: func() scheme.Params { return scheme.Lambda(listenParams()...) },
			Doc:      "Listen with a configured server context; certificate: is required ((exn type) otherwise) — certificate: 'ephemeral [ext] uses a fresh self-signed certificate for localhost, 127.0.0.1 and ::1 (get it with ssl-listener-certificate). verify? #t requires and verifies a client certificate." + extKeysDoc + " client-auth: (none request require-any verify-if-given require)",
			Fn:       sslListenStar},
		{Name: "ssl-close", Spec: "§1.1.3", Sig: "(ssl-close listener)", LazyArgs: func() scheme.Params { return req("listener") },
			Doc: "Close the TCP listener (idempotent); accepted connections are unaffected.", Fn: sslClose},
		{Name: "ssl-listener?", Spec: "§1.1.3", Sig: "(ssl-listener? obj)", LazyArgs: func() scheme.Params { return req("obj") },
			Doc: "#t if obj is an SSL listener.", Fn: sslListenerP},
		{Name: "ssl-listener-port", Spec: "§1.1.3", Sig: "(ssl-listener-port listener)", LazyArgs: func() scheme.Params { return req("listener") },
			Doc: "The port the listener is bound to (useful after port 0).", Fn: sslListenerPort},
		{Name: "ssl-listener-fileno", Spec: "§1.1.3", Sig: "(ssl-listener-fileno listener)", LazyArgs: func() scheme.Params { return req("listener") },
			Doc: "The OS descriptor of the listening socket.", Fn: sslListenerFileno},
		{Name: "ssl-listener-accept-ready?", Spec: "§1.1.3", Sig: "(ssl-listener-accept-ready? listener)", LazyArgs: func() scheme.Params { return req("listener") },
			Doc: "#t if ssl-accept would not block waiting for a TCP connection.", Fn: sslListenerAcceptReadyP},
		{Name: "ssl-accept-ready?", Spec: "§1.1.3", Sig: "(ssl-accept-ready? listener)", LazyArgs: func() scheme.Params { return req("listener") },
			Doc: "Alias of ssl-listener-accept-ready? (the egg source's name).", Fn: sslAcceptReadyP},
		{Name: "ssl-accept", Spec: "§1.1.3", Sig: "(ssl-accept listener)", LazyArgs: func() scheme.Params { return req("listener") },
			Doc: "Wait for a TCP connection (tcp-accept-timeout) and return (values in out) of a lazy TLS server connection; the handshake runs at the first I/O.", Fn: sslAccept},
		// §1.1.4 STARTTLS
		{Name: "ssl-start*", Spec: "§1.1.4", Sig: "(ssl-start* server? sni-name tcp-in tcp-out #!key " + ctxSigHead + " (verify? (not server?)) " + CtxSigTail + ")",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(append([]scheme.Param{scheme.Req("server?", nil), scheme.Req("sni-name", nil), scheme.Req("tcp-in", nil), scheme.Req("tcp-out", nil)}, ctxParams()...)...)
			},
			Doc: "Start TLS over a plaintext TCP port pair (from tcp-connect or tcp-accept), configured like ssl-connect* (client) or ssl-listen* (server); bytes already read ahead are handed to TLS first. The TCP ports must not be used again. Returns (values in out).",
			Fn:  sslStartStar},
		// §1.1.5 certificates
		{Name: "ssl-load-certificate-chain!", Spec: "§1.1.5", Sig: "(ssl-load-certificate-chain! obj pathname/blob #!optional (asn1? #f))",
			Args: scheme.Params{Required: []string{"obj", "pathname/blob"}, Optional: []string{"asn1?"}},
			Doc:  "Load the certificate chain of a context or listener: a PEM file (leaf first), one DER file with asn1? #t, or a DER bytevector.",
			Fn:   sslLoadCertificateChainBang},
		{Name: "ssl-load-private-key!", Spec: "§1.1.5", Sig: "(ssl-load-private-key! obj pathname/blob #!optional (rsa? #t) (asn1? #f))",
			Args: scheme.Params{Required: []string{"obj", "pathname/blob"}, Optional: []string{"rsa?", "asn1?"}},
			Doc:  "Load the private key (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8 or legacy encrypted PEM); rsa? is #t/'rsa, 'ec, #f/'dsa or 'dh (DSA and DH are unsupported in Go).",
			Fn:   sslLoadPrivateKeyBang},
		{Name: "ssl-set-verify!", Spec: "§1.1.5", Sig: "(ssl-set-verify! obj v)", LazyArgs: func() scheme.Params { return req("obj", "v") },
			Doc: "Turn peer verification on or off: clients verify the server's chain; servers require and verify a client certificate.", Fn: sslSetVerifyBang},
		{Name: "ssl-load-verify-root-certificates!", Spec: "§1.1.5", Sig: "(ssl-load-verify-root-certificates! obj pathname #!optional (dirname #f))",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("obj", nil), scheme.Req("pathname", scheme.OrFalse(tlsval.TypeName)), scheme.Opt("dirname", scheme.OrFalse(tlsval.TypeName), scheme.False))
			},
			Doc: "Add trust anchors from a PEM file (or #f) and/or a hashed CA directory; accumulates.", Fn: sslLoadVerifyRootCertificatesBang},
		{Name: "ssl-load-suggested-certificate-authorities!", Spec: "§1.1.5", Sig: "(ssl-load-suggested-certificate-authorities! obj pathname)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("obj", nil), scheme.Req("pathname", tlsval.TypeName))
			},
			Doc: "Servers: send the subjects of the certificates in the PEM file as acceptable CAs in the CertificateRequest (trust is not changed).", Fn: sslLoadSuggestedCertificateAuthoritiesBang},
		// §1.1.6 ciphers
		{Name: "ssl-set-cipher-list!", Spec: "§1.1.6", Sig: "(ssl-set-cipher-list! obj v)", LazyArgs: func() scheme.Params { return req("obj", "v") },
			Doc: "Select TLS 1.0–1.2 cipher suites with an OpenSSL cipher string (a list is joined with \":\"); status #f \"no cipher match\" if nothing matches.", Fn: sslSetCipherListBang},
		// §1.1.7 ports
		{Name: "ssl-port?", Spec: "§1.1.7", Sig: "(ssl-port? obj)", LazyArgs: func() scheme.Params { return req("obj") },
			Doc: "#t for either port of an SSL port pair (open or closed).", Fn: sslPortP},
		{Name: "ssl-port->tcp-port", Spec: "§1.1.7", Sig: "(ssl-port->tcp-port p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "The underlying TCP port of the same direction (for tcp-addresses, tcp-port-numbers; using it for I/O corrupts the TLS stream).", Fn: sslPortToTCPPort},
		{Name: "ssl-peer-verified?", Spec: "§1.1.7", Sig: "(ssl-peer-verified? p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "Force the handshake; #t iff the peer presented a certificate that verified (even when verification is not enforced).", Fn: sslPeerVerifiedP},
		{Name: "ssl-peer-subject-name", Spec: "§1.1.7", Sig: "(ssl-peer-subject-name p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "Force the handshake; the peer certificate's subject in OpenSSL one-line form (\"/C=NL/O=Example/CN=host\"), or #f.", Fn: sslPeerSubjectName},
		{Name: "ssl-peer-issuer-name", Spec: "§1.1.7", Sig: "(ssl-peer-issuer-name p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "Force the handshake; the peer certificate's issuer in OpenSSL one-line form, or #f.", Fn: sslPeerIssuerName},
		// §1.1.8 Racket additions
		{Name: "ssl-secure-client-context", Spec: "§1.1.8", Sig: "(ssl-secure-client-context)", LazyArgs: func() scheme.Params { return req() },
			Doc: "A sealed client context with the system roots, verification and hostname verification on and a secure cipher list; the trust comes from (ssl-default-verify-sources) and the same context is returned until that parameter changes.", Fn: sslSecureClientContext},
		{Name: "ssl-make-server-context", Spec: "§1.1.8", Sig: "(ssl-make-server-context #!optional (protocol 'auto) #!key private-key certificate-chain)",
			Args: scheme.Params{Optional: []string{"protocol"}, Keys: []string{"private-key", "certificate-chain"}},
			Doc:  "A server context; private-key: (list 'pem|'der path), certificate-chain: path.", Fn: sslMakeServerContext},
		{Name: "ssl-server-context?", Spec: "§1.1.8", Sig: "(ssl-server-context? obj)", LazyArgs: func() scheme.Params { return req("obj") },
			Doc: "#t if obj is a server context.", Fn: sslServerContextP},
		{Name: "ssl-context?", Spec: "§1.1.8", Sig: "(ssl-context? obj)", LazyArgs: func() scheme.Params { return req("obj") },
			Doc: "#t if obj is a client or server context.", Fn: sslContextP},
		{Name: "supported-client-protocols", Spec: "§1.1.8", Sig: "(supported-client-protocols)", LazyArgs: func() scheme.Params { return req() },
			Doc: "The protocol symbols accepted for clients.", Fn: supportedClientProtocols},
		{Name: "supported-server-protocols", Spec: "§1.1.8", Sig: "(supported-server-protocols)", LazyArgs: func() scheme.Params { return req() },
			Doc: "The protocol symbols accepted for servers.", Fn: supportedServerProtocols},
		{Name: "ssl-max-client-protocol", Spec: "§1.1.8", Sig: "(ssl-max-client-protocol)", LazyArgs: func() scheme.Params { return req() },
			Doc: "The highest client protocol: tls13.", Fn: sslMaxClientProtocol},
		{Name: "ssl-max-server-protocol", Spec: "§1.1.8", Sig: "(ssl-max-server-protocol)", LazyArgs: func() scheme.Params { return req() },
			Doc: "The highest server protocol: tls13.", Fn: sslMaxServerProtocol},
		{Name: "ssl-protocol-version", Spec: "§1.1.8", Sig: "(ssl-protocol-version p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "Force the handshake; the negotiated version: tls, tls11, tls12 or tls13.", Fn: sslProtocolVersion},
		{Name: "ports->ssl-ports", Spec: "§1.1.8", Sig: "(ports->ssl-ports in out #!key (mode 'accept) context (encrypt 'auto) close-original? shutdown-on-close? (error/ssl error) hostname (alpn '()))",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(append([]scheme.Param{scheme.Req("in", nil), scheme.Req("out", nil)}, portsToSSLPortsParams()...)...)
			},
			Doc: "TLS over a port pair (mode 'connect or 'accept): TCP-backed ports hand over their socket; any other pair (string/bytevector ports, another TLS connection's ports …) is used as a byte stream. hostname is the SNI and verification name; close-original? closes in/out when both TLS ports are closed; error/ssl, when given, makes the handshake happen now and is called (error/ssl who fmt arg …) if it fails.", Fn: portsToSSLPorts},
		{Name: "ssl-abandon-port", Spec: "§1.1.8", Sig: "(ssl-abandon-port p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "Closing the ports of p later will not shut down or close the connection.", Fn: sslAbandonPort},
		{Name: "ssl-addresses", Spec: "§1.1.8", Sig: "(ssl-addresses p-or-listener #!optional port-numbers?)",
			Args: scheme.Params{Required: []string{"p-or-listener"}, Optional: []string{"port-numbers?"}},
			Doc:  "(values local remote) IP strings, or with port-numbers? (values local lport remote rport); for a listener remote is \"0.0.0.0\"/\"::\" and 0.", Fn: sslAddresses},
		{Name: "ssl-accept/enable-break", Spec: "§1.1.8", Sig: "(ssl-accept/enable-break listener)", LazyArgs: func() scheme.Params { return req("listener") },
			Doc: "Same as ssl-accept.", Fn: sslAcceptEnableBreak},
		{Name: "ssl-connect/enable-break", Spec: "§1.1.8", Sig: "(ssl-connect/enable-break hostname #!optional port (ctx 'sslv2-or-v3) sni-name)",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("hostname", tlsval.TypeName), scheme.Opt("port", scheme.OrFalse(tlsval.TypePortNumber), nil),
					scheme.Opt("ctx", nil, nil), scheme.Opt("sni-name", nil, nil))
			},
			Doc: "Same as ssl-connect.", Fn: sslConnectEnableBreak},
		{Name: "ssl-load-verify-source!", Spec: "§1.1.8", Sig: "(ssl-load-verify-source! ctx src #!key try?)",
			Args: scheme.Params{Required: []string{"ctx", "src"}, Keys: []string{"try?"}},
			Doc:  "Add trust from src: a PEM path, (directory path), system [ext]; (win32-store …)/(macosx-keychain …) are unsupported. try? ignores load errors.", Fn: sslLoadVerifySourceBang},
		{Name: "ssl-load-default-verify-sources!", Spec: "§1.1.8", Sig: "(ssl-load-default-verify-sources! ctx)", LazyArgs: func() scheme.Params { return req("ctx") },
			Doc: "Load every source of (ssl-default-verify-sources), ignoring errors.", Fn: sslLoadDefaultVerifySourcesBang},
		{Name: "ssl-set-ciphers!", Spec: "§1.1.8", Sig: "(ssl-set-ciphers! ctx spec)", LazyArgs: func() scheme.Params { return req("ctx", "spec") },
			Doc: "Alias of ssl-set-cipher-list!.", Fn: sslSetCiphersBang},
		{Name: "ssl-seal-context!", Spec: "§1.1.8", Sig: "(ssl-seal-context! ctx)", LazyArgs: func() scheme.Params { return req("ctx") },
			Doc: "Make the context immutable: later mutation raises status #f \"context is sealed\".", Fn: sslSealContextBang},
		{Name: "ssl-server-context-enable-dhe!", Spec: "§1.1.8", Sig: "(ssl-server-context-enable-dhe! ctx #!optional dh-param)",
			Args: scheme.Params{Required: []string{"ctx"}, Optional: []string{"dh-param"}},
			Doc:  "Accepted and ignored: Go has no finite-field DHE (ECDHE is always on).", Fn: sslServerContextEnableDheBang},
		{Name: "ssl-server-context-enable-ecdhe!", Spec: "§1.1.8", Sig: "(ssl-server-context-enable-ecdhe! ctx #!optional (curve 'secp521r1))",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("ctx", nil), scheme.Opt("curve", scheme.OrFalse(tlsval.TypeSymbolName), nil))
			},
			Doc: "Make sure the curve (secp256r1/prime256v1, secp384r1, secp521r1) is enabled; normally a no-op.", Fn: sslServerContextEnableEcdheBang},
		{Name: "ssl-set-server-name-identification-callback!", Spec: "§1.1.8", Sig: "(ssl-set-server-name-identification-callback! ctx proc)",
			LazyArgs: func() scheme.Params { return req("ctx", "proc") },
			Doc:      "proc: (hostname-string) → server context or #f (keep ctx), called for each ClientHello with SNI.", Fn: sslSetServerNameIdentificationCallbackBang},
		{Name: "ssl-set-server-alpn!", Spec: "§1.1.8", Sig: "(ssl-set-server-alpn! ctx protocols #!optional (allow-no-match? #t))",
			LazyArgs: func() scheme.Params {
				return scheme.Lambda(scheme.Req("ctx", nil), scheme.Req("protocols", tlsval.TypeStrings), scheme.Opt("allow-no-match?", nil, scheme.True))
			},
			Doc: "Server ALPN preference list (strings or bytevectors); with allow-no-match? a client without overlap continues without ALPN.", Fn: sslSetServerALPNBang},
		{Name: "ssl-get-alpn-selected", Spec: "§1.1.8", Sig: "(ssl-get-alpn-selected p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "Force the handshake; the negotiated ALPN protocol as a bytevector, or #f.", Fn: sslGetALPNSelected},
		{Name: "ssl-set-keylogger!", Spec: "§1.1.8", Sig: "(ssl-set-keylogger! ctx logger-or-#f)", LazyArgs: func() scheme.Params { return setterParams("ctx", "logger-or-#f", scheme.OrFalse(typeKeylog)) },
			Doc: "Log TLS secrets in NSS key-log format: logger is a procedure called with each line, an output port, or a file name; #f turns logging off.", Fn: sslSetKeyloggerBang},
		{Name: "ssl-try-verify!", Spec: "§1.1.8", Sig: "(ssl-try-verify! obj on?)", LazyArgs: func() scheme.Params { return req("obj", "on?") },
			Doc: "Like ssl-set-verify! but never aborts the handshake (servers request a client certificate); check ssl-peer-verified?.", Fn: sslTryVerifyBang},
		{Name: "ssl-set-verify-hostname!", Spec: "§1.1.8", Sig: "(ssl-set-verify-hostname! ctx on?)", LazyArgs: func() scheme.Params { return req("ctx", "on?") },
			Doc: "Turn hostname verification on or off; a string [ext] verifies against that name.", Fn: sslSetVerifyHostnameBang},
		{Name: "ssl-peer-certificate-hostnames", Spec: "§1.1.8", Sig: "(ssl-peer-certificate-hostnames p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "Force the handshake; the peer certificate's DNS and IP SANs (CN only when it has no SANs).", Fn: sslPeerCertificateHostnames},
		{Name: "ssl-peer-check-hostname", Spec: "§1.1.8", Sig: "(ssl-peer-check-hostname p name)", LazyArgs: func() scheme.Params { return scheme.Lambda(scheme.Req("p", nil), scheme.Req("name", tlsval.TypeName)) },
			Doc: "Force the handshake; #t if the peer certificate is valid for name.", Fn: sslPeerCheckHostname},
		{Name: "ssl-channel-binding", Spec: "§1.1.8", Sig: "(ssl-channel-binding p type)", LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("p", nil), scheme.Req("type", tlsval.TypeSymbolName))
		},
			Doc: "Channel binding bytes of type tls-exporter, tls-unique (TLS ≤ 1.2) or tls-server-end-point.", Fn: sslChannelBinding},
		{Name: "ssl-default-channel-binding", Spec: "§1.1.8", Sig: "(ssl-default-channel-binding p)", LazyArgs: func() scheme.Params { return req("p") },
			Doc: "(list type bytes): tls-exporter for TLS 1.3, tls-unique otherwise.", Fn: sslDefaultChannelBinding},
	},
}

// ExtLibrary is the part of (openssl ext) implemented so far (spec §1.3.1
// setters and parameters, §1.3.2–§1.3.6), plus ssl-listener-certificate and
// ssl-make-ephemeral-certificate [ext, not in the spec].
var ExtLibrary = &scheme.Library{
	Name:       "(openssl ext)",
	Doc:        "Capabilities from tcltls and twapi (spec §1.3): context setters, connection control, introspection, global queries, certificates, condition helpers.",
	Init:       install,
	Parameters: []*scheme.ParamDef{sslDefaultOptions, sslTCPConnectProcedure, sslSuppressRaggedEOFs, sslCallbackErrorHandler},
	Procs:      slices.Concat(append([][]scheme.Proc{extRows}, depthProcs...)...),
}

// extRows are (openssl ext)'s own rows, a package-level literal so that
// they are static data (a literal inside the slices.Concat call above was
// built field by field at every start).
var extRows = []scheme.Proc{
	// §1.3.1 context configuration (obj: context or listener)
	{Name: "ssl-set-protocol-range!", Spec: "§1.3.1", Sig: "(ssl-set-protocol-range! obj min max)", LazyArgs: func() scheme.Params { return req("obj", "min", "max") },
		Doc: "Protocol range: tlsv1 tlsv11 tlsv12 tlsv13 (or tcltls tls1 … tls1.3), #f = default (min TLS 1.2, max TLS 1.3); sslv2/sslv3 unsupported; min > max is status #f.", Fn: sslSetProtocolRangeBang},
	{Name: "ssl-protocols-from-flags", Spec: "§1.3.1", Sig: "(ssl-protocols-from-flags tls1 tls1.1 tls1.2 tls1.3)", LazyArgs: func() scheme.Params { return req("tls1", "tls1.1", "tls1.2", "tls1.3") },
		Doc: "(values min max) protocol symbols from tcltls booleans; a non-contiguous set is unsupported.", Fn: sslProtocolsFromFlags},
	{Name: "ssl-set-ciphersuites!", Spec: "§1.3.1", Sig: "(ssl-set-ciphersuites! obj spec)", LazyArgs: func() scheme.Params { return req("obj", "spec") },
		Doc: "TLS 1.3 suites (colon-separated IANA names; CCM names ignored, \"\" disables TLS 1.3). Go always offers (clients) and accepts (servers) all three TLS 1.3 suites and cannot restrict that, so the set is enforced after negotiation: another suite fails the handshake with status ssl, alert 42, reason \"negotiated TLS 1.3 cipher suite X is not allowed by ciphersuites: (…)\" (no verify-code). Order is not honoured.", Fn: contextSetter("ssl-set-ciphersuites!", setCiphersuites)},
	{Name: "ssl-set-alpn-protocols!", Spec: "§1.3.1", Sig: "(ssl-set-alpn-protocols! obj protocols #!optional (allow-no-match? #t) (fallback 'none))",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("obj", nil), scheme.Req("protocols", tlsval.TypeStrings), scheme.Opt("allow-no-match?", nil, scheme.True),
				scheme.Opt("fallback", scheme.OrFalse(tlsval.TypeSymbolName), nil))
		},
		Doc: "ALPN list: offered (clients) or preference (servers: first server protocol the client offers; no overlap aborts unless allow-no-match?, fallback 'client-first picks the client's first).", Fn: sslSetAlpnProtocolsBang},
	{Name: "ssl-set-curves!", Spec: "§1.3.1", Sig: "(ssl-set-curves! obj names)", LazyArgs: func() scheme.Params { return setterParams("obj", "names", typeCurves) },
		Doc: "Key exchange groups: x25519 secp256r1 secp384r1 secp521r1 x25519mlkem768 secp256r1mlkem768 secp384r1mlkem1024; others unsupported.", Fn: contextSetter("ssl-set-curves!", setCurves)},
	{Name: "ssl-set-client-auth!", Spec: "§1.3.1", Sig: "(ssl-set-client-auth! obj mode)", LazyArgs: func() scheme.Params { return setterParams("obj", "mode", typeClientAuth) },
		Doc: "Servers: none, request, require-any, verify-if-given or require.", Fn: contextSetter("ssl-set-client-auth!", setClientAuth)},
	{Name: "ssl-set-verify-callback!", Spec: "§1.3.1", Sig: "(ssl-set-verify-callback! obj proc-or-#f)", LazyArgs: func() scheme.Params { return setterParams("obj", "proc-or-#f", typeCallback) },
		Doc: "proc: (conn depth certificate ok? error) per certificate, highest depth first; #t accepts, #f rejects (alert 42), other keeps ok?.", Fn: contextSetter("ssl-set-verify-callback!", setVerifyCallback)},
	{Name: "ssl-set-info-callback!", Spec: "§1.3.1", Sig: "(ssl-set-info-callback! obj proc-or-#f)", LazyArgs: func() scheme.Params { return setterParams("obj", "proc-or-#f", typeCallback) },
		Doc: "proc: (kind conn . args), return ignored: (info conn 'handshake \"start\"|\"done\" \"\" \"\"), (info conn 'alert \"read\"|\"write\" \"close_notify\" \"warning\"), (error conn message) before a handshake failure is raised, (session conn session-id ticket lifetime) when a client stores a resumable session or a server issues a ticket (session-id derived from the ticket, lifetime in seconds or #f; on a fresh thread); a raise goes to ssl-callback-error-handler. Records and handshake messages: ssl-set-message-callback!.", Fn: sslSetInfoCallbackBang},
	{Name: "ssl-set-verify-time!", Spec: "§1.3.1", Sig: "(ssl-set-verify-time! obj time-or-#f)", LazyArgs: func() scheme.Params { return req("obj", "time-or-#f") },
		Doc: "Check certificate validity periods as of this moment instead of now: " + verifyTimeDoc + ".", Fn: contextSetter("ssl-set-verify-time!", setVerifyTime)},
	{Name: "ssl-set-verifier!", Spec: "§1.3.1", Sig: "(ssl-set-verifier! obj proc-or-#f)", LazyArgs: func() scheme.Params { return setterParams("obj", "proc-or-#f", typeCallback) },
		Doc: "proc: (conn) → true to accept, called once per handshake; on clients it replaces chain and hostname verification.", Fn: contextSetter("ssl-set-verifier!", setVerifier)},
	{Name: "ssl-set-password-callback!", Spec: "§1.3.1", Sig: "(ssl-set-password-callback! obj proc-or-string-or-#f)", LazyArgs: func() scheme.Params { return req("obj", "proc-or-string-or-#f") },
		Doc: "Password for later encrypted key loads on obj: a string or proc (rwflag max-length) → string, called with 0 and 1024.", Fn: contextSetter("ssl-set-password-callback!", setPasswordCallback)},
	{Name: "ssl-set-keylog!", Spec: "§1.3.1", Sig: "(ssl-set-keylog! obj dest)", LazyArgs: func() scheme.Params { return setterParams("obj", "dest", scheme.OrFalse(typeKeylog)) },
		Doc: "NSS key-log lines to dest: a file name (appended), output port, procedure (line) or #f (off).", Fn: contextSetter("ssl-set-keylog!", setKeylog)},
	{Name: "ssl-set-session-cache!", Spec: "§1.3.1", Sig: "(ssl-set-session-cache! obj size-or-#f)", LazyArgs: func() scheme.Params { return setterParams("obj", "size-or-#f", scheme.OrFalse(tlsval.TypeFixnum)) },
		Doc: "Client session cache size (default 64); #f or 0 disables resumption.", Fn: sslSetSessionCacheBang},
	{Name: "ssl-set-session-tickets!", Spec: "§1.3.1", Sig: "(ssl-set-session-tickets! obj on?)", LazyArgs: func() scheme.Params { return req("obj", "on?") },
		Doc: "Turn session ticket support on or off.", Fn: sslSetSessionTicketsBang},
	{Name: "ssl-set-security-level!", Spec: "§1.3.1", Sig: "(ssl-set-security-level! obj n)", LazyArgs: func() scheme.Params { return setterParams("obj", "n", typeSecurityLevel) },
		Doc: "OpenSSL security level 0–5 (default 1): minimum key sizes of the peer chain and own key, suite filtering.", Fn: contextSetter("ssl-set-security-level!", setSecurityLevel)},
	{Name: "ssl-set-renegotiation!", Spec: "§1.3.1", Sig: "(ssl-set-renegotiation! ctx mode)", LazyArgs: func() scheme.Params {
		return scheme.Lambda(scheme.Req("ctx", nil), scheme.Req("mode", tlsval.TypeSymbolName))
	},
		Doc: "Clients: never (default), once or freely (TLS 1.2); servers cannot renegotiate (unsupported).", Fn: sslSetRenegotiationBang},
	{Name: "ssl-context-copy", Spec: "§1.3.1", Sig: "(ssl-context-copy obj)", LazyArgs: func() scheme.Params { return req("obj") },
		Doc: "An independent, unsealed copy of the context of obj.", Fn: sslContextCopy},
	{Name: "ssl-set-certificate-callback!", Spec: "§1.3.1", Sig: "(ssl-set-certificate-callback! obj proc)", LazyArgs: func() scheme.Params { return req("obj", "proc") },
		Doc: "Servers: proc (server-name) → (values certificate-list private-key), or #f for the loaded chain, per handshake (hot reload).", Fn: sslSetCertificateCallbackBang},
	// §1.3.2 connection control
	{Name: "ssl-handshake!", Spec: "§1.3.2", Sig: "(ssl-handshake! conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Run the handshake now; #t when complete (#f while a non-blocking one is in progress); raises its condition on failure (sticky).", Fn: sslHandshakeBang},
	{Name: "ssl-shutdown!", Spec: "§1.3.2", Sig: "(ssl-shutdown! conn #!optional (direction 'write))",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("conn", nil), scheme.Opt("direction", scheme.OrFalse(tlsval.TypeSymbolName), nil))
		},
		Doc: "write: send close_notify and half-close TCP (input keeps working); both: close both ports; read: unsupported.", Fn: sslShutdownBang},
	{Name: "ssl-set-blocking!", Spec: "§1.3.2", Sig: "(ssl-set-blocking! conn on?)", LazyArgs: func() scheme.Params { return req("conn", "on?") },
		Doc: "Switch the connection to non-blocking mode (want-read/want-write conditions) or back.", Fn: sslSetBlockingBang},
	{Name: "ssl-port-state", Spec: "§1.3.2", Sig: "(ssl-port-state conn-or-listener)", LazyArgs: func() scheme.Params { return req("conn-or-listener") },
		Doc: "client-init, server-init, negotiating, open, failed or closed for a conn; listener, or closed after ssl-close, for a listener.", Fn: sslPortState},
	{Name: "ssl-blocking?", Spec: "§1.3.2", Sig: "(ssl-blocking? conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "#f in non-blocking mode (ssl-set-blocking!).", Fn: sslBlockingP},
	{Name: "ssl-port-truncated?", Spec: "§1.3.2", Sig: "(ssl-port-truncated? conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "#t if EOF arrived without close_notify.", Fn: sslPortTruncatedP},
	// §1.3.3 introspection
	{Name: "ssl-peer-certificate", Spec: "§1.3.3", Sig: "(ssl-peer-certificate conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; the peer's leaf certificate, or #f.", Fn: sslPeerCertificate},
	{Name: "ssl-peer-certificate-chain", Spec: "§1.3.3", Sig: "(ssl-peer-certificate-chain conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; the peer's certificates as sent, leaf first.", Fn: sslPeerCertificateChain},
	{Name: "ssl-local-certificate", Spec: "§1.3.3", Sig: "(ssl-local-certificate conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; the certificate this side presents (servers: of the SNI-selected context) or offers on request (clients), or #f.", Fn: sslLocalCertificate},
	{Name: "ssl-verify-result", Spec: "§1.3.3", Sig: "(ssl-verify-result conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; (values ok? code message) with the §2.3 code (0 \"ok\"); code 50 \"no peer certificate\" when none was presented.", Fn: sslVerifyResult},
	{Name: "ssl-status", Spec: "§1.3.3", Sig: "(ssl-status conn #!key local?)", Args: scheme.Params{Required: []string{"conn"}, Keys: []string{"local?"}},
		Doc: "tcltls tls::status alist (alpn cipher peername protocol sbits … verify-result ca-names, then the certificate keys of ssl-certificate-info for the peer leaf, or the local certificate with local?: #t); () before the handshake completes. signature-hash-algorithm and signature-type are #f: Go keeps the peer's handshake signature scheme private (tls.ConnectionState has no field for it, and in TLS 1.3 the CertificateVerify is encrypted).", Fn: sslStatus},
	{Name: "ssl-connection-info", Spec: "§1.3.3", Sig: "(ssl-connection-info conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "tcltls tls::connection alist: state server-name protocol renegotiation security-level session-reused? server? compression expansion cipher standard-name bits secret-bits min-version id description group hello-retry-request? ech-accepted? alpn resumable? start-time timeout lifetime session-id session-ticket ticket-app-data master-key session-cache-mode ocsp-response scts. Clients: session-id is derived from the cached ticket (Go has no session IDs) and lifetime is the TLS 1.3 ticket lifetime (#f for TLS 1.2: Go drops the hint); servers: both #f (tickets are stateless, see timeout). compression and expansion are always none: Go has neither TLS compression nor RFC 8879 certificate compression (compress_certificate is never offered or accepted).", Fn: sslConnectionInfo},
	{Name: "ssl-cipher", Spec: "§1.3.3", Sig: "(ssl-cipher conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; the OpenSSL name of the negotiated suite (e.g. \"TLS_AES_128_GCM_SHA256\").", Fn: sslCipher},
	{Name: "ssl-session", Spec: "§1.3.3", Sig: "(ssl-session conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; clients: the cached resumable session (pass it as session: to a later ssl-connect*), or #f.", Fn: sslSession},
	{Name: "ssl-session-reused?", Spec: "§1.3.3", Sig: "(ssl-session-reused? conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; #t if the session was resumed.", Fn: sslSessionReusedP},
	{Name: "ssl-negotiated-protocol", Spec: "§1.3.1", Sig: "(ssl-negotiated-protocol conn)", LazyArgs: func() scheme.Params { return req("conn") },
		Doc: "Force the handshake; the negotiated ALPN protocol as a string, or #f.", Fn: sslNegotiatedProtocol},
	// §1.3.4 global queries
	{Name: "ssl-ciphers", Spec: "§1.3.4", Sig: "(ssl-ciphers #!optional protocol verbose? supported?)", Args: scheme.Params{Optional: []string{"protocol", "verbose?", "supported?"}},
		Doc: "OpenSSL names of the suites Go implements for protocol (tlsv1 … tlsv13, #f all); verbose? gives descriptions; supported? only Go's secure suites.", Fn: sslCiphers},
	{Name: "ssl-protocols", Spec: "§1.3.4", Sig: "(ssl-protocols)", LazyArgs: func() scheme.Params { return req() },
		Doc: "(tlsv1 tlsv11 tlsv12 tlsv13).", Fn: sslProtocols},
	{Name: "ssl-version", Spec: "§1.3.4", Sig: "(ssl-version)", LazyArgs: func() scheme.Params { return req() },
		Doc: "\"Go crypto/tls \" and the Go version.", Fn: sslVersion},
	// §1.3.5 certificates and keys
	{Name: "ssl-read-certificates", Spec: "§1.3.5", Sig: "(ssl-read-certificates src)", LazyArgs: func() scheme.Params { return req("src") },
		Doc: "List of certificates from a path (PEM or DER), a PEM string or a DER/PEM bytevector.", Fn: sslReadCertificates},
	{Name: "ssl-read-private-key", Spec: "§1.3.5", Sig: "(ssl-read-private-key src #!optional password)", Args: scheme.Params{Required: []string{"src"}, Optional: []string{"password"}},
		Doc: "A private key (PKCS#1, SEC1, PKCS#8, encrypted); password: string or thunk; DSA unsupported.", Fn: sslReadPrivateKey},
	{Name: "ssl-certificate?", Spec: "§1.3.5", Sig: "(ssl-certificate? x)", LazyArgs: func() scheme.Params { return req("x") }, Doc: "#t for a certificate object.", Fn: tlsval.CertificateP},
	{Name: "ssl-private-key?", Spec: "§1.3.5", Sig: "(ssl-private-key? x)", LazyArgs: func() scheme.Params { return req("x") }, Doc: "#t for a private key object.", Fn: sslPrivateKeyP},
	{Name: "ssl-certificate->der", Spec: "§1.3.5", Sig: "(ssl-certificate->der c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "The DER encoding as a bytevector.", Fn: sslCertificateToDER},
	{Name: "ssl-certificate-info", Spec: "§1.3.5", Sig: "(ssl-certificate-info c)", LazyArgs: func() scheme.Params { return req("c") },
		Doc: "The certificate keys of ssl-status: version serial-number signature issuer subject not-before not-after … sha256-hash all.", Fn: sslCertificateInfo},
	{Name: "ssl-verify-certificate-chain", Spec: "§1.3.5", Sig: "(ssl-verify-certificate-chain chain #!key hostname roots (purpose 'server) time)",
		LazyArgs: func() scheme.Params {
			return scheme.Lambda(scheme.Req("chain", typeCertificates), scheme.Key("hostname", scheme.OrFalse(tlsval.TypeName), nil),
				scheme.Key("roots", scheme.OrFalse(typeCertificates), nil), scheme.Key("purpose", scheme.OrFalse(tlsval.TypeSymbolName), nil),
				scheme.Key("time", scheme.OrFalse(tlsval.TypeFixnum), nil))
		},
		Doc: "Verify a certificate list (leaf first) against roots (certificates; #f = system pool) for purpose server or client at time (seconds since the epoch; default now): (values ok? code message).", Fn: sslVerifyCertificateChain},
	{Name: "ssl-make-ephemeral-certificate", Spec: "§1.3.5", Sig: "(ssl-make-ephemeral-certificate)", LazyArgs: func() scheme.Params { return req() },
		Doc: "[ext] (values certificate private-key): a fresh self-signed ECDSA P-256 certificate for localhost, 127.0.0.1 and ::1; give both to certificate:/private-key: of a server and the certificate to certificate-authorities: of a client.", Fn: sslMakeEphemeralCertificate},
	{Name: "ssl-listener-certificate", Spec: "§1.3.5", Sig: "(ssl-listener-certificate obj)", LazyArgs: func() scheme.Params { return req("obj") },
		Doc: "[ext] The leaf certificate loaded into a listener or context (e.g. the ephemeral one of ssl-listen* certificate: 'ephemeral), or #f; clients can trust exactly it with certificate-authorities:.", Fn: sslListenerCertificate},
	{Name: "ssl-certificate->pem", Spec: "§1.3.5", Sig: "(ssl-certificate->pem c)", LazyArgs: func() scheme.Params { return req("c") },
		Doc: "The certificate in PEM form.", Fn: sslCertificateToPEM},
	{Name: "ssl-error?", Spec: "§1.3.6", Sig: "(ssl-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "#t for any openssl condition.", Fn: sslErrorP},
	{Name: "ssl-error-status", Spec: "§1.3.6", Sig: "(ssl-error-status c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "openssl.status of c, or #f.", Fn: sslErrorStatus},
	{Name: "ssl-error-reason", Spec: "§1.3.6", Sig: "(ssl-error-reason c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "openssl.reason of c, or #f.", Fn: sslErrorReason},
	{Name: "ssl-error-alert", Spec: "§1.3.6", Sig: "(ssl-error-alert c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "openssl.alert of c, or #f.", Fn: sslErrorAlert},
	{Name: "ssl-error-errno", Spec: "§1.3.6", Sig: "(ssl-error-errno c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "openssl.errno of c, or #f.", Fn: sslErrorErrno},
	{Name: "ssl-zero-return-error?", Spec: "§1.3.6", Sig: "(ssl-zero-return-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "Status zero-return.", Fn: sslZeroReturnErrorP},
	{Name: "ssl-want-read-error?", Spec: "§1.3.6", Sig: "(ssl-want-read-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "Status want-read.", Fn: sslWantReadErrorP},
	{Name: "ssl-want-write-error?", Spec: "§1.3.6", Sig: "(ssl-want-write-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "Status want-write.", Fn: sslWantWriteErrorP},
	{Name: "ssl-syscall-error?", Spec: "§1.3.6", Sig: "(ssl-syscall-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "Status syscall.", Fn: sslSyscallErrorP},
	{Name: "ssl-eof-error?", Spec: "§1.3.6", Sig: "(ssl-eof-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "openssl.eof is true.", Fn: sslEOFErrorP},
	{Name: "ssl-certificate-verification-error?", Spec: "§1.3.6", Sig: "(ssl-certificate-verification-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "openssl.verify-code is not #f.", Fn: sslCertificateVerificationErrorP},
	{Name: "ssl-error-verify-code", Spec: "§1.3.6", Sig: "(ssl-error-verify-code c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "openssl.verify-code of c, or #f.", Fn: sslErrorVerifyCode},
	{Name: "ssl-error-verify-message", Spec: "§1.3.6", Sig: "(ssl-error-verify-message c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "openssl.verify-message of c, or #f.", Fn: sslErrorVerifyMessage},
	{Name: "ssl-unsupported-error?", Spec: "§1.3.6", Sig: "(ssl-unsupported-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "Kind unsupported.", Fn: sslUnsupportedErrorP},
	{Name: "ssl-timeout-error?", Spec: "§1.3.6", Sig: "(ssl-timeout-error? c)", LazyArgs: func() scheme.Params { return req("c") }, Doc: "Kinds (exn i/o net timeout).", Fn: sslTimeoutErrorP},
}
