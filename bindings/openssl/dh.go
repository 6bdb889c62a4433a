// The RFC 7919 ffdhe4096 group as PEM DH parameters (ssl-dh4096-param-bytes, spec §1.1.8).

package openssl

import (
	"encoding/asn1"
	"encoding/pem"
	"math/big"
)

// ffdhe4096 computes the RFC 7919 prime
// p = 2^4096 - 2^4032 + (floor(2^3966 * e) + 5736041) * 2^64 - 1.
func ffdhe4096() *big.Int {
	const prec = 4400
	e := new(big.Float).SetPrec(prec).SetInt64(1)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for k := int64(1); k < 1000; k++ {
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(k))
		e.Add(e, term)
	}
	e.SetMantExp(e, 3966)
	fe, _ := e.Int(nil)
	fe.Add(fe, big.NewInt(5736041))
	fe.Lsh(fe, 64)
	p := new(big.Int).Lsh(big.NewInt(1), 4096)
	p.Sub(p, new(big.Int).Lsh(big.NewInt(1), 4032))
	p.Add(p, fe)
	return p.Sub(p, big.NewInt(1))
}

// dh4096PEM returns "-----BEGIN DH PARAMETERS-----" PEM of (ffdhe4096, g=2).
func dh4096PEM() []byte {
	der, err := asn1.Marshal(struct{ P, G *big.Int }{ffdhe4096(), big.NewInt(2)})
	if err != nil {
		return nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: "DH PARAMETERS", Bytes: der})
}
