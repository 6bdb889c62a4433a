//go:build !amd64 || purego

package scheme

import "encoding/binary"

// asciiBlocks returns the length of the leading run of whole 64-byte
// blocks of b that hold only ASCII bytes (8 words per step; the
// fixed-size window lets the compiler drop the bounds checks).
func asciiBlocks(b []byte) int {
	const hi = 0x8080808080808080
	le := binary.LittleEndian
	i := 0
	for rest := b; len(rest) >= 64; rest = rest[64:] {
		w := rest[:64:64]
		if (le.Uint64(w)|le.Uint64(w[8:])|le.Uint64(w[16:])|le.Uint64(w[24:])|
			le.Uint64(w[32:])|le.Uint64(w[40:])|le.Uint64(w[48:])|le.Uint64(w[56:]))&hi != 0 {
			break
		}
		i += 64
	}
	return i
}

// hasAVX2 is false: the word loop above is the only implementation here.
var hasAVX2 = false

// haveAVX2 reports hasAVX2.
func haveAVX2() bool { return hasAVX2 }
