// ASCII scan of asciiPrefix on amd64: 64 bytes per step with SSE2 (part of the amd64 baseline).

//go:build !purego

#include "textflag.h"

// func asciiBlocks(b []byte) int
TEXT ·asciiBlocks(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ AX, AX
	SUBQ $64, CX // the last block starts at len-64 at the latest

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
