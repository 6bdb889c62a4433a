// Sagittarius's (sagittarius crypto keystores): PKCS #12 keystores of aliased private keys with their certificate chains, and certificates.

package sagcrypto

import (
	"bytes"
	"context"
	"crypto"
	"crypto/sha1"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"sync"

	"github.com/tlsport/tlsport/bindings/socket"
	"github.com/tlsport/tlsport/bindings/tlsval"
	"github.com/tlsport/tlsport/scheme"
)

// PKCS12Keystore is a pkcs12-keystore: entries by alias. It locks, so
// threads may share it.
type PKCS12Keystore struct {
	mu      sync.Mutex
	entries []*keystoreEntry
}

// keystoreEntry is a private key entry (key set: its PKCS #8
// EncryptedPrivateKeyInfo, certs its chain, leaf first) or a certificate
// entry (key nil, one certificate).
type keystoreEntry struct {
	alias string
	key   []byte
	certs []*x509.Certificate
}

// TypeName implements scheme.Value.
func (*PKCS12Keystore) TypeName() string { return "pkcs12-keystore" }

// Repr implements scheme.Repr.
func (k *PKCS12Keystore) Repr() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(k.entries) == 1 {
		return "#<pkcs12-keystore 1 entry>"
	}
	return "#<pkcs12-keystore " + itoa(len(k.entries)) + " entries>"
}

var _ scheme.Repr = (*PKCS12Keystore)(nil)

var typeKeystore = &scheme.Type{Name: "pkcs12-keystore", Accept: func(v scheme.Value) bool { _, ok := v.(*PKCS12Keystore); return ok }}

// find is the entry of alias, nil when there is none; k is locked.
func (k *PKCS12Keystore) find(alias string) *keystoreEntry {
	for _, e := range k.entries {
		if e.alias == alias {
			return e
		}
	}
	return nil
}

// put replaces the entry of e.alias by e, or adds e.
func (k *PKCS12Keystore) put(e *keystoreEntry) {
	k.mu.Lock()
	defer k.mu.Unlock()
	for i, old := range k.entries {
		if old.alias == e.alias {
			k.entries[i] = e
			return
		}
	}
	k.entries = append(k.entries, e)
}

// keystoreError is an error of who about PKCS #12 data.
func keystoreError(who string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var u p12Unsupported
	if errors.As(err, &u) {
		return Unsupported(who, err.Error())
	}
	return scheme.NewError(who, err.Error(), nil)
}

