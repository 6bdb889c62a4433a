package srfi69

import (
	"testing"

	"github.com/tlsport/tlsport/scheme"
)

func BenchmarkHashTableRef(b *testing.B) {
	h := newHashTable(htEqual)
	keys := make([]scheme.Value, 1000)
	for i := range keys {
		keys[i] = scheme.NewString("key" + string(rune('a'+i%26)) + scheme.FormatNumber(scheme.Fixnum(i), 10))
		_ = h.Set(nil, keys[i], scheme.Fixnum(i))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok, _ := h.Get(nil, keys[i%1000]); !ok {
			b.Fatal("missing key")
		}
	}
}
