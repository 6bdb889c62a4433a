// tlsport connect against openssl s_server: the report, verification failures in plain words, --raw, the REPL.

package tests

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"math/big"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/ocsp"

	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/testpeer"
)

// connectRun runs tlsport connect args… with stdin and returns stdout,
// stderr and the exit status.
func connectRun(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), exampleDeadline)
	defer cancel()
	cmd := exec.CommandContext(ctx, tlsportBin, append([]string{"connect"}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Env = append(os.Environ(), "HOME="+t.TempDir()) // no ~/.tlsportrc
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	_ = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("tlsport connect %s: no exit within %v\nstdout:\n%s", strings.Join(args, " "), exampleDeadline, out.String())
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// stapleFile writes a DER OCSP response saying "good" for set.Leaf,
// signed by set.CA, and returns its path (for s_server -status_file).
func stapleFile(t *testing.T, set *certgen.Set) string {
	t.Helper()
	now := time.Now().Truncate(time.Minute)
	der, err := ocsp.CreateResponse(set.CA.Cert, set.CA.Cert, ocsp.Response{
		Status: ocsp.Good, SerialNumber: new(big.Int).Set(set.Leaf.Cert.SerialNumber),
		ThisUpdate: now, NextUpdate: now.Add(time.Hour),
	}, set.CA.Key)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "leaf.ocsp")
	if err := os.WriteFile(p, der, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestConnectOpenSSL(t *testing.T) {
	set := certgen.MustSet(t)
	f := set.Files
	srv := testpeer.OpenSSLServer(t, "-cert", f.LeafCert, "-key", f.LeafKey, "-alpn", "h2", "-www",
		"-status_file", stapleFile(t, set))
	_, port := hostPort(t, srv.Addr)
	addr := "localhost:" + port
	validity := `^    validity: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(\d+ (hours|days?) left\)$`

	t.Run("raw", func(t *testing.T) {
		out, errOut, code := connectRun(t, "GET / HTTP/1.0\r\n\r\n", "--cafile", f.CACert, "--alpn", "h2,http/1.1", "--raw", addr)
		if code != 0 {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
		}
		matchLines(t, out, []string{
			`^connecting to localhost:\d+$`,
			`^protocol: +TLS 1\.3$`,
			`^cipher: +TLS_(AES_128_GCM_SHA256|AES_256_GCM_SHA384|CHACHA20_POLY1305_SHA256)$`,
			`^key exchange group: +\w+`,
			`^ALPN: +h2$`,
			`^session: +new \(not resumed\)$`,
			`^OCSP staple: +good, produced \d{4}-\d\d-\d\d \d\d:\d\d:\d\d, next update `,
			`^server name: +localhost$`,
			`^  0 subject:  CN=localhost$`,
			`^    issuer:   CN=tlsport test CA,O=tlsport test$`,
			`^    SANs:     localhost, 127\.0\.0\.1, ::1$`,
			validity,
			`^    key:      ECDSA P-256 \(256 bits\)$`,
			`^    SHA-256:  ([0-9A-F]{2}:){31}[0-9A-F]{2}$`,
			`^verification: ok \(chain to CN=tlsport test CA,O=tlsport test, name localhost matches\)$`,
			`^HTTP/1\.0 200 ok`,
		})
	})
	t.Run("tls1.2", func(t *testing.T) {
		out, _, code := connectRun(t, "", "--cafile", f.CACert, "--tls1.2", "--raw", addr)
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, out)
		}
		matchLines(t, out, []string{`^protocol: +TLS 1\.2$`, `^cipher: +TLS_ECDHE_ECDSA_`, `^ALPN: +none offered$`})
	})
	t.Run("repl", func(t *testing.T) {
		out, errOut, code := connectRun(t, "(ssl-peer-verified? conn)\n(write-string \"GET / HTTP/1.0\\r\\n\\r\\n\" out)\n(flush-output out)\n(read-line in)\n", "--cafile", f.CACert, addr)
		if code != 0 {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
		}
		matchLines(t, out, []string{`^verification: ok`, `^REPL: in and out`, `#t`, `"HTTP/1\.0 200 ok"`})
	})
	for _, tc := range []struct {
		name   string
		args   []string
		reason string
	}{
		{"untrusted issuer", []string{addr}, `^  reason: the certificate was issued by CN=tlsport test CA,O=tlsport test, which is not a trusted authority here .*--cafile FILE`},
		{"wrong CA", []string{"--cafile", f.OtherCACert, addr}, `^  reason: the certificate was issued by CN=tlsport test CA,O=tlsport test, .*not among the CAs in `},
		{"wrong name", []string{"--cafile", f.CACert, "--servername", "wrong.example", addr}, `^  reason: the certificate is for localhost, 127\.0\.0\.1, ::1, not for wrong\.example$`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := connectRun(t, "", append([]string{"--raw"}, tc.args...)...)
			if code != 1 {
				t.Fatalf("exit %d, want 1\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
			}
			matchLines(t, out, []string{`^  0 subject:  CN=localhost$`, `^verification: FAILED \(\d+ `, tc.reason})
			if !strings.Contains(errOut, "--no-verify") {
				t.Errorf("stderr does not say how to go on: %q", errOut)
			}
		})
	}
	t.Run("no-verify", func(t *testing.T) {
		out, _, code := connectRun(t, "GET / HTTP/1.0\r\n\r\n", "--no-verify", "--raw", addr)
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, out)
		}
		matchLines(t, out, []string{`^verification: FAILED \(20 unable to get local issuer certificate\)$`, `^HTTP/1\.0 200 ok`})
	})
	t.Run("usage", func(t *testing.T) {
		for _, args := range [][]string{{}, {"--tls1.2", "--tls1.3", addr}, {"--starttls", "gopher", addr}, {"nohostport"}, {"--cert", "x", addr}} {
			if _, errOut, code := connectRun(t, "", args...); code != 64 || errOut == "" {
				t.Errorf("connect %q: exit %d, stderr %q; want 64 and a message", args, code, errOut)
			}
		}
	})
	t.Run("client certificate", func(t *testing.T) {
		srv := testpeer.OpenSSLServer(t, "-cert", f.LeafCert, "-key", f.LeafKey, "-Verify", "1", "-CAfile", f.CACert, "-www")
		_, port := hostPort(t, srv.Addr)
		out, errOut, code := connectRun(t, "GET / HTTP/1.0\r\n\r\n", "--cafile", f.CACert, "--cert", f.ClientCert, "--key", f.ClientKey, "--raw", "localhost:"+port)
		if code != 0 {
			t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
		}
		matchLines(t, out, []string{`^verification: ok`, `^HTTP/1\.0 200 ok`, `Client certificate`, `CN.*client`})
	})
	t.Run("starttls refused", func(t *testing.T) {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer l.Close()
		go func() {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close()
			r := bufio.NewReader(c)
			io.WriteString(c, "220 mx ESMTP\r\n")
			r.ReadString('\n')
			io.WriteString(c, "250-mx\r\n250 STARTTLS\r\n")
			r.ReadString('\n')
			io.WriteString(c, "454 4.7.0 TLS not available due to local problem\r\n")
			r.ReadString('\n')
		}()
		out, errOut, code := connectRun(t, "", "--starttls", "smtp", l.Addr().String())
		if code != 1 || !strings.Contains(errOut, "smtp server refused TLS (STARTTLS not accepted)") ||
			!strings.Contains(errOut, `starttls.reply: "454 4.7.0 TLS not available due to local problem"`) {
			t.Errorf("exit %d, stderr:\n%s\nstdout:\n%s", code, errOut, out)
		}
	})
	t.Run("refused", func(t *testing.T) {
		out, errOut, code := connectRun(t, "", "--timeout", "3s", "127.0.0.1:1")
		if code != 1 || !strings.Contains(errOut, "connect") {
			t.Errorf("exit %d, stderr %q\n%s", code, errOut, out)
		}
	})
}
