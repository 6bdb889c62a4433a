package scheme

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// TestASCIIPrefix checks asciiPrefix against a byte-at-a-time scan for
// every length up to 200 and every position of the first non-ASCII byte
// (covering the 64-byte, 8-byte and single-byte steps).
func TestASCIIPrefix(t *testing.T) {
	for n := 0; n <= 200; n++ {
		for j := 0; j <= n; j++ {
			b := bytes.Repeat([]byte{'x'}, n)
			if j < n {
				b[j] = 0xc3
			}
			want := 0
			for want < len(b) && b[want] < utf8.RuneSelf {
				want++
			}
			if got := asciiPrefix(b); got != want {
				t.Fatalf("asciiPrefix(len %d, non-ASCII at %d) = %d, want %d", n, j, got, want)
			}
		}
	}
}

// BenchmarkASCIIPrefix scans 64 KiB of ASCII, one read-string 65536.
func BenchmarkASCIIPrefix(b *testing.B) {
	data := bytes.Repeat([]byte{'a'}, 64<<10)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if asciiPrefix(data) != len(data) {
			b.Fatal("not ASCII")
		}
	}
}
