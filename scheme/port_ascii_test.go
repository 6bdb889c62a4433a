package scheme

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// TestASCIIPrefix checks asciiPrefix against a byte-at-a-time scan for
// every length up to 400, every position of the first non-ASCII byte and
// every start offset within a word (covering the 128-byte and 64-byte
// steps of asciiBlocks, the 8-byte and the single-byte steps).
func TestASCIIPrefix(t *testing.T) {
	forEachASCIIScan(t, testASCIIPrefix)
}

// forEachASCIIScan runs f with each implementation of asciiBlocks this
// machine has (on amd64 with AVX2: with and without it).
func forEachASCIIScan[T testing.TB](tb T, f func(T)) {
	f(tb)
	if haveAVX2() {
		hasAVX2 = false
		defer func() { hasAVX2 = true }()
		f(tb)
	}
}

func testASCIIPrefix(t *testing.T) {
	for off := 0; off < 8; off++ {
		for n := 0; n <= 400; n++ {
			for j := 0; j <= n; j++ {
				b := bytes.Repeat([]byte{'x'}, off+n)[off:]
				if j < n {
					b[j] = 0x80 | byte(j)
				}
				want := 0
				for want < len(b) && b[want] < utf8.RuneSelf {
					want++
				}
				if got := asciiPrefix(b); got != want {
					t.Fatalf("asciiPrefix(len %d at offset %d, non-ASCII at %d) = %d, want %d", n, off, j, got, want)
				}
			}
		}
	}
}

// BenchmarkASCIIPrefix scans 64 KiB of ASCII, one read-string 65536, with
// each implementation of asciiBlocks this machine has.
func BenchmarkASCIIPrefix(b *testing.B) {
	data := bytes.Repeat([]byte{'a'}, 64<<10)
	scan := func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if asciiPrefix(data) != len(data) {
				b.Fatal("not ASCII")
			}
		}
	}
	forEachASCIIScan(b, func(b *testing.B) {
		name := "sse2"
		if hasAVX2 {
			name = "avx2"
		}
		b.Run(name, scan)
	})
}
