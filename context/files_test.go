package tlsctx_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tlsport/tlsport/conditions"
	tlsctx "github.com/tlsport/tlsport/context"
	"github.com/tlsport/tlsport/internal/certgen"
	"github.com/tlsport/tlsport/internal/fifotest"
)

// TestReadersHonourContext: every reader of certificates, keys, CA files,
// CA directories and CRLs, given a FIFO (or a CA directory linking to
// one) that nobody writes, returns when its context ends: a deadline is a
// timeout condition, a cancellation an interruption, each with the
// context's error in its chain, and nothing is loaded. Once the FIFO's
// writer comes at last, no goroutine or descriptor is left. A FIFO that
// is written is read whole: the reader gets what a regular file gives.
func TestReadersHonourContext(t *testing.T) {
	s := certgen.MustSet(t)
	crl, err := s.CA.CRL(certgen.CRLOptions{})
	if err != nil {
		t.Fatal(err)
	}
	leafPEM, keyPEM := s.Leaf.ChainPEM(), s.Leaf.KeyPEM()
	for _, r := range []struct {
		name string
		data []byte // what the FIFO holds when written
		// read reads src (the FIFO, or a directory linking to it) under
		// ctx into c, a fresh server context; it returns the loaded
		// count (certificates, anchors, CRLs) and the error
		read func(ctx context.Context, c *tlsctx.Context, src string) (int, error)
		dir  bool // src is a CA directory holding a link to the FIFO
	}{
		{"ReadCertificatesContext", leafPEM, func(ctx context.Context, _ *tlsctx.Context, src string) (int, error) {
			certs, err := tlsctx.ReadCertificatesContext(ctx, src)
			return len(certs), err
		}, false},
		{"ReadPrivateKeyContext", keyPEM, func(ctx context.Context, _ *tlsctx.Context, src string) (int, error) {
			k, err := tlsctx.ReadPrivateKeyContext(ctx, src, nil)
			return count(k != nil), err
		}, false},
		{"LoadCertificateChainContext", leafPEM, func(ctx context.Context, c *tlsctx.Context, src string) (int, error) {
			err := c.LoadCertificateChainContext(ctx, src, false)
			return len(c.Chain()), err
		}, false},
		{"LoadPrivateKeyContext", keyPEM, func(ctx context.Context, c *tlsctx.Context, src string) (int, error) {
			err := c.LoadPrivateKeyContext(ctx, src, tlsctx.KeyAny, false)
			return count(c.PrivateKey() != nil), err
		}, false},
		{"LoadVerifyRootsContext file", s.CA.CertPEM(), func(ctx context.Context, c *tlsctx.Context, src string) (int, error) {
			err := c.LoadVerifyRootsContext(ctx, src, "")
			n, _ := c.TrustCount()
			return n, err
		}, false},
		{"LoadVerifyRootsContext directory", s.CA.CertPEM(), func(ctx context.Context, c *tlsctx.Context, src string) (int, error) {
			err := c.LoadVerifyRootsContext(ctx, "", src)
			n, _ := c.TrustCount()
			return n, err
		}, true},
		{"LoadDefaultCADirectoryContext", s.CA.CertPEM(), func(ctx context.Context, c *tlsctx.Context, src string) (int, error) {
			err := c.LoadDefaultCADirectoryContext(ctx, src)
			n, _ := c.TrustCount()
			return n, err
		}, true},
		{"ScanCADirectoryContext", s.CA.CertPEM(), func(ctx context.Context, _ *tlsctx.Context, src string) (int, error) {
			certs, err := tlsctx.ScanCADirectoryContext(ctx, src)
			return len(certs), err
		}, true},
		{"LoadSuggestedCAsContext", s.CA.CertPEM(), func(ctx context.Context, c *tlsctx.Context, src string) (int, error) {
			err := c.LoadSuggestedCAsContext(ctx, src)
			return len(c.SuggestedCANames()), err
		}, false},
		{"LoadCRLContext", crl, func(ctx context.Context, c *tlsctx.Context, src string) (int, error) {
			err := c.LoadCRLContext(ctx, src, tlsctx.CRLScopeLeaf)
			crls, _ := c.CRLs()
			return len(crls), err
		}, false},
	} {
		// src is the FIFO, or a CA directory whose one entry links to it
		// (a link leading out of the directory is read, spec §3.3)
		source := func(t *testing.T) (fifo, src string) {
			fifo = fifotest.Make(t, "ca.pem")
			if !r.dir {
				return fifo, fifo
			}
			src = t.TempDir()
			if err := os.Symlink(fifo, filepath.Join(src, "ca.pem")); err != nil {
				t.Fatal(err)
			}
			return fifo, src
		}
		t.Run(r.name, func(t *testing.T) {
			// the count a regular file gives
			reg := filepath.Join(t.TempDir(), "reg")
			if err := os.WriteFile(reg, r.data, 0o600); err != nil {
				t.Fatal(err)
			}
			regSrc := reg
			if r.dir {
				regSrc = filepath.Dir(reg)
			}
			want, err := r.read(context.Background(), newServer(t), regSrc)
			if err != nil || want == 0 {
				t.Fatalf("from a regular file: %d loaded, %v", want, err)
			}
			for _, end := range []struct {
				name string
				ctx  func() (context.Context, context.CancelFunc)
				is   func(*conditions.Error) bool
				err  error
			}{
				{"deadline", func() (context.Context, context.CancelFunc) {
					return context.WithTimeout(context.Background(), 50*time.Millisecond)
				}, (*conditions.Error).Timeout, context.DeadlineExceeded},
				{"cancel", func() (context.Context, context.CancelFunc) {
					ctx, cancel := context.WithCancel(context.Background())
					time.AfterFunc(50*time.Millisecond, cancel)
					return ctx, cancel
				}, func(e *conditions.Error) bool { return e.Reason == "interrupted (cancelled by the user)" }, context.Canceled},
			} {
				fifo, src := source(t)
				before := fifotest.Count()
				ctx, cancel := end.ctx()
				c := newServer(t)
				n, err := fifotest.Within(t, func() (int, error) { return r.read(ctx, c, src) })
				cancel()
				var ce *conditions.Error
				if !errors.As(err, &ce) || !end.is(ce) || !errors.Is(err, end.err) || n != 0 {
					t.Fatalf("%s, nobody writing: %d loaded, %v (%#v); want nothing and the %s's condition", end.name, n, err, ce, end.name)
				}
				before.Settle(t, fifo)
			}
			fifo, src := source(t)
			fifotest.Write(fifo, r.data, nil)
			c := newServer(t)
			got, err := fifotest.Within(t, func() (int, error) { return r.read(context.Background(), c, src) })
			if err != nil || got != want {
				t.Fatalf("from a FIFO written whole: %d loaded, %v; want %d as from a regular file", got, err, want)
			}
		})
	}
}

func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

func newServer(t *testing.T) *tlsctx.Context {
	t.Helper()
	c, err := tlsctx.New(tlsctx.Server, "tls12")
	if err != nil {
		t.Fatal(err)
	}
	return c
}