// decodeKeystore makes the keystore of the PKCS #12 file der. A key without
// a friendlyName (nor one on its certificate) is named by the hex of its
// localKeyId; a certificate in no key's chain is a certificate entry, named
// by its friendlyName or else its SHA-1 fingerprint in hex.
func decodeKeystore(th *scheme.Thread, who string, der []byte, pw string) (scheme.Value, error) {
	bags, err := parsePFX(th, der, pw)
	if err != nil {
		return nil, keystoreError(who, err)
	}
	type cert struct {
		c     *x509.Certificate
		name  string
		keyID []byte
		used  bool
	}
	var certs []*cert
	ks := &PKCS12Keystore{}
	for i := range bags {
		b := &bags[i]
		if !b.ID.Equal(oidCertBag) {
			continue
		}
		var cb certBag
		if err := unmarshalAll(b.Value.Bytes, &cb); err != nil || !cb.ID.Equal(oidX509Certificate) {
			continue // not an X.509 certificate (SDSI): not a keystore entry
		}
		c, err := x509.ParseCertificate(cb.Data)
		if err != nil {
			return nil, scheme.NewError(who, "invalid certificate in the PKCS #12 file: "+err.Error(), nil)
		}
		certs = append(certs, &cert{c: c, name: b.friendlyName(), keyID: b.attribute(oidLocalKeyID)})
	}
	issuerOf := func(c *x509.Certificate) *cert {
		for _, x := range certs {
			if ok, _ := verifySigned(who, c.Raw, x.c.PublicKey); x.c != c && sameName(x.c.RawSubject, c.RawIssuer) && ok {
				return x
			}
		}
		return nil
	}
	for i := range bags {
		b := &bags[i]
		var key []byte
		switch {
		case b.ID.Equal(oidShroudedKeyBag):
			key = b.Value.Bytes
		case b.ID.Equal(oidKeyBag): // unencrypted: kept encrypted with the file's password
			alg, enc, err := pbes2Encrypt(pw, b.Value.Bytes)
			if err != nil {
				return nil, keystoreError(who, err)
			}
			if key, err = asn1.Marshal(encryptedPrivateKeyInfo{Algorithm: alg, Data: enc}); err != nil {
				return nil, keystoreError(who, err)
			}
		default:
			continue
		}
		e := &keystoreEntry{alias: b.friendlyName(), key: key}
		id := b.attribute(oidLocalKeyID)
		for _, c := range certs {
			if id != nil && bytes.Equal(c.keyID, id) && len(e.certs) == 0 {
				c.used = true
				e.certs = append(e.certs, c.c)
				if e.alias == "" {
					e.alias = c.name
				}
			}
		}
		for len(e.certs) > 0 && len(e.certs) < 16 {
			last := e.certs[len(e.certs)-1]
			x := issuerOf(last)
			if x == nil || bytes.Equal(last.RawSubject, last.RawIssuer) {
				break
			}
			x.used = true
			e.certs = append(e.certs, x.c)
		}
		if e.alias == "" {
			e.alias = hex.EncodeToString(id)
		}
		ks.put(e)
	}
	for _, c := range certs {
		if c.used && c.name == "" {
			continue
		}
		alias := c.name
		if alias == "" {
			sum := sha1.Sum(c.c.Raw)
			alias = hex.EncodeToString(sum[:])
		}
		if c.keyID == nil || !c.used {
			if old := ks.find(alias); old == nil || old.key == nil {
				ks.put(&keystoreEntry{alias: alias, certs: []*x509.Certificate{c.c}})
			}
		}
	}
	return ks, nil
}

// encodeKeystore is the PKCS #12 file of ks under pw: each key (as it is
// encrypted) with its friendlyName and a localKeyId (the SHA-1 of its
// certificate), its chain, and each certificate entry with its friendlyName.
func encodeKeystore(th *scheme.Thread, who string, ks *PKCS12Keystore, pw string) ([]byte, error) {
	ks.mu.Lock()
	entries := append([]*keystoreEntry(nil), ks.entries...)
	ks.mu.Unlock()
	var certBags, keyBags []safeBag
	var written [][]byte
	addCert := func(c *x509.Certificate, attrs []p12Attribute) error {
		for _, w := range written {
			if attrs == nil && bytes.Equal(w, c.Raw) {
				return nil
			}
		}
		written = append(written, c.Raw)
		b, err := makeCertBag(c, attrs)
		certBags = append(certBags, b)
		return err
	}
	for _, e := range entries {
		if e.key == nil {
			if err := addCert(e.certs[0], bagAttributes(e.alias, nil)); err != nil {
				return nil, keystoreError(who, err)
			}
			continue
		}
		id := sha1.Sum(e.key)
		if len(e.certs) > 0 {
			id = sha1.Sum(e.certs[0].Raw)
		}
		keyBags = append(keyBags, safeBag{ID: oidShroudedKeyBag, Value: asn1.RawValue{FullBytes: mustExplicit0(e.key)}, Attributes: bagAttributes(e.alias, id[:])})
		for i, c := range e.certs {
			var attrs []p12Attribute
			if i == 0 {
				attrs = bagAttributes(e.alias, id[:])
			}
			if err := addCert(c, attrs); err != nil {
				return nil, keystoreError(who, err)
			}
		}
	}
	der, err := writePFX(th, certBags, keyBags, pw)
	if err != nil {
		return nil, keystoreError(who, err)
	}
	return der, nil
}

