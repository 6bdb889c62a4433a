// Certificates: reading chains from PEM/DER files, strings and bytes.

package tlsctx

import (
	"bytes"
	"crypto/x509"
	"os"

	"github.com/tlsport/tlsport/conditions"
)

// ReadCertificates reads certificates from src: a file path (PEM or DER
// auto-detected), a PEM string, or []byte (PEM or DER). Non-certificate
// PEM blocks are skipped. No certificate → status-#f condition.
func ReadCertificates(src any) ([]*x509.Certificate, error) {
	data, name, err := readSource(src)
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

// readFileOrBytes returns the bytes of src (path string or []byte).
func readFileOrBytes(src any) ([]byte, string, bool, error) {
	switch s := src.(type) {
	case []byte:
		return s, "<bytevector>", true, nil
	case string:
		data, err := os.ReadFile(s)
		if err != nil {
			return nil, s, false, conditions.Config("", err)
		}
		return data, s, false, nil
	}
	return nil, "", false, conditions.TypeError("", "expected a path or bytevector", src)
}
