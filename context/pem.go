// PEM decoding shared by the certificate and key loaders.

package tlsctx

import (
	"encoding/pem"
	"iter"
)

// pemBlocks yields the PEM blocks of data in order, stopping at the first
// text that is not a PEM block.
func pemBlocks(data []byte) iter.Seq[*pem.Block] {
	return func(yield func(*pem.Block) bool) {
		rest := data
		for {
			var b *pem.Block
			b, rest = pem.Decode(rest)
			if b == nil || !yield(b) {
				return
			}
		}
	}
}