func keystoreOf(v scheme.Value) *PKCS12Keystore { return v.(*PKCS12Keystore) }
func stringOf(v scheme.Value) string            { return v.(*scheme.String).String() }

// makePKCS12Keystore implements make-pkcs12-keystore.
func makePKCS12Keystore(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return &PKCS12Keystore{}, nil
}

// readPKCS12Keystore implements read-pkcs12-keystore.
func readPKCS12Keystore(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "read-pkcs12-keystore"
	in := a[1]
	if scheme.IsDefault(in) {
		in = th.Param(scheme.CurrentInputPort)
	}
	if _, ok := in.(*scheme.Port); !ok {
		return nil, scheme.TypeError(who, 2, "binary input port", in)
	}
	der, err := readDERInput(th, who, "PKCS #12 file", in, 0, maxX509DER)
	if err != nil {
		return nil, err
	}
	return decodeKeystore(th, who, der, stringOf(a[0]))
}

// bytevectorToPKCS12Keystore implements bytevector->pkcs12-keystore.
func bytevectorToPKCS12Keystore(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	return decodeKeystore(th, "bytevector->pkcs12-keystore", bytesOf(a[0]), stringOf(a[1]))
}

// pkcs12KeystoreToBytevector implements pkcs12-keystore->bytevector.
func pkcs12KeystoreToBytevector(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	der, err := encodeKeystore(th, "pkcs12-keystore->bytevector", keystoreOf(a[0]), stringOf(a[1]))
	if err != nil {
		return nil, err
	}
	return &scheme.Bytevector{B: der}, nil
}

// writePKCS12Keystore implements write-pkcs12-keystore.
func writePKCS12Keystore(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "write-pkcs12-keystore"
	der, err := encodeKeystore(th, who, keystoreOf(a[0]), stringOf(a[1]))
	if err != nil {
		return nil, err
	}
	return writeDER(th, who, der, a[2])
}

// entryOf is the entry of alias in ks, nil when there is none.
func entryOf(a []scheme.Value) *keystoreEntry {
	ks := keystoreOf(a[0])
	ks.mu.Lock()
	defer ks.mu.Unlock()
	return ks.find(stringOf(a[1]))
}

// pkcs12KeystorePrivateKeyRef implements pkcs12-keystore-private-key-ref.
func pkcs12KeystorePrivateKeyRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "pkcs12-keystore-private-key-ref"
	e := entryOf(a)
	if e == nil || e.key == nil {
		return scheme.False, nil
	}
	var epki encryptedPrivateKeyInfo
	if err := unmarshalAll(e.key, &epki); err != nil {
		return nil, scheme.NewError(who, "malformed encrypted private key", []scheme.Value{a[1]})
	}
	der, err := pbeDecrypt(th, epki.Algorithm, stringOf(a[2]), epki.Data)
	if err != nil {
		return nil, keystoreError(who, err)
	}
	k, err := parsePKCS8Key(der)
	if errors.Is(err, errUnknownKey) {
		return nil, Unsupported(who, "this key type is not supported: tlsport has RSA, DSA, ECDSA (P-256, P-384, P-521), Ed25519, Ed448, X25519 and X448 keys", a[1])
	}
	if err != nil {
		return nil, scheme.NewError(who, "wrong password or malformed private key: "+err.Error(), []scheme.Value{a[1]})
	}
	return &tlsval.PrivateKey{K: k}, nil
}

