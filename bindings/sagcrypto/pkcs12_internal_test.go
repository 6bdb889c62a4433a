// PKCS #12 data tlsport cannot read is an unsupported error, a wrong MAC a password error.

package sagcrypto

import (
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"testing"
)

func TestPFXUnsupportedAndWrong(t *testing.T) {
	good, err := writePFX(nil, nil, nil, "pw")
	if err != nil {
		t.Fatal(err)
	}
	if bags, err := parsePFX(nil, good, "pw"); err != nil || len(bags) != 0 {
		t.Fatalf("an empty PFX: %v bags, %v", bags, err)
	}
	if _, err := parsePFX(nil, good, "wrong"); err != errPKCS12Password {
		t.Errorf("a wrong password: %v", err)
	}
	var p pfx
	if _, err := asn1.Unmarshal(good, &p); err != nil {
		t.Fatal(err)
	}
	p.MacData.Mac.Algorithm = pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 14}} // PBMAC1
	pbmac1, _ := asn1.Marshal(p)
	var u p12Unsupported
	if _, err := parsePFX(nil, pbmac1, "pw"); !errors.As(err, &u) {
		t.Errorf("a PBMAC1 PFX: %v, want an unsupported error", err)
	}
	if _, err := pbeDecrypt(nil, pkix.AlgorithmIdentifier{Algorithm: asn1.ObjectIdentifier{1, 2, 3}}, "pw", make([]byte, 16)); err != errPKCS12Unsupported {
		t.Errorf("an unknown PBE: %v", err)
	}
}
