// Entropy and uniform random exact integers below a limit, for the random-number libraries.

package scheme

import (
	"io"
	"math/big"
	"math/rand/v2"
	"os"
)

// Entropy fills b from the operating system (/dev/urandom), falling back
// to the runtime's randomly seeded generator.
func Entropy(b []byte) {
	if f, err := os.Open("/dev/urandom"); err == nil {
		_, err = io.ReadFull(f, b)
		_ = f.Close()
		if err == nil {
			return
		}
	}
	for i := range b {
		b[i] = byte(rand.Uint32())
	}
}

// RandomBelow returns an exact integer drawn uniformly from [0, limit) by
// r; limit must be a positive exact integer (a fixnum or a bignum).
func RandomBelow(r *rand.Rand, limit Value) Value {
	if n, ok := limit.(Fixnum); ok {
		return Fixnum(r.Int64N(int64(n)))
	}
	l := &limit.(*Bignum).I
	// by rejection: draw BitLen bits until the number is below limit
	nbytes := (l.BitLen() + 7) / 8
	buf := make([]byte, nbytes)
	z := new(big.Int)
	for {
		for i := range buf {
			buf[i] = byte(r.Uint32())
		}
		if extra := nbytes*8 - l.BitLen(); extra > 0 {
			buf[0] &= byte(0xff >> extra)
		}
		if z.SetBytes(buf).Cmp(l) < 0 {
			return NormBig(z)
		}
	}
}