// pkcs12KeystorePrivateKeySetBang implements pkcs12-keystore-private-key-set!.
func pkcs12KeystorePrivateKeySetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	const who = "pkcs12-keystore-private-key-set!"
	signer, ok := Signer(a[2])
	if !ok {
		return nil, scheme.TypeError(who, 3, "private-key", a[2])
	}
	list, err := listOf[*tlsval.Certificate](who, 5, "list of x509-certificate", a[4])
	if err != nil {
		return nil, err
	}
	certs := make([]*x509.Certificate, len(list))
	for i, c := range list {
		certs[i] = c.C
	}
	if len(certs) > 0 {
		if pub, ok := certs[0].PublicKey.(interface{ Equal(crypto.PublicKey) bool }); !ok || !pub.Equal(signer.Public()) {
			return nil, scheme.NewError(who, "the first certificate is not of the key", []scheme.Value{a[4]})
		}
	}
	der, err := marshalPKCS8(signer)
	if err != nil {
		return nil, badKey(who, "private key", err)
	}
	alg, enc, err := pbes2Encrypt(stringOf(a[3]), der)
	if err != nil {
		return nil, keystoreError(who, err)
	}
	key, err := asn1.Marshal(encryptedPrivateKeyInfo{Algorithm: alg, Data: enc})
	if err != nil {
		return nil, keystoreError(who, err)
	}
	keystoreOf(a[0]).put(&keystoreEntry{alias: stringOf(a[1]), key: key, certs: certs})
	return scheme.Unspecified, nil
}

// pkcs12KeystoreCertificateRef implements pkcs12-keystore-certificate-ref.
func pkcs12KeystoreCertificateRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	if e := entryOf(a); e != nil && len(e.certs) > 0 {
		return &tlsval.Certificate{C: e.certs[0]}, nil
	}
	return scheme.False, nil
}

// pkcs12KeystoreCertificateSetBang implements pkcs12-keystore-certificate-set!.
func pkcs12KeystoreCertificateSetBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	keystoreOf(a[0]).put(&keystoreEntry{alias: stringOf(a[1]), certs: []*x509.Certificate{certOf(a[2])}})
	return scheme.Unspecified, nil
}

// pkcs12KeystoreCertificateChainRef implements pkcs12-keystore-certificate-chain-ref.
func pkcs12KeystoreCertificateChainRef(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	var out []scheme.Value
	if e := entryOf(a); e != nil {
		for _, c := range e.certs {
			out = append(out, &tlsval.Certificate{C: c})
		}
	}
	return scheme.List(out...), nil
}

// pkcs12KeystoreDeleteEntryBang implements pkcs12-keystore-delete-entry!.
func pkcs12KeystoreDeleteEntryBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ks, alias := keystoreOf(a[0]), stringOf(a[1])
	ks.mu.Lock()
	defer ks.mu.Unlock()
	for i, e := range ks.entries {
		if e.alias == alias {
			ks.entries = append(ks.entries[:i:i], ks.entries[i+1:]...)
			break
		}
	}
	return scheme.Unspecified, nil
}

// pkcs12KeystoreDeleteAllEntriesBang implements pkcs12-keystore-delete-all-entries!.
func pkcs12KeystoreDeleteAllEntriesBang(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
	ks := keystoreOf(a[0])
	ks.mu.Lock()
	defer ks.mu.Unlock()
	ks.entries = nil
	return scheme.Unspecified, nil
}

const keystoreSpec = "sagittarius (sagittarius crypto keystores) §3"

// KeystoresLibrary is (sagittarius crypto keystores).
var KeystoresLibrary = &scheme.Library{Name: "(sagittarius crypto keystores)", TypeKinds: []string{socket.KindAssertion}, ImportOnly: true,
	Doc: "Sagittarius's PKCS #12 keystores: aliased private keys (each encrypted with its own password) with their certificate chains, and aliased certificates. " +
		"Files are read with MAC checking and PBES2 (PBKDF2, AES-CBC or 3DES) or the PKCS #12 PBEs (3DES, RC2 — OpenSSL's -legacy); they are written as OpenSSL 3 writes them: " +
		"certificates encrypted with PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC, 2048 iterations) and an HMAC-SHA-256 MAC, all under the store password, keys as they are encrypted. " +
		"Entries carry their alias as friendlyName and a key's certificate is linked to it by localKeyId. The keys are (sagittarius crypto keys) private keys, the certificates those of (sagittarius crypto x509). A keystore locks, so threads may share it.",
	Build: func(l *scheme.Library) {
		l.Procs = keystoresTable()
	}}

