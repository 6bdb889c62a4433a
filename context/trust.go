// Trust stores: CA files, hashed CA directories, the system pool, suggested CAs.

package tlsctx

import (
	"context"
	"crypto/x509"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/tlsport/tlsport/conditions"
)

// DefaultCADirectory returns the platform default of
// ssl-default-certificate-authority-directory.
func DefaultCADirectory() string {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		return "certs"
	}
	return "/etc/ssl/certs"
}

// addRoots adds certificates to the trust pool (copy-on-write, so
// snapshots keep their pool).
func (c *Context) addRoots(certs []*x509.Certificate, system bool) error {
	return c.mutate(func(st *state) error {
		var p *x509.CertPool
		switch {
		case system && st.roots == nil:
			sp, err := x509.SystemCertPool()
			if err != nil {
				return conditions.Config("cannot load system roots", err)
			}
			p = sp
		case system:
			sp, err := x509.SystemCertPool()
			if err != nil {
				return conditions.Config("cannot load system roots", err)
			}
			// keep previously added anchors: re-add them to the system copy
			p = sp
			st.addAnchorsTo(p)
		case st.roots == nil:
			p = x509.NewCertPool()
		default:
			p = st.roots.Clone()
		}
		for _, x := range certs {
			p.AddCert(x)
		}
		if system {
			st.rootsSystem = true
		}
		st.anchors = append(st.anchors, certs...)
		st.roots = p
		return nil
	})
}

// LoadVerifyRoots is [Context.LoadVerifyRootsContext] with
// context.Background().
func (c *Context) LoadVerifyRoots(file, dir string) error {
	return c.LoadVerifyRootsContext(context.Background(), file, dir)
}

// LoadVerifyRootsContext adds trust anchors from a PEM file and/or a CA
// directory (ssl-load-verify-root-certificates!). "" skips an argument.
// The file must contain a certificate; a missing directory adds nothing.
// Files are read under ctx, as [ReadFile] reads them; its end ends the
// load, and nothing is added.
func (c *Context) LoadVerifyRootsContext(ctx context.Context, file, dir string) error {
	var certs []*x509.Certificate
	if file != "" {
		data, err := ReadFile(ctx, file)
		if err != nil {
			return err
		}
		got, err := parseCerts(data, file, false)
		if err != nil {
			return err
		}
		certs = append(certs, got...)
	}
	if dir != "" {
		got, err := ScanCADirectoryContext(ctx, dir)
		if err != nil {
			return err
		}
		certs = append(certs, got...)
	}
	if file == "" && dir == "" {
		return nil
	}
	return c.addRoots(certs, false)
}

// LoadDefaultCADirectory is [Context.LoadDefaultCADirectoryContext] with
// context.Background().
func (c *Context) LoadDefaultCADirectory(dir string) error {
	return c.LoadDefaultCADirectoryContext(context.Background(), dir)
}

// LoadDefaultCADirectoryContext applies the default-directory rule of
// spec §1.1.1: the platform default directory means the system pool; any
// other directory is scanned under ctx ([Context.LoadVerifyRootsContext]).
func (c *Context) LoadDefaultCADirectoryContext(ctx context.Context, dir string) error {
	if dir == DefaultCADirectory() {
		return c.LoadSystemRoots()
	}
	return c.LoadVerifyRootsContext(ctx, "", dir)
}

// LoadSystemRoots adds x509.SystemCertPool (honours SSL_CERT_FILE/SSL_CERT_DIR).
func (c *Context) LoadSystemRoots() error { return c.addRoots(nil, true) }

// AddTrustAnchors adds certificates as trust anchors (Sagittarius :authorities).
func (c *Context) AddTrustAnchors(certs []*x509.Certificate) error {
	return c.addRoots(certs, false)
}

// TrustCount returns the number of explicitly added anchors and whether
// the system pool is in use.
func (c *Context) TrustCount() (n int, system bool) {
	c.read(func(st *state) { n, system = len(st.anchors), st.rootsSystem })
	return
}

