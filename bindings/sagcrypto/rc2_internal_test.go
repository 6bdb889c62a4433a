// RC2 against RFC 2268 §5's test vectors.

package sagcrypto

import (
	"encoding/hex"
	"testing"
)

func TestRC2Vectors(t *testing.T) {
	for _, tc := range []struct {
		key       string
		bits      int
		plain, ct string
	}{
		{"0000000000000000", 63, "0000000000000000", "ebb773f993278eff"},
		{"ffffffffffffffff", 64, "ffffffffffffffff", "278b27e42e2f0d49"},
		{"3000000000000000", 64, "1000000000000001", "30649edf9be7d2c2"},
		{"88", 64, "0000000000000000", "61a8a244adacccf0"},
		{"88bca90e90875a", 64, "0000000000000000", "6ccf4308974c267f"},
		{"88bca90e90875a7f0f79c384627bafb2", 128, "0000000000000000", "2269552ab0f85ca6"},
	} {
		key, _ := hex.DecodeString(tc.key)
		ct, _ := hex.DecodeString(tc.ct)
		pt, _ := hex.DecodeString(tc.plain)
		out := make([]byte, 8)
		newRC2(key, tc.bits).Decrypt(out, ct)
		if got := hex.EncodeToString(out); got != tc.plain {
			t.Errorf("RC2 key %s/%d: %s decrypts to %s, want %s", tc.key, tc.bits, tc.ct, got, tc.plain)
		}
		newRC2(key, tc.bits).Encrypt(out, pt)
		if got := hex.EncodeToString(out); got != tc.ct {
			t.Errorf("RC2 key %s/%d: %s encrypts to %s, want %s", tc.key, tc.bits, tc.plain, got, tc.ct)
		}
	}
}
