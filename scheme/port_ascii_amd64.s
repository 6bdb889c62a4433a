// ASCII scan of asciiPrefix on amd64: 128 bytes per step with AVX2 when the
// CPU and OS support it, 64 bytes per step with SSE2 (part of the amd64
// baseline) for the rest.

//go:build !purego

#include "textflag.h"

// func asciiBlocksSIMD(b []byte) int
TEXT ·asciiBlocksSIMD(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ AX, AX
	CMPQ CX, $128
	JLT  sse2
	CMPB ·hasAVX2(SB), $0
	JEQ  sse2
	MOVQ CX, BX
	SUBQ $128, BX // the last 128-byte block starts at len-128 at the latest

avx2:
	VMOVDQU   0(SI)(AX*1), Y0
	VMOVDQU   32(SI)(AX*1), Y1
	VMOVDQU   64(SI)(AX*1), Y2
	VMOVDQU   96(SI)(AX*1), Y3
	VPOR      Y1, Y0, Y0
	VPOR      Y3, Y2, Y2
	VPOR      Y2, Y0, Y0
	VPMOVMSKB Y0, DX
	TESTL     DX, DX
	JNZ       avx2done
	ADDQ      $128, AX
	CMPQ      AX, BX
	JLE       avx2

avx2done:
	VZEROUPPER

sse2:
	SUBQ $64, CX // the last 64-byte block starts at len-64 at the latest

loop:
	CMPQ     AX, CX
	JG       done
	MOVOU    0(SI)(AX*1), X0
	MOVOU    16(SI)(AX*1), X1
	MOVOU    32(SI)(AX*1), X2
	MOVOU    48(SI)(AX*1), X3
	POR      X1, X0
	POR      X3, X2
	POR      X2, X0
	PMOVMSKB X0, DX
	TESTL    DX, DX
	JNZ      done
	ADDQ     $64, AX
	JMP      loop

done:
	MOVQ AX, ret+24(FP)
	RET

// func cpuid(leaf, sub uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL leaf+0(FP), AX
	MOVL sub+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv0() (eax uint32)
TEXT ·xgetbv0(SB), NOSPLIT, $0-4
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	RET
