// Certificates: reading chains from PEM/DER files, strings and bytes.

package tlsctx

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"

	"github.com/tlsport/tlsport/conditions"
	"github.com/tlsport/tlsport/internal/ctxio"
)

// ReadCertificates is [ReadCertificatesContext] with context.Background().
func ReadCertificates(src any) ([]*x509.Certificate, error) {
	return ReadCertificatesContext(context.Background(), src)
}

// ReadCertificatesContext reads certificates from src: a file path (PEM or
// DER auto-detected), a PEM string, or []byte (PEM or DER). Non-certificate
// PEM blocks are skipped. No certificate → status-#f condition. A file
// that is not regular (a FIFO, /dev/stdin) is read under ctx, as
// [ReadFile] reads it.
func ReadCertificatesContext(ctx context.Context, src any) ([]*x509.Certificate, error) {
	data, name, err := readSource(ctx, src)
	if err != nil {
		return nil, err
	}
	return parseCerts(data, name, false)
}

// parseCerts decodes PEM CERTIFICATE blocks, or one DER certificate when
// der is set or the data holds no PEM.
func parseCerts(data []byte, name string, der bool) ([]*x509.Certificate, error) {
	if der || !bytes.Contains(data, []byte("-----BEGIN ")) {
		c, err := x509.ParseCertificate(data)
		if err != nil {
			return nil, conditions.Config(err.Error()+": "+name, err)
		}
		return []*x509.Certificate{c}, nil
	}
	var out []*x509.Certificate
	for b := range pemBlocks(data) {
		if b.Type != "CERTIFICATE" && b.Type != "TRUSTED CERTIFICATE" && b.Type != "X509 CERTIFICATE" {
			continue
		}
		c, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return nil, conditions.Config(err.Error()+": "+name, err)
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, conditions.Config("no certificate found in "+name, nil)
	}
	return out, nil
}

// readFileOrBytes returns the bytes of src (path string, read under ctx,
// or []byte).
func readFileOrBytes(ctx context.Context, src any) ([]byte, string, bool, error) {
	switch s := src.(type) {
	case []byte:
		return s, "<bytevector>", true, nil
	case string:
		data, err := ReadFile(ctx, s)
		return data, s, false, err
	}
	return nil, "", false, conditions.TypeError("", "expected a path or bytevector", src)
}

// ReadFile returns the contents of the file name: the certificates, keys,
// CA files and CRLs of this package are read through it. A regular file
// is read at once; a file that is not (a FIFO, which waits for its other
// end, or a device such as /dev/stdin) is opened and read on a goroutine
// of its own, and the call returns when ctx ends first (see
// internal/ctxio); the goroutine closes what it opened once the other end
// turns up. What was read is then dropped: a caller that makes the call
// again after ctx's end (a Scheme primitive after thread-signal!) would
// find a FIFO's data gone, so the bindings read under a Scheme thread's
// own context, which a wake-up does not end.
//
// Errors are conditions: a file that cannot be read is a status-#f
// configuration failure ([conditions.Config]); the end of ctx is
// classified as that of any other wait ([conditions.Classify]: a deadline
// is a timeout condition, a cancellation an interruption), its cause kept
// in the chain.
func ReadFile(ctx context.Context, name string) ([]byte, error) {
	data, err := ctxio.ReadFile(ctx, name)
	if err == nil {
		return data, nil
	}
	if ctx.Err() != nil && errors.Is(err, context.Cause(ctx)) {
		return nil, conditions.Classify(conditions.OpConfig, err, conditions.State{})
	}
	return nil, conditions.Config("", err)
}
