//go:build !purego

package scheme

// asciiBlocks returns the length of the leading run of whole 64-byte
// blocks of b that hold only ASCII bytes (SSE2, port_ascii_amd64.s).
//
//go:noescape
func asciiBlocks(b []byte) int
