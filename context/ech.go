// Encrypted Client Hello: client config lists, server keys, key generation (ssl-set-ech-config-list!, ssl-set-ech-keys!, ssl-make-ech-key; spec §4.1, §4.2).

package tlsctx

import (
	"crypto/ecdh"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"strings"

	"golang.org/x/crypto/cryptobyte"

	"github.com/tlsport/tlsport/conditions"
)

// ECH constants of the configs [MakeECHKey] builds (draft-ietf-tls-esni-22,
// RFC 9180): ECHConfig version 0xfe0d, DHKEM(X25519, HKDF-SHA256),
// HKDF-SHA256, AES-128-GCM.
const (
	echVersion   = 0xfe0d
	echKEMX25519 = 0x0020
	echKDFSHA256 = 0x0001
	echAEADAES   = 0x0001
)

// ECHKeysFunc chooses the server's ECH keys per ClientHello
// (Config.GetEncryptedClientHelloKeys).
type ECHKeysFunc func(h *tls.ClientHelloInfo) ([]tls.EncryptedClientHelloKey, error)

// ech is the ECH part of a context's state (never modified in place).
type ech struct {
	configList []byte                        // client: ECHConfigList offered
	keys       []tls.EncryptedClientHelloKey // server
	keysFunc   ECHKeysFunc                   // server, replaces keys
}

// MakeECHKey generates an X25519 key and its ECHConfig for publicName
// (the name the outer ClientHello shows). It returns the ECHConfigList
// holding just that config (for clients and DNS HTTPS records), the
// ECHConfig (for [tls.EncryptedClientHelloKey].Config) and the raw private
// key.
func MakeECHKey(publicName string, configID uint8) (configList, config, privateKey []byte, err error) {
	if !echPublicName(publicName) {
		return nil, nil, nil, conditions.Config("tlsctx: ECH public name must be a DNS name with at least two labels: "+publicName, nil)
	}
	key, err := ecdh.X25519().GenerateKey(rand.Reader)
	if err != nil {
		return nil, nil, nil, conditions.Config("", err)
	}
	var c cryptobyte.Builder
	c.AddUint16(echVersion)
	c.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) {
		b.AddUint8(configID)
		b.AddUint16(echKEMX25519)
		b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(key.PublicKey().Bytes()) })
		b.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) {
			b.AddUint16(echKDFSHA256)
			b.AddUint16(echAEADAES)
		})
		b.AddUint8(0) // maximum_name_length: let the client pad as it likes
		b.AddUint8LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes([]byte(publicName)) })
		b.AddUint16(0) // no extensions
	})
	if config, err = c.Bytes(); err != nil {
		return nil, nil, nil, conditions.Config("", err)
	}
	var l cryptobyte.Builder
	l.AddUint16LengthPrefixed(func(b *cryptobyte.Builder) { b.AddBytes(config) })
	configList, _ = l.Bytes()
	return configList, config, key.Bytes(), nil
}

// echPublicName reports whether name is a public name Go's ECH client
// accepts: at most 253 bytes, two or more labels of letters, digits and
// inner hyphens.
func echPublicName(name string) bool {
	labels := strings.Split(name, ".")
	if len(name) > 253 || len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if l == "" || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !(r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return false
			}
		}
	}
	return true
}

// checkECHConfigList checks the outer framing of an ECHConfigList.
func checkECHConfigList(list []byte) error {
	s := cryptobyte.String(list)
	var configs cryptobyte.String
	if !s.ReadUint16LengthPrefixed(&configs) || !s.Empty() || configs.Empty() {
		return conditions.Config("tlsctx: malformed ECHConfigList", nil)
	}
	for !configs.Empty() {
		var version uint16
		var body cryptobyte.String
		if !configs.ReadUint16(&version) || !configs.ReadUint16LengthPrefixed(&body) {
			return conditions.Config("tlsctx: malformed ECHConfigList", nil)
		}
	}
	return nil
}

// SetECHConfigList makes a client offer ECH with the configs of list (an
// ECHConfigList, as published in DNS HTTPS records); nil turns ECH off.
// ECH requires TLS 1.3, so the minimum version becomes TLS 1.3.
func (c *Context) SetECHConfigList(list []byte) error {
	if c.role != Client {
		return conditions.Config("tlsctx: ECH config lists are for client contexts (servers use ECH keys)", nil)
	}
	if list != nil {
		if err := checkECHConfigList(list); err != nil {
			return err
		}
	}
	return c.mutate(func(st *state) error {
		st.ech.configList = append([]byte(nil), list...)
		if list == nil {
			st.ech.configList = nil
		} else {
			st.minV, st.maxV = tls.VersionTLS13, tls.VersionTLS13
		}
		return nil
	})
}

// SetECHKeys gives a server its ECH keys (nil: none); the configs of keys
// with SendAsRetry are sent to clients whose ECH was rejected.
func (c *Context) SetECHKeys(keys []tls.EncryptedClientHelloKey) error {
	if c.role != Server {
		return conditions.Config("tlsctx: ECH keys are for server contexts", nil)
	}
	for _, k := range keys {
		if _, err := ecdh.X25519().NewPrivateKey(k.PrivateKey); err != nil {
			return conditions.Config("tlsctx: ECH private key is not an X25519 key", err)
		}
		if err := checkECHConfigList(append([]byte{byte(len(k.Config) >> 8), byte(len(k.Config))}, k.Config...)); err != nil {
			return err
		}
	}
	return c.mutate(func(st *state) error {
		st.ech.keys, st.ech.keysFunc = append([]tls.EncryptedClientHelloKey(nil), keys...), nil
		return nil
	})
}

// SetECHKeysFunc makes a server choose its ECH keys per ClientHello (nil: none).
func (c *Context) SetECHKeysFunc(f ECHKeysFunc) error {
	if c.role != Server {
		return conditions.Config("tlsctx: ECH keys are for server contexts", nil)
	}
	return c.mutate(func(st *state) error { st.ech.keysFunc, st.ech.keys = f, nil; return nil })
}

// apply installs the ECH settings in cfg; roots and enforce decide how a
// client checks the certificate of a server that rejected ECH (made for
// the public name): against roots when verification is enforced, else not.
func (e *ech) apply(cfg *tls.Config, roots *x509.CertPool, enforce bool) {
	if e.configList != nil {
		cfg.EncryptedClientHelloConfigList = e.configList
		// A server that rejects ECH answers for its public name. Go checks
		// that certificate itself against RootCAs (the rejection hook does
		// not see the certificates), which the engine never uses otherwise.
		if enforce {
			cfg.RootCAs = roots
		} else {
			cfg.EncryptedClientHelloRejectionVerify = func(tls.ConnectionState) error { return nil }
		}
	}
	if e.keys != nil {
		cfg.EncryptedClientHelloKeys = e.keys
	}
	if e.keysFunc != nil {
		cfg.GetEncryptedClientHelloKeys = e.keysFunc
	}
}
