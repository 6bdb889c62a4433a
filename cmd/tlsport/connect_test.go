// Unit tests of tlsport connect: argument parsing and the plain-words report helpers.

package main

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/starttls"
)

func TestParseConnect(t *testing.T) {
	tests := []struct {
		args             []string
		host, port, name string
		proto            starttls.Protocol
		err              string
	}{
		{args: []string{"example.org:443"}, host: "example.org", port: "443", name: "example.org"},
		{args: []string{"--servername", "x.test", "[::1]:8443", "--raw"}, host: "::1", port: "8443", name: "x.test"},
		{args: []string{"--starttls", "IMAP", "mail.test"}, host: "mail.test", port: "143", name: "mail.test", proto: starttls.IMAP},
		{args: []string{"--starttls", "postgres", "db.test:6432"}, host: "db.test", port: "6432", name: "db.test", proto: starttls.PostgreSQL},
		{args: []string{"mail.test"}, err: "not HOST:PORT"},
		{args: []string{"a:1", "b:2"}, err: "one HOST:PORT"},
		{args: []string{"--tls1.2", "--tls1.3", "a:1"}, err: "exclude each other"},
		{args: []string{"--key", "k.pem", "a:1"}, err: "go together"},
		{args: []string{"--starttls", "gopher", "a:1"}, err: "unknown protocol"},
		{args: []string{"a:http"}, err: "bad port"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			o, err := parseConnect(tc.args, io.Discard)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if o.host != tc.host || o.port != tc.port || o.name() != tc.name || o.protocol != tc.proto {
				t.Errorf("got %s %s %s %s", o.host, o.port, o.name(), o.protocol)
			}
		})
	}
}

func TestPlainReason(t *testing.T) {
	now := time.Date(2030, 6, 1, 12, 0, 0, 0, time.UTC)
	leaf := &x509.Certificate{Subject: pkix.Name{CommonName: "leaf"}, Issuer: pkix.Name{CommonName: "Some CA"},
		DNSNames: []string{"a.test"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore: now.AddDate(0, -2, 0), NotAfter: now.AddDate(0, 0, -3)}
	tests := []struct {
		code   int
		cafile string
		want   string
	}{
		{conditions.VerifyCertHasExpired, "", "the certificate of CN=leaf expired on 2030-05-29 (3 days ago)"},
		{conditions.VerifyHostnameMismatch, "", "the certificate is for a.test, 127.0.0.1, not for b.test"},
		{conditions.VerifyDepthZeroSelfSigned, "", "self-signed (its own issuer) and not trusted here; pass the CA"},
		{conditions.VerifyUnableToGetLocalIssuer, "ca.pem", "issued by CN=Some CA, which is not a trusted authority here (or the server left out an intermediate certificate); it is not among the CAs in ca.pem"},
	}
	o := &connectOptions{host: "b.test"}
	for _, tc := range tests {
		o.cafile = tc.cafile
		res := &tlsctx.VerifyResult{Code: tc.code, Depth: conditions.Some(0), Chain: []*x509.Certificate{leaf}}
		if got := plainReason(res, o, now); !strings.Contains(got, tc.want) {
			t.Errorf("code %d: %q lacks %q", tc.code, got, tc.want)
		}
	}
	if got := plainReason(&tlsctx.VerifyResult{Code: 50}, o, now); got != "the server sent no certificate" {
		t.Errorf("no certificate: %q", got)
	}
}

func TestDaysLeftAndKey(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	c := &x509.Certificate{NotBefore: now.Add(-time.Hour), NotAfter: now.Add(90*24*time.Hour + time.Hour)}
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{now, "90 days left"},
		{now.Add(90*24*time.Hour - 4*time.Hour), "5 hours left"},
		{now.Add(-2 * time.Hour), "NOT YET VALID, starts in 1 hour"},
		{now.Add(92 * 24 * time.Hour), "EXPIRED 1 day ago"},
	} {
		if got := daysLeft(c, tc.at); got != tc.want {
			t.Errorf("daysLeft at %v = %q, want %q", tc.at, got, tc.want)
		}
	}
	for kt, want := range map[certgen.KeyType]string{certgen.ECDSA: "ECDSA P-256 (256 bits)", certgen.RSA: "RSA 2048 bits", certgen.Ed25519: "Ed25519 (256 bits)"} {
		k, err := certgen.NewKey(kt, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := keyDesc(k.Public()); got != want {
			t.Errorf("keyDesc = %q, want %q", got, want)
		}
	}
}
