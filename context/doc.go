// Package tlsctx implements tlsport's client and server TLS contexts
// (spec §0.3, §1.1.5, §1.3.1, §3.1–§3.3). Import it as tlsctx: the
// directory name "context" shadows the standard library.
//
// # Main types
//
// [Context] holds protocol range, cipher selection, certificate chain and
// key, trust anchors, verification settings and callbacks. [ConnConfig] is
// one connection's snapshot: a *tls.Config ready for tls.Client/tls.Server
// with the engine verification installed, and the [VerifyResult] it fills.
//
// # Lifecycle
//
// A Context is mutable until [Context.Seal]. [Context.ConnConfig] clones a
// precomputed *tls.Config, so later mutations never touch a live
// connection. Trust pools are copy-on-write for the same reason.
//
// # Secure defaults
//
// A client context made by [New] verifies the server's chain and host
// name, as crypto/tls does: the name is the connection's
// ConnParams.VerifyName, else its ServerName, else a fixed name from
// [Context.SetVerifyHostname]; with no name at all the handshake fails
// (unless [Context.SetHostnameOptional], OpenSSL's behaviour).
// Trust anchors start empty (add them, or [Context.LoadSystemRoots]).
// Turning verification off is a visible choice:
// [Context.SetInsecureSkipVerify] (everything) or
// [Context.SetInsecureSkipHostname] (the name only). The Scheme bindings
// set the defaults their source systems document explicitly, so this Go
// default does not decide them. [Context.SetVerifyTime] and
// [Context.SetVerifyClock] check certificates as of another moment.
//
// # Verification
//
// Go's own verification is always off (InsecureSkipVerify on clients,
// RequestClientCert/RequireAnyClientCert on servers); VerifyConnection
// runs the engine of spec §3.3 and returns a *conditions.VerifyError or
// *conditions.CallbackError that conditions.Classify maps to status ssl.
//
// A resumed handshake presents the certificates of its session. When the
// session's full handshake verified them and nothing the result depends
// on changed — the same context settings (any setter makes a new
// snapshot), the same host name, the verify time still inside every
// certificate's validity — the resumed connection reports that
// verification instead of running it again, as OpenSSL keeps a session's
// verify result (bare crypto/tls does not verify a resumed chain at all).
// Contexts with a verify callback, a verifier, CRL or OCSP checking always
// verify in full, resumed or not.
//
// # Revocation, sessions, ECH, server callbacks
//
// [Context.LoadCRL] and [Context.SetOCSPCheck] add CRL checking (leaf or
// whole chain) and stapled-OCSP validation (golang.org/x/crypto/ocsp) to
// the engine verification, run only on a chain that verified; failures
// are *conditions.VerifyError with OpenSSL codes 3, 8, 11, 12, 23, 73–75
// and the revocation reason in Detail. [Context.SetOCSPStaple] and
// [Context.SetOCSPFetcher] make a server staple a response.
// [InspectSession], [ExportSession] and [ImportSession] turn client
// sessions into inspectable, portable values; [Context.SetSessionCallback]
// reports new sessions and issued tickets. [MakeECHKey],
// [Context.SetECHConfigList] and [Context.SetECHKeys] configure Encrypted
// Client Hello. A [Validator] sees a server's ClientHello, SNI and ALPN
// choice (tcltls -validatecommand). Servers can share session ticket keys
// ([Context.SetSessionTicketKeys]), carry data in tickets ([TicketData]),
// serve several chains ([Context.AddCertificateChain]); anchors can carry
// a constraint ([Context.AddTrustAnchor]).
//
// # What Go decides (the spec's open questions, answered)
//
// TLS 1.3 cipher suites: Go always offers (clients) and accepts (servers)
// all three suites, so [Context.SetCiphersuites] is enforced after
// negotiation; another suite fails the handshake with a status-ssl
// condition naming the negotiated suite and the allowed set (alert 42),
// not a certificate failure. Go keeps private the peer's handshake
// signature scheme and the TLS 1.2 ticket lifetime hint, has no session
// IDs (a session's ID here is derived from its ticket), and implements
// neither TLS compression nor certificate compression (RFC 8879).
//
// # Concurrency
//
// All Context methods are safe for concurrent use. User callbacks run on
// the handshake goroutine of the connection they serve.
//
// # Files
//
// Certificates, keys, CA files and directories and CRLs are read from
// files by [ReadFile]. Each reader comes in a pair, as crypto/tls's
// Handshake and HandshakeContext do: [ReadCertificatesContext],
// [ReadPrivateKeyContext], [Context.LoadCertificateChainContext],
// [Context.LoadPrivateKeyContext], [Context.LoadVerifyRootsContext],
// [Context.LoadDefaultCADirectoryContext], [Context.LoadSuggestedCAsContext],
// [Context.LoadCRLContext] and [ScanCADirectoryContext] take a
// context.Context, and the names without Context use
// context.Background(). A regular file is read at once; a FIFO (whose
// open waits for a writer) or a device such as /dev/stdin is opened and
// read on a goroutine, and the call returns when its context ends first,
// so a timeout or Ctrl-C ends it; the goroutine closes what it opened
// once the other end turns up.
//
// # Errors
//
// Every error returned is a *conditions.Error: status #f for configuration
// failures ("no cipher match", "key values mismatch", "context is sealed",
// "bad password read", a file that cannot be read), kind unsupported for
// what Go cannot do, (exn type) for an unknown protocol symbol. A read
// whose context ended is classified as any wait is
// ([conditions.Classify]): a timeout condition for a deadline, an
// interruption for a cancellation, with the context's cause in the chain.
package tlsctx