// keystoresTable returns the rows of (sagittarius crypto keystores), made
// when a program first imports the library.
func keystoresTable() []scheme.Proc {
	lam, req, opt := scheme.Lambda, scheme.Req, scheme.Opt
	row := func(name, doc string, args scheme.Params, fn scheme.PrimFn) scheme.Proc {
		return scheme.Row(name, keystoreSpec, doc, args, fn)
	}
	ks := req("ks", typeKeystore)
	alias := req("alias", scheme.TypeString)
	pw := req("password", scheme.TypeString)
	return []scheme.Proc{
		row("pkcs12-keystore?", "Is obj a PKCS #12 keystore?", lam(req("obj", nil)), func(th *scheme.Thread, a []scheme.Value) (scheme.Value, error) {
			return scheme.IsA[*PKCS12Keystore](a[0]), nil
		}),
		row("make-pkcs12-keystore", "An empty PKCS #12 keystore.", lam(), makePKCS12Keystore),
		row("read-pkcs12-keystore", "Read a PKCS #12 file (DER) from the binary input port in (default (current-input-port)) with password for its integrity and privacy; an error when the password is wrong or the file is not PKCS #12 (an (exn unsupported) violation for an encryption tlsport lacks).",
			lam(pw, opt("in", nil, nil)), readPKCS12Keystore),
		row("bytevector->pkcs12-keystore", "The keystore of the PKCS #12 file bv, as read-pkcs12-keystore.", lam(req("bv", scheme.TypeBytevector), pw), bytevectorToPKCS12Keystore),
		row("pkcs12-keystore->bytevector", "The PKCS #12 file of ks, with password as both integrity and privacy password (the keys stay encrypted with their own passwords).",
			lam(ks, pw), pkcs12KeystoreToBytevector),
		row("write-pkcs12-keystore", "Write the PKCS #12 file of ks, as pkcs12-keystore->bytevector makes it, to the binary output port out (default (current-output-port)).",
			lam(ks, pw, opt("out", nil, nil)), writePKCS12Keystore),
		row("pkcs12-keystore-private-key-ref", "The private key of alias decrypted with password; #f when alias has no private key; an error when the password is wrong.",
			lam(ks, alias, pw), pkcs12KeystorePrivateKeyRef),
		row("pkcs12-keystore-private-key-set!", "Store key (a private key or key pair) under alias, encrypted with password (PBES2), with certs, its certificate chain (leaf first; the leaf must be of key), replacing alias's entry.",
			lam(ks, alias, req("key", nil), pw, req("certs", nil)), pkcs12KeystorePrivateKeySetBang),
		row("pkcs12-keystore-certificate-ref", "The certificate of alias (a private key entry's leaf certificate); #f when there is none.", lam(ks, alias), pkcs12KeystoreCertificateRef),
		row("pkcs12-keystore-certificate-set!", "Store cert under alias as a certificate entry, replacing alias's entry.", lam(ks, alias, req("cert", tlsval.TypeCertificate)), pkcs12KeystoreCertificateSetBang),
		row("pkcs12-keystore-certificate-chain-ref", "The certificate chain of alias, leaf first (a certificate entry's is its certificate); () when there is none.", lam(ks, alias), pkcs12KeystoreCertificateChainRef),
		row("pkcs12-keystore-delete-entry!", "Remove alias's entry from ks (nothing when there is none).", lam(ks, alias), pkcs12KeystoreDeleteEntryBang),
		row("pkcs12-keystore-delete-all-entries!", "Remove every entry from ks.", lam(ks), pkcs12KeystoreDeleteAllEntriesBang),
	}
}
