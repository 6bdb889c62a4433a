// Port and peer procedures: ssl-port?, ssl-port->tcp-port, peer verification and names (spec §1.1.7).

package openssl

import (
	"crypto/x509"

	"github.com/tlsport/tlsport/bindings/tlsval"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/scheme"
)

func sslPortP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	return scheme.MakeBool(tlsval.IsSSLPort(args[0])), nil
}

func sslPortToTCPPort(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, err := tlsval.SSLConn("ssl-port->tcp-port", args[0])
	if err != nil {
		return nil, err
	}
	v := c.TCPView()
	if args[0] == scheme.Value(c.In) {
		return v.In, nil
	}
	return v.Out, nil
}

// handshaken returns the connection of conn v after forcing its handshake
// (inside one of its callbacks: as the handshake stands, see
// [tlsval.ConnRef.Handshake]).
func handshaken(th *scheme.Thread, who string, v scheme.Value) (*tlsval.ConnRef, error) {
	c, err := tlsval.ConnOf(who, v)
	if err != nil {
		return nil, err
	}
	if err := c.Handshake(th.Context()); err != nil {
		return nil, tlsval.Located(who, err)
	}
	return c, nil
}

// peerLeaf forces the handshake and returns the peer's leaf certificate (nil if none).
func peerLeaf(th *scheme.Thread, who string, v scheme.Value) (*tlsval.ConnRef, *x509.Certificate, error) {
	c, certs, err := connPeer(th, who, v)
	if err != nil {
		return nil, nil, err
	}
	if len(certs) == 0 {
		return c, nil, nil
	}
	return c, certs[0], nil
}

func sslPeerVerifiedP(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	c, leaf, err := peerLeaf(th, "ssl-peer-verified?", args[0])
	if err != nil {
		return nil, err
	}
	return scheme.MakeBool(leaf != nil && c.E.VerifyResult().OK()), nil
}

func sslPeerSubjectName(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, leaf, err := peerLeaf(th, "ssl-peer-subject-name", args[0])
	if err != nil || leaf == nil {
		return scheme.False, err
	}
	return scheme.NewString(tlsctx.SubjectName(leaf)), nil
}

func sslPeerIssuerName(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, leaf, err := peerLeaf(th, "ssl-peer-issuer-name", args[0])
	if err != nil || leaf == nil {
		return scheme.False, err
	}
	return scheme.NewString(tlsctx.IssuerName(leaf)), nil
}

func sslPeerCertificateHostnames(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	_, leaf, err := peerLeaf(th, "ssl-peer-certificate-hostnames", args[0])
	if err != nil || leaf == nil {
		return scheme.Null, err
	}
	return tlsval.StringList(tlsctx.CertificateHostnames(leaf)), nil
}

func sslPeerCheckHostname(th *scheme.Thread, args []scheme.Value) (scheme.Value, error) {
	const who = "ssl-peer-check-hostname"
	name := tlsval.Str(args[1])
	_, leaf, err := peerLeaf(th, who, args[0])
	if err != nil || leaf == nil {
		return scheme.False, err
	}
	return scheme.MakeBool(leaf.VerifyHostname(name) == nil), nil
}