// Roots returns the trust pool (nil = no anchors). Do not modify it.
func (c *Context) Roots() (p *x509.CertPool) {
	c.read(func(st *state) { p = st.roots })
	return
}

// LoadSuggestedCAs is [Context.LoadSuggestedCAsContext] with
// context.Background().
func (c *Context) LoadSuggestedCAs(file string) error {
	return c.LoadSuggestedCAsContext(context.Background(), file)
}

// LoadSuggestedCAsContext sets the CA names a server advertises in its
// CertificateRequest from a PEM file, read under ctx as [ReadFile] reads
// it; trust is not changed. On a client the file is read and checked but
// has no effect.
func (c *Context) LoadSuggestedCAsContext(ctx context.Context, file string) error {
	certs, err := ReadCertificatesContext(ctx, file)
	if err != nil {
		return err
	}
	return c.mutate(func(st *state) error {
		p := x509.NewCertPool()
		if st.suggested != nil {
			p = st.suggested.Clone()
		}
		for _, x := range certs {
			p.AddCert(x)
			st.suggestedNames = append(st.suggestedNames, x.Subject.String())
		}
		st.suggested = p
		return nil
	})
}

// SuggestedCANames returns the advertised CA names (RFC 4514): the
// suggested CAs, or the explicit anchors when none were suggested.
func (c *Context) SuggestedCANames() (names []string) {
	c.read(func(st *state) {
		if st.suggested != nil {
			names = append(names, st.suggestedNames...)
			return
		}
		if !st.rootsSystem {
			for _, x := range st.anchors {
				names = append(names, x.Subject.String())
			}
		}
	})
	return
}

// isCRLName reports whether name is an OpenSSL CApath CRL link,
// <8 hex digits>.r<decimal digits> (c_rehash's naming).
func isCRLName(name string) bool {
	if len(name) < 11 || name[8:10] != ".r" {
		return false
	}
	for i, c := range name {
		switch {
		case i < 8 && ('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'):
		case i >= 10 && '0' <= c && c <= '9':
		case i == 8 || i == 9:
		default:
			return false
		}
	}
	return true
}

// ScanCADirectory is [ScanCADirectoryContext] with context.Background(),
// which cannot fail.
func ScanCADirectory(dirs string) []*x509.Certificate {
	certs, _ := ScanCADirectoryContext(context.Background(), dirs)
	return certs
}

// ScanCADirectoryContext reads the certificates of an OpenSSL CApath
// directory list (":"-separated) per spec §3.3: regular files and symlinks
// pointing outside the directory; same-directory links, <hash>.rN CRLs
// and unparsable files are skipped; missing directories contribute
// nothing. A link may lead to a FIFO or a device: files are read under
// ctx, as [ReadFile] reads them, and the only error is ctx's end, which
// ends the scan.
func ScanCADirectoryContext(ctx context.Context, dirs string) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	for _, dir := range strings.Split(dirs, ":") {
		if dir == "" {
			continue
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		absDir, _ := filepath.Abs(dir)
		for _, e := range entries {
			if isCRLName(e.Name()) {
				continue
			}
			p := filepath.Join(dir, e.Name())
			if e.Type()&os.ModeSymlink != 0 {
				target, err := os.Readlink(p)
				if err != nil {
					continue
				}
				if !filepath.IsAbs(target) {
					target = filepath.Join(absDir, target)
				}
				if filepath.Dir(filepath.Clean(target)) == absDir {
					continue
				}
			} else if !e.Type().IsRegular() {
				continue
			}
			data, err := ReadFile(ctx, p)
			if err != nil {
				if ctx.Err() != nil {
					return nil, err
				}
				continue
			}
			certs, err := parseCerts(data, p, false)
			if err != nil {
				continue
			}
			out = append(out, certs...)
		}
	}
	return out, nil
}
