// ASCII scan of asciiPrefix on amd64: 64 bytes per step with SSE2 (part of the amd64 baseline).

//go:build !purego

#include "textflag.h"

// func asciiBlocks(b []byte) int
TEXT ·asciiBlocks(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), CX
	XORQ AX, AX
	SUBQ $128, CX
	JL   tail

loop128:
	MOVOU 0(SI)(AX*1), X0
	MOVOU 16(SI)(AX*1), X1
	MOVOU 32(SI)(AX*1), X2
	MOVOU 48(SI)(AX*1), X3
	MOVOU 64(SI)(AX*1), X4
	MOVOU 80(SI)(AX*1), X5
	MOVOU 96(SI)(AX*1), X6
	MOVOU 112(SI)(AX*1), X7
	POR   X1, X0
	POR   X3, X2
	POR   X5, X4
	POR   X7, X6
	POR   X2, X0
	POR   X6, X4
	POR   X4, X0
	PMOVMSKB X0, DX
	TESTL DX, DX
	JNZ   tail
	ADDQ  $128, AX
	CMPQ  AX, CX
	JLE   loop128

tail:
	// Blocks of 64 bytes: what is left (< 128 bytes), or the 128-byte
	// block that held a non-ASCII byte.
	MOVQ b_len+8(FP), CX
	SUBQ $64, CX

loop64:
	CMPQ  AX, CX
	JG    done
	MOVOU 0(SI)(AX*1), X0
	MOVOU 16(SI)(AX*1), X1
	MOVOU 32(SI)(AX*1), X2
	MOVOU 48(SI)(AX*1), X3
	POR   X1, X0
	POR   X3, X2
	POR   X2, X0
	PMOVMSKB X0, DX
	TESTL DX, DX
	JNZ   done
	ADDQ  $64, AX
	JMP   loop64

done:
	MOVQ AX, ret+24(FP)
	RET
