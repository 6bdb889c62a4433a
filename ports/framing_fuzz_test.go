// Fuzzing the framer with what a peer may send: any bytes, in any pieces.

package ports

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"testing"
	"time"
)

// FuzzFramer feeds the framer data as the raw connection would deliver it,
// in pieces whose sizes come from cuts, and reads it with buffers whose
// sizes come from reads, in the handshake's mode or with TLS 1.2's or TLS
// 1.3's runs (mode): whatever the bytes, the framer never panics, and what
// it delivered followed by what it still holds is exactly what the raw
// connection gave it, nothing lost, doubled or made up.
func FuzzFramer(f *testing.F) {
	rec := func(t byte, n int) []byte {
		return append([]byte{t, 3, 3, byte(n >> 8), byte(n)}, bytes.Repeat([]byte{'x'}, n)...)
	}
	f.Add(cat(rec(22, 40), rec(20, 1), rec(23, 100)), []byte{7, 50, 3}, []byte{5, 200}, byte(0))
	f.Add(cat(rec(23, 16401), rec(23, 16401), rec(21, 2), []byte("plain")), []byte{255, 255, 255}, []byte{255, 64}, byte(2))
	f.Add(cat(rec(23, 300), rec(23, 19), []byte("after close")), []byte{1, 2, 3, 200}, []byte{3, 1}, byte(1))
	f.Add([]byte("GET / HTTP/1.0\r\n\r\n"), []byte{4}, []byte{10}, byte(0))
	f.Add([]byte{23, 3, 3, 255, 255, 1, 2}, []byte{2}, []byte{5}, byte(2))
	f.Fuzz(func(t *testing.T, data, cuts, reads []byte, mode byte) {
		if len(data) > 1<<15 {
			return // larger inputs only repeat what 32 KiB of them shows, slowly
		}
		hang := time.AfterFunc(5*time.Second, func() { panic(fmt.Sprintf("framer hung: %d bytes", len(data))) })
		defer hang.Stop()
		var chunks [][]byte
		for rest, i := data, 0; len(rest) > 0; i++ {
			n := 1
			if len(cuts) > 0 {
				n = int(cuts[i%len(cuts)])*int(cuts[i%len(cuts)]) + 1 // pieces up to 64 KiB
			}
			n = min(n, len(rest))
			chunks, rest = append(chunks, rest[:n]), rest[n:]
		}
		raw := &chunkConn{chunks: chunks}
		fr := &framer{}
		fr.init(raw, nil)
		switch mode % 3 {
		case 1:
			fr.setRuns(tls.VersionTLS12)
		case 2:
			fr.setRuns(tls.VersionTLS13)
		}
		var got []byte
		buf := make([]byte, 255*255/2+1)
		stuck := 0 // reads in a row that failed without delivering
		for i := 0; i < 4*len(data)+8 && stuck < 3; i++ {
			size := 1
			if len(reads) > 0 {
				size = int(reads[i%len(reads)])*int(reads[i%len(reads)])/2 + 1 // up to 32 KiB
			}
			if i%5 == 4 {
				fr.wait()
			}
			p := buf[:size]
			n, err := fr.Read(p)
			if n < 0 || n > size {
				t.Fatalf("Read of %d bytes returned %d", size, n)
			}
			got = append(got, p[:n]...)
			if err != nil && n == 0 {
				stuck++
			} else {
				stuck = 0
			}
		}
		consumed := len(data)
		for _, c := range raw.chunks {
			consumed -= len(c)
		}
		if all := cat(got, fr.held()); !bytes.Equal(all, data[:consumed]) {
			t.Fatalf("delivered %d bytes and holds %d: not the %d bytes read (delivered %q…)", len(got), len(fr.held()), consumed, got[:min(len(got), 40)])
		}
	})
}
