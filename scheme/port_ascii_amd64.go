//go:build !purego

package scheme

import "sync"

// asciiBlocks returns the length of the leading run of whole 64-byte
// blocks of b that hold only ASCII bytes (port_ascii_amd64.s: 128 bytes per
// step with AVX2 when hasAVX2, then 64 with SSE2).
func asciiBlocks(b []byte) int {
	if len(b) >= 128 {
		avx2Once.Do(setAVX2)
	}
	return asciiBlocksSIMD(b)
}

// asciiBlocksSIMD is asciiBlocks once hasAVX2 is known.
//
//go:noescape
func asciiBlocksSIMD(b []byte) int

// hasAVX2 reports whether the CPU has AVX2 and the OS saves the YMM
// registers (what Go's internal/cpu checks; scheme imports no package
// outside the standard library, and internal/cpu is not importable). It is
// set on the first scan long enough to use it, not at start-up: CPUID
// traps to the hypervisor in a virtual machine, tens of µs.
var (
	hasAVX2  bool
	avx2Once sync.Once
)

func setAVX2() { hasAVX2 = detectAVX2() }

// haveAVX2 reports hasAVX2, detecting it first if need be.
func haveAVX2() bool {
	avx2Once.Do(setAVX2)
	return hasAVX2
}

func detectAVX2() bool {
	max, _, _, _ := cpuid(0, 0)
	if max < 7 {
		return false
	}
	_, _, ecx1, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if ecx1&osxsave == 0 || ecx1&avx == 0 {
		return false
	}
	const xmmYmm = 1<<1 | 1<<2 // XCR0: the OS saves the XMM and YMM state
	if xgetbv0()&xmmYmm != xmmYmm {
		return false
	}
	_, ebx7, _, _ := cpuid(7, 0)
	return ebx7&(1<<5) != 0
}

// cpuid executes CPUID with EAX = leaf and ECX = sub.
func cpuid(leaf, sub uint32) (eax, ebx, ecx, edx uint32)

// xgetbv0 returns the low word of XCR0 (XGETBV with ECX = 0).
func xgetbv0() (eax uint32)
